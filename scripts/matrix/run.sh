#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Builds the plugin and runs the testsuite with every supported GCC, then
# compares the findings each one prints for the testsuite files with
# gcc-12's (the host compiler) and prints a table.  Run as root.
#
#   scripts/matrix/run.sh [TARGET...]
#
# TARGETs (default: all): gcc-11 gcc-12 (host), gcc-13 ... gcc-16 (in a
# debootstrapped chroot of the first suite of $MP_CHROOT_SUITES that has
# gcc-N-plugin-dev; see scripts/matrix/chroot.sh), aarch64-linux-gnu-gcc-12
# (host cross compiler; the testsuite only compiles, so it runs as is).
#
# "Tests" are the DejaGnu testsuite (scripts/run-testsuite.sh); the gate
# tests (testsuite/gate/run-tests.sh), which "make check" runs first, are a
# column of their own: each runner runs even when the other fails.  So
# are the GCC-format tests (testsuite/gcc-formats/run.sh: the findings in
# GCC's own JSON and SARIF diagnostics), which need GCC 13 or later and
# show "skip" for the older targets.
#
# Each target works in its own copy of the working tree (tracked and
# untracked, not ignored, files) under $MP_CACHE/matrix/work/TARGET, so
# targets run in parallel and nothing in the repository is touched; its
# build/ is kept between runs (rebuilt when the compiler changes).
#
# Environment:
#   MP_CACHE      cache root (default: scripts/lib.sh)
#   MP_JOBS       targets run at once (default: number of cores)
#   MP_CHROOT_SUITES  suites to look in for gcc-13+ (default and why it is
#                 not MP_SUITES: scripts/lib.sh)
#   MP_CROSS_CXX  C++ compiler for cross targets (default: the Makefile's
#                 choice); the plugin runs in the host's cc1, so a host
#                 g++ (g++-12) is the right one
#   MP_QUICK=1    testsuite at -O2 only
#
# The three runners write their counts as TSV (MP_RESULT, lib.sh:
# mp_result) into the target's work copy (.mp-result/), read from there.
#
# Exits non-zero if a plugin build fails, a test fails, or a target's
# findings differ from gcc-12's.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=scripts/lib.sh
. "$repo/scripts/lib.sh"
jobs=${MP_JOBS:-$(nproc)}
suites=$MP_CHROOT_SUITES
all_targets="gcc-11 gcc-12 gcc-13 gcc-14 gcc-15 gcc-16 aarch64-linux-gnu-gcc-12"
targets=${*:-$all_targets}
base=gcc-12

[ "$(id -u)" -eq 0 ] || { echo "matrix/run: run as root" >&2; exit 1; }

work=$MP_CACHE/matrix/work
res=$MP_CACHE/matrix/results
mkdir -p "$work"
rm -rf "$res"
mkdir -p "$res"
start=$(date +%s)

say() { echo "matrix: $*" >&2; }

# A cold run is one that finds no chroot ready.
cache_state=warm
for s in $suites; do
	[ -f "$MP_CACHE/chroots/$s/.mp-ready" ] || cache_state=cold
done

# One snapshot of the working tree for all targets.
snap=$MP_CACHE/matrix/snapshot.tar
(cd "$repo" && git ls-files -z -co --exclude-standard |
	while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
	tar --null -cf "$snap" -T -) || { say "cannot snapshot $repo"; exit 1; }
rev=$(cd "$repo" && git rev-parse --short HEAD)
dirty=$(cd "$repo" && git status --porcelain | wc -l)

# Host or chroot; prints "host" or the suite.
where() {
	case "$1" in
	gcc-11 | gcc-12 | *-linux-gnu*-gcc-*) echo host ;;
	gcc-[0-9]*)
		local n=${1#gcc-} s
		for s in $suites; do
			if "$here/chroot.sh" "$s" has "$n" >/dev/null 2>&1; then
				echo "$s"
				return 0
			fi
		done
		return 1
		;;
	*) return 1 ;;
	esac
}

# Runs "$@" in the target's work copy, on the host or in its chroot.
in_target() {
	local t=$1 loc=$2
	shift 2
	if [ "$loc" = host ]; then
		(cd "$work/$t" && "$@")
	else
		"$here/chroot.sh" "$loc" run --src "$work/$t" -- "$@"
	fi
}

# target_setup T: the compiler of target T (on the host, installed if
# missing, or in a chroot), its work copy, and what "make check" installs.
# Sets loc (host or the suite) and cxx (extra make arguments).
target_setup() {
	local t=$1 d=$res/$1 ver

	# The compiler: on the host (installing it if missing) or in a chroot.
	if ! loc=$(where "$t"); then
		echo "no suite of '$suites' has gcc-${t#gcc-}-plugin-dev" >"$d/error"
		return 1
	fi
	echo "$loc" >"$d/where"
	if [ "$loc" != host ] &&
		! "$here/chroot.sh" "$loc" install "${t#gcc-}" >"$d/prepare.log" 2>&1; then
		echo "cannot install $t in $loc (log: $d/prepare.log)" >"$d/error"
		return 1
	fi
	case "$t" in
	*-linux-gnu*-gcc-*) [ -n "${MP_CROSS_CXX:-}" ] && cxx=("CXX=$MP_CROSS_CXX") ;;
	esac

	# The work copy: the snapshot over the kept build/ directory.
	mkdir -p "$work/$t"
	find "$work/$t" -mindepth 1 -maxdepth 1 ! -name build ! -name .compiler -exec rm -rf {} +
	tar -xf "$snap" -C "$work/$t"
	ver=$(in_target "$t" "$loc" "$t" -v 2>&1 | tail -1)
	if [ "$(cat "$work/$t/.compiler" 2>/dev/null)" != "$ver${cxx[*]:+ ${cxx[*]}}" ]; then
		rm -rf "$work/$t/build"
		echo "$ver${cxx[*]:+ ${cxx[*]}}" >"$work/$t/.compiler"
	fi
	in_target "$t" "$loc" "$t" -dumpfullversion >"$d/version" 2>/dev/null

	# What "make check" would install (DejaGnu, the gate tests' tools),
	# by the project's own script; alone in the chroot while apt runs.
	if [ "$loc" = host ]; then
		(cd "$work/$t" && CC=$t NEED_DEJAGNU=1 scripts/install-deps.sh) >>"$d/prepare.log" 2>&1
	else
		"$here/chroot.sh" "$loc" run --exclusive --src "$work/$t" -- \
			env CC="$t" NEED_DEJAGNU=1 scripts/install-deps.sh >>"$d/prepare.log" 2>&1
	fi || {
		echo "scripts/install-deps.sh failed for $t (log: $d/prepare.log)" >"$d/error"
		return 1
	}
}

# run_runner T NAME SCRIPT: runs the test runner SCRIPT (relative to the
# work copy) for target T as "make check" does: its output goes to
# $res/T/NAME.log, its exit status to NAME.rc and its counts, read from the
# TSV it writes (MP_RESULT), to NAME: "PASSED/FAILED", "skip" or "no
# result"; "n/a" when the tree has no such runner.
run_runner() {
	local t=$1 name=$2 script=$3 d=$res/$1 tsv=$work/$1/.mp-result/$2.tsv
	if [ ! -x "$work/$t/$script" ]; then
		echo 0 >"$d/$name.rc"
		echo "n/a" >"$d/$name"
		return
	fi
	rm -f "$tsv"
	in_target "$t" "$loc" sh -c 'CC=$1 PLUGIN=$PWD/build/mmap_prepare_plugin.so MP_RESULT=$PWD/.mp-result/$2.tsv exec "$3"' \
		sh "$t" "$name" "$script" >"$d/$name.log" 2>&1
	echo $? >"$d/$name.rc"
	if [ "$(mp_result_get "$tsv" skipped)" = 1 ]; then
		echo skip >"$d/$name"
	elif [ -n "$(mp_result_get "$tsv" passed)" ]; then
		echo "$(mp_result_get "$tsv" passed)/$(mp_result_get "$tsv" failed)" >"$d/$name"
	else
		echo "no result" >"$d/$name"
	fi
}

one() {
	local t=$1 d=$res/$1 loc cxx=() tsv=$work/$1/.mp-result/check.tsv
	mkdir -p "$d"
	echo FAIL >"$d/build"
	for f in passed failed gate formats same; do echo - >"$d/$f"; done
	target_setup "$t" || return 1

	# Build.
	if in_target "$t" "$loc" make CC="$t" "${cxx[@]}" >"$d/build.log" 2>&1; then
		echo ok >"$d/build"
	else
		return 1
	fi
	# The two runners "make check" runs, each on its own, so that a gate
	# failure does not hide the DejaGnu results (make stops at the first);
	# then the findings in GCC's JSON and SARIF output (GCC 13+; older: skip).
	run_runner "$t" check scripts/run-testsuite.sh
	if [ -n "$(mp_result_get "$tsv" passed)" ]; then
		mp_result_get "$tsv" passed >"$d/passed"
		mp_result_get "$tsv" failed >"$d/failed"
	fi
	run_runner "$t" gate testsuite/gate/run-tests.sh
	run_runner "$t" formats testsuite/gcc-formats/run.sh
	in_target "$t" "$loc" env CC="$t" scripts/matrix/findings.sh >"$d/findings" 2>"$d/findings.err"
	echo $? >"$d/findings.rc"
	return 0
}

# Targets in parallel, $jobs at a time.
running=0
for t in $targets; do
	if [ "$running" -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
	say "$t: start"
	(
		s=$(date +%s)
		one "$t"
		echo $(($(date +%s) - s)) >"$res/$t/seconds"
		say "$t: done ($(cat "$res/$t/build") build, $(cat "$res/$t/passed") passed, $(cat "$res/$t/failed") failed, $(cat "$res/$t/seconds")s)"
	) &
	running=$((running + 1))
done
wait

# Compare with gcc-12 and print the table.
status=0
rows=()
for t in $targets; do
	d=$res/$t
	build=$(cat "$d/build")
	passed=$(cat "$d/passed")
	failed=$(cat "$d/failed")
	gate=$(cat "$d/gate")
	formats=$(cat "$d/formats")
	[ "$(cat "$d/gate.rc" 2>/dev/null)" = 0 ] || [ "$build" != ok ] || status=1
	[ "$(cat "$d/formats.rc" 2>/dev/null)" = 0 ] || [ "$build" != ok ] || status=1
	same=-
	if [ "$build" = ok ] && [ -s "$d/findings" ] && [ -s "$res/$base/findings" ]; then
		if [ "$t" = "$base" ]; then
			same="(base)"
		elif diff -u --label "$base" --label "$t" "$res/$base/findings" "$d/findings" >"$d/findings.diff"; then
			same=yes
		else
			same=no
			status=1
		fi
	elif [ "$build" = ok ]; then
		same="no findings"
		status=1
	fi
	[ "$build" = ok ] || status=1
	if [ "$failed" != 0 ] || [ "$passed" = - ] || [ "$passed" = 0 ] ||
		[ "$(cat "$d/check.rc" 2>/dev/null)" != 0 ]; then
		status=1
	fi
	[ "$(cat "$d/findings.rc" 2>/dev/null || echo 1)" = 0 ] || [ "$build" != ok ] || status=1
	label="$t $(cat "$d/version" 2>/dev/null)"
	[ -f "$d/where" ] && label="$label ($(cat "$d/where"))"
	rows+=("$label|$build|$passed|$failed|$gate|$formats|$same")
done

{
	fmt='%-40s | %-12s | %-12s | %-12s | %-15s | %-18s | %s\n'
	printf "$fmt" "GCC version (where)" "plugin build" "tests passed" "tests failed" \
		"gate pass/fail" "formats pass/fail" "findings identical to gcc-12"
	printf "$fmt" "" "" "" "" "" "" "" | tr ' |' '-+'
	for r in "${rows[@]}"; do
		IFS='|' read -r a b c e g j f <<<"$r"
		# shellcheck disable=SC2059
		printf "$fmt" "$a" "$b" "$c" "$e" "$g" "$j" "$f"
	done
} | tee "$res/table.txt"

# What went wrong, briefly; the logs are in $res.
for t in $targets; do
	d=$res/$t
	if [ -f "$d/error" ]; then
		echo "== $t: $(cat "$d/error")"
	elif [ "$(cat "$d/build")" != ok ]; then
		echo "== $t: plugin build failed ($d/build.log):"
		grep -E 'error|Error' "$d/build.log" | head -15
	else
		if [ "$(cat "$d/check.rc" 2>/dev/null)" != 0 ]; then
			echo "== $t: testsuite failed ($d/check.log):"
			grep -E '^(FAIL|XPASS|UNRESOLVED|ERROR|UNTESTED|WARNING):|^error' "$d/check.log" | head -30
		fi
		if [ "$(cat "$d/gate.rc" 2>/dev/null)" != 0 ]; then
			echo "== $t: gate tests failed ($d/gate.log):"
			grep -E '^FAIL|^error' "$d/gate.log" | head -20
		fi
		if [ "$(cat "$d/formats.rc" 2>/dev/null)" != 0 ]; then
			echo "== $t: GCC-format tests failed ($d/formats.log):"
			grep -E '^FAIL|^gcc-formats:' "$d/formats.log" | head -20
		fi
		if [ -s "$d/findings.diff" ]; then
			echo "== $t: findings differ from $base ($d/findings.diff):"
			head -40 "$d/findings.diff"
		fi
	fi
done

wall=$(($(date +%s) - start))
echo "matrix: $rev (+$dirty changed files), wall time ${wall}s ($cache_state cache: $MP_CACHE), results in $res"
echo "$(date -u +%FT%TZ) $rev wall=${wall}s cache=$cache_state jobs=$jobs targets='$targets' status=$status" \
	>>"$MP_CACHE/matrix/times.log"
exit $status
