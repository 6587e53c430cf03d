#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/kernel/build-objects.sh KSRC OUTDIR PLUGIN [extra make args]
#
# Recompiles, with the plugin loaded, every object `objects KSRC` lists, in
# the configured and prepared O=OUTDIR (see configure), in one
#   make O=OUTDIR -j -k W=1 KCFLAGS="-fplugin=PLUGIN ...report=OUTDIR/mp-report.jsonl" a.o b.o ...
# The target objects are deleted first so each run compiles them all.
# The report file is OUTDIR's own (lib.sh: mp_report), appended to; the
# findings shown are the records this run appended.
# Then prints, judged from the object files themselves (not .config):
# which objects were built (and with the plugin, from their .cmd files),
# which are missing and why when the log says, every compiler line holding
# a plugin finding ("[mmap-prepare-"), and any internal compiler error or
# plugin error.  The counts also go to $MP_LOG_DIR/build-TAG.tsv (lib.sh:
# mp_result; keys built, total, without_plugin, missing, unexpected,
# make_status, status).
#
# Environment:
#   MP_JOBS         make -j (default: number of CPUs)
#   MP_LOG_DIR      where the log goes (default $MP_CACHE/logs); its name
#                   carries OUTDIR's basename
#   MP_PLUGIN_ARGS  extra plugin arguments, space separated KEY[=VALUE]
#                   (e.g. "rules=+deprecated-mmap")
#   MP_KCFLAGS      extra KCFLAGS
#   MP_OBJECTS      build only these objects (space separated) instead of
#                   the `objects` list
#
# Exit status: 0 when no internal compiler error or plugin error occurred
# and every object except the known non-x86_64 ones was built; 1 otherwise;
# 2 on a usage error.
set -uo pipefail
here=$(dirname "$(readlink -f "$0")")
# shellcheck source=scripts/lib.sh
. "$here/../lib.sh"

[ $# -ge 3 ] || { echo "usage: ${0##*/} KSRC OUTDIR PLUGIN [make args]" >&2; exit 2; }
mp_plugin_run_args "$@"
shift 3
mp_outdir_lock "$outdir"
logdir=${MP_LOG_DIR:-$MP_CACHE/logs}
mkdir -p "$logdir"
log=$logdir/build-$tag.log
report_off=$(stat -c %s "$report")

# Objects that cannot be built for x86_64 with an MMU, whatever the config.
known_unbuilt=" fs/hostfs/hostfs_kern.o fs/ramfs/file-nommu.o fs/romfs/mmap-nommu.o "
declare -A why_known=(
	[fs/hostfs/hostfs_kern.o]="user-mode Linux only"
	[fs/ramfs/file-nommu.o]="CONFIG_MMU=n only"
	[fs/romfs/mmap-nommu.o]="CONFIG_MMU=n only"
)

if [ -n "${MP_OBJECTS:-}" ]; then
	read -r -a objs <<<"$MP_OBJECTS"
else
	mapfile -t objs < <("$here/objects.sh" "$ksrc")
fi
[ ${#objs[@]} -gt 0 ] || mp_die "no objects to build"

# GCC names a plugin after its file's basename: arguments follow the name.
pname=$(mp_plugin_name "$plugin")
kcflags=$(mp_kcflags "$outdir" "$plugin")
for a in ${MP_PLUGIN_ARGS:-}; do
	kcflags+=" -fplugin-arg-$pname-$a"
done
[ -z "${MP_KCFLAGS:-}" ] || kcflags+=" $MP_KCFLAGS"

for o in "${objs[@]}"; do
	rm -f "$outdir/$o"
done

mp_log "building ${#objs[@]} objects in $outdir (log: $log)"
t0=$(date +%s.%N)
make -C "$ksrc" O="$outdir" -j"$jobs" -k W=1 KCFLAGS="$kcflags" "$@" \
	"${objs[@]}" >"$log" 2>&1
status=$?
t1=$(date +%s.%N)

built=() missing=() unexpected=() noplugin=()
for o in "${objs[@]}"; do
	if [ -f "$outdir/$o" ]; then
		built+=("$o")
		mp_plugin_loaded "$outdir" "$o" "$plugin" || noplugin+=("$o")
	else
		missing+=("$o")
		case $known_unbuilt in *" $o "*) ;; *) unexpected+=("$o") ;; esac
	fi
done

# First error line the log has for a source file, directly or through an
# included header.
why() {
	local src=${1%.o}.c line
	line=$(grep -m1 -E "(^|/)$src:[0-9]+(:[0-9]+)?: (fatal )?error:" "$log")
	if [ -z "$line" ]; then
		line=$(grep -A12 -E "^In file included from .*(^|/)$src:" "$log" |
			grep -m1 -E ': (fatal )?error:')
	fi
	line=${line#"$ksrc"/}
	echo "${line:-no error line in the log}"
}

printf 'make exit status %d, %.1f s wall (-j%s)\n' "$status" \
	"$(echo "$t1 - $t0" | bc)" "$jobs"
echo "objects built: ${#built[@]}/${#objs[@]}"
if [ ${#noplugin[@]} -gt 0 ]; then
	echo "objects built WITHOUT the plugin on their command line: ${#noplugin[@]}"
	printf '  %s\n' "${noplugin[@]}"
fi
echo "objects missing: ${#missing[@]}"
for o in "${missing[@]}"; do
	note=${why_known[$o]:-}
	echo "  $o: ${note:+expected ($note); }$(why "$o")"
done

echo "plugin findings:"
findings=$(grep -F '[mmap-prepare-' "$log" | sed "s|$ksrc/||g")
records=$(mp_findings "$report" "$report_off") || bad=1
nrec=$(tail -c +$((report_off + 1)) "$report" | grep -c .)
if [ -n "$findings" ]; then
	echo "$findings" | sed 's/^/  /'
	echo "  ($(echo "$findings" | wc -l) lines, $(echo "$findings" | sort -u | wc -l) distinct;" \
	     "$nrec JSON records appended to $report)"
else
	echo "  none ($nrec JSON records appended to $report)"
fi
# The same, from the JSON records (rule, file:line:col, function, field).
if [ -n "$records" ]; then
	echo "distinct findings in the report:"
	echo "$records" | sed 's/^/  /'
fi

bad=${bad:-0}
trouble=$(mp_compiler_trouble "$log")
if [ -n "$trouble" ]; then
	echo "INTERNAL COMPILER ERRORS / PLUGIN ERRORS:"
	echo "$trouble" | sed "s|$ksrc/||g; s/^/  /"; bad=1
else
	echo "internal compiler errors / plugin errors: none"
fi
if [ ${#unexpected[@]} -gt 0 ]; then
	echo "unexpectedly missing: ${unexpected[*]}"; bad=1
fi
[ ${#built[@]} -gt 0 ] || bad=1
mp_result "$logdir/build-$tag.tsv" built ${#built[@]} total ${#objs[@]} \
	without_plugin ${#noplugin[@]} missing ${#missing[@]} unexpected ${#unexpected[@]} \
	make_status "$status" status "$bad"
echo "log: $log"
exit $bad
