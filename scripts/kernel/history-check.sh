#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/kernel/history-check.sh   (make conversion-history)
#
# The deprecated-mmap classification measured against history: the drivers
# upstream converted from .mmap (6.12) to .mmap_prepare (7.2), put back to
# their .mmap form in a 7.2 tree by testsuite/kernel/history/*.patch, are
# built with the plugin (rules=+deprecated-mmap, report=) and their records
# compared with testsuite/kernel/history/ground-truth.tsv (compare.py):
# class and suggested helper per hook, the percentages, and
# docs/conversion-history.md (table and every miss).
#  1 a copy of a private, pristine linux-source-7.2 (conversion-tree.sh;
#    hard links, each patched file copied first) with every patch applied
#  2 configure.sh (x86_64_defconfig + kconfig.options: every file system
#    and driver of the list that builds on x86_64; and FS_DAX), cached
#  3 build-objects.sh on the objects holding the ops objects and the bodies
#  4 compare.py
#
# Environment: CC, PLUGIN, MP_JOBS, HISTORY_DOC (default docs/conversion-history.md;
#   empty: print only), KSRC (a 7.2 tree instead of fetching).
set -uo pipefail
here=$(dirname "$(readlink -f "$0")")
repo=$(readlink -f "$here/../..")
hist=$repo/testsuite/kernel/history
# shellcheck source=scripts/lib.sh
. "$here/../lib.sh"

mp_runner_env
work=$MP_CACHE/history
if [ -n "${KSRC:-}" ]; then k72=$(readlink -f "$KSRC"); else k72=$("$here/conversion-tree.sh" 7.2 "$work/src-7.2") || exit 1; fi
tree=$work/linux-7.2
out=$work/build-x86_64
logs=$MP_CACHE/logs/history
mkdir -p "$work" "$logs"
export MP_LOG_DIR=$logs MP_JOBS=${MP_JOBS:-$(nproc)}
mp_lock history

sum=$(sha256sum "$PLUGIN" | cut -c1-16)
plugin=$work/plugin/$sum/mmap_prepare_plugin.so
mkdir -p "$(dirname "$plugin")"
[ -f "$plugin" ] || cp "$PLUGIN" "$plugin"

# 1: the patched tree, rebuilt when the patches or the source changed.
key=$(cat "$hist"/*.patch "$k72/Makefile" | sha256sum | cut -c1-16)
if [ "$(cat "$tree/.mp-history.key" 2>/dev/null)" != "$key" ]; then
	mp_log "[1/4] patched copy of $k72 in $tree"
	rm -rf "$tree"
	cp -al "$k72" "$tree" || mp_die "cannot copy $k72"
	for p in "$hist"/*.patch; do
		# Break the hard links of the files this patch touches.
		for f in $(sed -n 's|^+++ b/\([^\t ]*\).*|\1|p' "$p"); do
			cp --remove-destination "$k72/$f" "$tree/$f"
		done
		patch -s -p1 -d "$tree" --no-backup-if-mismatch <"$p" ||
			mp_die "$(basename "$p") does not apply to $k72"
	done
	echo "$key" >"$tree/.mp-history.key"
else
	mp_log "[1/4] patched tree $tree (cached)"
fi

mp_log "[2/4] configure $out"
# FS_DAX (and what it needs) on top: erofs, ext4 and xfs keep their DAX
# branches in the hook, as a DAX-capable build has them (without it erofs's
# hook is a macro for generic_file_readonly_mmap).
MP_EXTRA_OPTIONS="-e MEMORY_HOTPLUG -e MEMORY_HOTREMOVE -e ZONE_DEVICE -e FS_DAX" \
"$here/configure.sh" "$tree" "$out" "CC=$CC" >"$logs/configure.log" 2>&1 ||
	{ tail -n 20 "$logs/configure.log"; mp_die "configure failed: $logs/configure.log"; }

# 3: every file the ground truth names, on x86_64, and every .c file their
# patches touch (vme_user's patch restores vme_master_mmap() in vme.c,
# which the hook calls and the plugin classifies there).
mapfile -t objs < <({
	awk -F'\t' '!/^#/ && NF >= 9 && $9 == "yes" {
		print $2; if ($6 != "-") print $6 }' "$hist/ground-truth.tsv"
	for d in $(awk -F'\t' '!/^#/ && NF >= 9 && $9 == "yes" { print $1 }' "$hist/ground-truth.tsv" | sort -u); do
		sed -n 's|^+++ b/\(.*\.c\)$|\1|p' "$hist/$d.patch"
	done
} | sed 's/\.c$/.o/' | LC_ALL=C sort -u)
report=$(mp_report "$out")
: >"$report"
mp_log "[3/4] build ${#objs[@]} objects with rules=+deprecated-mmap (log $logs/build-$(basename "$out").log)"
MP_OBJECTS="${objs[*]}" MP_PLUGIN_ARGS="rules=+deprecated-mmap" \
	"$here/build-objects.sh" "$tree" "$out" "$plugin" "CC=$CC" >"$logs/build-objects.txt" 2>&1
grep -E '^(make exit|objects built|objects missing|  [^ ]+\.o: )' "$logs/build-objects.txt" | sed 's/^/  /'
cp "$report" "$logs/records.jsonl"

mp_log "[4/4] compare with the ground truth"
"$hist/compare.py" --ground-truth "$hist/ground-truth.tsv" --out "$out" \
	--doc "${HISTORY_DOC-$repo/docs/conversion-history.md}" \
	--plugin-id "$sum" "$report"
