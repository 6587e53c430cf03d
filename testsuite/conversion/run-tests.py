#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Tests of scripts/mmap-prepare-conversion on the synthetic records of this
directory (records.jsonl, tree/MAINTAINERS), then, when Chromium is
installed, browser-check.py on the page it wrote.  Prints PASS/FAIL lines
and "N passed, N failed"; exit status 1 on any failure.

   testsuite/conversion/run-tests.py [--browser=auto|yes|no]

--browser=yes fails when Chromium is missing (make check-conversion-html);
auto (make check) runs the browser check when Chromium is installed and
says UNTESTED otherwise."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOOL = os.path.join(HERE, "..", "..", "scripts", "mmap-prepare-conversion")
RECORDS = os.path.join(HERE, "records.jsonl")
MAINT = os.path.join(HERE, "tree", "MAINTAINERS")
passed = failed = 0


def check(ok, what):
    global passed, failed
    print(("PASS: " if ok else "FAIL: ") + what)
    if ok:
        passed += 1
    else:
        failed += 1


def run(*args):
    return subprocess.run([sys.executable, TOOL] + list(args), capture_output=True, text=True)


def rows(s, key):
    return {r["name"]: (r["convertible"], r["mapped"], r["blocked"], r["unknown"])
            for r in s[key]}


def main():
    browser = "auto"
    for a in sys.argv[1:]:
        if a.startswith("--browser="):
            browser = a.split("=", 1)[1]
    tmp = tempfile.mkdtemp(prefix="mp-conv-test-")
    try:
        out = os.path.join(tmp, "out")
        r = run(RECORDS, "--maintainers", MAINT, "--out-dir", out)
        check(r.returncode == 0, f"dashboard on records.jsonl (exit {r.returncode}) {r.stderr.strip()}")
        s = json.load(open(os.path.join(out, "conversion.json")))
        # 10 deprecated-mmap records, one a duplicate; one record of another rule.
        check(s["totals"] == {"convertible": 3, "mapped": 1, "blocked": 4, "unknown": 1,
                              "total": 9}, f"totals, duplicates dropped: {s['totals']}")
        want = {"BARFS FILE SYSTEM": (2, 0, 0, 0),	# F: fs/barfs, a directory without '/'
                "FOO DRIVER": (1, 0, 1, 0),		# foo/dev.c and foo/sub/deep.c
                "FOO DRIVER CORE FILE": (0, 1, 0, 0),	# the exact file beats its directory
                "MISC DRIVERS": (0, 0, 1, 0),		# drivers/misc/*.c: bar.c only
                "THE REST": (0, 0, 0, 1),		# *.c does not reach misc/sub/
                "VIDEO HEADERS": (0, 0, 1, 0),		# N: foo: legacy.c (X: of FOO DRIVER)
                "FBDEV CORE": (0, 0, 1, 0)}		# its F: beats N: fbdev
        check(rows(s, "by_subsystem") == want,
              f"subsystems (most specific F:, X:, N:, file globs): {rows(s, 'by_subsystem')}")
        check(rows(s, "by_directory") == {"drivers/misc/foo": (1, 1, 2, 0), "fs/barfs": (2, 0, 0, 0),
                                          "drivers/misc": (0, 0, 1, 0), "drivers/misc/sub": (0, 0, 0, 1),
                                          "drivers/video/fbdev": (0, 0, 1, 0)},
              "directories at depth 3")
        check(s["blockers"] == [{"name": "vma-passed-to-callee", "count": 3}, {"name": "vma-mm", "count": 1}],
              f"blockers ranked by frequency: {s['blockers']}")
        ops = {h["hook"]: h["ops"] for h in s["hooks"]}
        check(ops["barfs_file_mmap"] == "barfs_file_ops" and ops["foo_mmap"] == "foo_fops",
              "the ops object: from the message when the record has no name for it")
        check(len(s["helpers"]) == 4 and all(h["count"] == 1 for h in s["helpers"]), "helpers counted")
        md = open(os.path.join(out, "conversion.md")).read()
        check("| blocked | 4 | 44.4 % |" in md and
              "| drivers/misc/foo/dev.c:7 | foo_dev_fops | foo_dev_mmap | blocked | vma-passed-to-callee (line 31) |  |" in md,
              "Markdown: class row and a hook with file:line and its blocker")
        page = open(os.path.join(out, "conversion.html")).read()
        external = [w for w in ("<link", " src=", "@import", "url(", "https://", "http://")
                    if w in page.replace('xmlns="http://www.w3.org/2000/svg"', "")]
        check("<svg" in page and not external,
              f"HTML: inline SVG chart, nothing fetched at view time {external}")

        # A directory of reports is the same as its files.
        d = os.path.join(tmp, "reports", "sub")
        os.makedirs(d)
        lines = open(RECORDS).read().splitlines(True)
        open(os.path.join(d, "a.jsonl"), "w").writelines(lines[:5])
        open(os.path.join(tmp, "reports", "b.jsonl"), "w").writelines(lines[5:])
        r = run(os.path.join(tmp, "reports"), "--json", os.path.join(tmp, "d.json"))
        t = json.load(open(os.path.join(tmp, "d.json")))["totals"] if r.returncode == 0 else None
        check(t == s["totals"], "a directory of report files reads as its *.jsonl files")

        # A record of a plugin that does not classify counts as unknown, with a warning.
        old = os.path.join(tmp, "old.jsonl")
        open(old, "w").write('{"file":"a/b.c","line":1,"column":1,"rule":"mmap-prepare-deprecated-mmap"}\n')
        r = run(old, "--json", os.path.join(tmp, "o.json"))
        check(r.returncode == 0 and "no 'conversion'" in r.stderr and
              json.load(open(os.path.join(tmp, "o.json")))["totals"]["unknown"] == 1,
              "a record without 'conversion' is unknown, with a warning")

        # Bodies in another unit ("registered": "elsewhere") class the
        # "unknown" hooks of that name: the one in the ops object's
        # directory first, else the only one in the build; they are not
        # hooks themselves.
        def rec(f, line, hook, cls, where="here", blocker=None, bline=None, helper=None):
            return json.dumps({"file": f, "line": line, "column": 1, "rule": "mmap-prepare-deprecated-mmap",
                               "message": f"'{hook}_ops' (struct file_operations) provides",
                               "hook": hook, "registered": where, "conversion": cls,
                               "blocker": blocker, "blocker_line": bline, "helper": helper}) + "\n"
        joins = os.path.join(tmp, "joins.jsonl")
        open(joins, "w").write(
            rec("fs/ceph/file.c", 10, "ceph_mmap", "unknown") +
            rec("fs/ceph/addr.c", 20, "ceph_mmap", "convertible", "elsewhere") +
            rec("fs/other/addr.c", 30, "ceph_mmap", "blocked", "elsewhere", "zap", 31) +
            rec("drivers/a/a.c", 5, "lib_mmap", "unknown") +
            rec("lib/lib.c", 7, "lib_mmap", "blocked", "elsewhere", "vma-mm", 9) +
            rec("drivers/b/b.c", 5, "twice_mmap", "unknown") +
            rec("x/one.c", 1, "twice_mmap", "convertible", "elsewhere") +
            rec("y/two.c", 1, "twice_mmap", "convertible", "elsewhere") +
            rec("drivers/c/c.c", 5, "static_mmap", "blocked", "here", "zap", 6) +
            rec("drivers/d/d.c", 9, "orphan_mmap", "convertible", "elsewhere") +
            rec("fs/nfs/file.c", 40, "nfs_file_mmap", "convertible", helper="generic_file_mmap_prepare") +
            rec("fs/nfs/nfs4file.c", 60, "nfs_file_mmap", "unknown"))
        r = run(joins, "--json", os.path.join(tmp, "j.json"), "--markdown", os.path.join(tmp, "j.md"))
        j = json.load(open(os.path.join(tmp, "j.json"))) if r.returncode == 0 else {"hooks": [], "inputs": {}}
        got = {h["hook"]: (h["conversion"], h["blocker"], h.get("body")) for h in j["hooks"]
               if h["file"] != "fs/nfs/file.c"}
        check(got == {"ceph_mmap": ("convertible", None, "fs/ceph/addr.c:20"),
                      "lib_mmap": ("blocked", "vma-mm", "lib/lib.c:7"),
                      "twice_mmap": ("unknown", None, None),
                      "static_mmap": ("blocked", "zap", None),
                      "nfs_file_mmap": ("convertible", None, "fs/nfs/file.c:40")},
              f"bodies in other units join by name (same directory first, else the only one; "
              f"a hook classified where another unit registers it too): {got}")
        check(j["inputs"].get("bodies_in_other_units") == 6 and j["inputs"].get("hooks_joined_to_a_body") == 3,
              f"the JSON counts the bodies and the joins: {j['inputs']}")
        md = open(os.path.join(tmp, "j.md")).read() if r.returncode == 0 else ""
        check("| ceph_mmap (classified at fs/ceph/addr.c:20) | convertible |" in md and
              "vma-mm (lib/lib.c:9)" in md and "3 classified from their body in another unit" in md,
              "Markdown: where the body is, and the blocker's file")

        # A hook blocked only by handing its VMA to functions of other units
        # ("with_callees") converts when their bodies do ("registered":
        # "callee" records); a blocked or missing body keeps it blocked.
        def blocked_by(f, hook, callees, cls="convertible", helper=None):
            r = json.loads(rec(f, 3, hook, "blocked", "here", "vma-passed-to-callee", 4))
            r["with_callees"] = {"callees": callees, "conversion": cls, "helper": helper}
            return json.dumps(r) + "\n"
        calls = os.path.join(tmp, "calls.jsonl")
        open(calls, "w").write(
            blocked_by("drivers/vme/user.c", "vme_user_mmap", ["vme_master_mmap"], "mapped") +
            rec("drivers/vme/vme.c", 50, "vme_master_mmap", "convertible", "callee",
                helper="mmap_action_simple_ioremap") +
            blocked_by("drivers/x/x.c", "x_mmap", ["x_lib_mmap", "vme_master_mmap"]) +
            rec("lib/x_lib.c", 9, "x_lib_mmap", "blocked", "callee", "zap", 12) +
            blocked_by("drivers/y/y.c", "y_mmap", ["y_missing_mmap"]))
        r = run(calls, "--json", os.path.join(tmp, "c.json"), "--markdown", os.path.join(tmp, "c.md"))
        c = json.load(open(os.path.join(tmp, "c.json"))) if r.returncode == 0 else {"hooks": [], "callees": [], "totals": {}}
        got = {h["hook"]: (h["conversion"], h["helper"], h.get("converted_with")) for h in c["hooks"]}
        check(got == {"vme_user_mmap": ("mapped", "mmap_action_simple_ioremap",
                                        ["vme_master_mmap (drivers/vme/vme.c:50)"]),
                      "x_mmap": ("blocked", None, None), "y_mmap": ("blocked", None, None)},
              f"hooks convert with the functions of other units they call when those do: {got}")
        check([(e["name"], e["body"], e["conversion"], e["hooks"]) for e in c["callees"]] ==
              [("vme_master_mmap", "drivers/vme/vme.c:50", "convertible", 2),
               ("x_lib_mmap", "lib/x_lib.c:9", "blocked", 1),
               ("y_missing_mmap", None, "unknown", 1)],
              f"the callees ranked by the hooks they block: {c['callees']}")
        md = open(os.path.join(tmp, "c.md")).read() if r.returncode == 0 else ""
        check("| `vme_master_mmap` | drivers/vme/vme.c:50 | convertible | 2 |" in md and
              "vme_user_mmap (converts with vme_master_mmap (drivers/vme/vme.c:50))" in md,
              "Markdown: the callees' table and the hook that converts with one")

        # --source-tree: where a callee no record classifies is defined and
        # why (mm/: the kernel's own; elsewhere: its unit was not built).
        tree = os.path.join(tmp, "tree")
        for path, text in {
            "mm/vmx.c": "int y_missing_mmap(struct vm_area_struct *vma);\n"
                        "int y_missing_mmap(struct vm_area_struct *vma)\n{\n\treturn 0;\n}\n",
            "drivers/z/a.c": "static int z_lib_mmap(struct vm_area_struct *vma)\n{\n\treturn 1;\n}\n"
                             "extern int z_lib_mmap(struct vm_area_struct *vma);\n"
                             "int x = z_lib_mmap(0);\n",
            "drivers/z/z.h": "int\nz_lib_mmap(struct vm_area_struct *vma)\n{\n}\n",
            "drivers/z/z.c": "/* the type on the line before */\nint\n"
                             "z_lib_mmap(struct vm_area_struct *vma,\n\t   unsigned long x)\n{\n\treturn 0;\n}\n",
            "drivers/z/w.c": "static int\nw_gone_mmap(struct vm_area_struct *vma)\n{\n}\n",
        }.items():
            os.makedirs(os.path.dirname(os.path.join(tree, path)), exist_ok=True)
            open(os.path.join(tree, path), "w").write(text)
        where = os.path.join(tmp, "where.jsonl")
        open(where, "w").write(blocked_by("drivers/y/y.c", "y_mmap", ["y_missing_mmap"]) +
                               blocked_by("drivers/z/h.c", "zh_mmap", ["z_lib_mmap", "w_gone_mmap"]))
        r = run(where, "--source-tree", tree, "--json", os.path.join(tmp, "w.json"),
                "--markdown", os.path.join(tmp, "w.md"))
        w = json.load(open(os.path.join(tmp, "w.json")))["callees"] if r.returncode == 0 else []
        got = sorted((e["name"], e.get("defined"), e.get("unclassified")) for e in w)
        check(got == [("w_gone_mmap", None, "not-found"),
                      ("y_missing_mmap", "mm/vmx.c:2", "kernel"),
                      ("z_lib_mmap", "drivers/z/z.c:3", "not-built")],
              f"--source-tree: where the unclassified callees are defined, and why: {got}")
        md = open(os.path.join(tmp, "w.md")).read() if r.returncode == 0 else ""
        check("| `z_lib_mmap` | drivers/z/z.c:3 (not among the units built) | unknown | 1 |" in md and
              "| `y_missing_mmap` | mm/vmx.c:2 (the kernel's own, in mm/: not classified) |" in md and
              "| `w_gone_mmap` | (not found in the tree) |" in md,
              "Markdown: the callees' definitions and why they are not classified")
        # --built: a unit that was built but gave no record holds no function
        # the rule classifies (fuse_passthrough_mmap() returns ssize_t).
        open(os.path.join(tmp, "built.txt"), "w").write("drivers/z/z.o\ndrivers/y/y.o\n")
        r = run(where, "--source-tree", tree, "--built", os.path.join(tmp, "built.txt"),
                "--markdown", os.path.join(tmp, "wb.md"))
        md = open(os.path.join(tmp, "wb.md")).read() if r.returncode == 0 else ""
        check("| `z_lib_mmap` | drivers/z/z.c:3 (built; not a function the rule classifies) |" in md
              and "| `y_missing_mmap` | mm/vmx.c:2 (the kernel's own" in md,
              "--built: a callee whose unit was built and gave no record is not one the rule classifies")
        r = run(where, "--source-tree", os.path.join(tmp, "no-such-tree"), "--json", os.path.join(tmp, "x.json"))
        check(r.returncode == 1 and "no-such-tree is not a directory" in r.stderr,
              f"--source-tree that is not a directory: exit 1 and says so ({r.returncode}: {r.stderr.strip()})")
        bad_wc = os.path.join(tmp, "bad_wc.jsonl")
        open(bad_wc, "w").write(rec("a/a.c", 1, "a_mmap", "blocked").replace(
            '"helper": null}', '"helper": null, "with_callees": {"callees": "x"}}'))

        # Bad input: one clear line, exit 1 (2 for usage).
        bad = os.path.join(tmp, "bad.jsonl")
        open(bad, "w").write(lines[0] + '{"file": "x.c", "rule": \n')
        badclass = os.path.join(tmp, "badclass.jsonl")
        open(badclass, "w").write(lines[0].replace('"convertible"', '"maybe"'))
        binary = os.path.join(tmp, "binary.jsonl")
        open(binary, "wb").write(b"\xff\xfe\x00")
        empty = os.path.join(tmp, "empty")
        os.makedirs(empty)
        js = ["--json", os.path.join(tmp, "x.json")]
        for args, code, msg in (
                ([os.path.join(tmp, "missing.jsonl")] + js, 1, "cannot read " + os.path.join(tmp, "missing.jsonl")),
                ([bad] + js, 1, bad + ":2: malformed record"),
                ([badclass] + js, 1, "unknown conversion class 'maybe'"),
                ([bad_wc] + js, 1, bad_wc + ":1: malformed 'with_callees'"),
                ([binary] + js, 1, "cannot read " + binary),
                ([empty] + js, 1, "directory holds no *.jsonl report"),
                ([RECORDS, "--maintainers", os.path.join(tmp, "MAINTAINERS")] + js, 1,
                 "cannot read " + os.path.join(tmp, "MAINTAINERS")),
                ([RECORDS, "--maintainers", RECORDS] + js, 1, "no MAINTAINERS section"),
                ([RECORDS], 2, "nothing to write")):
            r = run(*args)
            err = r.stderr.strip().splitlines()
            check(r.returncode == code and err and msg in err[-1] and
                  (code == 2 or len(err) == 1),
                  f"error exit {code} '{msg}' (got {r.returncode}: {err[-1:] if err else ''})")

        have = any(shutil.which(c) for c in ("chromium", "chromium-browser", "google-chrome"))
        if browser == "yes" or (browser == "auto" and have):
            shot = os.environ.get("MP_SCREENSHOT") or os.path.join(tmp, "shot.png")
            r = subprocess.run([sys.executable, os.path.join(HERE, "browser-check.py"),
                                os.path.join(out, "conversion.html"),
                                os.path.join(out, "conversion.json"), "--screenshot", shot],
                               capture_output=True, text=True)
            sys.stdout.write("".join("  " + l for l in r.stdout.splitlines(True)))
            check(r.returncode == 0, f"headless Chromium reads the page's numbers back {r.stderr.strip()}")
        elif browser == "auto":
            print("UNTESTED: the page in a browser: chromium not installed "
                  "(make check-conversion-html installs it)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"conversion dashboard: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
