#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Runs the DejaGnu testsuite against $PLUGIN with $CC and prints one line
# "N passed, N failed" (also as TSV to $MP_RESULT when set: keys passed,
# failed).  Exit status 1 on any failure, including unresolved tests and
# DejaGnu errors.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

mp_runner_env
cd "$(dirname "$0")/../testsuite"
out=out/$(basename "$CC")
rm -rf "$out"
mkdir -p "$out"

set +e
runtest --tool mmap_prepare --srcdir . --outdir "$out" \
	CC="$CC" PLUGIN="$PLUGIN" ${RUNTESTFLAGS:-} >"$out/runtest.out" 2>&1
rc=$?
set -e

sum="$out/mmap_prepare.sum"
if [ ! -f "$sum" ]; then
	cat "$out/runtest.out"
	echo "0 passed, 1 failed (runtest produced no summary)"
	mp_result "${MP_RESULT:-}" passed 0 failed 1
	exit 1
fi
grep -E '^(FAIL|XPASS|UNRESOLVED|ERROR|UNTESTED|WARNING):' "$sum" || true
passed=$(grep -c '^PASS:' "$sum" || true)
failed=$(grep -cE '^(FAIL|XPASS|UNRESOLVED|ERROR|UNTESTED):' "$sum" || true)
errors=$(grep -cE '^ERROR:' "$out/runtest.out" || true)
failed=$((failed + errors))
echo "testsuite: $CC, log in testsuite/$out/mmap_prepare.log"
echo "$passed passed, $failed failed"
mp_result "${MP_RESULT:-}" passed "$passed" failed "$failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ] && [ $rc -eq 0 ]
