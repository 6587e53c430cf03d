#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/kernel/configure.sh KSRC OUTDIR [extra make args, e.g. CC=gcc-12]
#
# Out-of-tree (O=OUTDIR) x86_64 configuration for checking the plugin on a
# real kernel: x86_64_defconfig, the changes in kconfig.options (through the
# tree's scripts/config), olddefconfig, then `make prepare modules_prepare`.
# Other architectures: pass ARCH=... among the make args and name the
# defconfig in MP_DEFCONFIG (check-kernel: ARCH=i386, i386_defconfig).
# KSRC is never written to.  Cached: nothing is done when OUTDIR holds a
# stamp newer than its .config, written by a successful run with the same
# source tree, options, compiler and make arguments (MP_FORCE=1 redoes it).
#
# Environment: MP_JOBS (default: number of CPUs), MP_FORCE,
#   MP_EXTRA_OPTIONS  more changes in the format of kconfig.options, e.g.
#                     "-e GCC_PLUGIN_MMAP_PREPARE" (applied after the file)
#   MP_DEFCONFIG      the starting configuration (default x86_64_defconfig)
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
# shellcheck source=scripts/lib.sh
. "$here/../lib.sh"

mp_configure_start "$@"
shift 2
options=$(mktemp)
trap 'rm -f "$options"' EXIT
cat "$here/kconfig.options" >"$options"
[ -z "${MP_EXTRA_OPTIONS:-}" ] || printf '%s %s\n' $MP_EXTRA_OPTIONS >>"$options"
defconfig=${MP_DEFCONFIG:-x86_64_defconfig}
case $defconfig in *defconfig) ;; *) mp_die "MP_DEFCONFIG=$defconfig is not a *defconfig target" ;; esac

# What the cached result depends on.
key=$( {
	echo "ksrc=$ksrc"
	head -n 5 "$ksrc/Makefile"
	$cc --version | head -n1
	printf 'arg=%s\n' "$@"
	[ -z "${MP_DEFCONFIG:-}" ] || echo "defconfig=$defconfig"	# the old key otherwise
	cat "$options"
} | sha256sum | cut -d' ' -f1)

if [ -z "${MP_FORCE:-}" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ] &&
   [ -f "$outdir/.config" ] && [ ! "$outdir/.config" -nt "$stamp" ] &&
   [ -f "$outdir/include/generated/autoconf.h" ] && [ -x "$outdir/scripts/mod/modpost" ]; then
	mp_log "$outdir is configured and prepared (cached)"
	exit 0
fi
rm -f "$stamp"

mk() { make -C "$ksrc" O="$outdir" -j"$jobs" "$@"; }

mk -s "$@" "$defconfig"
args=()
while read -r op sym; do
	case $op in ''|'#'*) continue ;; esac
	args+=("$op" "$sym")
done <"$options"
"$ksrc/scripts/config" --file "$outdir/.config" "${args[@]}"
mk -s "$@" olddefconfig

# Report what did not stick (a dependency missing on this tree or arch).
bad=0
while read -r op sym; do
	case $op in ''|'#'*) continue ;; esac
	val=$("$ksrc/scripts/config" --file "$outdir/.config" -s "$sym")
	case $op:$val in
	-e:y|-e:m|-d:n|-d:undef) ;;
	*) mp_log "warning: CONFIG_$sym is '$val' after olddefconfig (wanted $op)"; bad=1 ;;
	esac
done <"$options"

mk "$@" prepare modules_prepare
echo "$key" >"$stamp"
[ $bad -eq 0 ] || mp_log "some options did not stick; see the warnings above"
mp_log "configured and prepared: $outdir"
