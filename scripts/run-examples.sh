#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Compiles examples/*.c with the mmap_prepare plugin, shows the compiler's
# diagnostics as they are, and checks the findings against
# examples/expected.txt (one "FILE:LINE: RULE" per line, sorted by file
# and line number).
#
#   CC      compiler (default gcc)
#   PLUGIN  plugin to load (default build/mmap_prepare_plugin.so)
#
# Exits 1 if a compilation fails, if good_driver.c draws any warning, or
# if the findings differ from the expected ones.
set -euo pipefail

CC=${CC:-gcc}
# A PLUGIN given relative to the caller's directory stays valid after cd.
if [ -n "${PLUGIN:-}" ] && [ "${PLUGIN#/}" = "$PLUGIN" ] && [ -e "$PLUGIN" ]; then
	PLUGIN=$(pwd)/$PLUGIN
fi
cd "$(dirname "$0")/.."
PLUGIN=${PLUGIN:-build/mmap_prepare_plugin.so}
EXAMPLES="examples/bad_driver.c examples/good_driver.c"
EXPECTED=examples/expected.txt

if [ ! -f "$PLUGIN" ]; then
	echo "run-examples: plugin '$PLUGIN' not found; run 'make' first" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
for src in $EXAMPLES; do
	log="$tmp/$(basename "$src").log"
	# Written to a file, the diagnostics are uncoloured, and each
	# warning keeps its "[mmap-prepare-RULE]" on its first line.
	if ! "$CC" -c -O2 -I examples/include -fplugin="$PLUGIN" \
		-o /dev/null "$src" >"$log" 2>&1; then
		cat "$log"
		echo "examples: $CC failed on $src" >&2
		status=1
		continue
	fi
	cat "$log"
	# "FILE:LINE:COL: warning: ... [mmap-prepare-RULE]" -> "FILE:LINE: RULE"
	sed -n 's/^\([^:]*\):\([0-9]*\):[0-9]*: warning: .*\[\(mmap-prepare-[a-z-]*\)\]$/\1:\2: \3/p' \
		"$log" >>"$tmp/actual.unsorted"
	case "$src" in
	*good_driver.c)
		if grep -q 'warning:' "$log"; then
			echo "examples: $src must compile without warnings" >&2
			status=1
		fi
		;;
	esac
done
[ "$status" -eq 0 ] || exit 1

touch "$tmp/actual.unsorted"
# By file, then by line number.
LC_ALL=C sort -t: -k1,1 -k2,2n "$tmp/actual.unsorted" >"$tmp/actual"
if ! diff -u --label "$EXPECTED" --label actual "$EXPECTED" "$tmp/actual"; then
	echo "examples: findings differ from $EXPECTED" >&2
	exit 1
fi
echo "examples: $(wc -l <"$tmp/actual") findings as expected"
