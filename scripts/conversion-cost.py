#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""What deprecated-mmap's conversion analysis costs, in instructions.

Runs cc1 under callgrind for kernel units that register .mmap hooks,
from a configured and built 7.2 tree (each object's command from its
.cmd file, without the build's own plugin arguments and dependency
output), with: no plugin, PLUGIN_BASE (before the analysis, optional),
PLUGIN with the default rules, and PLUGIN with rules=+deprecated-mmap.
Prints instructions per variant and the ratios.

Usage: scripts/conversion-cost.py BUILD_DIR OBJ [OBJ ...]
Environment: PLUGIN, PLUGIN_BASE (optional).
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile


def command(build, obj):
    d, b = os.path.split(obj)
    text = open(os.path.join(build, d, "." + b + ".o.cmd")).read()
    cmd = shlex.split(re.search(r"^savedcmd_\S+ := (.*)$", text, re.M).group(1))
    # the compile only: no plugin of the build, no dependency file, no output
    keep = [a for a in cmd if not a.startswith(("-fplugin", "-Wp,-MMD"))]
    i = keep.index("-o")
    return keep[:i] + ["-o", "/dev/null"] + keep[i + 2:]


def instructions(argv, cwd):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.%p")
        subprocess.run(["valgrind", "--tool=callgrind", "--trace-children=yes",
                        "--trace-children-skip=*/as,*/collect2,*/ld",
                        "--callgrind-out-file=" + out] + argv, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        for f in os.listdir(tmp):
            text = open(os.path.join(tmp, f)).read()
            if re.search(r"^cmd:\s+\S*/cc1\s", text, re.M):
                return int(re.search(r"^summary:\s+(\d+)", text, re.M).group(1))
    raise SystemExit("no cc1 profile for " + " ".join(argv))


def main():
    build, objs = sys.argv[1], sys.argv[2:]
    plugin, base = os.environ["PLUGIN"], os.environ.get("PLUGIN_BASE")
    variants = [("plain", [])]
    if base:
        variants.append(("base", ["-fplugin=" + base]))
    variants += [("off", ["-fplugin=" + plugin]),
                 ("on", ["-fplugin=" + plugin,
                         "-fplugin-arg-mmap_prepare_plugin-rules=+deprecated-mmap"])]
    print("object\t" + "\t".join(v for v, _ in variants) + "\ton/off")
    for obj in objs:
        argv = command(build, obj)
        n = {v: instructions(argv[:1] + extra + argv[1:], build) for v, extra in variants}
        print("%s\t%s\t%.4f" % (obj, "\t".join(str(n[v]) for v, _ in variants),
                                n["on"] / n["off"]), flush=True)


if __name__ == "__main__":
    main()
