#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/bench-sparse-setup.sh
#
# Ensures sparse >= 0.6.5 (sid has 0.6.5~rc1-2) is at $MP_CACHE/sparse/bin/sparse and prints that
# path.  Debian bookworm's sparse 0.6.4 does not understand
# __typeof_unqual__, so kbuild's scripts/checker-valid.sh rejects it and
# `make C=1` silently checks nothing on Linux 7.x.  This script downloads
# the sparse SOURCE package from Debian sid through a private apt
# configuration (a copy of the system's debian.sources with only the
# Suites: and Types: lines changed, under $MP_CACHE/apt-src; the system's
# apt state is never touched), unpacks it with apt-get source and builds
# only the sparse binary.  Idempotent: a working binary is reused.
#
# Environment: MP_CACHE (see scripts/lib.sh), MP_JOBS.
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
# shellcheck source=scripts/lib.sh
. "$here/lib.sh"

prefix=$MP_CACHE/sparse
bin=$prefix/bin/sparse
apt_dir=$MP_CACHE/apt-src
srcdir=$MP_CACHE/sparse-src
jobs=${MP_JOBS:-$(nproc)}

# The test kbuild itself applies (scripts/checker-valid.sh): no "error"
# on a unit using __typeof_unqual__.
sparse_ok() {
	local t out
	[ -x "$1" ] || return 1
	t=$(mktemp --suffix=.c)
	printf 'static inline int u(const int *q)\n{\n\t__typeof_unqual__(*q) v = *q;\n\treturn v;\n}\n' >"$t"
	out=$("$1" "$t" 2>&1 || true)
	rm -f "$t"
	! grep -q error <<<"$out"
}

mp_lock sparse
if sparse_ok "$bin"; then
	echo "$bin"
	exit 0
fi

command -v dpkg-source >/dev/null || mp_die "dpkg-source missing: apt-get install dpkg-dev"
command -v make >/dev/null && command -v gcc >/dev/null || mp_die "make and gcc needed"

# Private sources: sid, source packages only.
mp_apt_opts_for opts "$apt_dir"
mkdir -p "$apt_dir/sources" "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
mp_sources_for sid deb-src >"$apt_dir/sources/sid-src.sources"
grep -q '^Suites:' "$apt_dir/sources/sid-src.sources" ||
	mp_die "no usable stanza in $MP_SYSTEM_SOURCES"
mp_log "apt-get update (private configuration: sid, deb-src)"
apt-get "${opts[@]}" -qq update >&2 || mp_die "apt-get update failed"

ver=$(apt-cache "${opts[@]}" showsrc sparse | awk '/^Version:/ { print $2 }' | sort -V | tail -n1)
[ -n "$ver" ] || mp_die "no source package sparse in sid"
# sid carries 0.6.5~rc1 (Debian's name for 0.6.5-rc1), which is enough:
# what matters is __typeof_unqual__, tested below.
dpkg --compare-versions "$ver" ge 0.6.5~ || mp_die "sid has sparse $ver, need >= 0.6.5~rc1"

rm -rf "$srcdir"
mkdir -p "$srcdir"
mp_log "apt-get source sparse=$ver"
(cd "$srcdir" && apt-get "${opts[@]}" -qq source "sparse=$ver" >&2) ||
	mp_die "apt-get source sparse=$ver failed"
tree=$(find "$srcdir" -mindepth 1 -maxdepth 1 -type d -name 'sparse-*' | head -n1)
[ -n "$tree" ] && [ -f "$tree/Makefile" ] || mp_die "no unpacked sparse tree in $srcdir"

mp_log "building sparse in $tree"
# Only the checker itself: no LLVM back end, no GTK viewer.  Debian's
# patch pins CC to sid's default compiler (gcc-16); the system gcc builds
# it (the kernel passes -nostdinc, so gcc's own headers do not matter).
if ! make -C "$tree" -j"$jobs" CC=gcc HAVE_LLVM=no HAVE_GTK=no HAVE_SQLITE=no \
	SPARSE_VERSION="$ver" sparse >"$srcdir/build.log" 2>&1; then
	tail -n 20 "$srcdir/build.log" >&2
	mp_die "building sparse failed (log: $srcdir/build.log)"
fi
install -D -m 0755 "$tree/sparse" "$bin"
echo "$ver" >"$prefix/debversion"
sparse_ok "$bin" || mp_die "$bin built but rejects __typeof_unqual__"
mp_log "sparse $ver at $bin"
echo "$bin"
