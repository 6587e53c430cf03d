#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/kernel/check-kernel.sh   (make check-kernel)
#
# The plugin on real kernel trees, fully automatic; exits non-zero on any
# failure and ends with a summary.  Steps (docs/kernel.md has the details):
#
#  1 sources     Debian's linux-source-7.2, the newest linux-source-7.x the
#                archive offers (scripts/kernel/newest-7.sh) and -6.12
#                (scripts/kernel/fetch.sh, cached under $MP_CACHE/src)
#  2 trees       for 7.2 and the newest 7.x: configure (x86_64_defconfig +
#                kconfig.options), compile every object that mentions the
#                descriptor with the plugin under W=1, check from the
#                objects themselves that they were compiled with it, and
#                require zero findings except testsuite/kernel/reviewed-findings.txt
#  2b identical  the 7.2 descriptor objects built without the plugin too:
#                the same objects, byte for byte (the plugin changes no code)
#  3 mutations   every patch in testsuite/kernel/mutations/ applied to the
#                7.2 tree in turn, the affected objects rebuilt, the tree
#                restored byte for byte; each must be reported at its line
#                (and marked compiled out when its header says so)
#  3b sanitizers 7.2 configured with KASAN (outline), FORTIFY_SOURCE, UBSAN
#                (alignment included) and KCOV: the descriptor objects with
#                no finding, and every mutation caught there too
#  3c i386       the same with ARCH=i386 from i386_defconfig
#  4 control     linux-source-6.12 (no mmap_prepare): the same .c files
#                compiled with and without the plugin: same objects, same
#                code, no finding, no error
#  5 sweep       everything configured under mm/ fs/ kernel/ block/
#                drivers/char/ of 7.2 compiled with the plugin
#  6 out-of-tree the documented `make KCFLAGS=-fplugin=... W=1 fs/ext4/`,
#                and the W=1-only rule silent without W=1, active with it
#  7 in-tree     scripts/kernel/make-patch-series.sh: git apply --check on 7.2
#                and the newest 7.x; applied to a copy of 7.2 with
#                CONFIG_GCC_PLUGIN_MMAP_PREPARE=y, kbuild builds the plugin
#                and uses it (a mutation is reported, DISABLE_MMAP_PREPARE_PLUGIN
#                silences it)
#
# Environment:
#   CC            the compiler (default gcc); the plugin must be built for it
#   PLUGIN        the plugin (default build/gcc-N/mmap_prepare_plugin.so);
#                 a private copy is used, named by its checksum, so the
#                 file may be rebuilt while this runs
#   KSRC          use this 7.2 tree instead of fetching linux-source-7.2
#   KSRC_NEWEST   use this tree as "the newest 7.x"
#   KSRC_CONTROL  use this tree instead of linux-source-6.12
#   MP_CACHE      caches (default: scripts/lib.sh); logs go to
#                 $MP_CACHE/logs/check-kernel/
#   MP_JOBS       make -j (default: number of CPUs)
#   MP_SWEEP_DIRS directories of step 5 (default "mm/ fs/ kernel/ block/
#                 drivers/char/"); any other value is reported as a LIMITED
#                 sweep in the summary
#
# Reruns are incremental: sources, configurations and objects are cached;
# kbuild recompiles what changed, and a changed plugin (another checksum,
# another path on every command line) recompiles everything.  The
# descriptor objects of step 2, the mutated objects and the out-of-tree
# fs/ext4/ objects are recompiled on every run.
set -uo pipefail
here=$(dirname "$(readlink -f "$0")")
repo=$(readlink -f "$here/../..")
# shellcheck source=scripts/lib.sh
. "$here/../lib.sh"

CC=${CC:-gcc}
jobs=${MP_JOBS:-$(nproc)}
export MP_JOBS=$jobs
default_dirs="mm/ fs/ kernel/ block/ drivers/char/"
sweep_dirs=${MP_SWEEP_DIRS:-$default_dirs}
ck=$MP_CACHE/check-kernel
logs=$MP_CACHE/logs/check-kernel
reviewed=$repo/testsuite/kernel/reviewed-findings.txt
mutations=$repo/testsuite/kernel/mutations
mkdir -p "$ck" "$logs"
mp_lock check-kernel	# one run per cache at a time

gcc_major=$($CC -dumpversion 2>/dev/null | cut -d. -f1)
[ -n "$gcc_major" ] || mp_die "compiler '$CC' not found"
PLUGIN=${PLUGIN:-$repo/build/gcc-$gcc_major/mmap_prepare_plugin.so}
[ -f "$PLUGIN" ] || mp_die "plugin $PLUGIN not found: run make (or make check-kernel)"
[ -f "$reviewed" ] || mp_die "$reviewed is missing"
export MP_MAKE_ARGS="CC=$CC"
export MP_LOG_DIR=$logs

# ---- bookkeeping ----
names=() results=() details=() walls=() cpus=()
tu_total=0
failed=0
T0=$(date +%s.%N)
mp_cpu C0

# step NAME FUNCTION: runs FUNCTION (which sets $detail and returns 0 for
# PASS), tees its output into $logs/step-N.log, records the result.
step() {
	local name=$1 fn=$2 t0 t1 c0 c1 st n=$(( ${#names[@]} + 1 ))
	echo
	echo "== [$n] $name"
	detail=""
	t0=$(date +%s.%N); mp_cpu c0
	exec 3>&1 4>&2
	exec > >(tee "$logs/step-$n.log") 2>&1
	"$fn"
	st=$?
	exec 1>&3 2>&4 3>&- 4>&-
	wait $! 2>/dev/null	# tee
	mp_cpu c1; t1=$(date +%s.%N)
	names+=("$name")
	if [ $st -eq 0 ]; then results+=(PASS); else results+=(FAIL); failed=$((failed + 1)); fi
	details+=("$detail")
	walls+=("$(printf '%.0f' "$(echo "$t1 - $t0" | bc)")")
	cpus+=("$(printf '%.0f' "$(echo "$c1 - $c0" | bc)")")
	echo "-- ${results[-1]}: $detail (${walls[-1]} s wall, ${cpus[-1]} s CPU)"
	return 0
}

kver() {	# KSRC -> 7.2.13
	awk -F' *= *' '/^VERSION/{v=$2} /^PATCHLEVEL/{p=$2} /^SUBLEVEL/{s=$2}
		/^EXTRAVERSION/{e=$2; print v "." p "." s e; exit}' "$1/Makefile"
}
series_of() { local v; v=$(kver "$1"); echo "${v%.*}"; }	# 7.2.13 -> 7.2

# kmake KSRC OUTDIR MAKE-ARGS...: make in the O=OUTDIR build of KSRC with
# $CC, holding OUTDIR's lock.
kmake() { mp_locked "$2" make -C "$1" O="$2" -j"$jobs" "CC=$CC" "${@:3}"; }

# configure_outdir KSRC OUTDIR [OPTIONS [DEFCONFIG [MAKE-ARG...]]]:
# configure.sh (cached) with the extra kconfig OPTIONS, from DEFCONFIG
# (default x86_64_defconfig) and with the MAKE-ARGs (e.g. ARCH=i386); its
# log in $logs/configure-NAME.log, the end of it shown on failure.
configure_outdir() {
	local log
	log=$logs/configure-$(basename "$2").log
	MP_EXTRA_OPTIONS=${3:-} MP_DEFCONFIG=${4:-} "$here/configure.sh" "$1" "$2" "CC=$CC" "${@:5}" >"$log" 2>&1 || {
		echo "configure failed: $log"
		tail -n 20 "$log"
		return 1
	}
}

# prepare_outdir KSRC OUTDIR [configure_outdir's arguments]: configure (cached) and make
# sure OUTDIR's report matches its objects: when the plugin or the
# configuration changed since the report was started, the objects of the
# old state and their records are dropped together.
prepare_outdir() {
	local ksrc=$1 out=$2 key
	configure_outdir "$@" || return 1
	grep -h 'warning: CONFIG_' "$logs/configure-$(basename "$out").log" | sed 's/^/  /'
	key=$(sha256sum "$plugin" | cut -c1-16)-$(cat "$out/.mp-configure.stamp")
	if [ "$(cat "$out/mp-report.key" 2>/dev/null)" != "$key" ]; then
		if [ -f "$out/mp-report.key" ]; then
			echo "  plugin or configuration changed: dropping the objects and report of $out"
			mp_locked "$out" sh -c 'cd "$1" && find . -path ./scripts -prune -o -path ./tools -prune -o \
				-name "*.o" -type f -print0 | xargs -0r rm -f' sh "$out"
		fi
		: >"$(mp_report "$out")"
		echo "$key" >"$out/mp-report.key"
	fi
}

# judge_findings FILE: FILE holds mp_findings lines; prints them with their
# verdict and sets n_find / n_new.  Returns non-zero when one is NEW.
judge_findings() {
	local c
	c=$(mp_classify "$reviewed" <"$1") || { echo "  cannot read $reviewed"; return 1; }
	n_find=$(grep -c . <<<"$c")
	n_new=$(grep -c '^NEW' <<<"$c")
	[ -z "$c" ] || echo "$c" | sed 's/^/  /'
	[ "$n_new" -eq 0 ]
}

# ---- with and without the plugin (steps 2b and 4) ----

# control_build KCTL OC ON OBJ...: the objects built in ON without and in OC
# with the plugin; sets mk_without and mk_with to make's exit statuses.
control_build() {
	local kctl=$1 oc=$2 on=$3
	shift 3
	kmake "$kctl" "$on" -k W=1 "$@" >"$logs/control-noplugin.log" 2>&1
	mk_without=$?
	kmake "$kctl" "$oc" -k W=1 KCFLAGS="$(mp_kcflags "$oc" "$plugin")" "$@" >"$logs/control-plugin.log" 2>&1
	mk_with=$?
	echo "  make exit status: without plugin $mk_without, with plugin $mk_with"
}

# control_compare OC ON OBJ...: the objects built with the plugin (in OC)
# and without (in ON) are the same set, all with the plugin on their command
# line, and byte for byte identical.  Sets nb, np, wp and same.
control_compare() {
	local oc=$1 on=$2 o st=0 diff=() missing=()
	shift 2
	nb=0 np=0 wp=0 same=0
	for o in "$@"; do
		if [ -f "$on/$o" ]; then
			nb=$((nb + 1))
			[ -f "$oc/$o" ] || missing+=("$o")
		fi
		[ -f "$oc/$o" ] || continue
		np=$((np + 1))
		if mp_plugin_loaded "$oc" "$o" "$plugin"; then wp=$((wp + 1)); fi
		# The plugin analyses only: the objects must be identical.
		if [ -f "$on/$o" ] && cmp -s "$on/$o" "$oc/$o"; then
			same=$((same + 1))
		else
			diff+=("$o")
		fi
	done
	echo "  objects built without the plugin: $nb; with the plugin: $np ($wp show the plugin in their .cmd)"
	echo "  objects identical with and without the plugin: $same/$np"
	[ ${#missing[@]} -eq 0 ] || { echo "  built only without the plugin: ${missing[*]}"; st=1; }
	[ ${#diff[@]} -eq 0 ] || { echo "  code differs: ${diff[*]}"; st=1; }
	[ "$np" -eq "$wp" ] && [ "$np" -gt 0 ] || st=1
	return $st
}

# ---- step 0: the plugin ----
sum=$(sha256sum "$PLUGIN" | cut -c1-16)
plugin=$ck/plugin/$sum/mmap_prepare_plugin.so
if [ ! -f "$plugin" ]; then
	mkdir -p "$(dirname "$plugin")"
	cp "$PLUGIN" "$plugin.tmp" && mv "$plugin.tmp" "$plugin"
fi
echo "check-kernel: $($CC --version | head -n1); plugin $PLUGIN (sha256 $sum...)"
echo "check-kernel: private copy $plugin; logs $logs; make -j$jobs"
if ! echo 'int x;' | $CC -fplugin="$plugin" -x c -c -o /dev/null - 2>"$logs/plugin-load.log"; then
	cat "$logs/plugin-load.log"
	mp_die "the plugin does not load into $CC"
fi

# ---- step 1: sources ----
s_sources() {
	local v
	if [ -n "${KSRC:-}" ]; then k72=$(readlink -f "$KSRC"); else k72=$("$here/fetch.sh" 7.2) || return 1; fi
	newest=$("$here/newest-7.sh") || return 1
	if [ -n "${KSRC_NEWEST:-}" ]; then
		knew=$(readlink -f "$KSRC_NEWEST")
	elif [ "$newest" = 7.2 ] && [ -z "${KSRC:-}" ]; then
		knew=$k72
	else
		knew=$("$here/fetch.sh" "$newest") || return 1
	fi
	if [ -n "${KSRC_CONTROL:-}" ]; then kctl=$(readlink -f "$KSRC_CONTROL"); else kctl=$("$here/fetch.sh" 6.12) || return 1; fi
	for v in "$k72" "$knew" "$kctl"; do
		[ -f "$v/Makefile" ] || { echo "not a kernel tree: $v"; return 1; }
		printf '  %-8s %s%s\n' "$(kver "$v")" "$v" \
			"$([ -f "$v.debversion" ] && echo " (Debian $(cat "$v.debversion"))")"
	done
	[ "$(series_of "$k72")" = 7.2 ] || echo "  note: KSRC is $(kver "$k72"), not 7.2; mutations may not apply"
	echo "  newest linux-source-7.x in the archive: $newest"
	detail="7.2 = $(kver "$k72"), newest 7.x = $(kver "$knew"), control = $(kver "$kctl")"
}
step "sources" s_sources
[ "${results[-1]}" = PASS ] || { echo "check-kernel: no sources, stopping"; exit 1; }

# One set of build directories per compiler (gcc itself: no suffix).
sfx=""
[ "$CC" = gcc ] || sfx=-$(basename "$CC")
o72=$ck/build/linux-$(series_of "$k72")-x86_64$sfx
onew=$ck/build/linux-$(series_of "$knew")-x86_64$sfx

# ---- step 2: descriptor objects of 7.2 and of the newest 7.x ----
s_tree() {
	local ksrc=$1 out=$2 off st built total
	prepare_outdir "$ksrc" "$out" || return 1
	off=$(stat -c %s "$(mp_report "$out")")
	rm -f "$logs/build-$(basename "$out").tsv"
	"$here/build-objects.sh" "$ksrc" "$out" "$plugin" "CC=$CC" | tee "$logs/objects-$(basename "$out").txt"
	st=${PIPESTATUS[0]}
	built=$(mp_result_get "$logs/build-$(basename "$out").tsv" built)
	total=$(mp_result_get "$logs/build-$(basename "$out").tsv" total)
	# Independently of build-objects: objects of this run whose .cmd loaded the plugin.
	local withp
	withp=$("$here/objects.sh" "$ksrc" | while read -r o; do
		if mp_plugin_loaded "$out" "$o" "$plugin"; then echo "$o"; fi
	done | grep -c .)
	tu_total=$((tu_total + withp))
	mp_findings "$(mp_report "$out")" "$off" >"$logs/findings-$(basename "$out").txt" || st=1
	echo "findings (rule, file:line:col, function, field) judged against ${reviewed#"$repo"/}:"
	judge_findings "$logs/findings-$(basename "$out").txt" || st=1
	[ "$n_find" -gt 0 ] || echo "  none"
	detail="$withp/$total descriptor objects compiled with the plugin; findings $n_find ($n_new not reviewed)"
	[ "$withp" = "$built" ] || { echo "build-objects counted $built built objects, .cmd files show $withp with the plugin"; st=1; }
	return "$st"
}
s_tree72() { s_tree "$k72" "$o72"; }
s_treenew() { s_tree "$knew" "$onew"; }
step "$(kver "$k72"): descriptor objects, W=1" s_tree72

# ---- step 2b: the same objects without the plugin, byte for byte ----
# Right after step 2: the mutations of step 3 delete the objects they
# rebuilt.  The objects without the plugin are kbuild-incremental.
s_identical72() {
	local on=$o72-noplugin objs=() st=0 mk nb np wp same trouble
	configure_outdir "$k72" "$on" || return 1
	mapfile -t objs < <("$here/objects.sh" "$k72")
	kmake "$k72" "$on" -k W=1 "${objs[@]}" >"$logs/identical-noplugin.log" 2>&1
	mk=$?
	echo "  make without the plugin: exit status $mk (as in step 2, the objects that cannot build for x86_64 fail)"
	control_compare "$o72" "$on" "${objs[@]}" || st=1
	trouble=$(mp_compiler_trouble "$logs/identical-noplugin.log")
	[ -z "$trouble" ] || { echo "  INTERNAL COMPILER ERRORS:"; echo "$trouble" | sed 's/^/    /'; st=1; }
	detail="$np objects with the plugin (step 2) = $nb without, $same/$np identical code"
	return $st
}
step "$(kver "$k72"): the same objects without the plugin, identical" s_identical72
if [ "$knew" != "$k72" ]; then
	step "$(kver "$knew") (newest 7.x): descriptor objects, W=1" s_treenew
else
	echo; echo "== the newest 7.x in the archive is $(kver "$knew"), the tree above: checked once"
fi

# ---- step 3: mutations ----
s_mutations() {
	local st res=$logs/mutations/mutate.tsv caught total
	rm -f "$res"
	MP_LOG_DIR=$logs/mutations "$here/mutate.sh" "$k72" "$o72" "$plugin" "$mutations"/*.patch |
		tee "$logs/mutations.txt"
	st=${PIPESTATUS[0]}
	caught=$(mp_result_get "$res" caught)
	total=$(mp_result_get "$res" total)
	tu_total=$((tu_total + ${caught:-0}))
	detail="score $caught/$total"
	[ -n "$caught" ] || detail="no score"
	return "$st"
}
step "mutations on $(kver "$k72")" s_mutations

# ---- steps 3b, 3c: other configurations of 7.2 ----

# The sanitizer slice: KASAN (outline: real __asan_* calls), FORTIFY_SOURCE
# (mem*() through fortify-string.h's __underlying_* names), UBSAN with its
# checks (alignment included: x86 does not enable it by default) and KCOV.
san_options="-e KASAN -e KASAN_GENERIC -e KASAN_OUTLINE -d KASAN_INLINE -e FORTIFY_SOURCE
	-e UBSAN -e UBSAN_BOUNDS -e UBSAN_SHIFT -e UBSAN_DIV_ZERO -e UBSAN_BOOL -e UBSAN_ENUM
	-e UBSAN_ALIGNMENT -e KCOV"

# slice_config OUT SYMBOL=VALUE...: OUT's .config has each (VALUE n: unset).
slice_config() {
	local out=$1 sv st=0 v
	shift
	for sv in "$@"; do
		v=$("$k72/scripts/config" --file "$out/.config" -s "${sv%%=*}")
		[ "$v" = undef ] && v=n
		[ "$v" = "${sv#*=}" ] || { echo "  CONFIG_${sv%%=*} is $v in $out/.config, wanted ${sv#*=}"; st=1; }
	done
	[ $st -ne 0 ] || echo "  configuration: $*"
	return $st
}

# s_slice OUT DEFCONFIG OPTIONS MAKE-ARGS CHECKS MUTATION...: 7.2 configured in
# OUT from DEFCONFIG, kconfig.options and OPTIONS (with MAKE-ARGS, e.g.
# ARCH=i386), the CHECKS (slice_config) hold, the descriptor objects built
# with the plugin under W=1 give no finding but the reviewed ones, and each
# MUTATION, applied in turn and rebuilt in OUT, is caught as in step 3.
s_slice() {
	local out=$1 defconfig=$2 options=$3 margs checks st off built total withp caught mtotal co res
	read -r -a margs <<<"$4"
	read -r -a checks <<<"$5"
	shift 5
	prepare_outdir "$k72" "$out" "$options" "$defconfig" "${margs[@]}" || return 1
	slice_config "$out" "${checks[@]}" || return 1
	off=$(stat -c %s "$(mp_report "$out")")
	"$here/build-objects.sh" "$k72" "$out" "$plugin" "CC=$CC" "${margs[@]}" |
		tee "$logs/objects-$(basename "$out").txt"
	st=${PIPESTATUS[0]}
	built=$(mp_result_get "$logs/build-$(basename "$out").tsv" built)
	total=$(mp_result_get "$logs/build-$(basename "$out").tsv" total)
	withp=$("$here/objects.sh" "$k72" | while read -r o; do
		if mp_plugin_loaded "$out" "$o" "$plugin"; then echo "$o"; fi
	done | grep -c .)
	tu_total=$((tu_total + withp))
	[ "$withp" = "$built" ] || { echo "build-objects counted $built built objects, .cmd files show $withp with the plugin"; st=1; }
	mp_findings "$(mp_report "$out")" "$off" >"$logs/findings-$(basename "$out").txt" || st=1
	echo "findings on unmodified code judged against ${reviewed#"$repo"/}:"
	judge_findings "$logs/findings-$(basename "$out").txt" || st=1
	[ "$n_find" -gt 0 ] || echo "  none"
	res=$logs/mutations-$(basename "$out")
	rm -f "$res/mutate.tsv"
	echo "mutations:"
	MP_LOG_DIR=$res MP_MAKE_ARGS="CC=$CC ${margs[*]}" "$here/mutate.sh" "$k72" "$out" "$plugin" "$@" |
		sed 's/^/  /'
	[ "${PIPESTATUS[0]}" -eq 0 ] || st=1
	caught=$(mp_result_get "$res/mutate.tsv" caught)
	mtotal=$(mp_result_get "$res/mutate.tsv" total)
	co=$(mp_result_get "$res/mutate.tsv" compiled_out)
	tu_total=$((tu_total + ${caught:-0}))
	detail="$withp/$total descriptor objects with the plugin, findings $n_find ($n_new not reviewed); mutations ${caught:-0}/${mtotal:-0} (${co:-0} compiled out)"
	return "$st"
}

s_sanitizers() {
	s_slice "$o72-san" "" "$san_options" "" \
		"KASAN=y KASAN_OUTLINE=y FORTIFY_SOURCE=y UBSAN=y UBSAN_BOUNDS=y UBSAN_ALIGNMENT=y KCOV=y FS_DAX=n UBIFS_ATIME_SUPPORT=n" \
		"$mutations"/*.patch
}
step "$(kver "$k72") KASAN+FORTIFY+UBSAN+KCOV: objects, mutations" s_sanitizers

# i386: i386_defconfig plus kconfig.options (the descriptor's users build
# for 32 bits too).
s_i386() {
	s_slice "$ck/build/linux-$(series_of "$k72")-i386$sfx" i386_defconfig "" "ARCH=i386" \
		"X86_32=y 64BIT=n FS_DAX=n UBIFS_ATIME_SUPPORT=n" "$mutations"/*.patch
}
step "$(kver "$k72") ARCH=i386: objects, mutations" s_i386

# ---- step 4: negative control ----

s_control() {
	local oc=$ck/build/linux-$(series_of "$kctl")-x86_64$sfx on st=0 o objs=()
	local mk_without mk_with nb np wp same warn trouble
	on=$oc-noplugin
	prepare_outdir "$kctl" "$oc" || return 1
	configure_outdir "$kctl" "$on" || return 1
	while read -r o; do
		[ -f "$kctl/${o%.o}.c" ] && objs+=("$o")
	done < <("$here/objects.sh" "$k72")
	echo "  ${#objs[@]} of the $(series_of "$k72") descriptor objects' .c files exist in $(kver "$kctl")"
	echo "  files of $(kver "$kctl") (outside tools/) that mention vm_area_desc or mmap_prepare:" \
		"$("$here/objects.sh" "$kctl" | grep -c .)"
	control_build "$kctl" "$oc" "$on" "${objs[@]}"
	control_compare "$oc" "$on" "${objs[@]}" || st=1
	tu_total=$((tu_total + wp))
	[ "$mk_without" -eq "$mk_with" ] || st=1
	mp_findings "$(mp_report "$oc")" >"$logs/findings-control.txt" || st=1
	warn=$(grep -c '\[mmap-prepare-' "$logs/control-plugin.log")
	echo "  findings: $(grep -c . "$logs/findings-control.txt") in the report, $warn in the compiler output"
	sed 's/^/    /' "$logs/findings-control.txt"
	if [ -s "$logs/findings-control.txt" ] || [ "$warn" -gt 0 ]; then st=1; fi
	trouble=$(mp_compiler_trouble "$logs/control-plugin.log")
	[ -z "$trouble" ] || { echo "  INTERNAL COMPILER ERRORS / PLUGIN ERRORS:"; echo "$trouble" | sed 's/^/    /'; st=1; }
	detail="$np objects with the plugin = $nb without, $same/$np identical code, $(grep -c . "$logs/findings-control.txt") findings"
	return $st
}
step "negative control $(kver "$kctl")" s_control

# ---- step 5: sweep ----
s_sweep() {
	local st n now
	prepare_outdir "$k72" "$o72" || return 1
	rm -f "$logs/sweep-$(basename "$o72").tsv"
	# shellcheck disable=SC2086
	"$here/sweep.sh" "$k72" "$o72" "$plugin" $sweep_dirs | tee "$logs/sweep.txt"
	st=${PIPESTATUS[0]}
	n=$(mp_result_get "$logs/sweep-$(basename "$o72").tsv" with_plugin)
	now=$(mp_result_get "$logs/sweep-$(basename "$o72").tsv" compiled_now)
	tu_total=$((tu_total + ${now:-0}))
	echo "findings judged against ${reviewed#"$repo"/}:"
	judge_findings "$logs/sweep-findings-$(basename "$o72").txt" || st=1
	[ "$n_find" -gt 0 ] || echo "  none"
	detail="${n:-0} objects with the plugin (${now:-0} compiled now); findings $n_find ($n_new not reviewed)"
	[ "$st" -eq 0 ] || detail+="; make exit status $(mp_result_get "$logs/sweep-$(basename "$o72").tsv" make_status)"
	[ "$sweep_dirs" = "$default_dirs" ] || detail="LIMITED to $sweep_dirs: $detail"
	return "$st"
}
step "sweep $(kver "$k72"): $sweep_dirs" s_sweep

# ---- step 6: out-of-tree usage and W=1 ----
s_oot() {
	local oo=$o72-oot st=0 n warn m c silent w1runs res=$logs/mutations/mutate
	configure_outdir "$k72" "$oo" || return 1
	mp_locked "$oo" find "$oo/fs/ext4" -name '*.o' -delete 2>/dev/null
	echo "  make -C $k72 O=$oo KCFLAGS=-fplugin=$plugin W=1 fs/ext4/"
	kmake "$k72" "$oo" KCFLAGS="-fplugin=$plugin" W=1 fs/ext4/ \
		>"$logs/oot-ext4.log" 2>&1 || { echo "  make failed: $logs/oot-ext4.log"; st=1; }
	n=$(mp_objects_with_plugin "$oo" "$plugin" fs/ext4 | grep -c .)
	tu_total=$((tu_total + n))
	warn=$(grep -c '\[mmap-prepare-' "$logs/oot-ext4.log")
	echo "  fs/ext4: $n objects compiled with the plugin, $warn plugin warnings"
	grep '\[mmap-prepare-' "$logs/oot-ext4.log" | sed "s|$k72/||; s/^/    /"
	m=$(mp_compiler_trouble "$logs/oot-ext4.log")
	[ -z "$m" ] || { echo "  INTERNAL COMPILER ERRORS / PLUGIN ERRORS:"; echo "$m" | sed 's/^/    /'; st=1; }
	[ "$n" -gt 0 ] && [ "$warn" -eq 0 ] || st=1
	echo "  W=1-only rule, mutation 11-write-only-read, without W=1:"
	rm -f "$res-no-w1.tsv" "$res.tsv"
	MP_LOG_DIR=$logs/mutations "$here/mutate.sh" --no-w1 "$k72" "$oo" "$plugin" "$mutations"/11-write-only-read.patch |
		sed 's/^/    /' | tee "$logs/oot-w1.txt"
	[ "${PIPESTATUS[0]}" -eq 0 ] || st=1
	silent=$(mp_result_get "$res-no-w1.tsv" silent)
	w1runs=$(mp_result_get "$res-no-w1.tsv" caught)
	echo "  ... and with W=1:"
	MP_LOG_DIR=$logs/mutations "$here/mutate.sh" "$k72" "$oo" "$plugin" "$mutations"/11-write-only-read.patch |
		sed 's/^/    /' | tee -a "$logs/oot-w1.txt"
	[ "${PIPESTATUS[0]}" -eq 0 ] || st=1
	# Both runs as expected: silent without W=1, reported with it.
	c=$(mp_result_get "$res.tsv" caught)
	w1runs=$((${w1runs:-0} + ${c:-0}))
	tu_total=$((tu_total + 2))
	detail="fs/ext4/: make ok, $n objects with the plugin, $warn warnings; write-only-read silent without W=1: ${silent:-0}, reported with W=1: $([ "$w1runs" -ge 2 ] && echo yes || echo no)"
	return $st
}
step "out-of-tree fs/ext4/ and W=1" s_oot

# ---- step 7: in-tree patch series ----

# in_git DIR GIT-ARGS...: git in the kernel tree DIR, never in a repository
# above it.
in_git() { (cd "$1" && shift && GIT_CEILING_DIRECTORIES=$(dirname "$PWD") git "$@"); }

# intree_apply_check SERIES: git apply --check of SERIES on 7.2 and the
# newest 7.x; fills applied.
intree_apply_check() {
	local t r st=0
	for t in "$k72" "$knew"; do
		if r=$(in_git "$t" apply --check "$1"/*.patch 2>&1); then
			echo "  git apply --check on $(kver "$t"): ok"
			applied+=("$(kver "$t") ok")
		else
			echo "  git apply --check on $(kver "$t"): FAILED"; echo "$r" | sed 's/^/    /'
			applied+=("$(kver "$t") FAILED"); st=1
		fi
	done
	return $st
}

# intree_copy SERIES: a copy of 7.2 with SERIES applied, at $copy, re-made
# when the series changes; sets key (its stamp).
intree_copy() {
	key=$( (echo "$k72"; cat "$1"/*.patch) | sha256sum | cut -c1-16)
	[ "$(cat "$copy.stamp" 2>/dev/null)" != "$key" ] || return 0
	echo "  copying $k72 to $copy and applying the series"
	rm -rf "$copy" "$copy.stamp" "$copy.tmp"
	mkdir -p "$(dirname "$copy")"
	cp -a "$k72" "$copy.tmp" && mv "$copy.tmp" "$copy" || { echo "  copy failed"; return 1; }
	in_git "$copy" apply "$1"/*.patch || { echo "  git apply failed on the copy"; return 1; }
	echo "$key" >"$copy.stamp"
}

# intree_configure: $oi configured from the copy with
# CONFIG_GCC_PLUGIN_MMAP_PREPARE=y; kbuild built the plugin.
intree_configure() {
	local pl=$oi/scripts/gcc-plugins/mmap_prepare_plugin.so m
	if ! MP_EXTRA_OPTIONS="-e GCC_PLUGINS -e GCC_PLUGIN_MMAP_PREPARE" \
		"$here/configure.sh" "$copy" "$oi" "CC=$CC" >"$logs/configure-intree.log" 2>&1; then
		echo "  configure/prepare with CONFIG_GCC_PLUGIN_MMAP_PREPARE failed:"
		grep -E 'error|Error' "$logs/configure-intree.log" | head -n 30 | sed 's/^/    /'
		detail="apply --check: ${applied[*]}; kbuild could not build the plugin (see $logs/configure-intree.log)"
		return 1
	fi
	grep -q '^CONFIG_GCC_PLUGIN_MMAP_PREPARE=y' "$oi/.config" ||
		{ echo "  CONFIG_GCC_PLUGIN_MMAP_PREPARE did not stick"; return 1; }
	# The series puts the sources in scripts/gcc-plugins/mmap_prepare/
	# (make-patch-series.sh); the .so stays next to the other plugins.
	if [ -f "$pl" ] && [ -f "$oi/scripts/gcc-plugins/.mmap_prepare_plugin.so.cmd" ]; then
		echo "  kbuild built $pl from $(grep -o 'mmap_prepare/[a-z_]*\.o' "$oi/scripts/gcc-plugins/.mmap_prepare_plugin.so.cmd" | sort -u | wc -l) objects in scripts/gcc-plugins/mmap_prepare/"
	else
		echo "  kbuild did not build scripts/gcc-plugins/mmap_prepare_plugin.so"; return 1
	fi
	# Warnings kbuild's flags produce in the plugin sources (from the log
	# of the run that built it, kept by configure).
	m=$(grep -A3 -E 'scripts/gcc-plugins/mmap_prepare/[^ ]*: (warning|error)' "$logs/configure-intree.log")
	[ -z "$m" ] || { echo "  compiler messages for the plugin sources under kbuild's flags:"; echo "$m" | sed 's/^/    /'; }
}

# intree_objects OBJ...: compiled by kbuild with its own plugin and no
# finding; sets n (how many loaded it).
intree_objects() {
	local o st=0
	for o in "$@"; do rm -f "$oi/$o"; done
	kmake "$copy" "$oi" W=1 "$@" >"$logs/intree-objects.log" 2>&1 ||
		{ echo "  building $* failed: $logs/intree-objects.log"; st=1; }
	n=0
	for o in "$@"; do
		if mp_plugin_loaded "$oi" "$o" scripts/gcc-plugins/mmap_prepare_plugin.so; then n=$((n + 1)); fi
	done
	tu_total=$((tu_total + n))
	echo "  $# objects built by kbuild, $n with -fplugin=.../scripts/gcc-plugins/mmap_prepare_plugin.so;" \
		"$(grep -c '\[mmap-prepare-' "$logs/intree-objects.log") plugin warnings"
	[ "$n" -eq $# ] || st=1
	! grep -q '\[mmap-prepare-' "$logs/intree-objects.log" || st=1
	return $st
}

# intree_build_mem LOG: drivers/char/mem.o rebuilt in $oi from the copy.
intree_build_mem() {
	rm -f "$oi/drivers/char/mem.o"
	kmake "$copy" "$oi" W=1 drivers/char/mem.o >"$1" 2>&1
}

# intree_mutation MUT: the plugin kbuild built is used: MUT applied to the
# copy is reported; DISABLE_MMAP_PREPARE_PLUGIN silences it.  Sets caught
# and silenced; returns 1 when the copy could not be restored, 2 when MUT
# does not apply.
intree_mutation() {
	local mut=$1 exp rule at st=0
	exp=$(sed -n 's/^# Expect:[[:space:]]*//p' "$mut" | head -n1)
	rule=${exp%% *} at=${exp#* }
	# The copy is re-made from scratch if this is interrupted.
	rm -f "$copy.stamp"
	in_git "$copy" apply "$mut" || { echo "  mutation does not apply to the copy"; return 2; }
	intree_build_mem "$logs/intree-mutation.log"
	grep -qE "(^|/)${at//./\\.}:[0-9]+: warning: .*\[$rule\]" "$logs/intree-mutation.log" && caught=yes
	echo "  mutation $(basename "$mut" .patch) in the copy: $rule at $at reported: $caught"
	cp -p "$copy/drivers/char/Makefile" "$ck/intree-Makefile.orig"
	echo 'CFLAGS_mem.o += $(DISABLE_MMAP_PREPARE_PLUGIN)' >>"$copy/drivers/char/Makefile"
	intree_build_mem "$logs/intree-disabled.log"
	if [ -f "$oi/drivers/char/mem.o" ] && ! grep -q '\[mmap-prepare-' "$logs/intree-disabled.log" &&
	   grep -q -- '-fplugin-arg-mmap_prepare_plugin-disable' "$oi/drivers/char/.mem.o.cmd"; then
		silenced=yes
	fi
	echo "  with CFLAGS_mem.o += \$(DISABLE_MMAP_PREPARE_PLUGIN): built and silent: $silenced"
	mv "$ck/intree-Makefile.orig" "$copy/drivers/char/Makefile"
	if in_git "$copy" apply -R "$mut"; then
		echo "$key" >"$copy.stamp"
	else
		echo "  could not revert the mutation in the copy (it is re-made next time)"; st=1
	fi
	rm -f "$oi/drivers/char/mem.o"
	tu_total=$((tu_total + 2))
	return $st
}

s_intree() {
	local series=$ck/series st=0 copy oi key n applied=() caught=no silenced=no
	local objs=(drivers/char/mem.o fs/ext4/file.o fs/aio.o kernel/relay.o mm/shmem.o)
	rm -rf "$series"
	"$here/make-patch-series.sh" "$k72" "$series" >"$logs/series.txt" 2>&1 || {
		cat "$logs/series.txt"; return 1; }
	sed "s|^$series/|  |" "$logs/series.txt"
	intree_apply_check "$series" || st=1
	copy=$ck/src/linux-$(kver "$k72")-intree
	intree_copy "$series" || return 1
	oi=$ck/build/linux-$(series_of "$k72")-x86_64$sfx-intree
	intree_configure || return 1
	intree_objects "${objs[@]}" || st=1
	intree_mutation "$mutations/07-escape-global.patch"
	case $? in 0) ;; 1) st=1 ;; *) return 1 ;; esac
	[ $caught = yes ] && [ $silenced = yes ] || st=1
	detail="apply --check: ${applied[*]}; kbuild built and used the plugin ($n/${#objs[@]} objects); mutation reported: $caught; DISABLE_MMAP_PREPARE_PLUGIN silences: $silenced"
	return $st
}
step "in-tree patch series" s_intree

# ---- summary ----
T1=$(date +%s.%N)
mp_cpu C1
{
echo
echo "== check-kernel summary ($($CC --version | head -n1); plugin sha256 $sum...)"
printf '%-3s %-44s %-6s %7s %7s  %s\n' "#" "step" "result" "wall/s" "CPU/s" "detail"
for i in "${!names[@]}"; do
	printf '%-3s %-44s %-6s %7s %7s  %s\n' "$((i + 1))" "${names[$i]}" "${results[$i]}" \
		"${walls[$i]}" "${cpus[$i]}" "${details[$i]}"
done
echo "translation units compiled with the plugin by this run: $tu_total"
printf 'total: %.0f s wall, %.0f s CPU (make -j%s)\n' "$(echo "$T1 - $T0" | bc)" "$(echo "$C1 - $C0" | bc)" "$jobs"
echo "logs: $logs"
if [ $failed -eq 0 ]; then
	echo "check-kernel: PASS (${#names[@]} steps)"
else
	echo "check-kernel: FAIL ($failed of ${#names[@]} steps failed)"
fi
} | tee "$logs/summary.txt"
[ $failed -eq 0 ]
