#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The fix-its end to end: sample.c compiled with the plugin and
# -fdiagnostics-generate-patch gives a patch that applies (patch -p0)
# to a copy, after which the copy compiles with the plugin, the findings
# that had a fix-it are gone and the rest remain, and the only new
# warnings are -Wunused-function for the static .mmap functions nothing
# uses any more.  The report records' "fix" members, applied to another
# copy, give the same file.  Prints "N passed, N failed" (also as TSV to
# $MP_RESULT when set: keys passed, failed).
#
# Env: CC (default gcc), PLUGIN (absolute path of the plugin).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
# shellcheck source=scripts/lib.sh
. "$top/scripts/lib.sh"
mp_runner_env
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C

check() { local what=$1; shift; if "$@"; then mp_pass "$what"; else mp_fail "$what"; fi; }
# The sample's findings (and the copy's), one compile each.
cc_plugin() {
	"$CC" -c -o /dev/null -std=gnu11 -Wall -I"$top/testsuite/include" \
		-fplugin="$PLUGIN" -fdiagnostics-plain-output "$@"
}
count() { grep -c "$1" "$2"; }

mkdir "$work/orig" "$work/patched" "$work/records"
for d in orig patched records; do cp "$here/sample.c" "$work/$d/"; done

cd "$work/orig" || exit 1
cc_plugin -fdiagnostics-generate-patch \
	-fplugin-arg-mmap_prepare_plugin-report="$work/report.jsonl" \
	sample.c 2>"$work/before.txt"
sed -n '/^--- /,$p' "$work/before.txt" >"$work/fix.patch"
check "sample: 4 both-hooks findings" \
	test "$(count 'warning:.*mmap-prepare-both-hooks' "$work/before.txt")" -eq 4
check "sample: -fdiagnostics-generate-patch prints a patch of 3 removals" \
	test "$(grep -c '^-[^-]' "$work/fix.patch")" -eq 3

cd "$work/patched" || exit 1
applies() { test -s "$work/fix.patch" && patch -s -p0 -i "$work/fix.patch"; }
check "patch: applies with patch -p0" applies
cc_plugin sample.c 2>"$work/after.txt"
check "patched: compiles" test $? -eq 0
check "patched: 1 both-hooks finding left (the macro's, no fix-it)" \
	test "$(count 'warning:.*mmap-prepare-both-hooks' "$work/after.txt")" -eq 1
check "patched: the one left is smp_macro_fops" \
	grep -q "'smp_macro_fops'.*mmap-prepare-both-hooks" "$work/after.txt"
# What else GCC says: only that the removed static hooks are now unused.
grep ': warning: ' "$work/after.txt" | grep -v mmap-prepare-both-hooks |
	sed 's/.*warning: //' >"$work/other.txt"
printf '%s\n' "'smp_uio_mmap' defined but not used [-Wunused-function]" \
	"'smp_mmap' defined but not used [-Wunused-function]" >"$work/want.txt"
check "patched: other warnings are -Wunused-function for smp_uio_mmap, smp_mmap" \
	diff -u "$work/want.txt" "$work/other.txt"

# The records' fixes (1-based columns, end exclusive) give the same file.
cd "$work/records" || exit 1
python3 - "$work/report.jsonl" sample.c <<'PY'
import json, sys
lines = open(sys.argv[2]).read().split("\n")
for rec in map(json.loads, open(sys.argv[1])):
    fix = rec.get("fix")
    if fix:
        assert fix["file"] == sys.argv[2], fix
        l = lines[fix["line"] - 1]
        lines[fix["line"] - 1] = (l[:fix["column"] - 1] + fix["replacement"] +
                                  l[fix["end_column"] - 1:])
open(sys.argv[2], "w").write("\n".join(lines))
PY
check "records: 3 of 4 both-hooks records carry a fix" \
	test "$(grep -c '"fix":' "$work/report.jsonl")" -eq 3
check "records: their fixes give the patched file" cmp -s sample.c ../patched/sample.c

echo "fix-it tests: $mp_passed passed, $mp_failed failed"
mp_result "${MP_RESULT:-}" passed "$mp_passed" failed "$mp_failed"
[ "$mp_failed" -eq 0 ]
