#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# testsuite/toolchain/distributed-check.sh: the plugin under icecream, on
# real 7.2 kernel objects (make check-distributed; root; a few minutes).
#
# An icecream scheduler and two daemons run on loopback inside a private
# network namespace (unshare -n), so nothing they broadcast leaves it: a
# "local" daemon that takes no jobs (-m 0) and a "remote" one, each with
# its own /var/run/icecc (private mounts).  The remote daemon talks from
# 127.0.0.2, so that the scheduler and the client see two hosts.  The
# environment tarball is built with icecc-create-env --addfile PLUGIN: the
# plugin travels to the remote daemon at the path -fplugin= names.
#
# On a hard-linked copy of linux-source-7.2 (its files stay shared with
# the pristine tree, except the two a mutation changes, which are copied
# first and linked back at the end), configured with
# scripts/kernel/configure.sh, it builds a handful of objects W=1 with the
# plugin, two of them mutated (testsuite/kernel/mutations 01 and 11):
#   1. locally (the reference findings);
#   2. through icecream (PATH=/usr/lib/icecc/bin, ICECC_CARET_WORKAROUND=0):
#      every object must be compiled by the remote daemon (the scheduler's
#      log and the remote daemon's) and the findings must be the local
#      ones (file, line, rule and message; see the doc for columns);
#   3. the mutated write-only-read object without W=1: no finding of that
#      W=1 rule (the remote cc1 sees preprocessed input, no macro);
#   4. report= through icecream: the remote compile refuses it with a
#      clear message; with ICECC=disable the report is written;
#   5. distcc (distccd on loopback too): the daemon refuses the -fplugin
#      compile, the client falls back to a local compile, or fails with
#      DISTCC_FALLBACK=0;
#   6. ccache with CCACHE_NOCPP2=1: the W=1 finding of the mutated ext4
#      object, compiled and then replayed from the cache.
# Prints the figures (objects, remote compiles, findings, seconds).
#
# Environment: CC (default gcc), PLUGIN (required), MP_CACHE (lib.sh).
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
repo=$(readlink -f "$here/../..")
# shellcheck source=scripts/lib.sh
. "$repo/scripts/lib.sh"
export LC_ALL=C

: "${CC:=gcc}"
objs=(drivers/char/hpet.o fs/ext4/file.o drivers/char/mem.o drivers/misc/open-dice.o fs/ext2/file.o)
mutations=(01-immutable-direct 11-write-only-read)

if [ "${1:-}" != --inside ]; then
	# ---- outside: checks, the tree, the environment tarball ----
	start=$SECONDS
	[ "$(id -u)" -eq 0 ] || mp_die "run as root (private network namespace, chroots of iceccd)"
	[ -n "${PLUGIN:-}" ] && [ -f "$PLUGIN" ] || mp_die "PLUGIN (the built plugin) is not set or missing"
	for p in icecc iceccd icecc-scheduler icecc-create-env distcc distccd ccache unshare ip readelf; do
		command -v $p >/dev/null || mp_die "$p is missing: run 'make check-distributed' as root (it installs icecc, distcc, iproute2)"
	done
	getent passwd icecc >/dev/null || mp_die "no user 'icecc' (Debian's icecc package creates it)"
	[ -x /usr/lib/icecc/bin/gcc ] || mp_die "/usr/lib/icecc/bin/gcc is missing (icecc's compiler links)"
	[ -x "/usr/lib/ccache/$CC" ] || mp_die "/usr/lib/ccache/$CC is missing (ccache's compiler links)"
	[ "$(basename "$PLUGIN")" = mmap_prepare_plugin.so ] || mp_die "PLUGIN must be named mmap_prepare_plugin.so"
	PLUGIN=$(readlink -f "$PLUGIN")
	ksrc=$("$repo/scripts/kernel/fetch.sh" 7.2)
	work=$MP_CACHE/distributed
	copy=$work/linux-source-7.2
	out=$work/out-7.2
	mkdir -p "$work"
	mp_lock distributed
	# A copy made from another unpacking of the source is made again.
	if [ "$(cat "$work/copy.stamp" 2>/dev/null)" != "$(stat -c %i "$ksrc/Makefile")" ]; then
		mp_log "hard-linking $ksrc to $copy"
		rm -rf "$copy" "$out"
		cp -al "$ksrc" "$copy"
		stat -c %i "$ksrc/Makefile" >"$work/copy.stamp"
	fi
	mp_log "configuring $out (cached)"
	MP_JOBS=2 nice -n 10 "$repo/scripts/kernel/configure.sh" "$copy" "$out" "CC=$CC" >"$work/configure.log" 2>&1 ||
		{ tail -20 "$work/configure.log"; mp_die "configure failed (log: $work/configure.log)"; }
	# This run's files and logs, kept until the next run.
	tmp=$work/run
	rm -rf "$tmp"
	mkdir -p "$tmp"
	# The mutated files become the copy's own; they are linked back to
	# the pristine tree's at the end, whatever happens.
	mutated=()
	for m in "${mutations[@]}"; do
		f=$(sed -n 's|^+++ b/||p' "$repo/testsuite/kernel/mutations/$m.patch")
		mutated+=("$f")
	done
	# The daemons' environment directories: iceccd works in them as the
	# user icecc, which cannot enter $MP_CACHE under /root.
	envs=$(mktemp -d "${TMPDIR:-/tmp}/mp-icecc.XXXXXX")
	chmod 755 "$envs"
	cleanup() {
		for f in "${mutated[@]}"; do ln -f "$ksrc/$f" "$copy/$f"; done
		rm -rf "$envs"
	}
	trap cleanup EXIT
	for f in "${mutated[@]}"; do cp --remove-destination "$ksrc/$f" "$copy/$f"; done
	for m in "${mutations[@]}"; do
		patch -s -p1 -d "$copy" <"$repo/testsuite/kernel/mutations/$m.patch" ||
			mp_die "mutation $m does not apply"
	done
	mp_log "building the icecream environment with the plugin"
	(cd "$tmp" && icecc-create-env --gcc "$(command -v "$CC")" "$(command -v "${CC/gcc/g++}")" \
		--addfile "$PLUGIN" >"$tmp/create-env.log" 2>&1) ||
		{ tail "$tmp/create-env.log"; mp_die "icecc-create-env failed"; }
	env_tar=$(ls "$tmp"/*.tar.gz)
	set +e
	unshare -n -m --propagation private "$0" --inside "$tmp" "$envs" "$env_tar" "$copy" "$out" "$PLUGIN"
	rc=$?
	set -e
	echo "distributed-check: $((SECONDS - start)) s in all; logs in $tmp"
	exit $rc
fi

# ---- inside the private network and mount namespaces ----
shift
tmp=$1 envs=$2 env_tar=$3 copy=$4 out=$5 plugin=$6
id=$(readelf -n "$plugin" | sed -n 's/^ *Build ID: //p')
arg=-fplugin-arg-mmap_prepare_plugin
fails=0 checks=0
check() {	# DESCRIPTION COMMAND...
	local what=$1
	shift
	checks=$((checks + 1))
	if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fails=$((fails + 1)); fi
}

ip link set lo up
ip addr add 127.0.0.2/32 dev lo
mkdir -p /var/run/icecc
mount -t tmpfs -o mode=755 none /var/run/icecc
for d in local remote; do mkdir "$envs/$d"; chown icecc:icecc "$envs/$d"; done
icecc-scheduler -n mp-check -vvv >"$tmp/scheduler.log" 2>&1 &
sleep 0.5
# The remote daemon reads a frozen copy of /proc/stat and an idle
# /proc/loadavg: iceccd reports the machine's real CPU load, and the
# scheduler sends no job to a host at full load, which a shared 2-CPU
# machine often is (a frozen /proc/stat reads as idle).
cp /proc/stat "$envs/stat"
echo "0.00 0.00 0.00 1/100 1" >"$envs/loadavg"
unshare -m --propagation private sh -c 'mount -t tmpfs -o mode=755 none /var/run/icecc &&
	mount --bind "$1/stat" /proc/stat && mount --bind "$1/loadavg" /proc/loadavg &&
	exec iceccd -n mp-check -s 127.0.0.2 -N remote -m 2 -p 10246 -b "$1/remote" -vvv' \
	sh "$envs" >"$tmp/remote.log" 2>&1 &
iceccd -n mp-check -s 127.0.0.1 -N local -m 0 --no-remote -p 10245 -b "$envs/local" \
	-vvv >"$tmp/local.log" 2>&1 &
stop() { kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; }
trap stop EXIT
for _ in $(seq 60); do
	[ "$(grep -c 'login ' "$tmp/scheduler.log")" -ge 2 ] && break
	sleep 0.5
done
[ "$(grep -c 'login ' "$tmp/scheduler.log")" -ge 2 ] ||
	{ cat "$tmp/scheduler.log"; mp_die "the icecream daemons did not log in to the scheduler"; }

# build TAG [make args...]: deletes the objects, builds them in $out; the
# compiler output is in $tmp/TAG.log, the findings (file:line: rule
# message, quotes and columns dropped) in $tmp/TAG.findings.
build() {
	local tag=$1
	shift
	(cd "$out" && rm -f "${objs[@]}")
	timeout 900 nice -n 10 make -C "$out" -s -k -j2 "CC=$CC" "$@" "${objs[@]}" \
		>"$tmp/$tag.log" 2>&1 || true
	sed -n "s/^\([^ :]*\):\([0-9]*\):[0-9]*: warning: \(.*\) \[\(mmap-prepare-[a-z-]*\)\]$/\1:\2: \4 \3/p" \
		"$tmp/$tag.log" | tr -d "'\`" | sed 's/\xe2\x80[\x98\x99]//g' | sort >"$tmp/$tag.findings"
}
built_all() { (cd "$out" && for o in "${objs[@]}"; do [ -f "$o" ] || return 1; done); }
kcflags="-fplugin=$plugin $arg-id=$id"
# with_icecc COMMAND...: COMMAND with gcc resolving to icecream's client.
with_icecc() (
	export PATH="/usr/lib/icecc/bin:$PATH" ICECC_VERSION="$env_tar" \
		ICECC_PREFERRED_HOST=remote ICECC_CARET_WORKAROUND=0 \
		ICECC_LOGFILE="$tmp/client.log" ICECC_DEBUG=debug
	"$@"
)

# 1. the reference: a local build.
t=$SECONDS
build local W=1 KCFLAGS="$kcflags"
t_local=$((SECONDS - t))
check "local build: all ${#objs[@]} objects built" built_all
check "local build: the mutations' findings (hpet.c:374 immutable, ext4/file.c:834 write-only-read)" \
	sh -c "grep -q 'drivers/char/hpet.c:374: mmap-prepare-immutable' '$tmp/local.findings' &&
	       grep -q 'fs/ext4/file.c:834: mmap-prepare-write-only-read' '$tmp/local.findings'"

# 2. through icecream.
ends=$(grep -c ' END ' "$tmp/scheduler.log" || true)
t=$SECONDS
with_icecc build icecc W=1 KCFLAGS="$kcflags"
t_icecc=$((SECONDS - t))
check "icecream build: all ${#objs[@]} objects built" built_all
remote_jobs=$(sed -n "$((ends + 1)),\$p" "$tmp/scheduler.log" | grep -c ' END .* status=0 .*server=remote' || true)
check "icecream build: the scheduler ran ${#objs[@]} jobs on the remote daemon (ran $remote_jobs)" \
	test "$remote_jobs" -ge ${#objs[@]}
missing=
for o in "${objs[@]}"; do
	grep -q "remote compile for file .*/${o%.o}\.c\$" "$tmp/remote.log" || missing+=" $o"
done
check "icecream build: the remote daemon's log names every source${missing:+ (missing:$missing)}" test -z "$missing"
# The client's log: each object's compile (its process id) was neither
# built locally nor recompiled locally afterwards.  (kbuild's own option
# probes, which fail on purpose, do fall back to local compiles.)
local_objs=
for o in "${objs[@]}"; do
	pids=$(grep "invoked as: .*/${o%.o}\.c\$" "$tmp/client.log" | sed 's/^ICECC\[\([0-9]*\)\].*/\1/')
	[ -n "$pids" ] || { local_objs+=" $o(not-seen)"; continue; }
	for p in $pids; do
		# No grep -q at the end: under pipefail its early exit can
		# kill the first grep (SIGPIPE) and hide a local build.
		! grep "^ICECC\[$p\]" "$tmp/client.log" |
			grep 'building_local\|local build forced\|building myself' >/dev/null ||
			local_objs+=" $o"
	done
done
check "icecream build: no object was compiled locally (client log)${local_objs:+:$local_objs}" test -z "$local_objs"
check "icecream build: the findings are the local build's ($(wc -l <"$tmp/local.findings") findings)" \
	cmp -s "$tmp/local.findings" "$tmp/icecc.findings"

# 3. W=1 without the macro: off without W=1.
objs=(fs/ext4/file.o)
with_icecc build icecc-now1 KCFLAGS="$kcflags"
check "icecream build without W=1: no write-only-read finding" \
	sh -c "! grep -q write-only-read '$tmp/icecc-now1.findings'"

# 4. report= on the remote machine is refused; local compiles write it.
objs=(drivers/char/hpet.o)
with_icecc build icecc-report W=1 KCFLAGS="$kcflags $arg-report=$tmp/r.jsonl"
check "icecream build with report=: refused with a clear message" \
	grep -q "this compile runs without '/proc'.*ICECC=disable" "$tmp/icecc-report.log"
ICECC=disable with_icecc build icecc-disabled W=1 KCFLAGS="$kcflags $arg-report=$tmp/r.jsonl"
check "ICECC=disable with report=: the report has the hpet.c:374 record" \
	grep -q 'hpet\.c", *"line": *374' "$tmp/r.jsonl"

# 5. distcc: distccd refuses every -fplugin compile; the client falls back
# to a local compile (the plugin runs here) or, with DISTCC_FALLBACK=0,
# fails.  One small unit, not a kernel object: kbuild's CC would change.
distccd --daemon --no-detach --allow 127.0.0.1 --listen 127.0.0.1 --log-stderr \
	--log-level info 2>"$tmp/distccd.log" &
for _ in $(seq 20); do grep -q 'daemon started' "$tmp/distccd.log" 2>/dev/null && break; sleep 0.25; done
printf '%s\n' '#include "mp-ops.h"' 'int t_prepare(struct vm_area_desc *desc)' \
	'{' '	desc->start = 0;' '	return 0;' '}' >"$tmp/unit.c"
mkdir -p "$tmp/distcc"
dcc() {
	env DISTCC_DIR="$tmp/distcc" DISTCC_HOSTS=127.0.0.1 DISTCC_LOG="$tmp/distcc-client.log" \
		DISTCC_VERBOSE=1 "$@" distcc "$CC" -I "$here/../include" -fplugin="$plugin" \
		-c "$tmp/unit.c" -o "$tmp/unit.o" 2>"$tmp/distcc.err"
}
dcc || true
check "distcc: distccd refuses the -fplugin compile ('insecure and not supported')" \
	grep -q -- '-fplugin= and/or -specs= passed, which are insecure and not supported' "$tmp/distccd.log"
check "distcc: the client blames the server and compiles locally" \
	grep -q 'failed to distribute .* running locally instead' "$tmp/distcc-client.log"
check "distcc: the locally compiled unit's warning is shown" grep -q 'mmap-prepare-immutable' "$tmp/distcc.err"
rm -rf "${tmp:?}/distcc"
mkdir "$tmp/distcc"
dcc_rc=0
dcc DISTCC_FALLBACK=0 || dcc_rc=$?
check "distcc with DISTCC_FALLBACK=0: the compile fails (status $dcc_rc)" test "$dcc_rc" -ne 0

# 6. ccache on the kernel: the mutated W=1 object through ccache's
# masquerading gcc (kbuild's command lines stay the same) with
# CCACHE_NOCPP2=1, twice: compiled, then served from the cache.
objs=(fs/ext4/file.o)
with_ccache() (
	export PATH="/usr/lib/ccache:$PATH" CCACHE_DIR="$tmp/ccache" \
		CCACHE_CONFIGPATH="$tmp/ccache.conf" CCACHE_NOCPP2=1
	: >"$CCACHE_CONFIGPATH"
	"$@"
)
with_ccache ccache -z >/dev/null
with_ccache build ccache-1 W=1 KCFLAGS="$kcflags"
with_ccache build ccache-2 W=1 KCFLAGS="$kcflags"
hits=$(with_ccache ccache --print-stats | awk '$1 ~ /^(direct|preprocessed)_cache_hit$/ { n += $2 } END { print n + 0 }')
check "ccache, CCACHE_NOCPP2=1, W=1: the write-only-read finding, compiled and then from the cache ($hits hits)" \
	sh -c "grep -q 'fs/ext4/file.c:834: mmap-prepare-write-only-read' '$tmp/ccache-1.findings' &&
	       grep -q 'fs/ext4/file.c:834: mmap-prepare-write-only-read' '$tmp/ccache-2.findings' &&
	       [ $hits -ge 1 ]"

echo "distributed-check: local build ${t_local} s, icecream build ${t_icecc} s, $remote_jobs remote jobs," \
	"$(wc -l <"$tmp/icecc.findings") findings back through icecream; $((checks - fails)) of $checks checks passed"
[ $fails -eq 0 ]
