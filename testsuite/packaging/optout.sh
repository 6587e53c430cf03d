#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The per-object opt-out line of docs/kernel.md ("Silencing"), taken from
# that page, in a model of kbuild's flag composition: the top-level
# Makefile exports KBUILD_CFLAGS (KCFLAGS and the in-tree plugins' flags
# folded in), Makefile.build sets "ccflags-y :=" and includes the
# directory's Makefile, and an object is compiled with
#   $(KBUILD_CFLAGS) $(ccflags-y) $(CFLAGS_foo.o)   (scripts/Makefile.lib)
# The line must be harmless without the plugin and silence the plugin when
# it is loaded by path, by name or from the in-tree location.
#
# Usage: CC=gcc PLUGIN=/abs/mmap_prepare_plugin.so optout.sh
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${CC:=gcc}"
: "${PLUGIN:?PLUGIN must name the built mmap_prepare_plugin.so}"
[ -f "$PLUGIN" ] || { echo "optout.sh: error: no plugin at $PLUGIN" >&2; exit 2; }

# The documented line, exactly as a driver would commit it.
line=$(grep -m1 '^CFLAGS_foo\.o += \$(if \$(filter -fplugin=' "$top/docs/kernel.md") ||
	{ echo "optout.sh: error: no opt-out line in docs/kernel.md" >&2; exit 2; }
# The directory form and a rule-only form, derived from the same guard.
dir_line=${line/#CFLAGS_foo.o/ccflags-y}
rule_line=${line/%-disable)/-rules=-both-hooks)}
plain_line='CFLAGS_foo.o += -fplugin-arg-mmap_prepare_plugin-disable'

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# An ops object with both hooks: one both-hooks finding when checked.
cat >foo.c <<'EOF'
struct file;
struct vm_area_struct;
struct vm_area_desc;
struct file_operations {
	int (*mmap)(struct file *, struct vm_area_struct *);
	int (*mmap_prepare)(struct vm_area_desc *);
};
static int foo_mmap(struct file *f, struct vm_area_struct *v) { return 0; }
static int foo_mmap_prepare(struct vm_area_desc *d) { return 0; }
const struct file_operations foo_fops = {
	.mmap = foo_mmap,
	.mmap_prepare = foo_mmap_prepare,
};
EOF
cat >Makefile.build <<'EOF'
ccflags-y :=
include $(src)/Makefile
foo.o: foo.c
	$(CC) $(KBUILD_CFLAGS) $(ccflags-y) $(CFLAGS_foo.o) -c -o $@ $<
EOF
# kbuild's in-tree plugin path, relative to the object tree.
mkdir -p scripts/gcc-plugins plugindir
ln -s "$PLUGIN" scripts/gcc-plugins/mmap_prepare_plugin.so
ln -s "$PLUGIN" plugindir/mmap_prepare_plugin.so

passed=0 failed=0
# check NAME MAKEFILE-LINE KBUILD_CFLAGS EXPECT: EXPECT is "clean" (make
# succeeds, no warning), "finding" (succeeds, both-hooks reported) or
# "cc1-error" (the build fails on the plugin argument).
check() {
	local name=$1 mkline=$2 cflags=$3 expect=$4 got rc
	printf '%s\n' "$mkline" >Makefile
	rm -f foo.o
	set +e
	KBUILD_CFLAGS=$cflags make -s -f Makefile.build src=. CC="$CC" foo.o >out 2>&1
	rc=$?
	set -e
	if [ $rc -ne 0 ]; then
		grep -q "plugin mmap_prepare_plugin should be specified before" out &&
			got=cc1-error || got="make-failed($rc)"
	elif grep -q '\[mmap-prepare-both-hooks\]' out; then
		got=finding
	elif [ -s out ] && grep -q 'warning\|error' out; then
		got=other-diagnostic
	else
		got=clean
	fi
	if [ "$got" = "$expect" ]; then
		passed=$((passed + 1))
		echo "PASS: optout: $name"
	else
		failed=$((failed + 1))
		echo "FAIL: optout: $name: expected $expect, got $got"
		sed 's/^/    /' out | head -5
	fi
}

by_path="-fplugin=$PLUGIN"
by_name="-iplugindir=$work/plugindir -fplugin=mmap_prepare_plugin"
in_tree="-fplugin=./scripts/gcc-plugins/mmap_prepare_plugin.so -DGCC_PLUGINS"
report="-fplugin-arg-mmap_prepare_plugin-report=$work/report.jsonl"

# Why the guard exists: the plain argument breaks builds without the plugin.
check "plain argument, no plugin" "$plain_line" "-O2" cc1-error
# Controls: the plugin is really on in each way of loading it.
check "no line, plugin by path" "" "-O2 $by_path" finding
check "no line, plugin by name" "" "-O2 $by_name" finding
check "no line, plugin in tree" "" "-O2 $in_tree" finding
# The documented line.
check "line, no plugin" "$line" "-O2" clean
check "line, plugin by path (KCFLAGS)" "$line" "-O2 $by_path" clean
check "line, plugin by path with report=" "$line" "-O2 $by_path $report" clean
check "line, plugin by name" "$line" "-O2 $by_name" clean
check "line, plugin in tree" "$line" "-O2 $in_tree" clean
check "directory line, no plugin" "$dir_line" "-O2" clean
check "directory line, plugin" "$dir_line" "-O2 $by_path" clean
check "rule line, no plugin" "$rule_line" "-O2" clean
check "rule line, plugin" "$rule_line" "-O2 $by_path" clean
if [ -s "$work/report.jsonl" ]; then
	failed=$((failed + 1))
	echo "FAIL: optout: a disabled plugin wrote findings to report="
fi

echo "optout: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
