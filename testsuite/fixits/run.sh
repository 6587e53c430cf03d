#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The fix-its end to end: sample.c compiled with the plugin and
# -fdiagnostics-generate-patch gives a patch that applies (patch -p0)
# to a copy, after which the copy compiles with the plugin, the findings
# that had a fix-it are gone and the rest remain, and the only new
# warnings are -Wunused-function for the static .mmap functions nothing
# uses any more.  The report records' "fix" members, applied to another
# copy, give the same file.  The same for deprecated-mmap's conversion
# fix-its on convert.c (the patched copy compiles with -Werror, the
# converted objects use .mmap_prepare).  Prints "N passed, N failed" (also as TSV to
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

# The records' fixes ("fix" and the list "fixes": 1-based byte columns,
# end exclusive, an insertion's range empty), applied to FILE.
apply_records() {
	python3 - "$1" "$2" <<'PY'
import json, sys
lines = open(sys.argv[2]).read().split("\n")
fixes = []
for rec in map(json.loads, open(sys.argv[1])):
    fixes += ([rec["fix"]] if rec.get("fix") else []) + rec.get("fixes", [])
# From the end, so that each fix's columns still hold.
for fix in sorted(fixes, key=lambda x: (x["line"], x["column"]), reverse=True):
    assert fix["file"] == sys.argv[2], fix
    l = lines[fix["line"] - 1]
    lines[fix["line"] - 1] = (l[:fix["column"] - 1] + fix["replacement"] +
                              l[fix["end_column"] - 1:])
open(sys.argv[2], "w").write("\n".join(lines))
PY
}
cd "$work/records" || exit 1
apply_records "$work/report.jsonl" sample.c
check "records: 3 of 4 both-hooks records carry a fix" \
	test "$(grep -c '"fix":' "$work/report.jsonl")" -eq 3
check "records: their fixes give the patched file" cmp -s sample.c ../patched/sample.c

# deprecated-mmap's conversion (convert.c): the hooks whose conversion is
# certain (cv_*) are converted by the patch, which compiles with -Werror
# and leaves their objects nothing to report; the others (nc_*) get no
# fix-it and keep their findings.
mkdir "$work/c-orig" "$work/c-patched" "$work/c-records"
for d in c-orig c-patched c-records; do
	cp "$here/convert.c" "$here/convert-macros.h" "$work/$d/"
done
cc_convert() {
	cc_plugin -Werror -fplugin-arg-mmap_prepare_plugin-rules=+deprecated-mmap "$@"
}
# "HOOK FIXES" per deprecated-mmap record of report R, sorted
hooks() {
	python3 -c 'import json, sys
for r in map(json.loads, open(sys.argv[1])):
    print(r["hook"], len(r.get("fixes", [])))' "$1" | sort
}
cd "$work/c-orig" || exit 1
cc_convert -fdiagnostics-generate-patch \
	-fplugin-arg-mmap_prepare_plugin-report="$work/c-report.jsonl" \
	convert.c 2>"$work/c-before.txt"
check "convert: compiles (-Werror)" test $? -eq 0
sed -n '/^--- /,$p' "$work/c-before.txt" >"$work/c-fix.patch"
cc_convert -fdiagnostics-parseable-fixits convert.c 2>&1 | grep -c '^fix-it:' >"$work/c-parseable.txt"
hooks "$work/c-report.jsonl" >"$work/c-hooks.txt"
cat >"$work/c-want.txt" <<'EOF2'
cv_accessed_mmap 6
cv_generic_mmap 5
cv_remap_mmap 10
cv_simple_mmap 6
generic_file_mmap 2
nc_blocked_mmap 0
nc_by_hand_mmap 0
nc_comment_mmap 0
nc_desc_mmap 0
nc_header_macro_mmap 0
nc_helper_mmap 0
nc_inline_mmap 0
nc_left_mmap 0
nc_macro_mmap 0
nc_mapped_mmap 0
nc_one_line_mmap 0
nc_own_alias_mmap 0
nc_own_macro_mmap 0
nc_proto_mmap 0
nc_public_mmap 0
nc_ret_mmap 0
nc_split_mmap 0
nc_taken_mmap 0
nc_twice_mmap 0
nc_twice_mmap 0
nc_unused_mmap 0
EOF2
check "convert: fix-its for the cv_ hooks only (records' fixes)" \
	diff -u "$work/c-want.txt" "$work/c-hooks.txt"
check "convert: -fdiagnostics-parseable-fixits prints the 29 fix-its" \
	test "$(cat "$work/c-parseable.txt")" -eq 29
cd "$work/c-patched" || exit 1
check "convert patch: applies with patch -p0" \
	eval 'test -s "$work/c-fix.patch" && patch -s -p0 -i "$work/c-fix.patch"'
cc_convert -fplugin-arg-mmap_prepare_plugin-report="$work/c-after.jsonl" \
	convert.c 2>"$work/c-after.txt"
check "convert patched: compiles (-Werror)" test $? -eq 0
check "convert patched: no GCC warning" eval '! grep -q "warning:" "$work/c-after.txt"'
grep -v '^cv_\|^generic_file_mmap' "$work/c-want.txt" >"$work/c-want-after.txt"
hooks "$work/c-after.jsonl" >"$work/c-hooks-after.txt"
check "convert patched: only the nc_ hooks' objects still use .mmap" \
	diff -u "$work/c-want-after.txt" "$work/c-hooks-after.txt"
cd "$work/c-records" || exit 1
apply_records "$work/c-report.jsonl" convert.c
check "convert records: their fixes give the patched file" \
	cmp -s convert.c ../c-patched/convert.c

echo "fix-it tests: $mp_passed passed, $mp_failed failed"
mp_result "${MP_RESULT:-}" passed "$mp_passed" failed "$mp_failed"
[ "$mp_failed" -eq 0 ]
