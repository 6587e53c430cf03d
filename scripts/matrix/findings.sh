#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Compiles every testsuite/mmap_prepare.dg/*.c once at -O2 with the plugin,
# with the flags the DejaGnu harness gives it (its base flags plus the
# test's dg-options), and prints one line per warning or error:
#
#   mmap_prepare.dg/FILE.c:LINE: [RULE]
#
# RULE is the plugin's [mmap-prepare-*] tag, else the diagnostic's
# trailing [...] (GCC's own -W...), else "warning"/"error"; " error"
# follows a tagged finding that is an error.  A finding located in a
# header reads "HEADER:LINE (from TEST): [RULE]"; one without a location
# "TEST(cc1): [RULE]"; a compiler crash "TEST: [ICE]".  Notes are not
# findings.  The
# output is sorted, so two compilers' outputs compare with diff.
#
#   CC      compiler (default gcc)
#   PLUGIN  plugin path (default build/mmap_prepare_plugin.so)
set -euo pipefail

CC=${CC:-gcc}
cd "$(dirname "$0")/../.."
PLUGIN=$(realpath "${PLUGIN:-build/mmap_prepare_plugin.so}")
cd testsuite

for t in ./mmap_prepare.dg/*.c; do
	opts=$(sed -n 's/.*{ *dg-options "\([^"]*\)" *}.*/\1/p' "$t" | head -1)
	# shellcheck disable=SC2086 # dg-options is a word list
	out=$("$CC" -c -o /dev/null -O2 -fplugin="$PLUGIN" -fdiagnostics-plain-output \
		-Iinclude -std=gnu11 -Wno-unused-variable $opts "$t" 2>&1) || true
	name=${t#./}
	if grep -qE 'internal compiler error|Segmentation fault|Please submit a full bug report' <<<"$out"; then
		echo "$name: [ICE]"
	fi
	printf '%s\n' "$out" | awk -v name="$name" '
		/: (warning|error): / {
			kind = ($0 ~ /: error: /) ? "error" : "warning"
			rule = kind
			if (match($0, /\[mmap-prepare-[a-z-]+\]/))
				rule = substr($0, RSTART + 1, RLENGTH - 2)
			else if (match($0, /\[[^][]+\]$/))
				rule = substr($0, RSTART + 1, RLENGTH - 2)
			where = $0
			sub(/: (warning|error): .*/, "", where)
			sub(/^\.\//, "", where)
			# FILE:LINE:COL -> FILE:LINE; "cc1" and the like: TEST(cc1)
			if (match(where, /:[0-9]+:[0-9]+$/)) {
				file = substr(where, 1, RSTART - 1)
				split(substr(where, RSTART + 1), lc, ":")
				where = file ":" lc[1]
				if (file != name)
					where = where " (from " name ")"
			} else {
				where = name "(" where ")"
			}
			print where ": [" rule "]" (kind == "error" && rule != "error" ? " error" : "")
		}'
done | LC_ALL=C sort -t: -k1,1 -k2,2n
