#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/kernel/conversion-tree.sh VERSION DEST
#
# A private, pristine copy of Debian's linux-source-VERSION at DEST, unpacked
# from the .deb that fetch.sh caches (fetching it first if needed), and
# prints DEST.  The shared tree under $MP_CACHE/src is not used directly:
# check-kernel's mutation step patches it in place for a while, and a long
# build (or a copy taken meanwhile) would see the mutation.  Cached: DEST is
# kept while its stamp names the same .deb.
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
# shellcheck source=scripts/lib.sh
. "$here/../lib.sh"

[ $# -eq 2 ] || { echo "usage: ${0##*/} VERSION DEST" >&2; exit 2; }
ver=$1 dest=$2
"$here/fetch.sh" "$ver" >/dev/null
deb=$(ls -t "$MP_CACHE/dl/linux-source-${ver}_"*_all.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || mp_die "no cached linux-source-$ver .deb in $MP_CACHE/dl"
if [ "$(cat "$dest/.mp-tree.stamp" 2>/dev/null)" = "$(basename "$deb")" ]; then
	echo "$dest"
	exit 0
fi
mp_log "unpacking $(basename "$deb") into $dest"
rm -rf "$dest" "$dest.tmp"
mkdir -p "$dest.tmp"
dpkg-deb --fsys-tarfile "$deb" | tar -x -O --wildcards "./usr/src/linux-source-$ver.tar.*" |
	xz -dc | tar -x -C "$dest.tmp" || mp_die "cannot unpack $deb"
mv "$dest.tmp/linux-source-$ver" "$dest"
rmdir "$dest.tmp"
basename "$deb" >"$dest/.mp-tree.stamp"
echo "$dest"
