#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/kernel/fetch.sh VERSION
#
# Ensures Debian's linux-source-VERSION (e.g. 7.2, 7.3, 6.12) is unpacked at
# $MP_CACHE/src/linux-source-VERSION and prints that path.  Idempotent: an
# unpacked tree is reused without touching the network; a cached .deb is
# reused without downloading.  Uses only the private apt configuration under
# $MP_CACHE/apt (see lib.sh); the system's apt state is never changed.
#
# Environment: MP_CACHE, MP_SUITES (defaults: scripts/lib.sh).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$(readlink -f "$0")")/../lib.sh"

[ $# -eq 1 ] || { echo "usage: ${0##*/} VERSION   (e.g. 7.2)" >&2; exit 2; }
ver=$1
[[ $ver =~ ^[0-9]+\.[0-9]+$ ]] || mp_die "VERSION must look like 7.2, not '$ver'"
pkg=linux-source-$ver
tree=$MP_CACHE/src/$pkg
dl=$MP_CACHE/dl

mp_lock fetch

if [ -f "$tree/Makefile" ] && [ -d "$tree/mm" ]; then
	echo "$tree"
	exit 0
fi

# The newest cached .deb of this package, if any.
cached_deb() {
	local f v best='' bestf=''
	for f in "$dl/${pkg}_"*_all.deb; do
		[ -f "$f" ] || continue
		v=$(dpkg-deb -f "$f" Version)
		if [ -z "$best" ] || dpkg --compare-versions "$v" gt "$best"; then
			best=$v bestf=$f
		fi
	done
	echo "$bestf"
}

mkdir -p "$dl" "$MP_CACHE/src"
deb=$(cached_deb || true)
if [ -z "$deb" ]; then
	mp_apt_ready
	debver=$(mp_newest_version "$pkg")
	if [ -z "$debver" ] || ! (cd "$dl" && mp_apt -qq download "$pkg=$debver" >&2); then
		# Stale lists (the archive moved on): refresh once and retry.
		mp_apt_ready force
		debver=$(mp_newest_version "$pkg")
		[ -n "$debver" ] || mp_die "no package $pkg in suites: $MP_SUITES"
		(cd "$dl" && mp_apt -qq download "$pkg=$debver" >&2) ||
			mp_die "apt-get download $pkg=$debver failed"
	fi
	deb=$(cached_deb) || true
	[ -n "$deb" ] || mp_die "download of $pkg left no .deb in $dl"
fi

mp_log "unpacking $(basename "$deb")"
work=$(mktemp -d "$MP_CACHE/src/.unpack-$ver.XXXXXX")
trap 'rm -rf "$work"' EXIT
dpkg-deb --fsys-tarfile "$deb" |
	tar -x -C "$work" --wildcards "./usr/src/$pkg.tar.*" ||
	mp_die "$deb holds no usr/src/$pkg.tar.*"
tarball=$(ls "$work/usr/src/$pkg".tar.* | head -n1)
mkdir "$work/tree"
tar -x -C "$work/tree" -f "$tarball"
rm -f "$tarball"
[ -f "$work/tree/$pkg/Makefile" ] || mp_die "$tarball does not unpack to $pkg/"
rm -rf "$tree"
mv "$work/tree/$pkg" "$tree"
# Provenance, beside the tree (the tree itself stays as shipped).
dpkg-deb -f "$deb" Version >"$tree.debversion"
echo "$tree"
