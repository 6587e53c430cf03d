#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/kernel/conversion-units.sh KSRC
#
# Lists, one per line and sorted, the objects (paths relative to KSRC) of
# the .c files with a .mmap initializer that can build on x86_64: a
# ".mmap =" in the file, or one of DRM's file_operations macros that
# expand to one (DRM_GEM_FOPS, DEFINE_DRM_GEM_DMA_FOPS, DRM_ACCEL_FOPS,
# ...).  tools/ and the other architectures' arch/ directories are left
# out; whether the rest builds is the configuration's business.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: ${0##*/} KSRC" >&2; exit 2; }
cd "$1"
grep -rlE --include='*.c' --exclude-dir=tools --exclude-dir=.git \
	-e '\.mmap[[:space:]]*=' -e '\b(DEFINE_)?DRM_(GEM|GEM_DMA|ACCEL)_FOPS\b' . |
	sed -e 's|^\./||' -e 's|\.c$|.o|' | grep -vE '^arch/' |
	cat - <(grep -rlE --include='*.c' -e '\.mmap[[:space:]]*=' arch/x86 | sed 's|\.c$|.o|') |
	LC_ALL=C sort -u
