#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""deprecated-mmap's conversion fix-its on a built kernel (not part of
make check): every unit whose records call a .mmap hook convertible is
compiled again from its .cmd (output to /dev/null, no .d file) with the
plugin and -fdiagnostics-generate-patch; the patch is applied to a copy
of the source, the copy compiled the same way, and it must compile with
no new warning and no deprecated-mmap finding left for the hooks the
patch converted.  Nothing in the build directory is written.

Usage: kernel-check.py PLUGIN OBJTREE RECORDS.jsonl [WORKDIR]
(docs/rules.md has the figures for Linux 7.2).  Exit 1 if a patch fails.
"""
import json
import os
import shlex
import subprocess
import sys
import tempfile

if len(sys.argv) < 4:
    sys.exit(__doc__)
plugin, objtree, records = sys.argv[1:4]
work = sys.argv[4] if len(sys.argv) > 4 else tempfile.mkdtemp(prefix="mp-fixits-")
os.makedirs(work, exist_ok=True)
files = sorted({r["file"] for r in map(json.loads, open(records))
                if r.get("conversion") == "convertible" and r.get("hook")})
ARGS = ["-fplugin=" + plugin, "-fplugin-arg-mmap_prepare_plugin-rules=+deprecated-mmap",
        "-fdiagnostics-plain-output"]


def compile_unit(cmd, src, report, extra=()):
    """The unit's command with the plugin, SRC as its source; stderr."""
    if os.path.exists(report):
        os.unlink(report)
    r = subprocess.run(cmd[:-1] + list(extra) + ARGS +
                       ["-fplugin-arg-mmap_prepare_plugin-report=" + report, src],
                       cwd=objtree, capture_output=True, text=True)
    recs = [json.loads(l) for l in open(report)] if os.path.exists(report) else []
    return r, recs


def warnings(text):
    return sorted({l.split(": ", 1)[-1] for l in text.splitlines()
                   if ": warning: " in l or ": error: " in l})


units = fixed_units = hooks = good = 0
for f in files:
    d, b = os.path.split(f)
    cmdf = os.path.join(objtree, d, "." + b[:-2] + ".o.cmd")
    if not os.path.exists(cmdf):
        print("not built:", f)
        continue
    # savedcmd_X := gcc ... src ; objtool ...: the compiler's part
    cmd = shlex.split(open(cmdf).readline().split(":=", 1)[1].split(" ; ")[0])
    cmd = [a for a in cmd if not a.startswith(("-Wp,-MMD", "-fplugin"))]
    cmd[cmd.index("-o") + 1] = "/dev/null"
    src, tag = cmd[-1], f.replace("/", "_")
    r, recs = compile_unit(cmd, src, os.path.join(work, tag + ".jsonl"),
                           ["-fdiagnostics-generate-patch"])
    units += 1
    conv = [x["hook"] for x in recs if x.get("fixes")]
    print(f, "converted:", conv or "none")
    if not conv:
        continue
    fixed_units += 1
    hooks += len(conv)
    copy = os.path.join(work, tag)
    with open(copy, "w") as out:
        out.write(open(src).read())
    patch = r.stderr[r.stderr.index("--- "):] if "--- " in r.stderr else ""
    with open(copy + ".patch", "w") as out:
        out.write(patch)
    p = subprocess.run(["patch", "-s", copy, "-i", copy + ".patch"],
                       capture_output=True, text=True)
    if p.returncode:
        print("  FAIL: the patch does not apply:", p.stdout.strip())
        continue
    r2, recs2 = compile_unit(cmd, copy, os.path.join(work, tag + ".after.jsonl"),
                             ["-iquote", os.path.dirname(src)])
    new = [w for w in warnings(r2.stderr) if w not in warnings(r.stderr)]
    left = [x["hook"] for x in recs2 if x["hook"] in conv]
    if r2.returncode or new or left:
        print("  FAIL: exit %d, new warnings %s, still .mmap %s" % (r2.returncode, new, left))
        continue
    good += 1
print("%d units, %d with fix-its (%d hooks), %d patches apply and compile" %
      (units, fixed_units, hooks, good))
sys.exit(0 if good == fixed_units else 1)
