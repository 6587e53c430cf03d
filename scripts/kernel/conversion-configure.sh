#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/kernel/conversion-configure.sh KSRC OUTDIR [make args, e.g. CC=gcc-12]
#
# The conversion dashboard's configuration: x86_64 allmodconfig (every
# driver and file system that can build here), with what only slows the
# compiles or stops them switched off: WERROR (plugin notes and W=1 must
# not stop the build), the sanitizers, KCOV's instrumentation of every
# object (KCOV itself stays: kernel/kcov.c has a .mmap), GCOV, debug info and the
# kernel's own randstruct/latent-entropy/stackleak plugins.  None of them
# adds or removes a unit.  Then `make prepare modules_prepare`.
# Cached like configure.sh: a stamp keyed by tree, compiler and arguments.
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
# shellcheck source=scripts/lib.sh
. "$here/../lib.sh"

mp_configure_start "$@"
shift 2
off="WERROR KASAN UBSAN KCOV_INSTRUMENT_ALL GCOV_KERNEL KMSAN KCSAN DEBUG_INFO_DWARF4 DEBUG_INFO_DWARF5
	DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT DEBUG_INFO_BTF GCC_PLUGIN_LATENT_ENTROPY
	GCC_PLUGIN_STACKLEAK KSTACK_ERASE RANDSTRUCT_FULL RANDSTRUCT_PERFORMANCE FORTIFY_SOURCE"
key=$( { echo "allmodconfig $ksrc $off"; head -n 5 "$ksrc/Makefile"; $cc --version | head -n1
	 printf 'arg=%s\n' "$@"; } | sha256sum | cut -d' ' -f1)
if [ -z "${MP_FORCE:-}" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$key" ] &&
   [ ! "$outdir/.config" -nt "$stamp" ] && [ -x "$outdir/scripts/mod/modpost" ]; then
	mp_log "$outdir is configured and prepared (cached)"
	exit 0
fi
rm -f "$stamp"
mk() { make -C "$ksrc" O="$outdir" -j"$jobs" "$@"; }
mk -s "$@" allmodconfig
args=()
for s in $off; do args+=(-d "$s"); done
"$ksrc/scripts/config" --file "$outdir/.config" "${args[@]}" -e DEBUG_INFO_NONE -e RANDSTRUCT_NONE
mk -s "$@" olddefconfig
for s in WERROR KASAN UBSAN KCOV_INSTRUMENT_ALL; do
	v=$("$ksrc/scripts/config" --file "$outdir/.config" -s "$s")
	[ "$v" != y ] || mp_log "warning: CONFIG_$s is still y"
done
mk "$@" prepare modules_prepare
echo "$key" >"$stamp"
mp_log "configured (allmodconfig) and prepared: $outdir"
