#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/kernel/conversion-dashboard.sh VERSION|KSRC   (make conversion-dashboard KERNEL=7.2)
#
# The conversion dashboard of a kernel tree, end to end:
#  1 the tree: a private copy of Debian's linux-source-VERSION
#    (conversion-tree.sh, cached) or the tree KSRC
#  2 configure: x86_64 allmodconfig (conversion-configure.sh, cached)
#  3 build, with the plugin, rules=+deprecated-mmap and a fresh report=,
#    every unit with a .mmap initializer (conversion-units.sh) in one
#    make -k (build-objects.sh); a progress line every 30 s; then, in
#    rounds, the units that define the public functions hooks hand their
#    VMA to, when no unit built so far classified them
#  4 scripts/mmap-prepare-conversion over the report and the tree's
#    MAINTAINERS: conversion.md, conversion.html, conversion.json
# Output in $MP_CACHE/conversion/linux-VERSION/ (printed at the end).
#
# Environment: CC, PLUGIN (absolute path of the plugin), MP_JOBS,
#   MP_CONVERSION_SLICE  an extended regex: build only the units whose
#                        path matches (a documented slice, e.g. '^fs/')
set -uo pipefail
here=$(dirname "$(readlink -f "$0")")
repo=$(readlink -f "$here/../..")
# shellcheck source=scripts/lib.sh
. "$here/../lib.sh"

[ $# -eq 1 ] || { echo "usage: ${0##*/} VERSION|KSRC" >&2; exit 2; }
mp_runner_env
if [ -d "$1" ]; then
	ksrc=$(readlink -f "$1")
else	# a private pristine tree (conversion-tree.sh says why)
	ksrc=$("$here/conversion-tree.sh" "$1" "$MP_CACHE/conversion/src-$1") || exit 1
fi
[ -f "$ksrc/MAINTAINERS" ] || mp_die "$ksrc has no MAINTAINERS file"
ver=$(awk -F' *= *' '/^VERSION/{v=$2} /^PATCHLEVEL/{print v "." $2; exit}' "$ksrc/Makefile")
out=$MP_CACHE/conversion/linux-$ver-x86_64-allmod
dash=$MP_CACHE/conversion/linux-$ver
logs=$MP_CACHE/logs/conversion
mkdir -p "$dash" "$logs"
export MP_LOG_DIR=$logs MP_JOBS=${MP_JOBS:-$(nproc)}

# A private copy of the plugin, named by its checksum (the file in build/
# may be rebuilt while this runs).
sum=$(sha256sum "$PLUGIN" | cut -c1-16)
plugin=$MP_CACHE/conversion/plugin/$sum/mmap_prepare_plugin.so
mkdir -p "$(dirname "$plugin")"
[ -f "$plugin" ] || cp "$PLUGIN" "$plugin"

mp_log "[1/4] tree $ksrc ($ver)"
mp_log "[2/4] configure $out (x86_64 allmodconfig; log $logs/configure.log)"
t0=$(date +%s)
"$here/conversion-configure.sh" "$ksrc" "$out" "CC=$CC" >"$logs/configure.log" 2>&1 ||
	{ tail -n 20 "$logs/configure.log"; mp_die "configure failed: $logs/configure.log"; }

mapfile -t units < <("$here/conversion-units.sh" "$ksrc")
slice=${MP_CONVERSION_SLICE:-}
if [ -n "$slice" ]; then
	mapfile -t units < <(printf '%s\n' "${units[@]}" | grep -E -- "$slice")
	mp_log "SLICE: only the ${#units[@]} units matching '$slice'"
fi
[ ${#units[@]} -gt 0 ] || mp_die "no units with a .mmap initializer"
report=$(mp_report "$out")
: >"$report"	# this run's records only

mp_log "[3/4] build ${#units[@]} units with a .mmap initializer, rules=+deprecated-mmap (log $logs/build-$(basename "$out").log)"
# Progress: units whose object exists again (build-objects deletes them first).
(
	sleep 5
	while sleep 30; do
		n=0
		for o in "${units[@]}"; do [ -f "$out/$o" ] && n=$((n + 1)); done
		mp_log "  ... $n/${#units[@]} units built, $(grep -c . "$report") records, $(( $(date +%s) - t0 )) s"
	done
) &
mon=$!
MP_OBJECTS="${units[*]}" MP_PLUGIN_ARGS="rules=+deprecated-mmap" \
	"$here/build-objects.sh" "$ksrc" "$out" "$plugin" "CC=$CC" >"$logs/build-objects.txt" 2>&1
kill "$mon" 2>/dev/null
wait "$mon" 2>/dev/null
tsv=$logs/build-$(basename "$out").tsv
built=$(mp_result_get "$tsv" built)
grep -E '^(make exit|objects built|objects missing|internal compiler)' "$logs/build-objects.txt" | sed 's/^/  /'
trouble=$(sed -n '/^INTERNAL COMPILER ERRORS/,/^[a-z]/p' "$logs/build-objects.txt")
[ -z "$trouble" ] || { echo "$trouble"; mp_die "internal compiler errors or plugin errors: $logs/build-objects.txt"; }
[ "${built:-0}" -gt 0 ] || mp_die "nothing built: $logs/build-objects.txt"
grep -E '^  [^ ]+\.o: ' "$logs/build-objects.txt" | sed 's/^  //' >"$dash/not-built.txt"
# The objects built (build-objects.sh deletes its targets first).
for o in "${units[@]}"; do [ -f "$out/$o" ] && echo "$o"; done >"$dash/built.txt"

# The files that define the public functions hooks hand their VMA to
# (drivers/android/binder_alloc.c for binder's hook), when no unit built so
# far classified them: a round of their own, appended to the same report,
# until none is left (a function may hand the VMA on; 3 rounds at most).
# The dashboard finds them in the tree (--source-tree; "unclassified":
# "not-built"); mm/'s are the kernel's own and never classified.
declare -A tried=()
for o in "${units[@]}"; do tried[$o]=1; done
callee_units=() callees_built=0
for round in 1 2 3; do
	"$repo/scripts/mmap-prepare-conversion" --source-tree "$ksrc" --built "$dash/built.txt" \
		--json "$logs/callees.json" "$report" >/dev/null || exit 1
	mapfile -t more < <(python3 -c '
import json, sys
for c in json.load(open(sys.argv[1]))["callees"]:
    if c.get("unclassified") == "not-built":
        print(c["defined"].rsplit(":", 1)[0][:-2] + ".o")' "$logs/callees.json" | sort -u)
	round_units=()
	for o in "${more[@]}"; do
		[ -n "${tried[$o]:-}" ] || { tried[$o]=1; round_units+=("$o"); }
	done
	[ ${#round_units[@]} -gt 0 ] || break
	mp_log "[3/4] round $((round + 1)): ${#round_units[@]} units that define functions hooks hand their VMA to"
	MP_OBJECTS="${round_units[*]}" MP_PLUGIN_ARGS="rules=+deprecated-mmap" \
		"$here/build-objects.sh" "$ksrc" "$out" "$plugin" "CC=$CC" >"$logs/build-callees-$round.txt" 2>&1
	trouble=$(sed -n '/^INTERNAL COMPILER ERRORS/,/^[a-z]/p' "$logs/build-callees-$round.txt")
	[ -z "$trouble" ] || { echo "$trouble"; mp_die "internal compiler errors or plugin errors: $logs/build-callees-$round.txt"; }
	n=$(mp_result_get "$tsv" built)
	mp_log "  ${n:-0}/${#round_units[@]} built"
	for o in "${round_units[@]}"; do [ -f "$out/$o" ] && echo "$o"; done >>"$dash/built.txt"
	callee_units+=("${round_units[@]}")
	callees_built=$((callees_built + ${n:-0}))
	grep -E '^  [^ ]+\.o: ' "$logs/build-callees-$round.txt" | sed 's/^  //' >>"$dash/not-built.txt"
done

# What the report's build section says.
stats=$dash/build.tsv
mp_result "$stats" kernel "$(awk -F' *= *' '/^VERSION/{v=$2} /^PATCHLEVEL/{p=$2} /^SUBLEVEL/{print v "." p "." $2; exit}' "$ksrc/Makefile")" \
	config "x86_64 allmodconfig" units_with_mmap_initializer "${#units[@]}" \
	units_built "$built" units_not_built "$(( ${#units[@]} - built ))" \
	units_defining_callees "${#callee_units[@]}" units_defining_callees_built "$callees_built" \
	slice "${slice:-none (every unit)}" build_seconds "$(( $(date +%s) - t0 ))"

mp_log "[4/4] dashboard"
"$repo/scripts/mmap-prepare-conversion" --progress --maintainers "$ksrc/MAINTAINERS" \
	--source-tree "$ksrc" --built "$dash/built.txt" \
	--title "mmap_prepare conversion dashboard: Linux $ver, x86_64 allmodconfig" \
	--build-stats "$stats" --out-dir "$dash" "$report" || exit 1
cp "$report" "$dash/records.jsonl"
echo "conversion dashboard: $dash/conversion.{md,html,json} (records: $dash/records.jsonl, units not built: $dash/not-built.txt)"
