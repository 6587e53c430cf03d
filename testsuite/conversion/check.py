#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""deprecated-mmap's conversion advice, end to end.

1. The report= records of deprecated-mmap findings carry hook, conversion,
   blocker, blocker_line and helper (docs/rules.md), with the values the
   DejaGnu tests expect in the notes.
2. The advice compiles when pasted: every convertible hook of
   testsuite/mmap_prepare.dg/convert-rows.c is converted by applying its
   notes to the source (each statement replaced by the code the note gives,
   the declaration, the prologue, the parameter of a converted helper, the
   ops initializer), and the result must compile with -Werror and give no
   finding of the plugin (not deprecated-mmap any more, and none of the
   rules that check mmap_prepare hooks).

Environment: CC, PLUGIN; MP_KEEP=DIR keeps the converted file there.
Prints one line per check; exit 1 on a failure.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CC = os.environ.get("CC", "gcc")
PLUGIN = os.environ["PLUGIN"]
ARG = "-fplugin-arg-mmap_prepare_plugin-"
BASE = [CC, "-c", "-O2", "-std=gnu11", "-fdiagnostics-plain-output",
        "-fdiagnostics-column-unit=byte",
        "-I", os.path.join(TOP, "include"), "-o", "/dev/null"]
failed = 0


def check(ok, what):
    global failed
    print(("ok   " if ok else "FAIL ") + what)
    failed += not ok


def plugin_run(src, *extra):
    """Compile SRC with the plugin and deprecated-mmap: (records, notes)."""
    with tempfile.TemporaryDirectory() as d:
        rep = os.path.join(d, "r.jsonl")
        p = subprocess.run(BASE + ["-fplugin=" + PLUGIN,
                                   ARG + "rules=+deprecated-mmap",
                                   ARG + "report=" + rep, *extra, src],
                           capture_output=True, text=True,
                           env=dict(os.environ, LC_ALL="C"))
        recs = [json.loads(l) for l in open(rep)] if os.path.exists(rep) else []
    return p, recs


# ---- 1. records ----
KEYS = ["file", "line", "column", "rule", "function", "field", "severity",
        "message", "hook", "registered", "conversion", "blocker",
        "blocker_line", "helper", "with_callees"]
EXPECT = {
    # hook: (conversion, blocker, blocker_line, helper)
    "iomap_mmap": ("convertible", None, None, "mmap_action_simple_ioremap"),
    "remap_full_mmap": ("convertible", None, None, "mmap_action_remap_full"),
    "fields_mmap": ("convertible", None, None, None),
    "generic_file_mmap": ("convertible", None, None, "generic_file_mmap_prepare"),
    "zap_mmap": ("blocked", "zap", 62, None),
    "helper_mmap": ("blocked", "zap", 124, None),
    "esc_mmap": ("blocked", "vma-escapes", 18, None),
    "ext_mmap": ("unknown", None, None, None),
    # its ops object unused and dropped by GCC: named from the initializer
    "gone_mmap": ("unknown", None, None, None),
    "ref_mmap": ("mapped", None, None, None),
    # bodies whose ops object is in another unit (convert-elsewhere.c)
    "cifs_like_mmap": ("convertible", None, None, "generic_file_mmap_prepare"),
    "keep_mmap": ("blocked", "vma-escapes", 32, None),
    "here_mmap": ("convertible", None, None, None),
}
# hook: where the record says it is registered
REGISTERED = {"cifs_like_mmap": "elsewhere", "keep_mmap": "elsewhere",
              "own_master_mmap": "callee", "kern_mmap": "callee",
              "e_use": "elsewhere", "here_mmap": "here", "iomap_mmap": "here"}
recs = []
for name in ("convert-rows.c", "convert-blocked.c", "convert-mapped.c",
             "convert-elsewhere.c"):
    recs += plugin_run(os.path.join(TOP, "mmap_prepare.dg", name))[1]
dm = [r for r in recs if r["rule"] == "mmap-prepare-deprecated-mmap"]
check(len(dm) >= 30, "records: %d deprecated-mmap records" % len(dm))
# ("fixes", the conversion's fix-its, only where they are certain)
check(all([k for k in r if k != "fixes"] == KEYS for r in dm), "records: every one has the keys " + ", ".join(KEYS[8:]) + " in order")
check(all(r["conversion"] in ("convertible", "mapped", "blocked", "unknown") and
          (r["blocker"] is None) == (r["conversion"] != "blocked") and
          (r["blocker_line"] is None) == (r["conversion"] != "blocked") and
          (r["helper"] is None or r["conversion"] in ("convertible", "mapped"))
          for r in dm), "records: classes, blockers and helpers consistent")
by_hook = {r["hook"]: r for r in dm}
for hook, want in sorted(EXPECT.items()):
    r = by_hook.get(hook)
    got = r and (r["conversion"], r["blocker"], r["blocker_line"], r["helper"])
    check(got == want, "records: %s is %s" % (hook, want))
# hook: what it is once the functions of other units it hands the VMA to
# convert (null: nothing but those calls would have to change)
WITH_CALLEES = {
    "user_mmap": {"callees": ["e_master_mmap"], "conversion": "mapped", "helper": None},
    "e_use": {"callees": ["extern_mmap"], "conversion": "convertible", "helper": None},
    "keep_mmap": None, "zap_mmap": None, "cifs_like_mmap": None,
    # vm_mm blocks first, the call to a public function after it: nothing
    # to join (the hook stays blocked whatever that function does)
    "two_mmap": None, "voidarg_mmap": None,
}
for hook, want in sorted(WITH_CALLEES.items()):
    got = by_hook.get(hook, {}).get("with_callees", "missing")
    check(got == want, "records: %s with its callees converted is %s" % (hook, want))
check(by_hook.get("own_master_mmap", {}).get("helper") == "mmap_action_simple_ioremap",
      "records: a function other units hand their VMA to is classified with its helper")
for hook, want in sorted(REGISTERED.items()):
    got = [r["registered"] for r in dm if r["hook"] == hook]
    check(got == [want], "records: %s is registered %s (one record)" % (hook, want))

# ---- 2. the advice, pasted ----
src = os.path.join(TOP, "mmap_prepare.dg", "convert-rows.c")
text = open(src).read()
lines = text.split("\n")
p, recs = plugin_run(src)
notes = re.findall(r"^[^:]+:(\d+):(\d+): note: (.*)$", p.stderr, re.M)


def offset(line, col):
    return sum(len(l) + 1 for l in lines[:line - 1]) + col - 1


def code_mask(s):
    """1 for code, 0 for comments (enough for the tests' sources)."""
    mask = [1] * len(s)
    for m in re.finditer(r"/\*.*?\*/|//[^\n]*|^#[^\n]*", s, re.S | re.M):
        for i in range(m.start(), m.end()):
            mask[i] = 0
    return mask


mask = code_mask(text)


def find_code(ch, start):
    """The first code (not comment) CH at or after START."""
    i = start
    while text[i] != ch or not mask[i]:
        i += 1
    return i


def ident_end(off):
    return off + len(re.match(r"\w+", text[off:]).group(0))


def statement(off):
    """[start, end) of the statement around OFF, as the plugin finds it."""
    s = off
    while s > 0 and not (mask[s - 1] and text[s - 1] in ";{}"):
        s -= 1
    depth, e = 0, s
    while e < len(text):
        c = text[e]
        if mask[e]:
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
            elif depth <= 0 and c in "{}":
                break
            elif depth <= 0 and c == ";":
                e += 1
                break
        e += 1
    while text[s].isspace():
        s += 1
    return s, e


edits = []          # (start, end, replacement)
converted = set()
for line, col, msg in notes:
    line, col = int(line), int(col)
    off = offset(line, col)
    m = re.match(r"'(\w+)' is convertible", msg)
    if m and "write '" not in msg:
        converted.add(m.group(1))
    m = re.match(r"write '(.*)'$", msg)
    if m:
        s, e = statement(off)
        edits.append((s, e, m.group(1)))
        continue
    m = re.match(r"declare it as '(.*)'$", msg)
    if m:
        # the whole declarator, from the line's start to its ')'
        s = offset(line, 1)
        e = find_code(")", off) + 1
        edits.append((s, e, m.group(1)))
        continue
    m = re.match(r"and begin it with '(.*)'$", msg)
    if m:
        e = find_code("{", off) + 1
        edits.append((e, e, " " + m.group(1)))
        continue
    m = re.match(r"declare this parameter as '(.*)'$", msg)
    if m:
        s = text.rindex(",", 0, off) + 1
        e = ident_end(off)
        edits.append((s, e, " " + m.group(1)))
        continue
    m = re.match(r"and give it as '(.*),'$", msg)
    m2 = re.match(r"'\w+' is convertible: write '(.*),'$", msg)
    if m or m2:
        edits.append((text.rindex(".mmap", 0, off), ident_end(off),
                      (m or m2).group(1)))
for s, e, rep in sorted(set(edits), reverse=True):
    text = text[:s] + rep + text[e:]
check(len(converted) >= 10, "paste: %d convertible hooks in convert-rows.c" % len(converted))
with tempfile.TemporaryDirectory() as d:
    out = os.path.join(os.environ.get("MP_KEEP", d), "converted.c")
    open(out, "w").write(text)
    q = subprocess.run(BASE + ["-Werror", "-Wall", "-Wno-unused-function",
                               "-Wno-unused-variable", "-Wno-misleading-indentation",
                               out],
                       capture_output=True, text=True)
    check(q.returncode == 0, "paste: the converted file compiles with -Werror")
    if q.returncode:
        print(q.stderr[:3000])
    q, recs = plugin_run(out)
    left = [r for r in recs if r["rule"] != "mmap-prepare-deprecated-mmap" or
            r["hook"] in converted]
    check(not left and "warning" not in q.stderr and q.returncode == 0,
          "paste: the plugin has no finding in the converted file")
    if left:
        print("\n".join(r["message"] for r in left[:10]))
print("conversion checks: %s" % ("all passed" if not failed else "%d failed" % failed))
sys.exit(1 if failed else 0)
