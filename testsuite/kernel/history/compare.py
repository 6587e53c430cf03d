#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""compare.py --ground-truth TSV --out O [--doc MD] REPORT

Compares the deprecated-mmap records of the history build (REPORT) with
what upstream did (ground-truth.tsv): per hook, the class (convertible or
mapped) and the suggested helper.  A hook counts when its ops object's
unit was built (O/<file>.o exists).  The records are read as the
dashboard (scripts/mmap-prepare-conversion) reads them, so a hook whose
body is in another unit of the driver takes that body's class, and a
hook blocked only by a function of another unit it hands the VMA to
converts with it.  Misses are explained by explanations.tsv
(hook<TAB>text); a miss without one is printed UNEXPLAINED.

Prints the table and the two percentages; writes the Markdown page when
--doc is given.  Exit status 1 when a target is missed (class >= 90 %,
helper >= 80 %) or a miss is unexplained."""
import argparse
import datetime
import importlib.machinery
import importlib.util
import os
import sys

CLASS_TARGET, HELPER_TARGET = 90.0, 80.0
TOOL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                    "scripts", "mmap-prepare-conversion")


def dashboard():
    """scripts/mmap-prepare-conversion as a module (its name has no .py)."""
    loader = importlib.machinery.SourceFileLoader("mmap_prepare_conversion", TOOL)
    spec = importlib.util.spec_from_loader(loader.name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ground-truth", required=True)
    ap.add_argument("--out", required=True, help="the O= build directory")
    ap.add_argument("--doc")
    ap.add_argument("--plugin-id", default="")
    ap.add_argument("report")
    a = ap.parse_args()
    here = os.path.dirname(os.path.abspath(a.ground_truth))
    rows = [l.rstrip("\n").split("\t") for l in open(a.ground_truth)
            if l.strip() and not l.startswith("#")]
    expl = {}
    p = os.path.join(here, "explanations.tsv")
    if os.path.exists(p):
        for l in open(p):
            if l.strip() and not l.startswith("#"):
                k, _, v = l.rstrip("\n").partition("\t")
                expl[k] = v
    dash = dashboard()
    try:
        hooks, _ = dash.read_records(argparse.Namespace(progress=False), [a.report])
    except dash.InputError as e:
        sys.exit(f"compare.py: error: {e}")

    table, n_built, n_class, n_helper, unexplained = [], 0, 0, 0, 0
    for patch, ops, hook6, body6, hook7, body7, cls, helper, x86 in rows:
        built = x86 == "yes" and os.path.exists(os.path.join(a.out, ops[:-2] + ".o"))
        got = [h for h in hooks if h["file"] == ops and h["hook"] == hook6]
        via = "".join(sorted({f" (from {h['body'].rsplit(':', 1)[0]})" for h in got if h.get("body")} |
                             {f" (with {', '.join(h['converted_with'])})"
                              for h in got if h.get("converted_with")}))
        classes = sorted({h["conversion"] for h in got}) or ["no record"]
        helpers = sorted({h["helper"] or "-" for h in got}) or ["-"]
        want_helpers = helper.split("|")
        class_ok = built and classes == [cls]
        helper_ok = built and len(helpers) == 1 and helpers[0] in want_helpers
        if built:
            n_built += 1
            n_class += class_ok
            n_helper += helper_ok
        why = ""
        if built and not (class_ok and helper_ok):
            why = expl.get(hook6 + "@" + ops) or expl.get(hook6, "")
            if not why:
                why = "UNEXPLAINED"
                unexplained += 1
        elif not built:
            why = (expl.get(hook6 + "@" + ops) or expl.get(hook6) or
                   ("not built on x86_64" if x86 != "yes" else "NOT BUILT"))
        blockers = sorted({f"{h['blocker']} (line {h['blocker_line']})"
                           for h in got if h["blocker"]})
        table.append(dict(patch=patch, ops=ops, hook=hook6, cls=cls, helper=helper,
                          built=built, got_class=",".join(classes) + via,
                          got_helper=",".join(helpers), blocker="; ".join(blockers),
                          class_ok=class_ok, helper_ok=helper_ok, why=why))

    # An explanation of a hook that is no longer missed is stale: the
    # document would explain what does not happen.
    used = {t["hook"] + "@" + t["ops"] for t in table if t["why"]} | \
        {t["hook"] for t in table if t["why"]}
    stale = sorted(k for k in expl if k not in used)
    for k in stale:
        print(f"compare.py: stale explanation (the hook is not missed): {k}", file=sys.stderr)
    pc = 100.0 * n_class / n_built if n_built else 0.0
    ph = 100.0 * n_helper / n_built if n_built else 0.0
    ok = n_built > 0 and pc >= CLASS_TARGET and ph >= HELPER_TARGET and not unexplained \
        and not stale
    mark = lambda b: "yes" if b else "**no**"
    md = ["| driver | ops file | 6.12 hook | upstream | upstream helper | plugin class | "
          "plugin helper | blocker | class | helper |", "|---|---|---|---|---|---|---|---|---|---|"]
    for t in table:
        if not t["built"]:
            md.append(f"| {t['patch']} | {t['ops']} | `{t['hook']}` | {t['cls']} | "
                      f"`{t['helper'].replace('|', '` or `')}` | not built | | | - | - |")
            continue
        md.append(f"| {t['patch']} | {t['ops']} | `{t['hook']}` | {t['cls']} | "
                  f"`{t['helper'].replace('|', '` or `')}` | {t['got_class']} | "
                  f"`{t['got_helper']}` | {t['blocker']} | {mark(t['class_ok'])} | {mark(t['helper_ok'])} |")
    summary = (f"{n_built} hooks built on x86_64 ({len(table)} in the ground truth); "
               f"class right {n_class}/{n_built} = {pc:.1f} % (target {CLASS_TARGET:.0f} %), "
               f"helper right {n_helper}/{n_built} = {ph:.1f} % (target {HELPER_TARGET:.0f} %)")
    mapped = [t for t in table if t["cls"] == "mapped" and t["built"]]
    mapped_line = (f"of the {len(mapped)} built hooks upstream moved to `vm_ops->mapped` "
                   f"({', '.join(t['patch'] for t in mapped)}), "
                   f"{sum(t['class_ok'] for t in mapped)} come out as `mapped`")
    print("\n".join(md))
    print()
    for t in table:
        if t["why"]:
            print(f"  {t['hook']} ({t['ops']}): {t['why']}")
    print(summary)
    print(mapped_line)
    print(f"conversion-history: {'PASS' if ok else 'FAIL'}" +
          (f" ({unexplained} misses unexplained)" if unexplained else "") +
          (f" ({len(stale)} stale explanations)" if stale else ""))
    if a.doc:
        doc = ["# The conversion measured against history", "",
               "<!-- generated by `make conversion-history` (scripts/kernel/history-check.sh, "
               "testsuite/kernel/history/compare.py); edit explanations.tsv, not this file -->", "",
               "Between 6.12 and 7.2 upstream converted 50 files from `.mmap` to "
               "`.mmap_prepare`. A 6.12 tree cannot be the test bed (no `mmap_prepare` member, "
               "none of the helpers), so each of those drivers is put back to its 6.12 `.mmap` "
               "form in a 7.2 tree by a patch in `testsuite/kernel/history/` (the smallest "
               "change that compiles in 7.2: the 6.12 hook restored in place of the 7.2 one, "
               "the initializer back to `.mmap`; file systems that only used the generic hook "
               "get `.mmap = generic_file_mmap`). The tree is built with the plugin "
               "(`rules=+deprecated-mmap`, `report=`) and each hook's record is compared with "
               "what upstream did, recorded in `ground-truth.tsv`: the class (convertible, or "
               "convertible with `vm_ops->mapped` for the drivers that now use it) and the "
               "helper the 7.2 code calls.", "",
               f"**{summary}.**", "",
               f"The drivers that use `vm_ops->mapped` in 7.2: {mapped_line}. The fourth, "
               "`drivers/target/target_core_user.c`, cannot be put back: 7.2's `struct uio_info` "
               "no longer has an `mmap` member. `fs/hostfs/hostfs_kern.c`, "
               "`fs/ramfs/file-nommu.c` and `fs/romfs/mmap-nommu.c` do not build on x86_64 "
               "(user-mode Linux, `CONFIG_MMU=n`); their patches are kept for completeness.", "",
               "The tree is configured as `make check-kernel` configures it "
               "(`x86_64_defconfig` + `scripts/kernel/kconfig.options`), with `FS_DAX` on so "
               "that the DAX branches of erofs, ext4 and xfs are in the hooks.", "",
               f"Run: `make conversion-history` ({datetime.date.today().isoformat()}, plugin "
               f"sha256 {a.plugin_id}...).", "", "## Table", ""] + md + ["", "## Misses and hooks not built", ""]
        for t in table:
            if t["why"]:
                doc.append(f"- `{t['hook']}` ({t['ops']}): {t['why']}")
        doc.append("")
        with open(a.doc, "w") as fh:
            fh.write("\n".join(doc))
        print(f"wrote {a.doc}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
