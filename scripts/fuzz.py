#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Fuzzing the plugin, reproducibly (fixed seed).

1. csmith programs, each with a descriptor hook appended that feeds
   csmith's results into permitted fields and calls csmith's functions:
   compiled with the plugin at -O0 and -O2, they must compile without an
   internal compiler error or crash, and without any finding.
2. Type-preserving mutants of the testsuite's own cases: identifiers
   renamed, casts and alias pointers added around descriptor stores,
   stores wrapped in static helpers, functions reordered.  Each mutant must
   keep the original's findings: the same rules, and for mutants that do
   not move code, the same rules on the same lines.

Usage: scripts/fuzz.py [--programs N] [--seed S]     env CC, PLUGIN
Exit status 1 on any crash or changed finding.
"""
import argparse
import collections
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INC = os.path.join(TOP, "testsuite", "include")
DG = os.path.join(TOP, "testsuite", "mmap_prepare.dg")
CRASH = re.compile(r"internal compiler error|Segmentation fault|Please submit a full bug report|"
                   r"ERROR: AddressSanitizer|runtime error:")
FINDING = re.compile(r"^[^:]+:(\d+):\d+: (?:warning|error): .*\[(mmap-prepare-[a-z-]+)\]$", re.M)

HOOK = """
#include "mp-ops.h"
extern const struct vm_operations_struct fuzz_vm_ops;
static int fuzz_prepare(struct vm_area_desc *desc)
{
	unsigned long *pg = &desc->pgoff;

	(void)func_1();
	*pg = (unsigned long)&g_fuzz_sink;
	desc->vm_ops = &fuzz_vm_ops;
	desc->private_data = (void *)&g_fuzz_sink;
	if (desc->start < desc->end)
		desc->page_prot.pgprot ^= (unsigned long)g_fuzz_sink;
	return 0;
}
const struct file_operations fuzz_fops = { .mmap_prepare = fuzz_prepare };
"""


def compile_(cc, plugin, src, opt, extra=()):
    cmd = [cc, "-c", opt, "-w", "-fdiagnostics-plain-output", "-I", INC,
           "-fplugin=" + plugin, "-o", "/dev/null"] + list(extra) + [src]
    env = dict(os.environ)
    # make SANITIZE=1: cc1 must load the sanitizer runtimes first.
    if os.environ.get("MP_PRELOAD"):
        env["LD_PRELOAD"] = os.environ["MP_PRELOAD"]
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True, timeout=300, env=env)
    except subprocess.TimeoutExpired:
        return 124, "timeout"
    return r.returncode, r.stdout


def findings(out):
    return sorted((int(l), r) for l, r in FINDING.findall(out))


# ---------------------------------------------------------------- csmith

def csmith_round(cc, plugin, seed, work, stats, failures):
    src = os.path.join(work, "csmith-%d.c" % seed)
    # csmith writes platform.info into its working directory.
    r = subprocess.run(["csmith", "--seed", str(seed), "--no-packed-struct",
                        "--max-funcs", "6"], stdout=subprocess.PIPE, text=True, cwd=work)
    if r.returncode:
        failures.append("csmith seed %d: generator failed" % seed)
        return
    prog = r.stdout.replace("int main (void)", "int csmith_main (void)")
    prog = prog.replace('#include "csmith.h"', '#include "csmith.h"\nstatic int g_fuzz_sink;')
    with open(src, "w") as f:
        f.write(prog + HOOK)
    for opt in ("-O0", "-O2"):
        rc, out = compile_(cc, plugin, src, opt, ["-I/usr/include/csmith"])
        stats["compiles"] += 1
        if CRASH.search(out) or rc:
            stats["crashes" if CRASH.search(out) else "errors"] += 1
            failures.append("csmith seed %d %s: %s" % (seed, opt, out[-600:]))
        elif findings(out):
            stats["false positives"] += 1
            failures.append("csmith seed %d %s: unexpected findings %s" % (seed, opt, findings(out)))


# -------------------------------------------------------------- mutants

STORE = re.compile(r"^(\t+)desc->([a-z_.]+) (=|\+=|-=|\|=) ([^;]+);(.*)$")


def m_rename(text, rng):
    """Rename every function defined in the file (lines do not move)."""
    names = set(re.findall(r"^(?:static )?(?:int|void|unsigned long) \*?([a-z_0-9]+)\(", text, re.M))
    for n in names:
        text = re.sub(r"\b%s\b" % re.escape(n), "%s_r%d" % (n, rng.randrange(1000)), text)
    return text, True


def m_casts(text, rng):
    """desc->x = v  ->  ((struct vm_area_desc *)(void *)desc)->x = v."""
    def sub(m):
        if rng.random() < 0.7:
            return "%s((struct vm_area_desc *)(void *)desc)->%s %s %s;%s" % m.groups()
        return m.group(0)
    return "\n".join(STORE.sub(sub, l) for l in text.split("\n")), True


def m_alias(text, rng):
    """desc->x = v  ->  { struct vm_area_desc *a = desc; a->x = v; }."""
    def sub(m):
        ind, field, op, val, rest = m.groups()
        return "%s{ struct vm_area_desc *fz_a = desc; fz_a->%s %s %s; }%s" % (ind, field, op, val, rest)
    out = [STORE.sub(sub, l) if rng.random() < 0.7 else l for l in text.split("\n")]
    return "\n".join(out), True


def m_helpers(text, rng):
    """desc->x = v  ->  fz_set_N(desc, v) with a static helper above."""
    helpers, out = [], []
    for l in text.split("\n"):
        m = STORE.match(l)
        if m and m.group(3) == "=" and "," not in m.group(4) and rng.random() < 0.7:
            ind, field, op, val, rest = m.groups()
            n = len(helpers)
            helpers.append("static void fz_set_%d(struct vm_area_desc *d, __typeof__(d->%s) v) "
                           "{ d->%s = v; }" % (n, field, field))
            l = "%sfz_set_%d(desc, %s);%s" % (ind, n, val, rest)
        out.append(l)
    if not helpers:
        return None, False
    text = "\n".join(out)
    # After the includes, so that the descriptor type is known.
    idx = text.rfind("#include")
    end = text.index("\n", idx) + 1
    return text[:end] + "\n".join(helpers) + "\n" + text[end:], False


def m_reorder(text, rng):
    """Reverse the order of top-level function definitions."""
    parts = re.split(r"(?m)^(?=(?:static )?(?:int|void) [a-z_0-9]+\([^;]*$)", text)
    head, funcs = parts[0], parts[1:]
    if len(funcs) < 2:
        return None, False
    if any(not f.rstrip().endswith("}") for f in funcs[:-1]):
        return None, False
    return head + "".join(reversed(funcs)), False


MUTATORS = [m_rename, m_casts, m_alias, m_helpers, m_reorder]


def dg_options(text):
    m = re.search(r'dg-options "([^"]*)"', text)
    return m.group(1).split() if m else []


def strip_dg(text):
    """Drop dg directives so mutants compile like user code."""
    return re.sub(r"/\* \{ dg-[^*]*\*/", "", text)


def mutant_round(cc, plugin, case, rng, work, stats, failures):
    with open(case) as f:
        text = f.read()
    opts = dg_options(text)
    if any("core=" in o for o in opts):
        return False	# the file name is part of the test
    base_src = os.path.join(work, "base.c")
    with open(base_src, "w") as f:
        f.write(strip_dg(text))
    rc, out = compile_(cc, plugin, base_src, "-O2", opts)
    if rc or CRASH.search(out):
        return False	# option-error cases are not mutated
    base = findings(out)
    mut = rng.choice(MUTATORS)
    mtext, same_lines = mut(strip_dg(text), rng)
    if mtext is None or mtext == strip_dg(text):
        return False
    stats["mutants by " + mut.__name__[2:]] += 1
    src = os.path.join(work, "mut-%s" % os.path.basename(case))
    with open(src, "w") as f:
        f.write(mtext)
    for opt in ("-O0", "-O2"):
        rc, out = compile_(cc, plugin, src, opt, opts)
        stats["compiles"] += 1
        stats["mutants"] += opt == "-O2"
        if CRASH.search(out):
            stats["crashes"] += 1
            failures.append("%s %s %s: %s" % (mut.__name__, os.path.basename(case), opt, out[-600:]))
            continue
        if rc and "error:" in out and "mmap-prepare" not in out:
            stats["skipped (mutant does not compile)"] += 1
            continue
        got = findings(out)
        want_rules = collections.Counter(r for _, r in base)
        got_rules = collections.Counter(r for _, r in got)
        if (same_lines and got != base) or (not same_lines and got_rules != want_rules):
            stats["changed findings"] += 1
            failures.append("%s %s %s: findings %s, expected %s" % (
                mut.__name__, os.path.basename(case), opt, got, base))
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--programs", type=int, default=int(os.environ.get("N", "40")),
                    help="csmith programs and testsuite mutants, each")
    ap.add_argument("--seed", type=int, default=int(os.environ.get("SEED", "1")))
    args = ap.parse_args()
    cc = os.environ.get("CC", "gcc")
    plugin = os.environ.get("PLUGIN", os.path.join(TOP, "plugin", "mmap_prepare_plugin.so"))
    rng = random.Random(args.seed)
    stats = collections.Counter()
    failures = []
    work = tempfile.mkdtemp(prefix="mp-fuzz-")
    try:
        have_csmith = shutil.which("csmith") and os.path.exists("/usr/include/csmith/csmith.h")
        if have_csmith:
            for i in range(args.programs):
                csmith_round(cc, plugin, args.seed * 100000 + i, work, stats, failures)
                stats["csmith programs"] += 1
        else:
            failures.append("csmith or libcsmith-dev missing")
        cases = sorted(os.path.join(DG, c) for c in os.listdir(DG) if c.endswith(".c"))
        made = attempts = 0
        while made < args.programs and attempts < args.programs * 20:
            attempts += 1
            made += mutant_round(cc, plugin, rng.choice(cases), rng, work, stats, failures)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for f in failures[:20]:
        print("FUZZ FAIL:", f)
    print("fuzz (seed %d): %s" % (args.seed, ", ".join("%d %s" % (v, k) for k, v in sorted(stats.items()))))
    print("fuzz: %d failures" % len(failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
