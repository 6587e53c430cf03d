#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# testsuite/toolchain/ccache-check.sh: the plugin under Debian's ccache
# (docs/caches-and-distributed-builds.md).  Run by make check; takes a few
# seconds.  Environment: CC, CXX, PLUGIN (the plugin make check built, next
# to its objects) and PLUGIN_LDFLAGS (the Makefile's link flags).
#
#  1. identity: two plugin builds with the same size and mtime at the same
#     path share ccache entries (control), unless the id= argument names
#     each plugin's build id (or ccache hashes content: compiler_check);
#     a stale id is an error;
#  2. W=1 under CCACHE_NOCPP2=1, where cc1 gets preprocessed input and
#     the macro KBUILD_EXTRA_WARN1 is gone: kbuild's W=1 warning options
#     or the w1 argument still switch write-only-read on;
#  3. report=: never served from the cache, so every compile appends its
#     findings (ccache counts the plugin's refusal at its preprocessing
#     step and compiles uncached); depend mode, which skips that step,
#     fails with a message naming CCACHE_DISABLE=1.
set -euo pipefail
export LC_ALL=C		# plain quotes in GCC's messages
repo=$(readlink -f "$(dirname "$0")/../..")
: "${CC:=gcc}" "${CXX:=g++}"
: "${PLUGIN_LDFLAGS:=-shared -static-libstdc++ -static-libgcc -Wl,--exclude-libs,ALL}"

die() { echo "ccache-check: error: $*" >&2; exit 2; }
[ -n "${PLUGIN:-}" ] && [ -f "$PLUGIN" ] || die "PLUGIN (the built plugin) is not set or missing"
command -v ccache >/dev/null || die "ccache is missing: run 'make deps' (apt-get install ccache)"
command -v readelf >/dev/null || die "readelf is missing: apt-get install binutils"
# The plugin's objects, one per plugin/*.c (the build directory may hold
# objects of sources that no longer exist).
objs=()
for src in "$(dirname "$0")"/../../plugin/*.c; do
	objs+=("$(dirname "$PLUGIN")/$(basename "${src%.c}").o")
done
[ -f "${objs[0]}" ] || die "no plugin objects next to $PLUGIN"

# A private cache with no configuration but ours.
for v in $(compgen -e | grep '^CCACHE_' || true); do unset "$v"; done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mp-ccache.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export CCACHE_DIR=$tmp/cache CCACHE_CONFIGPATH=$tmp/ccache.conf
: >"$CCACHE_CONFIGPATH"
mkdir "$tmp/p"

fails=0 checks=0
check() {	# DESCRIPTION COMMAND...: the command must succeed
	local what=$1
	shift
	checks=$((checks + 1))
	if "$@"; then
		echo "ok: $what"
	else
		echo "FAIL: $what"
		fails=$((fails + 1))
	fi
}
hits() {	# cache hits since the last zeroing
	ccache --print-stats | awk '$1 == "direct_cache_hit" || $1 == "preprocessed_cache_hit" { n += $2 } END { print n + 0 }'
}
build_id() { readelf -n "$1" | sed -n 's/^ *Build ID: //p'; }
arg=-fplugin-arg-mmap_prepare_plugin
unit=$tmp/unit.c
cat >"$unit" <<'EOF'
#include "mp-ops.h"
int t_prepare(struct vm_area_desc *desc)
{
	desc->start = 0;			/* immutable */
	return desc->private_data != NULL;	/* write-only-read, W=1 */
}
EOF
# cc [ENV=VALUE...] -- ARGS: ccache compiles the unit with the plugin at
# $tmp/p/mmap_prepare_plugin.so; its stderr is in $tmp/err.
cc() {
	local env=()
	while [ "$1" != -- ]; do env+=("$1"); shift; done
	shift
	env "${env[@]}" ccache "$CC" -I "$repo/testsuite/include" \
		-fplugin="$tmp/p/mmap_prepare_plugin.so" "$@" -c "$unit" -o "$tmp/unit.o" 2>"$tmp/err"
}
not() { ! "$@"; }
fresh() { ccache -C >/dev/null; ccache -z >/dev/null; }
has() { grep -q -- "$1" "$tmp/err"; }
hasnt() { ! grep -q -- "$1" "$tmp/err"; }

# ---- 1. identity ----
# Plugin A is make's objects linked as make links them; plugin B the same
# link with another build id of the same length: another binary of the
# same size.  (Linking the objects in another order gave another binary
# too, but its size depends on padding.)
# shellcheck disable=SC2086 # PLUGIN_LDFLAGS is a list of flags
"$CXX" $PLUGIN_LDFLAGS -o "$tmp/A.so" "${objs[@]}"
ida=$(build_id "$tmp/A.so")
[ ${#ida} -ge 2 ] || die "internal: the plugin has no build id to vary"
idb=$(printf '%s' "$ida" | tr '0-9a-f' '1-9a-f0')
# shellcheck disable=SC2086
"$CXX" $PLUGIN_LDFLAGS -Wl,--build-id=0x"$idb" -o "$tmp/B.so" "${objs[@]}"
touch -d @1700000000 "$tmp/A.so" "$tmp/B.so"
[ "$(stat -c %s "$tmp/A.so")" = "$(stat -c %s "$tmp/B.so")" ] ||
	die "internal: the relinked plugin differs in size; the test needs two of one size"
idb=$(build_id "$tmp/B.so")
[ -n "$ida" ] && [ -n "$idb" ] && [ "$ida" != "$idb" ] ||
	die "internal: the plugins need two different build ids (got '$ida', '$idb')"
use() { cp -p "$tmp/$1.so" "$tmp/p/mmap_prepare_plugin.so"; }

fresh
use A; cc -- || true
use B; cc -- || true
check "control: without id=, plugin B (same path, size, mtime) is served A's entry" \
	test "$(hits)" = 1
fresh
use A; cc -- "$arg-id=$ida" || true
use B; cc -- "$arg-id=$idb" || true
check "with id=, plugin B does not share A's entry" test "$(hits)" = 0
use A; cc -- "$arg-id=$ida" || true
check "with id=, plugin A still hits its own entry" test "$(hits)" = 1
check "the hit replays A's warnings" has "writes immutable field 'start'"
fresh
use A; cc CCACHE_COMPILERCHECK=content -- || true
use B; cc CCACHE_COMPILERCHECK=content -- || true
check "without id= but with compiler_check=content, B does not share A's entry" test "$(hits)" = 0
fresh
use B
check "a stale id= is an error" not cc -- "$arg-id=$ida"
check "... naming both ids" has "'$ida' is not the build id of $tmp/p/mmap_prepare_plugin.so, which is '$idb'"
check "a malformed id= is an error" not cc -- "$arg-id=xyz"
check "... saying what an id is" has "'xyz' is not a build id"

# ---- 2. W=1 without the macro ----
use A
w1flags=(-DKBUILD_EXTRA_WARN1 -Wundef -Wmissing-format-attribute -Wmissing-include-dirs -Wunused-const-variable)
wor="mmap-prepare-write-only-read"
fresh
cc CCACHE_NOCPP2=1 -- -DKBUILD_EXTRA_WARN1 || true
check "control: CCACHE_NOCPP2=1 loses the macro, and a bare -DKBUILD_EXTRA_WARN1 with it" hasnt "$wor"
cc CCACHE_NOCPP2=1 -- "${w1flags[@]}" || true
check "CCACHE_NOCPP2=1 with kbuild's W=1 flags: write-only-read is on" has "$wor"
cc -- "${w1flags[@]}" || true
check "ccache's default mode with kbuild's W=1 flags: write-only-read is on" has "$wor"
cc CCACHE_NOCPP2=1 -- "$arg-w1" || true
check "CCACHE_NOCPP2=1 with the w1 argument: write-only-read is on" has "$wor"
cc CCACHE_NOCPP2=1 -- -Wno-unused-const-variable -Wundef || true
check "CCACHE_NOCPP2=1 without W=1 (kbuild's flags otherwise): write-only-read is off" hasnt "$wor"
check "... and the other rules are on" has "mmap-prepare-immutable"
cc CCACHE_NOCPP2=1 -- "${w1flags[@]}" "$arg-w1" "$arg-rules=-write-only-read" || true
check "an explicit rules=-write-only-read wins over w1 and the W=1 flags" hasnt "$wor"
check "w1 takes no value" not cc -- "$arg-w1=1"
check "... and says so" has "w1': takes no value"

# ---- 3. report= ----
records() { [ -f "$1" ] && wc -l <"$1" || echo 0; }
"$CC" -I "$repo/testsuite/include" -fplugin="$tmp/p/mmap_prepare_plugin.so" "$arg-report=$tmp/plain.jsonl" \
	-c "$unit" -o /dev/null 2>/dev/null
n=$(records "$tmp/plain.jsonl")
[ "$n" -gt 0 ] || die "internal: the unit produced no report record"
for mode in default CCACHE_NOCPP2=1; do
	fresh
	env=()
	[ $mode = default ] || env=("$mode")
	cc "${env[@]}" -- "$arg-report=$tmp/r.jsonl" || true
	cc "${env[@]}" -- "$arg-report=$tmp/r.jsonl" || true
	check "$mode: a second compile with report= is not a cache hit" test "$(hits)" = 0
	check "$mode: each compile appends its $n records" test "$(records "$tmp/r.jsonl")" = $((2 * n))
	check "$mode: the warnings are shown" has "writes immutable field 'start'"
	rm -f "$tmp/r.jsonl"
done
fresh
# Depend mode needs -MD (kbuild passes -Wp,-MMD,FILE).
check "depend mode (no preprocessing step): report= is an error" \
	not cc CCACHE_DEPEND=1 -- -MD "$arg-report=$tmp/r.jsonl"
check "... that names CCACHE_DISABLE=1" has "this compile runs under ccache (process [0-9]*).*CCACHE_DISABLE=1"
rm -f "$tmp/r.jsonl"
cc CCACHE_DISABLE=1 -- "$arg-report=$tmp/r.jsonl" || true
check "CCACHE_DISABLE=1: the report is written" test "$(records "$tmp/r.jsonl")" = "$n"
fresh
cc -- || true
cc -- || true
check "control: without report= the second compile is a hit" test "$(hits)" = 1
check "... that replays the warnings" has "writes immutable field 'start'"

echo "ccache-check: $((checks - fails)) of $checks checks passed ($(ccache --version | head -1))"
[ $fails -eq 0 ]
