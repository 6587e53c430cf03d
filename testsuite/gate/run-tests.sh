#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Tests of the CI-gate pieces: the JSON Lines report under make -j, the
# gate over a git range (clean commit, new violation, baseline), SARIF
# validated against the official 2.1.0 schema with a real validator, and
# make install into a DESTDIR.  Prints "N passed, N failed" (also as TSV
# to $MP_RESULT when set: keys passed, failed).
#
# Env: CC (default gcc), PLUGIN (absolute path of the plugin), MP_CACHE.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
# shellcheck source=scripts/lib.sh
. "$top/scripts/lib.sh"
mp_runner_env
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gate="$top/scripts/mmap-prepare-gate"

ok() { mp_pass "$@"; }
bad() { mp_fail "$@"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }
not() { ! "$@" >/dev/null 2>&1; }

# ---- the official SARIF schema (npm, cached) and a real validator ----
# The schema ships in Microsoft's @microsoft/jest-sarif package; the
# validator is Debian's python3-jsonschema (draft-04, as the schema says).
validator_setup() {
	local dir="$MP_CACHE/npm-sarif"
	SCHEMA="$dir/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"
	if [ ! -f "$SCHEMA" ]; then
		mkdir -p "$dir"
		(cd "$dir" && npm install --silent --no-audit --no-fund \
			@microsoft/jest-sarif@1.0.0-beta.0 >/dev/null 2>&1) || return 1
	fi
	/usr/bin/python3 -c 'import jsonschema' 2>/dev/null && test -f "$SCHEMA"
}

sarif_valid() {
	"$here/validate-sarif" "$SCHEMA" "$1" >"$work/validate.log" 2>&1 ||
		{ cat "$work/validate.log"; return 1; }
}

# jq-free JSON queries
pyq() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }

# ---- 1. JSON Lines report: many units in parallel, one file ----
report_parallel() {
	local dir="$work/par" n=48 i
	mkdir -p "$dir"
	for i in $(seq 1 $n); do
		cat >"$dir/u$i.c" <<C
#include "mp-ops.h"
int p$i(struct vm_area_desc *d)
{
	d->start = $i;
	d->end = $i;
	d->action.type = MMAP_REMAP_PFN;
	return 0;
}
C
	done
	{
		printf 'all:'
		for i in $(seq 1 $n); do printf ' u%d.o' "$i"; done
		printf '\n%%.o: %%.c\n\t@%s -c -O2 -I%s -fplugin=%s -fplugin-arg-mmap_prepare_plugin-report=%s -o $@ $< 2>/dev/null\n' \
			"$CC" "$top/testsuite/include" "$PLUGIN" "$dir/report.jsonl"
	} >"$dir/Makefile"
	make -s -C "$dir" -j16 || return 1
	python3 - "$dir/report.jsonl" $((n * 3)) <<'PY'
import json, sys
lines = open(sys.argv[1]).read().split("\n")
assert lines[-1] == "", "report does not end with a newline"
recs = [json.loads(l) for l in lines[:-1]]
want = int(sys.argv[2])
assert len(recs) == want, "%d records, expected %d" % (len(recs), want)
keys = {"file", "line", "column", "rule", "function", "field", "severity", "message"}
for r in recs:
    assert set(r) == keys, r
    assert r["rule"].startswith("mmap-prepare-"), r
assert len({(r["file"], r["line"], r["rule"]) for r in recs}) == want, "duplicates"
PY
}

# ---- 2. the gate over a git range ----
gate_repo() {
	local repo="$work/linux"
	cp -r "$here/tree" "$repo"
	mkdir -p "$repo/include"
	cp "$top"/testsuite/include/mp-*.h "$repo/include/"
	git -C "$repo" init -q
	git -C "$repo" -c user.name=t -c user.email=t@t add -A
	git -C "$repo" -c user.name=t -c user.email=t@t commit -qm base
	make -s -C "$repo" CC="$CC" >/dev/null 2>&1
	echo "$repo"
}

commit() {
	git -C "$1" -c user.name=t -c user.email=t@t commit -qam "$2"
}

# change MESSAGE COMMAND...: runs COMMAND (an edit of $repo), commits it as
# MESSAGE and sets base to the commit before it.
change() {
	local msg=$1
	shift
	base=$(git -C "$repo" rev-parse HEAD)
	"$@"
	commit "$repo" "$msg"
}

append() { echo "$2" >>"$repo/$1"; }
edit() { sed -i "$2" "$repo/$1"; }

# gate_range ARGS...: the gate over base..HEAD of $repo with ARGS, its
# output in $work/gate.log; returns the gate's exit status.
gate_range() {
	"$gate" --ksrc "$repo" --range "$base..HEAD" --plugin "$PLUGIN" "$@" >"$work/gate.log" 2>&1
}

new_results() { pyq "$1" 'sum(r["baselineState"] == "new" for r in d["runs"][0]["results"])'; }

# A clean commit: exit 0.
gate_clean() {
	change "foo: clean change" edit drivers/foo/foo.c 's|desc->vm_ops = &foo_vm_ops;|desc->vm_ops = \&foo_vm_ops;\n\tdesc->pgoff = 0;|'
	gate_range --sarif "$work/clean.sarif"
	check "gate: clean commit exits 0" test $? = 0
	check "gate: clean commit SARIF has no results" \
		test "$(pyq "$work/clean.sarif" 'len(d["runs"][0]["results"])')" = 0
	check "gate: clean SARIF validates against the 2.1.0 schema" sarif_valid "$work/clean.sarif"
}

# A commit adding a violation: exit 1, exactly one new result.
gate_violation() {
	change "foo: violation" edit drivers/foo/foo.c 's|desc->pgoff = 0;|desc->pgoff = 0;\n\tdesc->start = 0;|'
	gate_range --sarif "$work/bad.sarif"
	check "gate: violating commit exits 1" test $? = 1
	check "gate: exactly one new result" test "$(new_results "$work/bad.sarif")" = 1
	check "gate: result names rule, file and line" \
		test "$(pyq "$work/bad.sarif" 'd["runs"][0]["results"][0]["ruleId"] + " " + d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]')" = "mmap-prepare-immutable drivers/foo/foo.c"
	check "gate: one-line summary" grep -q "^mmap-prepare-gate: .* 1 new (FAIL)$" "$work/gate.log"
	check "gate: failing SARIF validates against the 2.1.0 schema" sarif_valid "$work/bad.sarif"
	# The validator is real: a broken document must be rejected.
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["runs"][0]["results"][0]["level"]="fatal"; d["version"]="2.0"; json.dump(d, open(sys.argv[2], "w"))' \
		"$work/bad.sarif" "$work/broken.sarif"
	check "gate: the validator rejects a broken SARIF" not sarif_valid "$work/broken.sarif"
}

# Baseline: the old bar.c finding is suppressed, a new one is not, even
# after a line shift.
gate_baseline() {
	change "bar: shift" edit drivers/bar/bar.c 's|#include "mp-ops.h"|#include "mp-ops.h"\n\n/* shifts every line */|'
	gate_range --baseline "$work/baseline.json"
	check "gate: baseline suppresses the old finding after a line shift" test $? = 0
	change "bar: new violation" edit drivers/bar/bar.c 's|desc->end = desc->start + 4096;|desc->end = desc->start + 4096;\n\tdesc->mm = NULL;|'
	gate_range --baseline "$work/baseline.json" --sarif "$work/base.sarif"
	check "gate: baseline does not suppress a new finding" test $? = 1
	check "gate: baseline leaves exactly one new result" test "$(new_results "$work/base.sarif")" = 1
	check "gate: fingerprints survive the line shift" \
		test "$(pyq "$work/base.sarif" 'len({r["partialFingerprints"]["mmapPrepareFinding/v1"] for r in d["runs"][0]["results"]})')" = 2
}

gate_tests() {
	local repo base
	repo=$(gate_repo) || return 1
	# The old finding in bar.c becomes the baseline.
	change "touch bar" append drivers/bar/bar.c '/* touched */'
	gate_range --baseline "$work/baseline.json" --update-baseline
	check "gate: --update-baseline records the old finding" \
		test "$(pyq "$work/baseline.json" 'len(d["findings"])')" = 1
	gate_clean
	gate_violation
	# A header change rebuilds every object that includes it (from .cmd).
	change "header" append include/mp-ops.h '/* header touched */'
	gate_range --baseline "$work/baseline.json"
	check "gate: header change rebuilds both objects" grep -q "2 objects rebuilt" "$work/gate.log"
	gate_baseline
	# Usage and build errors: exit 2.
	"$gate" --ksrc "$repo" --plugin "$PLUGIN" >/dev/null 2>&1
	check "gate: usage error exits 2" test $? = 2
	change "broken" append drivers/foo/foo.c 'this is not C'
	gate_range
	check "gate: build error exits 2" test $? = 2
}

# ---- 3. make install into a DESTDIR, then use what was installed ----
install_tests() {
	local dest="$work/dest"
	make -s -C "$top" install CC="$CC" DESTDIR="$dest" PREFIX=/usr >/dev/null ||
		{ bad "install: make install"; return 1; }
	local so="$dest$("$CC" -print-file-name=plugin)/mmap_prepare_plugin.so"
	check "install: plugin" test -f "$so"
	check "install: gate" test -x "$dest/usr/bin/mmap-prepare-gate"
	check "install: man page" test -f "$dest/usr/share/man/man1/mmap-prepare-gate.1"
	check "install: docs" test -f "$dest/usr/share/doc/mmap-prepare/rules.md"
	printf '#include "mp-ops.h"\nint f(struct vm_area_desc *d) { d->end = 0; return 0; }\n' >"$work/inst.c"
	"$CC" -c -I"$top/testsuite/include" -fplugin="$so" \
		-o /dev/null "$work/inst.c" 2>"$work/inst.log"
	check "install: the installed plugin reports" grep -q "mmap-prepare-immutable" "$work/inst.log"
	"$dest/usr/bin/mmap-prepare-gate" --help >/dev/null
	check "install: the installed gate runs" test $? = 0
}

if validator_setup; then
	ok "SARIF validator set up (official schema, python3-jsonschema)"
else
	bad "SARIF validator set up (npm @microsoft/jest-sarif, python3-jsonschema)"
fi
check "report: $((48 * 3)) records from 48 parallel compiles, none torn or lost" report_parallel
gate_tests
install_tests

echo "gate tests: $mp_passed passed, $mp_failed failed"
mp_result "${MP_RESULT:-}" passed "$mp_passed" failed "$mp_failed"
[ "$mp_failed" -eq 0 ]
