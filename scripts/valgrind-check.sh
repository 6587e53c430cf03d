#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Valgrind memcheck on cc1 with the plugin over a sample of the testsuite.
# cc1 itself is not valgrind-clean (GCC frees little on exit and uses
# uninitialised padding in its hash tables), so only errors whose stack
# passes through the plugin count.  Env CC, PLUGIN, SAMPLE (file count).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CC:=gcc}"
: "${PLUGIN:?PLUGIN must be the absolute path of the plugin}"
cc1=$($CC -print-prog-name=cc1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
bad=0
# The plugin's source files (a frame "(FILE.c:LINE)" is in the plugin).
srcs=$(cd plugin && ls -- *.c | sed 's/\.c$//' | paste -sd'|')
for src in $(ls testsuite/mmap_prepare.dg/*.c | grep -v '/opt-' | head -n "${SAMPLE:-12}"); do
	$CC -E -I testsuite/include -DKBUILD_EXTRA_WARN1 "$src" -o "$work/in.i"
	valgrind --tool=memcheck --error-exitcode=0 --num-callers=30 \
		--log-file="$work/vg.log" "$cc1" -quiet -O2 \
		-fplugin="$PLUGIN" "$work/in.i" -o /dev/null >/dev/null 2>&1 || true
	errs=$(awk -v srcs="$srcs" '/^==[0-9]+== .*(Invalid|uninitialised|Mismatched|overlap|free\(\))/{e=1; blk=$0; next}
		    e && /^==[0-9]+== *$/ {if (blk ~ /mmap_prepare_plugin|: mp_[a-z_]+/ || blk ~ ("\\((" srcs ")\\.c:")) c++; e=0; blk=""; next}
		    e {blk = blk "\n" $0}
		    END {print c+0}' "$work/vg.log")
	n=$((n + 1))
	if [ "$errs" -ne 0 ]; then
		bad=$((bad + errs))
		echo "valgrind: $src: $errs error(s) in the plugin"
		cat "$work/vg.log"
	fi
done
echo "valgrind: $n compiles under memcheck, $bad errors caused by the plugin"
[ "$bad" -eq 0 ]
