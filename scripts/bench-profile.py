#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Instruction counts of the plugin on real kernel units (issue 6).

CPU time on a shared two-core virtual machine moves by 2 to 4 % from one
compile of a unit to the next, so `make bench` cannot resolve a cost of a
few tenths of a percent per unit.  Instruction counts can: this runs cc1
under valgrind's callgrind for the same W=1 command lines as scripts/bench.py
(same O= directory, same objects), three variants each (plain, null plugin,
plugin), and reports per object

  - the ratio of instructions executed by cc1, plugin / plain and
    null plugin / plain, and
  - where the plugin's instructions go: its pass, its FINISH_DECL and
    FINISH_TYPE callbacks (inclusive of what they call in GCC) and the rest
    (GCC's event dispatch, one more pass in the pass manager, dlopen).

Instruction counts are not time (cache misses, the plugin's memory
traffic), so this complements the CPU-time medians of `make bench`; it
does not replace them.

Usage: scripts/bench-profile.py [--objects a.o,b.o | --all] [--jobs N]
Environment: CC, PLUGIN, NULL_PLUGIN, MP_CACHE, MP_KVER, MP_JOBS (as scripts/bench.py).
Default objects: 8 spread over the unit sizes (every 8th by plain size).
"""
import argparse
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

import mplib

# The plugin's entry points; their inclusive counts are its own work.
ENTRIES = {
    "pass": r"mp_check_pass::execute\(",
    "compiled_out": r"mp_compiled_out_pass::execute\(",
    "finish_decl": r"\bfinish_decl\(void\*, void\*\)",
    "finish_type": r"\bfinish_type\(void\*, void\*\)",
}


def callgrind(argv, cwd, tmp, tag):
    """Total instructions of cc1 and the inclusive counts of ENTRIES."""
    out = os.path.join(tmp, tag + ".%p")
    cmd = ["valgrind", "--tool=callgrind", "--trace-children=yes",
           "--trace-children-skip=*/as,*/collect2,*/ld",
           "--callgrind-out-file=" + out] + argv
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode:
        mplib.die("callgrind run failed (%d): %s\n%s" % (r.returncode, " ".join(argv), r.stdout[-3000:]))
    best = None
    for f in os.listdir(tmp):
        if not f.startswith(tag + "."):
            continue
        path = os.path.join(tmp, f)
        with open(path) as fh:
            head = fh.read(4096)
        if re.search(r"^cmd:\s+\S*/cc1\s", head, re.M):
            best = path
    if not best:
        mplib.die("no callgrind profile of cc1 for %s" % tag)
    total = None
    with open(best) as fh:
        for line in fh:
            if line.startswith(("summary:", "totals:")):
                total = int(line.split()[1])
    r = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", best],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    parts = {}
    for line in r.stdout.splitlines():
        m = re.match(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(\S.*)$", line)
        if not m or "mmap_prepare_plugin" not in m.group(2):
            continue
        for k, pat in ENTRIES.items():
            # Recursive frames ("'2") are inside the first one.
            if re.search(pat, m.group(2)) and "'" not in m.group(2).split("[")[0] \
                    and k not in parts:
                parts[k] = int(m.group(1).replace(",", ""))
    for f in os.listdir(tmp):
        if f.startswith(tag + "."):
            os.unlink(os.path.join(tmp, f))
    return total, parts


def profile_object(outdir, obj, plugin, null_plugin):
    argv = mplib.compile_cmd(outdir, obj)
    with tempfile.TemporaryDirectory(prefix="mp-profile-") as tmp:
        argv = mplib.retarget(argv, tmp)
        plain, _ = callgrind(argv, outdir, tmp, "plain")
        null, _ = callgrind(mplib.with_plugin(argv, null_plugin), outdir, tmp, "null")
        plug, parts = callgrind(mplib.with_plugin(argv, plugin), outdir, tmp, "plugin")
    return {"plain": plain, "null": null, "plugin": plug, "parts": parts}


def pct(r):
    return mplib.pct(r, 3)


def print_row(name, plain, null, plugin, parts):
    """One line: the ratios, and each part of the plugin's share of PLAIN."""
    rest = plugin - plain - sum(parts.get(k, 0) for k in ENTRIES)
    shares = [parts.get(k, 0) for k in ENTRIES] + [rest]
    print("%-34s %14d %10s %10s" % (name, plain, pct(null / plain), pct(plugin / plain)) +
          "".join(" %8.3f%%" % (100.0 * x / plain) for x in shares))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--objects", help="comma-separated objects (default: 8 spread over sizes)")
    ap.add_argument("--all", action="store_true", help="every object of the benchmark")
    ap.add_argument("--jobs", type=int, default=int(os.environ.get("MP_JOBS", os.cpu_count() or 1)))
    args = ap.parse_args()
    for tool in ("valgrind", "callgrind_annotate"):
        if not shutil.which(tool):
            mplib.die("%s not found: apt-get install valgrind" % tool)
    cc = os.environ.get("CC", "gcc")
    plugin = os.environ.get("PLUGIN")
    null_plugin = os.environ.get("NULL_PLUGIN")
    if not plugin or not os.path.exists(plugin) or not null_plugin or not os.path.exists(null_plugin):
        mplib.die("PLUGIN and NULL_PLUGIN must name the built plugins (run: make bench-profile)")
    kver = os.environ.get("MP_KVER", "7.2")
    _, outdir, objs, _, _ = mplib.prepare_tree(cc, kver, args.jobs)
    if args.objects:
        objs = args.objects.split(",")
    elif not args.all:
        # Spread over sizes: every 8th object by the size of its .o file.
        objs = sorted(objs, key=lambda o: os.path.getsize(os.path.join(outdir, o)))
        objs = objs[len(objs) % 8 // 2::8] if len(objs) > 8 else objs
    mplib.log("callgrind on %d objects, 3 variants each, %d at a time" % (len(objs), args.jobs))
    with ThreadPoolExecutor(max_workers=args.jobs) as ex:
        res = dict(zip(objs, ex.map(lambda o: profile_object(outdir, o, plugin, null_plugin), objs)))

    print("Instructions executed by cc1 (callgrind), Linux %s, W=1 command lines, %s" % (kver, cc))
    print("%-34s %14s %10s %10s %9s %9s %9s %9s %9s" % ("object", "plain Ir", "null", "plugin",
                                                    "pass", "cmpl-out", "decl cb", "type cb",
                                                    "rest"))
    tot = {"plain": 0, "null": 0, "plugin": 0}
    tot_parts = {k: 0 for k in ENTRIES}
    for o in objs:
        r = res[o]
        for k in tot:
            tot[k] += r[k]
        for k in ENTRIES:
            tot_parts[k] += r["parts"].get(k, 0)
        print_row(o, r["plain"], r["null"], r["plugin"], r["parts"])
    print_row("all (summed)", tot["plain"], tot["null"], tot["plugin"], tot_parts)
    ratios = sorted(res[o]["plugin"] / res[o]["plain"] for o in objs)
    nratios = sorted(res[o]["null"] / res[o]["plain"] for o in objs)
    print("median per object: plugin %s, null plugin %s; largest: plugin %s"
          % (pct(mplib.med(ratios)), pct(mplib.med(nratios)), pct(ratios[-1])))
    print("(pass, cmpl-out (the compiled-out branches' pass), decl cb, type cb: the plugin's entry points, inclusive of the GCC functions they"
          " call; rest: plugin minus plain minus those, i.e. GCC's callback dispatch, the pass"
          " manager, loading)")


if __name__ == "__main__":
    main()
