#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The rule table (include/mp_rule_list.h) is the single source of the
rules; every other list of them must agree with it.  The table is read
from the plugin itself (its --help text, "rule NAME (DEFAULT): SUMMARY"),
so this checks what users get, and compares it with:

  - README.md's rule table: names, defaults and summaries (without the
    Markdown code quotes), in table order;
  - docs/rules.md: its rule table (names, defaults) and one section per
    rule, headed by the rule's name (the anchor the table links to);
  - the gate's SARIF rule metadata (scripts/mmap-prepare-gate's RULES);
  - the mutation list: at least one mutant per rule.

Usage: CC=gcc PLUGIN=/abs/mmap_prepare_plugin.so check-rule-lists.py
Prints one PASS/FAIL line per check and "N passed, N failed".
"""
import os
import re
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def plugin_rules(cc, plugin):
    """[(name, default, summary)] from the plugin's help text."""
    env = dict(os.environ, LC_ALL="C")
    if os.environ.get("MP_PRELOAD"):	# make SANITIZE=1
        env["LD_PRELOAD"] = os.environ["MP_PRELOAD"]
    out = subprocess.run([cc, "-v", "--help", "-fplugin=" + plugin, "-c",
                          "-x", "c", "/dev/null", "-o", "/dev/null"],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True, env=env).stdout
    return re.findall(r"^\s*rule (mmap-prepare-[a-z-]+) \(([^)]+)\): (.*)$", out, re.M)


def markdown_rows(path, link_prefix):
    """[(name, default, summary)] of the table rows linking to rules."""
    rows = []
    pat = re.compile(r"^\| \[`(mmap-prepare-[a-z-]+)`\]\(%s#([a-z-]+)\) \| ([^|]+) \| (.*) \|$"
                     % re.escape(link_prefix))
    with open(path) as f:
        for line in f:
            m = pat.match(line.rstrip("\n"))
            if m and m.group(1) == m.group(2):
                rows.append((m.group(1), m.group(3).strip(), m.group(4).strip()))
    return rows


def gate_rules():
    with open(os.path.join(TOP, "scripts", "mmap-prepare-gate")) as f:
        text = f.read()
    block = text[text.index("RULES = {"):]
    block = block[:block.index("\n}\n")]
    return sorted(re.findall(r'^    "(mmap-prepare-[a-z-]+)": \(', block, re.M))


def mutant_rules():
    out = subprocess.run([sys.executable, os.path.join(TOP, "scripts", "mutation-check.py"),
                          "--list"], stdout=subprocess.PIPE, text=True, check=True).stdout
    return {"mmap-prepare-" + l.split("\t")[1] for l in out.splitlines()}


def acquire_table(src_path):
    """[(acquisition, kind, held, releases)] from plugin/stateful.c."""
    src = open(src_path).read()
    defs = {m.group(1): " ".join("".join(re.findall(r'"([^"]*)"', m.group(2))).split())
            for m in re.finditer(r'#define (\w+) ((?:"[^"\n]*"\s*\\?\n?\s*)+)', src)}
    body = src[src.index("builtin_table[] = {"):]
    body = body[:body.index("};")]
    when = {"ALWAYS": "always", "IF_NONZERO": "if it returns non-zero",
            "IF_ZERO": "if it returns 0"}
    rows = []
    for m in re.finditer(r'\{ "(\w+)", STATE_(\w+), (\w+), ([^}]*?) \}', body):
        name, kind, held, rel = m.groups()
        rel = defs.get(rel.strip(), rel.strip().strip('"'))
        rows.append((name, kind.lower(), when[held], " ".join(rel.split())))
    return rows


def docs_acquire_table(docs_path):
    rows = []
    with open(docs_path) as f:
        for line in f:
            m = re.match(r"^\| `(\w+)` \| (\w+) \| ([^|]+) \| (.*) \|$", line.rstrip("\n"))
            if m:
                rows.append((m.group(1), m.group(2), m.group(3).strip(),
                             " ".join(re.findall(r"`(\w+)`", m.group(4)))))
    return rows


def main():
    cc = os.environ.get("CC", "gcc")
    plugin = os.environ["PLUGIN"]
    table = plugin_rules(cc, plugin)
    names = [r[0] for r in table]
    checks = []
    checks.append(("the plugin's help lists the rules", len(table) >= 7, names))
    readme = markdown_rows(os.path.join(TOP, "README.md"), "docs/rules.md")
    checks.append(("README.md rule table = the rule table",
                   [(n, d, s.replace("`", "")) for n, d, s in readme] == table,
                   readme))
    docs_path = os.path.join(TOP, "docs", "rules.md")
    docs = markdown_rows(docs_path, "")
    checks.append(("docs/rules.md rule table: names and defaults",
                   [(n, d) for n, d, _ in docs] == [(n, d) for n, d, _ in table],
                   docs))
    with open(docs_path) as f:
        sections = re.findall(r"^## (mmap-prepare-[a-z-]+)$", f.read(), re.M)
    checks.append(("docs/rules.md has one section per rule, in order",
                   sections == names, sections))
    checks.append(("the gate's SARIF rules = the rule table",
                   gate_rules() == sorted(names), gate_rules()))
    table = acquire_table(os.path.join(TOP, "plugin", "stateful.c"))
    checks.append(("docs/rules.md's acquire/release table = plugin/stateful.c's",
                   len(table) > 20 and docs_acquire_table(docs_path) == table,
                   len(table)))
    missing = sorted(set(names) - mutant_rules())
    checks.append(("every rule has a mutant", not missing, missing))
    failed = 0
    for what, ok, detail in checks:
        print(("PASS: " if ok else "FAIL: ") + what + ("" if ok else f"  (got {detail})"))
        failed += not ok
    print(f"rule lists: {len(checks) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
