#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The report= records of compiled-out findings say so: every record of
# testsuite/mmap_prepare.dg/compiled-out.c carries "compiled_out":true,
# and no record of a live finding does (the W=1 test's findings are live).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../../scripts/lib.sh"

mp_runner_env
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

compile() {	# SOURCE REPORT [OPTION...]
	local src=$1 report=$2
	shift 2
	"$CC" -O2 -c -I include -DKBUILD_EXTRA_WARN1 "$@" "mmap_prepare.dg/$src" \
		-o /dev/null -fplugin="$PLUGIN" \
		-fplugin-arg-mmap_prepare_plugin-report="$report" 2>/dev/null || true
}

compile compiled-out.c "$tmp/out.jsonl" -DMP_EXTRA_MEMBER
compile write-only-read.c "$tmp/live.jsonl"
total=$(wc -l <"$tmp/out.jsonl")
marked=$(grep -c '"compiled_out":true' "$tmp/out.jsonl" || true)
if [ "$total" -gt 0 ] && [ "$marked" -eq "$total" ]; then
	mp_pass "records: $marked of $total compiled-out findings say \"compiled_out\":true"
else
	mp_fail "records: $marked of $total compiled-out findings say \"compiled_out\":true"
fi
live=$(wc -l <"$tmp/live.jsonl")
if [ "$live" -gt 0 ] && ! grep -q compiled_out "$tmp/live.jsonl"; then
	mp_pass "records: none of $live live findings says compiled_out"
else
	mp_fail "records: live findings ($live) and compiled_out"
fi
echo "record tests: $mp_passed passed, $mp_failed failed"
[ "$mp_failed" -eq 0 ]
