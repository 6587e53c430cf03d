#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/kernel/make-patch-series.sh KSRC OUTDIR
#
# Generates, from this repository's own plugin/*.c and include/*.h (the
# working tree, so the series cannot drift from the plugin that is tested),
# a git-format-patch series that adds the plugin to a kernel tree under
# scripts/gcc-plugins/ with CONFIG_GCC_PLUGIN_MMAP_PREPARE:
#
#   0001 gcc-plugins: Add the mmap_prepare checker
#        the sources as a multi-file plugin (mmap_prepare_plugin-objs)
#   0002 gcc-plugins: Add CONFIG_GCC_PLUGIN_MMAP_PREPARE
#        the Kconfig entry in scripts/gcc-plugins/Kconfig
#   0003 gcc-plugins: Enable the mmap_prepare checker
#        scripts/Makefile.gcc-plugins: -fplugin, DISABLE_MMAP_PREPARE_PLUGIN
#
# KSRC supplies the context of the three kernel files the series changes
# (scripts/gcc-plugins/{Makefile,Kconfig}, scripts/Makefile.gcc-plugins);
# it is only read.  OUTDIR receives 0001-*.patch ... and nothing else (old
# *.patch files there are removed).  The patches' file names are printed.
#
# File names are prefixed so they cannot clash with other plugins:
#   plugin/X.c -> scripts/gcc-plugins/mmap_prepare_X.c
#                 (mmap_prepare_plugin.c keeps its name)
#   include/mp_Y.h -> scripts/gcc-plugins/mmap_prepare_Y.h,
#   include/mmap_prepare.h keeps its name;
# and every #include "..." of one of these headers is rewritten to match.
#
# Output is reproducible: author and date come from the repository's git
# configuration and HEAD commit (SOURCE_DATE_EPOCH overrides the date).
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
repo=$(readlink -f "$here/../..")
# shellcheck source=scripts/lib.sh
. "$here/../lib.sh"

[ $# -eq 2 ] || { echo "usage: ${0##*/} KSRC OUTDIR" >&2; exit 2; }
ksrc=$(readlink -f "$1")
out=$2
for f in scripts/gcc-plugins/Makefile scripts/gcc-plugins/Kconfig scripts/Makefile.gcc-plugins; do
	[ -f "$ksrc/$f" ] || mp_die "$ksrc has no $f (not a kernel tree with GCC plugin support?)"
done
command -v git >/dev/null || mp_die "git is needed: apt-get install git"

# ---- the name map ----
declare -A newname=()
srcs=() hdrs=()
for f in "$repo"/plugin/*.c; do
	b=$(basename "$f")
	case $b in mmap_prepare*) n=$b ;; *) n=mmap_prepare_$b ;; esac
	newname[$b]=$n
	srcs+=("$b")
done
for f in "$repo"/include/*.h; do
	b=$(basename "$f")
	case $b in mmap_prepare*) n=$b ;; mp_*) n=mmap_prepare_${b#mp_} ;; *) n=mmap_prepare_$b ;; esac
	newname[$b]=$n
	hdrs+=("$b")
done
[ ${#srcs[@]} -gt 0 ] || mp_die "no plugin/*.c in $repo"
# Two sources must not map to one name.
dups=$(printf '%s\n' "${newname[@]}" | sort | uniq -d)
[ -z "$dups" ] || mp_die "file name clash after prefixing: $dups"

# sed script renaming the project's files where the sources name them:
# #include "mp_gcc_compat.h" and comments such as "options.c: ...".
sed_inc=(-E)
for b in "${srcs[@]}" "${hdrs[@]}"; do
	[ "$b" = "${newname[$b]}" ] && continue
	sed_inc+=(-e "s/(^|[^/[:alnum:]_.-])${b//./\\.}([^[:alnum:]_]|\$)/\1${newname[$b]}\2/g")
done

# ---- a scratch repository holding only the files the series touches ----
work=$(mktemp -d "${TMPDIR:-/tmp}/mp-series.XXXXXX")
trap 'rm -rf "$work"' EXIT
tree=$work/tree
g() { git -C "$tree" -c core.autocrlf=false -c user.useConfigOnly=false "$@"; }

name=$(git -C "$repo" config user.name 2>/dev/null || echo "mmap_prepare checker")
email=$(git -C "$repo" config user.email 2>/dev/null || echo "mmap-prepare@localhost")
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
	date="@$SOURCE_DATE_EPOCH +0000"
else
	date=$(git -C "$repo" log -1 --format=%ad --date=raw 2>/dev/null || echo "@0 +0000")
	date="@${date% *} ${date#* }"
fi
export GIT_AUTHOR_NAME="$name" GIT_AUTHOR_EMAIL="$email" GIT_AUTHOR_DATE="$date"
export GIT_COMMITTER_NAME="$name" GIT_COMMITTER_EMAIL="$email" GIT_COMMITTER_DATE="$date"
sob="Signed-off-by: $name <$email>"

mkdir -p "$tree"
g init -q
mkdir -p "$tree/scripts/gcc-plugins"
for f in scripts/gcc-plugins/Makefile scripts/gcc-plugins/Kconfig scripts/Makefile.gcc-plugins; do
	cp "$ksrc/$f" "$tree/$f"
done
g add -A
g commit -q -m base

commit() {	# SUBJECT BODY
	g add -A
	g commit -q -F - <<-EOF
	$1

	$2

	$sob
	EOF
}

# ---- 0001: the sources, built as a multi-file plugin ----
for b in "${srcs[@]}" "${hdrs[@]}"; do
	case $b in *.c) from=$repo/plugin/$b ;; *) from=$repo/include/$b ;; esac
	sed "${sed_inc[@]}" "$from" >"$tree/scripts/gcc-plugins/${newname[$b]}"
done
objs=()
for b in "${srcs[@]}"; do
	objs+=("${newname[$b]%.c}.o")
done
mapfile -t objs < <(printf '%s\n' "${objs[@]}" | LC_ALL=C sort)
{
	pre="mmap_prepare_plugin-objs := "
	for i in "${!objs[@]}"; do
		sep=" \\"
		[ "$i" -lt $((${#objs[@]} - 1)) ] || sep=""
		printf '%s%s%s\n' "$pre" "${objs[$i]}" "$sep"
		pre=$'\t\t\t    '
	done
	echo
} >"$work/objs.mk"
awk -v objs="$work/objs.mk" '
	!done && /^always-y[[:space:]]*\+=[[:space:]]*\$\(GCC_PLUGIN\)/ {
		while ((getline l < objs) > 0) print l
		done = 1
	}
	{ print }
	END { if (!done) exit 1 }' "$ksrc/scripts/gcc-plugins/Makefile" \
	>"$tree/scripts/gcc-plugins/Makefile" ||
	mp_die "scripts/gcc-plugins/Makefile has no 'always-y += \$(GCC_PLUGIN)' line"
# The object list must name every source exactly once.
for b in "${srcs[@]}"; do
	grep -qw "${newname[$b]%.c}\.o" "$tree/scripts/gcc-plugins/Makefile" ||
		mp_die "internal: ${newname[$b]%.c}.o missing from the -objs list"
done

commit "gcc-plugins: Add the mmap_prepare checker" \
"Since Linux 6.16 drivers and file systems map memory through
file_operations.mmap_prepare(struct vm_area_desc *desc). The hook runs
before the VMA exists and may change only some descriptor fields; the
core applies them afterwards. Two mistakes are invisible to the
compiler: writing a field the hook must not touch (the range, the mm,
the file, the helper-owned action), and registering both .mmap and
.mmap_prepare in one ops object, which mmap() only reports with a
WARN_ON_ONCE() in can_mmap_file() and -ENODEV.

Add a GCC plugin that reports both as warnings, each ending in a rule
name in brackets:

  mmap-prepare-immutable       a store that may change mm, file, start
                               or end (directly, through aliases and
                               casts, by mem*() or struct assignment)
  mmap-prepare-action          a store into action outside the
                               mmap_action_*() helpers
  mmap-prepare-unknown-field   a store into a member the policy does
                               not classify
  mmap-prepare-escape          the descriptor kept beyond the hook
  mmap-prepare-both-hooks      .mmap and .mmap_prepare in one object
  mmap-prepare-write-only-read reading vm_ops/private_data before
                               writing them (W=1 only)

The field policy is derived from the members the compiled struct
vm_area_desc has, so one plugin serves every descriptor generation.
Core mm code (mm/vma.c, mm/util.c, include/linux/mm.h, mm/internal.h,
mm/vma.h, tools/testing/vma/) builds descriptors and is exempt.

The plugin is built from several files (mmap_prepare_plugin-objs); it is
not enabled by this patch.

Plugin arguments (-fplugin-arg-mmap_prepare_plugin-KEY[=VALUE]):
disable, rules=[+-]NAME,..., core=PATHS, action-ok=FIELDS, werror,
report=FILE (JSON Lines)."

# ---- 0002: the Kconfig entry ----
cat >"$work/kconfig.entry" <<'EOF'
config GCC_PLUGIN_MMAP_PREPARE
	bool "Check mmap_prepare hooks for misuse of struct vm_area_desc"
	help
	  This plugin reports, as compiler warnings, code that breaks the
	  rules of the file_operations.mmap_prepare() hook (see
	  Documentation/filesystems/mmap_prepare.rst):

	   * a store that may change a field of struct vm_area_desc the
	     hook must not change (mm, file, start, end), including stores
	     through aliases, memcpy()/memset() and struct assignment;
	   * a store into the action field outside the mmap_action_*()
	     helpers;
	   * the descriptor pointer kept beyond the hook;
	   * an ops structure that sets both .mmap and .mmap_prepare, which
	     makes every mmap() of the file fail with -ENODEV;
	   * with W=1, reading vm_ops or private_data before writing it.

	  Each warning ends in the name of its rule, e.g.
	  [mmap-prepare-immutable]. The plugin only analyses code: the
	  generated code is unchanged. A file or directory opts out with
	  $(DISABLE_MMAP_PREPARE_PLUGIN) in its CFLAGS.

	  If unsure, say N.
EOF
awk -v entry="$work/kconfig.entry" '
	{ line[NR] = $0 }
	$0 == "endif" { last = NR }
	END {
		if (!last) exit 1
		for (i = 1; i <= NR; i++) {
			if (i == last) {
				while ((getline l < entry) > 0) print l
				print ""
			}
			print line[i]
		}
	}' "$ksrc/scripts/gcc-plugins/Kconfig" >"$tree/scripts/gcc-plugins/Kconfig" ||
	mp_die "scripts/gcc-plugins/Kconfig has no closing 'endif'"
rm -f "$work/kconfig.entry" "$work/objs.mk"

commit "gcc-plugins: Add CONFIG_GCC_PLUGIN_MMAP_PREPARE" \
"Add the Kconfig option for the mmap_prepare checker. It only selects
the plugin; kbuild starts using it in the next patch."

# ---- 0003: kbuild wiring ----
awk '
	!done && /^# All the plugin CFLAGS are collected here/ {
		print "gcc-plugin-$(CONFIG_GCC_PLUGIN_MMAP_PREPARE)\t+= mmap_prepare_plugin.so"
		print "ifdef CONFIG_GCC_PLUGIN_MMAP_PREPARE"
		print "    DISABLE_MMAP_PREPARE_PLUGIN += -fplugin-arg-mmap_prepare_plugin-disable"
		print "endif"
		print "export DISABLE_MMAP_PREPARE_PLUGIN"
		print ""
		done = 1
	}
	{ print }
	END { if (!done) exit 1 }' "$ksrc/scripts/Makefile.gcc-plugins" \
	>"$tree/scripts/Makefile.gcc-plugins" ||
	mp_die "scripts/Makefile.gcc-plugins has no '# All the plugin CFLAGS are collected here' line"

commit "gcc-plugins: Enable the mmap_prepare checker" \
"Build the mmap_prepare plugin and pass it to the compiler when
CONFIG_GCC_PLUGIN_MMAP_PREPARE=y. A file or directory that must not be
checked opts out as for the latent_entropy plugin:

  CFLAGS_foo.o += \$(DISABLE_MMAP_PREPARE_PLUGIN)
  ccflags-y    += \$(DISABLE_MMAP_PREPARE_PLUGIN)

which loads the plugin but has it check nothing. A single rule is turned
off with -fplugin-arg-mmap_prepare_plugin-rules=-NAME (e.g. in KCFLAGS).

The rule that needs W=1 (mmap-prepare-write-only-read) switches on by
itself when KBUILD_EXTRA_WARN1 is defined."

mkdir -p "$out"
rm -f "$out"/*.patch
g format-patch -q --no-signature --zero-commit -o "$(readlink -f "$out")" HEAD~3..HEAD
ls "$(readlink -f "$out")"/*.patch
