#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/kernel/conversion-units.sh KSRC
#
# Lists, one per line and sorted, the objects (paths relative to KSRC) of
# the .c files with a .mmap initializer that can build on x86_64: a
# ".mmap =" in the file, or one of DRM's file_operations macros that
# expand to one (DRM_GEM_FOPS, DEFINE_DRM_GEM_DMA_FOPS, DRM_ACCEL_FOPS,
# ...); and the files that define, as a public function, a hook some
# .mmap initializer names (ceph_mmap() is in fs/ceph/addr.c, its
# file_operations in fs/ceph/file.c): the plugin classifies a body only in
# its own unit.  tools/ and the other architectures' arch/ directories are
# left out; whether the rest builds is the configuration's business.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: ${0##*/} KSRC" >&2; exit 2; }
cd "$1"
# The names given to .mmap, in sources and headers (the DRM macros).
hooks=$(grep -rohE --include='*.[ch]' --exclude-dir=tools --exclude-dir=.git \
	-e '\.mmap[[:space:]]*=[[:space:]]*&?[A-Za-z_][A-Za-z0-9_]*' . |
	sed -E 's/.*=[[:space:]]*&?//' | LC_ALL=C sort -u | paste -sd'|')
{
	grep -rlE --include='*.c' --exclude-dir=tools --exclude-dir=.git \
		-e '\.mmap[[:space:]]*=' -e '\b(DEFINE_)?DRM_(GEM|GEM_DMA|ACCEL)_FOPS\b' .
	# Kernel style puts a definition's type and name at the line's start.
	grep -rlE --include='*.c' --exclude-dir=tools --exclude-dir=.git \
		-e "^int[[:space:]]+($hooks)[[:space:]]*\(" .
} | sed -e 's|^\./||' -e 's|\.c$|.o|' | grep -vE '^arch/' |
	cat - <(grep -rlE --include='*.c' -e '\.mmap[[:space:]]*=' arch/x86 | sed 's|\.c$|.o|') |
	LC_ALL=C sort -u
