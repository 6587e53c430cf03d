#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/kernel/objects.sh KSRC
#
# Lists, one per line and sorted, the object files (paths relative to KSRC)
# of the .c files outside tools/ that mention vm_area_desc or mmap_prepare:
# the translation units the plugin has something to check in.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: ${0##*/} KSRC" >&2; exit 2; }
cd "$1"
grep -rlE --include='*.c' --exclude-dir=tools --exclude-dir=.git \
	'vm_area_desc|mmap_prepare' . |
	sed -e 's|^\./||' -e 's|\.c$|.o|' | LC_ALL=C sort
