#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""conversion-doc.py DASHDIR [NOTE]: docs/conversion.md on standard output.

DASHDIR is what scripts/kernel/conversion-dashboard.sh wrote
(conversion.json, conversion.md, build.tsv, not-built.txt).  The page is
the run's figures (units, built, per class, the top blockers), how it was
made, the units that did not build, then the generated Markdown itself.
NOTE, when given, is a paragraph placed after the figures (a slice, a
plugin revision)."""
import json
import os
import sys


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: conversion-doc.py DASHDIR [NOTE]")
    d = sys.argv[1]
    try:
        s = json.load(open(os.path.join(d, "conversion.json")))
        md = open(os.path.join(d, "conversion.md")).read()
        notbuilt = [l.rstrip("\n") for l in open(os.path.join(d, "not-built.txt")) if l.strip()]
    except OSError as e:
        sys.exit(f"conversion-doc.py: error: cannot read {e.filename}: {e.strerror}")
    b, t = s["build"], s["totals"]
    pct = lambda n: f"{100.0 * n / t['total']:.1f} %" if t["total"] else "-"
    out = ["# The 7.2 conversion dashboard", "",
           "<!-- generated: make conversion-dashboard KERNEL=7.2, then "
           "scripts/kernel/conversion-doc.py; do not edit by hand -->", "",
           "How the `.mmap` hooks of Linux " + str(b.get("kernel", "?")) +
           " convert to `.mmap_prepare`, as the plugin's `deprecated-mmap` rule "
           "classifies them (docs/rules.md#mmap-prepare-deprecated-mmap), over every "
           "unit with a `.mmap` initializer that builds on x86_64.", "",
           "## Figures", "",
           f"- units with a `.mmap` initializer (a `.mmap =` in the file, or DRM's "
           f"file_operations macros), or that define a public hook one names "
           f"(other architectures' `arch/` left out): "
           f"**{b.get('units_with_mmap_initializer')}**",
           f"- built with the plugin (x86_64 allmodconfig): **{b.get('units_built')}**; "
           f"not built: {b.get('units_not_built')} (listed below)",
           f"- units that define a public function hooks hand their VMA to, which no "
           f"unit above classified, built in later rounds: "
           f"{b.get('units_defining_callees', 0)} ({b.get('units_defining_callees_built', 0)} built)",
           f"- slice: {b.get('slice')}",
           f"- build time: {b.get('build_seconds')} s at -j2 on 2 shared cores",
           f"- `deprecated-mmap` records: {s['inputs']['deprecated_mmap_records']}, "
           f"one per ops object: **{t['total']} hooks**; "
           f"{s['inputs'].get('bodies_in_other_units', 0)} records of public hooks "
           f"defined for other units, {s['inputs'].get('hooks_joined_to_a_body', 0)} hooks "
           f"classified from such a body",
           "- per class: " + ", ".join(f"{t[c]} {c} ({pct(t[c])})"
                                       for c in ("convertible", "mapped", "blocked", "unknown")),
           "- top blockers: " + (", ".join(f"`{r['name']}` {r['count']}" for r in s["blockers"][:5])
                                 or "none"),
           "- suggested helpers: " + (", ".join(f"`{r['name']}` {r['count']}" for r in s["helpers"])
                                      or "none"),
           ""]
    if len(sys.argv) == 3:
        out += [sys.argv[2], ""]
    out += ["A hook is counted once per ops object that registers it. A hook whose body "
            "is in another unit (DRM's `drm_gem_mmap()` in the GEM fops macros, a driver's "
            "hook in another file) is classified in the unit that defines it and joined by "
            "name; `unknown` is left for a hook whose body no unit built defines. Only ops types with an "
            "`mmap_prepare` member are reported: 371 of 7.2's 545 `.mmap` initializers "
            "belong to types without one (v4l2_file_operations, proto_ops, ...), which "
            "the rule leaves alone.", "",
            "Reproduce: `make conversion-dashboard KERNEL=7.2` (about 30 minutes here); "
            "it prints where `conversion.html` (the page with the chart, checked in headless "
            "Chromium by `make check-conversion-html` on a synthetic record set) and "
            "`conversion.json` are.", "",
            "## Units that did not build", ""]
    out += [f"- {l}" for l in notbuilt] or ["none"]
    out += ["", "## The generated report", ""]
    # One heading level down, under this page's title.
    out += [("#" + l if l.startswith("#") else l) for l in md.splitlines()]
    print("\n".join(out))


if __name__ == "__main__":
    main()
