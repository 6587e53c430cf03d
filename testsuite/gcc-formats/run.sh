#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The plugin's findings in GCC's own machine-readable diagnostics (GCC 13
# and later): compiles finding.c with the plugin as text, as
# -fdiagnostics-format=json and as SARIF (-fdiagnostics-format=sarif-file,
# with the plugin's werror option too, and from GCC 15
# -fdiagnostics-add-output=sarif), then checks with python3 that each
# finding of the text output is in the JSON and SARIF output
#
#   - with its rule: in the message ("... [RULE]", as in the text) and as
#     the SARIF ruleId from GCC 14; GCC 13 gives GCC's own ruleId for an
#     option-less diagnostic (its kind: "warning", "error");
#   - at the text output's file, line and column (the line also the one
#     finding.c marks with "finding: RULE");
#   - with the text output's notes, among them "'start' is immutable:
#     mmap_prepare hooks may change only ...", as the finding's JSON
#     "children" and SARIF "relatedLocations", not as results of their own;
#   - SARIF without duplicate keys and, when the official schema is cached
#     (testsuite/gate/run-tests.sh fetches it), valid against SARIF 2.1.0.
#
# Nothing is compared with stored output: the expectations are GCC's text
# output of the same compilation, the markers in finding.c, and what each
# GCC release offers (the table in expect_for below, written down from
# GCC's release notes; nothing is derived from the plugin's sources).  For a
# GCC before 13 (no JSON or SARIF diagnostics) the runner prints one SKIP
# line and exits 0.
#
# Env: CC (default gcc), PLUGIN (absolute path of the plugin), MP_CACHE,
#      MP_EXPECT_RULEID (1 or 0: overrides the table's ruleId expectation),
#      MP_RESULT (write the counts there as TSV: passed, failed, skipped).
# Prints PASS:/FAIL: lines and "gcc-formats: N passed, N failed"; exits
# non-zero if a check failed.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
# shellcheck source=scripts/lib.sh
. "$top/scripts/lib.sh"
mp_runner_env
src=$here/finding.c

# expect_for MAJOR: what GCC MAJOR (13 or later) offers, as three words:
#   json     -fdiagnostics-format=json: "yes" in 13 to 15 (15 deprecated
#            it), "no" from 16 (the option is rejected: a SKIP line)
#   ruleid   a SARIF result's ruleId: "kind" in 13 (GCC's own for a
#            diagnostic without option: "warning", "error"), "rule" from 14
#            (diagnostic metadata carries the plugin's rule name)
#   add      -fdiagnostics-add-output=sarif: "no" before 15, "yes" from 15
expect_for() {
	case $1 in
	13) echo "yes kind no" ;;
	14) echo "yes rule no" ;;
	15) echo "yes rule yes" ;;
	*) echo "no rule yes" ;;
	esac
}

command -v "$CC" >/dev/null || { echo "gcc-formats: '$CC' not found" >&2; exit 2; }
[ -f "$PLUGIN" ] || { echo "gcc-formats: no plugin at '$PLUGIN'" >&2; exit 2; }
major=$("$CC" -dumpversion 2>/dev/null | cut -d. -f1)
case "$major" in
'' | *[!0-9]*) echo "gcc-formats: cannot get the version of '$CC'" >&2; exit 2 ;;
esac
if [ "$major" -lt 13 ]; then
	echo "SKIP: gcc-formats: $CC is GCC $major; GCC's JSON and SARIF diagnostics need GCC 13 or later"
	mp_result "${MP_RESULT:-}" passed 0 failed 0 skipped 1
	exit 0
fi

# The plugin takes its name (for -fplugin-arg-NAME-...) from the file name.
name=$(basename "$PLUGIN" .so)
read -r exp_json exp_ruleid exp_add <<<"$(expect_for "$major")"
ruleid=0
why="GCC $major: table"
[ "$exp_ruleid" = rule ] && ruleid=1
if [ -n "${MP_EXPECT_RULEID:-}" ]; then
	ruleid=$MP_EXPECT_RULEID
	why="MP_EXPECT_RULEID=$ruleid"
fi
echo "gcc-formats: $CC (GCC $("$CC" -dumpfullversion 2>/dev/null)), expected: JSON $exp_json," \
	"SARIF ruleId $([ "$ruleid" = 1 ] && echo "the rule name" || echo "GCC's (the kind)") ($why)," \
	"add-output=sarif $exp_add"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ok() { mp_pass "$@"; }
bad() { mp_fail "$@"; }

flags=(-fplugin="$PLUGIN" -I"$top/testsuite/include" -std=gnu11 -c -o /dev/null)
werror=(-fplugin-arg-"$name"-werror)

# compile DIR EXPECTED-RC ARGS...: runs $CC in DIR (stderr to DIR/stderr).
compile() {
	local dir=$1 want=$2 rc
	shift 2
	mkdir -p "$dir"
	(cd "$dir" && "$CC" "${flags[@]}" "$@" "$src" 2>stderr)
	rc=$?
	if { [ "$want" = 0 ] && [ $rc -eq 0 ]; } || { [ "$want" != 0 ] && [ $rc -ne 0 ]; }; then
		return 0
	fi
	if [ -z "${quiet:-}" ]; then
		echo "  $CC ${*} finding.c: exit status $rc:"
		sed 's/^/  | /' "$dir/stderr" | head -20
	fi
	return 1
}

# The one SARIF file a run left in DIR (sarif-file names it after the
# source file).
sarif_in() {
	local f
	f=$(find "$1" -maxdepth 1 -name '*.sarif' | head -1)
	[ -n "$f" ] && echo "$f"
}

# check label=LABEL KEY=VALUE...: the python3 checks of check.py (mode=text:
# the text output against finding.c's markers; format=json|sarif: FILE
# against the text output); counts their PASS/FAIL lines.
check() {
	local out
	out=$(python3 "$here/check.py" "$@")
	echo "$out"
	mp_passed=$((mp_passed + $(grep -c '^PASS:' <<<"$out")))
	mp_failed=$((mp_failed + $(grep -c '^FAIL:' <<<"$out")))
	grep -q '^[A-Z]*:' <<<"$out" || bad "${1#label=}: the python3 checks printed nothing"
}

# ---- text: the expectations ----
if compile "$work/text" 0 -fdiagnostics-plain-output; then
	ok "text: compiles with warnings only"
else
	bad "text: compiles with warnings only"
fi
check label=text mode=text kind=warning source="$src" text="$work/text/stderr"
if compile "$work/text-werror" 1 -fdiagnostics-plain-output "${werror[@]}"; then
	ok "text, werror: fails"
else
	bad "text, werror: fails"
fi
check label="text, werror" mode=text kind=error source="$src" text="$work/text-werror/stderr"

# ---- -fdiagnostics-format=json (GCC 13 to 15) ----
if [ "$exp_json" = yes ]; then
	if quiet=1 compile "$work/json" 0 -fdiagnostics-format=json; then
		ok "json: compiles"
		check label=json format=json kind=warning source="$src" text="$work/text/stderr" \
			file="$work/json/stderr"
	else
		bad "json: compiles"
		sed 's/^/  | /' "$work/json/stderr" | head -20
	fi
elif ! quiet=1 compile "$work/json" 0 -fdiagnostics-format=json &&
	grep -q "unrecognized argument in option.*-fdiagnostics-format=json" "$work/json/stderr"; then
	echo "SKIP: json: GCC $major has no -fdiagnostics-format=json ($(grep -o 'valid arguments.*' "$work/json/stderr" | head -1))"
else
	bad "json: GCC $major rejects -fdiagnostics-format=json (the table in expect_for)"
	sed 's/^/  | /' "$work/json/stderr" | head -20
fi

# ---- -fdiagnostics-format=sarif-file ----
sarif_checks() {
	local label=$1 dir=$2 text=$3 kind=$4 f
	if ! f=$(sarif_in "$dir"); then
		bad "$label: writes a .sarif file"
		return
	fi
	ok "$label: writes $(basename "$f")"
	check label="$label" format=sarif kind="$kind" ruleid="$ruleid" source="$src" \
		text="$text" file="$f"
	schema_check "$label" "$f"
}

SCHEMA="$MP_CACHE/npm-sarif/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"
schema_check() {
	local log
	if [ ! -f "$SCHEMA" ] || ! python3 -c 'import jsonschema' 2>/dev/null; then
		echo "SKIP: $1: SARIF schema validation (no cached schema or python3-jsonschema; testsuite/gate/run-tests.sh installs them)"
		return
	fi
	if log=$(python3 "$top/testsuite/gate/validate-sarif" "$SCHEMA" "$2" 2>&1); then
		ok "$1: valid against the SARIF 2.1.0 schema"
	else
		bad "$1: valid against the SARIF 2.1.0 schema"
		printf '  | %s\n' "${log//$'\n'/$'\n'  | }" | head -10
	fi
}

if compile "$work/sarif" 0 -fdiagnostics-format=sarif-file; then
	ok "sarif-file: compiles"
	sarif_checks sarif-file "$work/sarif" "$work/text/stderr" warning
else
	bad "sarif-file: compiles"
fi
if compile "$work/sarif-werror" 1 -fdiagnostics-format=sarif-file "${werror[@]}"; then
	ok "sarif-file, werror: fails"
	sarif_checks "sarif-file, werror" "$work/sarif-werror" "$work/text-werror/stderr" error
else
	bad "sarif-file, werror: fails"
fi

# ---- -fdiagnostics-add-output=sarif (GCC 15): text and SARIF at once ----
if [ "$exp_add" = yes ]; then
	if compile "$work/add" 0 -fdiagnostics-plain-output \
		-fdiagnostics-add-output=sarif:file="$work/add/out.sarif"; then
		ok "add-output=sarif: compiles"
		check label="add-output=sarif, its text" mode=text kind=warning source="$src" \
			text="$work/add/stderr"
		sarif_checks "add-output=sarif" "$work/add" "$work/add/stderr" warning
	else
		bad "add-output=sarif: compiles"
	fi
fi

echo "gcc-formats: $mp_passed passed, $mp_failed failed"
mp_result "${MP_RESULT:-}" passed "$mp_passed" failed "$mp_failed" skipped 0
[ "$mp_failed" -eq 0 ] && [ "$mp_passed" -gt 0 ]
