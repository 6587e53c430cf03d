#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# testsuite/gate/kernel-fixture.sh: the real kernel the gate's kernel check
# (testsuite/gate/kernel-check.sh) runs on, cached under
# $MP_CACHE/gate-kernel/:
#
#   linux/   a private copy of linux-source-7.2 with this repository's
#            in-tree series applied, made a git repository whose first
#            commit tracks only the files the check edits (the gate reads
#            git diff BASE..HEAD, so untracked files do not matter)
#   oot/     O= build directory, x86_64 + kconfig.options, prepared
#   intree/  the same with CONFIG_GCC_PLUGINS and CONFIG_GCC_PLUGIN_MMAP_PREPARE
#
# Prints the directory.  Re-made when the series changes.
# Env: CC, MP_CACHE, MP_JOBS.
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
top=$(readlink -f "$here/../..")
# shellcheck source=scripts/lib.sh
. "$top/scripts/lib.sh"
CC=${CC:-gcc}
dir=$MP_CACHE/gate-kernel
src=$MP_CACHE/src/linux-source-7.2
mkdir -p "$dir"
[ -d "$src" ] || "$top/scripts/kernel/fetch.sh" 7.2 >&2
[ -f "$src/Makefile" ] || mp_die "$src: no kernel tree"

series=$(mktemp -d)
trap 'rm -rf "$series"' EXIT
"$top/scripts/kernel/make-patch-series.sh" "$src" "$series" >/dev/null
# Keyed by the series' content, not its commit headers (dates change).
key=$(cat "$series"/*.patch | grep -v -e '^From ' -e '^Date: ' | sha256sum | cut -c1-16)
# The files the check edits: they are the only ones git tracks.
tracked="drivers/char/mem.c drivers/char/hpet.c drivers/macintosh/via-pmu.c
	include/linux/hpet.h"

if [ "$(cat "$dir/linux.stamp" 2>/dev/null)" != "$key" ]; then
	rm -rf "$dir/linux" "$dir/oot" "$dir/intree" "$dir/linux.stamp"
	mp_log "copying $src (1.8 GB)"
	# check-kernel's mutations edit the shared tree in place for seconds
	# at a time: copy it under their lock (scripts/kernel/mutate.sh).
	mkdir -p "$MP_CACHE/locks"
	exec 8>"$MP_CACHE/locks/tree-$(readlink -f "$src" | sha1sum | cut -c1-12).lock"
	flock 8
	cp -a "$src" "$dir/linux"
	flock -u 8
	git -C "$dir/linux" apply "$series"/*.patch
	git -C "$dir/linux" init -q
	# shellcheck disable=SC2086
	git -C "$dir/linux" add -f $tracked
	git -C "$dir/linux" -c user.name=t -c user.email=t@t commit -qm base
	echo "$key" >"$dir/linux.stamp"
fi
# Each run starts from the base commit.
git -C "$dir/linux" checkout -q -f master 2>/dev/null || true
git -C "$dir/linux" reset -q --hard "$(git -C "$dir/linux" rev-list --max-parents=0 HEAD)"

"$top/scripts/kernel/configure.sh" "$dir/linux" "$dir/oot" "CC=$CC" >&2
MP_EXTRA_OPTIONS="-e GCC_PLUGINS -e GCC_PLUGIN_MMAP_PREPARE" \
	"$top/scripts/kernel/configure.sh" "$dir/linux" "$dir/intree" "CC=$CC" >&2
echo "$dir"
