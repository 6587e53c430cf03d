#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The documented opt-out line (docs/kernel.md, "Silencing") in a real
# kbuild: an external module (M=) whose Makefile commits the line, built
# against a configured kernel tree
#   - without the plugin (the line must be harmless; the bare argument the
#     docs gave before fails in cc1),
#   - with the plugin in KCFLAGS (the line silences the module's finding,
#     which is reported without the line),
#   - and, given a tree with CONFIG_GCC_PLUGIN_MMAP_PREPARE=y, in tree.
# Usage: PLUGIN=/abs/mmap_prepare_plugin.so optout-kbuild.sh O [INTREE_O]
#   O, INTREE_O: kbuild output directories, configured and prepared
#   (make check-kernel leaves them in $MP_CACHE/check-kernel/build/).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
# shellcheck source=scripts/lib.sh
. "$top/scripts/lib.sh"
: "${PLUGIN:?PLUGIN must name the built mmap_prepare_plugin.so}"
[ $# -ge 1 ] || mp_die "usage: $0 O [INTREE_O]"
mp_passed=0 mp_failed=0

line=$(grep -m1 '^CFLAGS_foo\.o += \$(if \$(filter -fplugin=' "$top/docs/kernel.md") ||
	mp_die "no opt-out line in docs/kernel.md"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/m"
cat >"$work/m/foo.c" <<'EOF'
// SPDX-License-Identifier: GPL-2.0
#include <linux/fs.h>
#include <linux/module.h>

static int foo_mmap(struct file *file, struct vm_area_struct *vma)
{
	return -ENODEV;
}

static int foo_mmap_prepare(struct vm_area_desc *desc)
{
	return 0;
}

const struct file_operations foo_fops = {
	.owner		= THIS_MODULE,
	.mmap		= foo_mmap,
	.mmap_prepare	= foo_mmap_prepare,
};
EXPORT_SYMBOL(foo_fops);
MODULE_LICENSE("GPL");
EOF

# kb NAME O MAKEFILE-LINE KCFLAGS EXPECT: builds foo.o of the module in
# the tree of O (EXPECT: clean, finding or cc1-error).
kb() {
	local name=$1 o=$2 mkline=$3 kcflags=$4 expect=$5 got rc
	printf 'obj-m += foo.o\n%s\n' "$mkline" >"$work/m/Kbuild"
	rm -f "$work/m/foo.o" "$work/m/.foo.o.cmd"
	set +e
	mp_locked "$o" make -C "$o" M="$work/m" KCFLAGS="$kcflags" W=1 foo.o \
		>"$work/out" 2>&1
	rc=$?
	set -e
	if [ $rc -ne 0 ]; then
		grep -q "plugin mmap_prepare_plugin should be specified before" "$work/out" &&
			got=cc1-error || got="make-failed($rc)"
	elif grep -q '\[mmap-prepare-both-hooks\]' "$work/out"; then
		got=finding
	else
		got=clean
	fi
	if [ "$got" = "$expect" ]; then
		mp_pass "optout-kbuild: $name"
	else
		mp_fail "optout-kbuild: $name: expected $expect, got $got"
		tail -8 "$work/out" | sed 's/^/    /'
	fi
}

o=$1
bare='CFLAGS_foo.o += -fplugin-arg-mmap_prepare_plugin-disable'
kb "bare argument, no plugin" "$o" "$bare" "" cc1-error
kb "line, no plugin" "$o" "$line" "" clean
kb "no line, plugin in KCFLAGS" "$o" "" "-fplugin=$PLUGIN" finding
kb "line, plugin in KCFLAGS" "$o" "$line" "-fplugin=$PLUGIN" clean
if [ $# -ge 2 ]; then
	kb "no line, in tree" "$2" "" "" finding
	kb "line, in tree" "$2" "$line" "" clean
fi
echo "optout-kbuild: $mp_passed passed, $mp_failed failed"
[ "$mp_failed" -eq 0 ]
