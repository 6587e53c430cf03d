#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# testsuite/gate/kernel-check.sh   (make check-gate-kernel)
#
# The gate on a real kernel (linux-source-7.2 with the in-tree series, see
# kernel-fixture.sh), in an O= build directory configured as check-kernel
# does and in one with CONFIG_GCC_PLUGIN_MMAP_PREPARE=y.  A series touches
# drivers/char/mem.c (a violation), include/linux/hpet.h (two objects of
# this configuration include it) and drivers/macintosh/via-pmu.c (a
# PowerPC-only driver).  Each build directory is first brought up to date
# with a plain make of the objects; then:
#   - the gate exits 1 with the finding, names mem.c and hpet.h checked and
#     via-pmu.c not built (CONFIG_ADB_PMU is not set);
#   - its SARIF is valid (2.1.0 schema, GitHub's properties, every URI a
#     file of the tree) and carries the compiler's note;
#   - the same plain make afterwards compiles nothing (the gate left the
#     build directory as it was);
#   - the in-tree build directory needs no --plugin and gives the same;
#   - a series touching only via-pmu.c exits 3 (nothing checked);
#   - a configured build directory that was never built: exit 2, one line.
# Prints PASS/FAIL lines and "N passed, N failed"; exits 1 on a failure.
# Env: CC, PLUGIN (absolute path of the plugin), MP_CACHE, MP_JOBS.
set -uo pipefail
here=$(dirname "$(readlink -f "$0")")
top=$(readlink -f "$here/../..")
# shellcheck source=scripts/lib.sh
. "$top/scripts/lib.sh"
mp_runner_env
jobs=${MP_JOBS:-$(nproc)}
py=$(command -v /usr/bin/python3 || command -v python3)
gate="$top/scripts/mmap-prepare-gate"
schema=$MP_CACHE/npm-sarif/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json
mp_lock gate-kernel
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
t0=$SECONDS

check() { local what=$1; shift; if "$@"; then mp_pass "$what"; else mp_fail "$what"; fi; }
# sarif_ok FILE: the 2.1.0 schema (the copy make check fetched) and
# GitHub's properties, every URI a file of the tree.
sarif_ok() {
	"$here/validate-sarif" "$schema" "$1" && "$here/check-github-sarif" "$1" "$src"
}
pyq() { "$py" -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }

dir=$(nice -n 10 "$here/kernel-fixture.sh") || mp_die "kernel fixture failed"
src=$dir/linux
# A private copy of the plugin: the one given may be rebuilt meanwhile.
plugin=$dir/plugin/$(sha256sum "$PLUGIN" | cut -c1-16)/mmap_prepare_plugin.so
mkdir -p "${plugin%/*}" && cp "$PLUGIN" "$plugin"
objs="drivers/char/mem.o drivers/char/hpet.o arch/x86/kernel/hpet.o"
commit() { git -C "$src" -c user.name=t -c user.email=t@t commit -qam "$1"; }

# compiles O: how many objects a plain make of $objs compiles in O.
compiles() {
	# shellcheck disable=SC2086
	nice -n 10 make -C "$src" O="$1" -j"$jobs" $objs 2>&1 |
		grep -cE '^  (CC|AS)( \[M\])? '
}

sed -i 's|^\tvma_desc_set_anonymous(desc);|&\n\tdesc->end = desc->start;|' "$src/drivers/char/mem.c"
echo '/* touched */' >>"$src/include/linux/hpet.h"
echo '/* touched */' >>"$src/drivers/macintosh/via-pmu.c"
commit series

# gate_on O NAME [ARGS]: the gate over the series in O; checks its output.
gate_on() {
	local o=$1 name=$2 st s
	shift 2
	compiles "$o" >/dev/null
	s=$SECONDS
	nice -n 10 "$py" "$gate" --ksrc "$src" --build-dir "$o" --range HEAD~1..HEAD \
		--jobs "$jobs" --sarif "$work/$name.sarif" "$@" >"$work/$name.log" 2>&1
	st=$?
	echo "  gate ($name): $((SECONDS - s)) s, exit $st"
	sed 's/^/    /' "$work/$name.log"
	check "$name: exit 1, the finding in mem.c" test "$st $(grep -c '^drivers/char/mem.c:[0-9]*:[0-9]*: .*\[mmap-prepare-immutable\]$' "$work/$name.log")" = "1 1"
	check "$name: mem.c and hpet.h (2 objects) checked" test "$(grep -cxE 'mmap-prepare-gate: checked: (drivers/char/mem.c \(drivers/char/mem.o\)|include/linux/hpet.h \(2 objects\))' "$work/$name.log")" = 2
	check "$name: via-pmu.c not built in this configuration" grep -qx \
		"mmap-prepare-gate: not built in this configuration: drivers/macintosh/via-pmu.c (CONFIG_ADB_PMU is not set)" "$work/$name.log"
	check "$name: progress lines" test "$(grep -c '^mmap-prepare-gate: \[[0-9]/3\] ' "$work/$name.log")" = 3
	check "$name: SARIF valid (schema, GitHub's properties, URIs in the tree)" \
		sarif_ok "$work/$name.sarif"
	check "$name: SARIF carries the compiler's note" test \
		"$(pyq "$work/$name.sarif" 'd["runs"][0]["results"][0]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]')" = include/linux/mm_types.h
	check "$name: the next plain make compiles nothing" test "$(compiles "$o")" = 0
}

gate_on "$dir/oot" out-of-tree --plugin "$plugin"
gate_on "$dir/intree" in-tree

echo '/* again */' >>"$src/drivers/macintosh/via-pmu.c"
commit "via-pmu only"
"$py" "$gate" --ksrc "$src" --build-dir "$dir/oot" --range HEAD~1..HEAD --plugin "$plugin" \
	>"$work/nothing.log" 2>&1
st=$?
sed 's/^/    /' "$work/nothing.log"
check "a PowerPC-only series: exit 3 (nothing checked)" test $st = 3

mkdir -p "$work/unbuilt"
cp "$dir/oot/.config" "$work/unbuilt/"
"$py" "$gate" --ksrc "$src" --build-dir "$work/unbuilt" --range HEAD~2..HEAD~1 --plugin "$plugin" \
	>"$work/unbuilt.log" 2>&1
st=$?
sed 's/^/    /' "$work/unbuilt.log"
check "a build directory never built: exit 2, one line" \
	test "$st $(wc -l <"$work/unbuilt.log") $(grep -c 'has not been built' "$work/unbuilt.log")" = "2 1 1"

echo "gate kernel check: $mp_passed passed, $mp_failed failed ($((SECONDS - t0)) s)"
[ "$mp_failed" -eq 0 ]
