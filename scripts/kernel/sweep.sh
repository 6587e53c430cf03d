#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/kernel/sweep.sh KSRC OUTDIR PLUGIN [DIR/...]
#
# Builds everything configured under the DIRs (default: mm/ fs/ kernel/
# block/ drivers/char/) in the configured O=OUTDIR with the plugin, W=1,
# make -k:
#   make O=OUTDIR -k W=1 KCFLAGS="-fplugin=PLUGIN ...report=..." DIR/...
# kbuild recompiles what is out of date (everything, the first time, or
# after the plugin changed: its path is part of every command line); an
# object it leaves alone was compiled earlier by the same plugin with the
# same flags and its findings are already in OUTDIR's report.
#
# Prints: make's exit status and time, the number of objects under the
# DIRs whose .cmd file shows the plugin (and how many were compiled by
# this run), internal compiler errors and plugin errors from the log, and
# the distinct findings in OUTDIR's report (written to
# $MP_LOG_DIR/sweep-findings-TAG.txt for check-kernel).  The counts also go
# to $MP_LOG_DIR/sweep-TAG.tsv (lib.sh: mp_result; keys with_plugin,
# compiled_now, compiled_c, make_status, findings, status).
#
# Environment: MP_JOBS, MP_LOG_DIR (default $MP_CACHE/logs), MP_MAKE_ARGS.
# Exit status: 0 when make succeeded and no internal compiler error or
# plugin error occurred; 1 otherwise (findings are judged by the caller).
set -uo pipefail
here=$(dirname "$(readlink -f "$0")")
# shellcheck source=scripts/lib.sh
. "$here/../lib.sh"

[ $# -ge 3 ] || { echo "usage: ${0##*/} KSRC OUTDIR PLUGIN [DIR/...]" >&2; exit 2; }
mp_plugin_run_args "$@"
shift 3
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=(mm/ fs/ kernel/ block/ drivers/char/)
mp_outdir_lock "$outdir"
logdir=${MP_LOG_DIR:-$MP_CACHE/logs}
mkdir -p "$logdir"
log=$logdir/sweep-$tag.log

mp_log "sweeping ${dirs[*]} in $outdir (log: $log)"
marker=$(mktemp)
t0=$(date +%s.%N)
mp_cpu c0
make -C "$ksrc" O="$outdir" -j"$jobs" -k W=1 KCFLAGS="$(mp_kcflags "$outdir" "$plugin")" \
	"${make_args[@]}" "${dirs[@]}" >"$log" 2>&1
status=$?
mp_cpu c1
t1=$(date +%s.%N)

mapfile -t withp < <(mp_objects_with_plugin "$outdir" "$plugin" "${dirs[@]}")
now=0
for o in "${withp[@]}"; do
	[ "$outdir/$o" -nt "$marker" ] && now=$((now + 1))
done
rm -f "$marker"
# Objects under the DIRs that kbuild compiled from C (not linked: a
# composite foo.o is "ld -r" of its parts) without the plugin: none allowed.
mapfile -t compiled < <(cd "$outdir" && find "${dirs[@]}" -name '.*.o.cmd' -print0 2>/dev/null |
	xargs -0r grep -lE -e '^savedcmd_.* -c -o [^ ]+ [^ ]+\.c( |;|$)' | sed -e 's|/\.\([^/]*\)\.cmd$|/\1|' | LC_ALL=C sort)
noplugin=$(comm -23 <(printf '%s\n' "${compiled[@]}") <(printf '%s\n' "${withp[@]}") | grep .)

printf 'make exit status %d, %.0f s wall, %.0f s CPU (-j%s)\n' "$status" \
	"$(echo "$t1 - $t0" | bc)" "$(echo "$c1 - $c0" | bc)" "$jobs"
echo "objects compiled with the plugin: ${#withp[@]} (compiled by this run: $now; C objects kbuild compiled under ${dirs[*]}: ${#compiled[@]})"
errs=$(grep -E '(^|/)[^ :]+:[0-9]+(:[0-9]+)?: (fatal )?error:' "$log" | sed "s|$ksrc/||" | sort -u)
if [ -n "$errs" ]; then
	echo "compile errors:"; echo "$errs" | head -n 20 | sed 's/^/  /'
fi
if [ $status -ne 0 ]; then
	# What make stopped on: each failed recipe and the line before it.
	echo "make failures:"
	grep -B1 -E '^make\[[0-9]+\]: \*\*\* \[[^]]*: [^] ]*\.[a-z]+\] Error' "$log" | grep -v '^--$' |
		sed "s|$ksrc/||g; s/^/  /" | head -n 20
fi
trouble=$(mp_compiler_trouble "$log")
bad=0
if [ -n "$trouble" ]; then
	echo "INTERNAL COMPILER ERRORS / PLUGIN ERRORS:"; echo "$trouble" | sed "s|$ksrc/||g; s/^/  /"; bad=1
else
	echo "internal compiler errors / plugin errors: none"
fi
if [ -n "$noplugin" ]; then
	echo "COMPILED WITHOUT THE PLUGIN: $(echo "$noplugin" | wc -l)"; echo "$noplugin" | sed 's/^/  /'; bad=1
fi
[ $status -eq 0 ] || bad=1
[ ${#withp[@]} -gt 0 ] || bad=1
findings=$logdir/sweep-findings-$tag.txt
mp_findings "$report" >"$findings" || bad=1
echo "distinct findings in $report: $(grep -c . "$findings")"
sed 's/^/  /' "$findings"
mp_result "$logdir/sweep-$tag.tsv" with_plugin ${#withp[@]} compiled_now "$now" \
	compiled_c ${#compiled[@]} make_status "$status" findings "$(grep -c . "$findings")" status "$bad"
echo "log: $log"
exit $bad
