#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/kernel/make-patch-series.sh KSRC OUTDIR
#
# Generates, from this repository's own plugin/*.c, plugin/*.h and
# include/*.h (the working tree, so the series cannot drift from the plugin
# that is tested), a git-format-patch series that adds the plugin to a
# kernel tree with CONFIG_GCC_PLUGIN_MMAP_PREPARE:
#
#   0001 gcc-plugins: Add the mmap_prepare checker
#        the sources in scripts/gcc-plugins/mmap_prepare/, the
#        mmap_prepare_plugin-objs list in scripts/gcc-plugins/Makefile and
#        a MAINTAINERS entry for the new directory
#   0002 gcc-plugins: Add CONFIG_GCC_PLUGIN_MMAP_PREPARE
#        the Kconfig entry in scripts/gcc-plugins/Kconfig
#   0003 gcc-plugins: Enable the mmap_prepare checker
#        scripts/Makefile.gcc-plugins: -fplugin, DISABLE_MMAP_PREPARE_PLUGIN
#
# Layout: a subdirectory, scripts/gcc-plugins/mmap_prepare/, holding every
# file under its own name.  The kernel's three plugins are one file each
# (2,142 lines in all) next to five shared headers; thirty more files
# flat in that directory, renamed mmap_prepare_*.c so they cannot clash,
# would bury them, and the renaming would make the kernel's copy differ
# from this repository's in every file name and #include.  kbuild builds
# the subdirectory as it is: the multi-file plugin rule of
# scripts/gcc-plugins/Makefile takes mmap_prepare_plugin-objs entries with
# a directory ("mmap_prepare/action.o"; $(obj)/%.o from $(src)/%.c),
# scripts/Makefile.build creates the object directory from $(targets),
# which lists those objects, and a quoted #include is looked up first in
# the including file's own directory, where all of the plugin's headers
# are, so neither -I $(obj) nor a rewritten include is needed.  The plugin
# itself stays scripts/gcc-plugins/mmap_prepare_plugin.so, next to the
# others, so -fplugin= and -fplugin-arg-mmap_prepare_plugin-* are as for
# them.  bench/ (benchmark-only code) is not part of the series.  The new
# directory gets its own MAINTAINERS entry (the author from git config,
# the GCC plugin and mm lists), which checkpatch.pl asks for: what this
# script writes (commit messages, Kconfig, Makefile and MAINTAINERS
# hunks) is checkpatch.pl --strict clean.
#
# #include "..." of a project header is written as the bare file name
# (an "../include/x.h" spelling would be rewritten to "x.h"); every other
# quoted include must name a GCC header, not one of the plugin's files.
#
# The rule list of the 0001 commit message and of the Kconfig help is read
# from the plugin's own single source of its rules: include/mp_rule_list.h
# and, where its MP_RULE() lines only name a rule, the rule's struct
# mp_rule definition (see "the rules" below).
#
# KSRC supplies the context of the four kernel files the series changes
# (scripts/gcc-plugins/{Makefile,Kconfig}, scripts/Makefile.gcc-plugins,
# MAINTAINERS); it is only read.  OUTDIR receives 0001-*.patch ... and
# nothing else (old *.patch files there are removed).  The patches' file
# names are printed.
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
kfiles=(scripts/gcc-plugins/Makefile scripts/gcc-plugins/Kconfig scripts/Makefile.gcc-plugins MAINTAINERS)
for f in "${kfiles[@]}"; do
	[ -f "$ksrc/$f" ] || mp_die "$ksrc has no $f (not a kernel tree with GCC plugin support?)"
done
command -v git >/dev/null || mp_die "git is needed: apt-get install git"
command -v perl >/dev/null || mp_die "perl is needed: apt-get install perl"

dir=scripts/gcc-plugins/mmap_prepare	# where the sources go
ruledefs=$repo/include/mp_rule_list.h

# ---- the files ----
declare -A from=()	# file name -> its path in this repository
for f in "$repo"/plugin/*.c "$repo"/plugin/*.h "$repo"/include/*.h; do
	[ -f "$f" ] || continue
	b=$(basename "$f")
	[ -z "${from[$b]:-}" ] || mp_die "two files named $b: ${from[$b]#"$repo"/} and ${f#"$repo"/}"
	from[$b]=$f
done
mapfile -t files < <(printf '%s\n' "${!from[@]}" | LC_ALL=C sort)
mapfile -t srcs < <(printf '%s\n' "${files[@]}" | grep '\.c$')
mapfile -t hdrs < <(printf '%s\n' "${files[@]}" | grep '\.h$')
[ ${#srcs[@]} -gt 0 ] || mp_die "no plugin/*.c in $repo"
[ -f "$ruledefs" ] || mp_die "$ruledefs is missing"

# A project header must not take the name of a GCC plugin header: the
# plugin's files would include it instead of GCC's.
gcc_inc=$(${CC:-gcc} -print-file-name=plugin 2>/dev/null)/include
if [ -d "$gcc_inc" ]; then
	for h in "${hdrs[@]}"; do
		[ ! -e "$gcc_inc/$h" ] || mp_die "${from[$h]#"$repo"/} has the name of GCC's $gcc_inc/$h"
	done
fi

# ---- the rules: name TAB default TAB summary, in mp_rule_list.h's order ----
# include/mp_rule_list.h lists the rules, MP_RULE(...) each; a rule's
# name, default and summary are either in that line,
#   MP_RULE(ID, "name", DEFAULT, ops, "summary")
# or in the definition the line names, MP_RULE(x) -> in plugin/*.c
#   struct mp_rule mp_rule_x = { MP_RULE_NAME("name"), .dflt = DEFAULT,
#                                .summary = "summary" ... };
rules=$(perl -0777 -e '
	my ($list, @c) = @ARGV;
	my $str = q{"((?:[^"\\\\]|\\\\.)*)"};
	local $/; open(my $fh, "<", $list) or die "$list: $!\n"; $_ = <$fh>;
	my $all = join("", map { open(my $f, "<", $_) or die "$_: $!\n"; <$f> } @c);
	my @l = /^MP_RULE\(([^)]*(?:\([^)]*\)[^)]*)*)\)/mg;
	die "no MP_RULE lines\n" unless @l;
	for my $a (@l) {
		my ($n, $d, $s);
		if ($a =~ /^\s*\w+\s*,\s*"([^"]+)"\s*,\s*(\w+)\s*,\s*\w+\s*,\s*$str\s*$/s) {
			($n, $d, $s) = ($1, $2, $3);
		} elsif ($a =~ /^\s*(\w+)\s*$/) {
			my $id = $1;
			$all =~ /^struct mp_rule mp_rule_\Q$id\E = \{(.*?)^\};/ms
				or die "no definition of struct mp_rule mp_rule_$id\n";
			my $b = $1;
			($n) = $b =~ /(?:MP_RULE_NAME\(|\.name\s*=\s*)"([^"]+)"/;
			($d) = $b =~ /\.dflt\s*=\s*(\w+)/;
			($s) = $b =~ /\.summary\s*=\s*((?:$str\s*)+)/s;
			$s = join("", $s =~ /$str/g) if defined $s;
			defined $n && defined $d && defined $s
				or die "mp_rule_$id: name, .dflt or .summary not found\n";
		} else {
			die "cannot read MP_RULE($a)\n";
		}
		print "mmap-prepare-$n\t$d\t$s\n";
	}' "$ruledefs" "$repo"/plugin/*.c) || mp_die "cannot read the rules from ${ruledefs#"$repo"/}"
while IFS=$'\t' read -r _ d _; do
	case $d in MP_ON|MP_W1|MP_OPT_IN) ;; *) mp_die "$ruledefs: unknown default $d" ;; esac
done <<<"$rules"
# rules_of DEFAULT: the names of the rules with that default, ", " separated.
rules_of() { awk -F'\t' -v d="$1" '$2 == d { printf "%s%s", s, $1; s = ", " }' <<<"$rules"; }

# wrap WIDTH FIRST REST: stdin's words filled to WIDTH columns (a tab
# counted as 8), the first line prefixed by FIRST, the others by REST.
wrap() {
	awk -v w="$1" -v p1="$2" -v p2="$3" '
	function width(s) { gsub(/\t/, "        ", s); return length(s) }
	{ for (i = 1; i <= NF; i++) words[++n] = $i }
	END {
		line = p1; empty = 1
		for (i = 1; i <= n; i++) {
			if (!empty && width(line " " words[i]) > w) {
				print line; line = p2; empty = 1
			}
			line = line (empty ? "" : " ") words[i]; empty = 0
		}
		if (!empty) print line
	}'
}
when() {	# DEFAULT -> when the rule is on, unless by default
	case $1 in
	MP_W1) echo " (W=1 only)" ;;
	MP_OPT_IN) echo " (off by default)" ;;
	esac
}
# The rule list of the 0001 commit message and of the Kconfig help.
msg_rules=$(while IFS=$'\t' read -r n d s; do
	echo "  $n$(when "$d"):"
	wrap 72 "    " "    " <<<"$s"
done <<<"$rules")
kconfig_rules=$(while IFS=$'\t' read -r n d s; do
	wrap 78 $'\t   * ' $'\t     ' <<<"$n$(when "$d"): $s"
done <<<"$rules")

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
for f in "${kfiles[@]}"; do
	mkdir -p "$tree/$(dirname "$f")"
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
mkdir -p "$tree/$dir"
# #include "<dirs>/x.h" of a project header x.h -> #include "x.h".
incl_re=$(printf '%s\n' "${hdrs[@]}" | sed 's/\./\\./g' | paste -sd'|')
for b in "${files[@]}"; do
	sed -E "s@^([[:space:]]*#[[:space:]]*include[[:space:]]*\")[^\"]*/($incl_re)\"@\1\2\"@" \
		"${from[$b]}" >"$tree/$dir/$b"
done
# Every quoted include names a project header, or a file that is not one
# of the plugin's (a GCC header).
bad=$(cd "$tree/$dir" && grep -HnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' -- * |
	sed -E 's/^([^:]*:[0-9]+):[^"]*"([^"]*)".*/\1 \2/' |
	while read -r at inc; do
		case $inc in
		*/*) [ ! -e "$(basename "$inc")" ] || echo "$at: $inc" ;;
		*.c) echo "$at: $inc" ;;
		esac
	done)
[ -z "$bad" ] || mp_die "quoted includes that do not name a plugin header by its file name:"$'\n'"$bad"

{
	echo "# The mmap_prepare checker, built from the files in mmap_prepare/"
	# shellcheck disable=SC2016,SC1003 # make's $(...), not the shell's
	echo 'mmap_prepare_plugin-objs := $(addprefix mmap_prepare/, \'
	printf '%s.o\n' "${srcs[@]%.c}" | wrap 76 $'\t' $'\t' | sed -e '$!s/$/ \\/' -e '$s/$/)/'
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
	[ "$(grep -ow "${b%.c}\.o" "$work/objs.mk" | wc -l)" -eq 1 ] ||
		mp_die "internal: ${b%.c}.o not once in the -objs list"
done

# MAINTAINERS: an entry for the new directory, right after GCC PLUGINS.
cat >"$work/maintainers.entry" <<EOF
GCC PLUGINS: MMAP_PREPARE CHECKER
M:	$name <$email>
L:	linux-hardening@vger.kernel.org
L:	linux-mm@kvack.org
S:	Maintained
F:	$dir/
EOF
awk -v entry="$work/maintainers.entry" '
	{ print }
	$0 == "GCC PLUGINS" { in_entry = 1 }
	in_entry && $0 == "" {
		while ((getline l < entry) > 0) print l
		print ""
		in_entry = 0; done = 1
	}
	END { if (!done) exit 1 }' "$ksrc/MAINTAINERS" >"$tree/MAINTAINERS" ||
	mp_die "MAINTAINERS has no GCC PLUGINS entry"

commit "gcc-plugins: Add the mmap_prepare checker" \
"Since Linux 6.16 drivers and file systems map memory through
file_operations.mmap_prepare(struct vm_area_desc *desc). The hook runs
before the VMA exists and may change only some descriptor fields; the
core applies them afterwards. Two mistakes are invisible to the
compiler: writing a field the hook must not touch (the range, the mm,
the file, the helper-owned action), and registering both .mmap and
.mmap_prepare in one ops object, which mmap() only reports with a
WARN_ON_ONCE() in can_mmap_file() and -ENODEV.

Add a GCC plugin that reports these as warnings, each ending in its rule
name in brackets. The rules, on by default unless marked:

$msg_rules

The field policy is derived from the members the compiled struct
vm_area_desc has, so one plugin serves every descriptor generation.
Stores are followed through aliases, casts, offsets, mem*() builtins,
struct assignment and visible helpers. Core mm code (mm/vma.c,
mm/util.c, include/linux/mm.h, mm/internal.h, mm/vma.h,
tools/testing/vma/) builds descriptors and is exempt.

The plugin is built from the files in scripts/gcc-plugins/mmap_prepare/
(mmap_prepare_plugin-objs), one per rule plus the analysis they share;
it is not enabled by this patch.

Plugin arguments (-fplugin-arg-mmap_prepare_plugin-KEY[=VALUE]):
disable, rules=[+-]NAME,... (e.g. rules=+deprecated-mmap),
core=PATHS, action-ok=FIELDS, werror, report=FILE (JSON Lines), w1 (the
W=1 rules) and id=BUILD-ID (the plugin's build id, for compiler caches)."

# ---- 0002: the Kconfig entry ----
{
	cat <<'EOF'
config GCC_PLUGIN_MMAP_PREPARE
	bool "Check mmap_prepare hooks for misuse of struct vm_area_desc"
	help
	  This plugin reports, as compiler warnings, code that breaks the
	  rules of the file_operations.mmap_prepare() hook (see
	  Documentation/filesystems/mmap_prepare.rst). Each warning ends
	  in the name of its rule:

EOF
	echo "$kconfig_rules"
	cat <<'EOF'

	  The plugin only analyses code: the generated code is unchanged.
	  A file or directory opts out with $(DISABLE_MMAP_PREPARE_PLUGIN)
	  in its CFLAGS.

	  If unsure, say N.
EOF
} >"$work/kconfig.entry"
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

commit "gcc-plugins: Add CONFIG_GCC_PLUGIN_MMAP_PREPARE" \
"Add the Kconfig option for the mmap_prepare checker. It only selects
the plugin; kbuild starts using it in the next patch."

# ---- 0003: kbuild wiring ----
awk '
	!done && /^# All the plugin CFLAGS are collected here/ {
		print "gcc-plugin-$(CONFIG_GCC_PLUGIN_MMAP_PREPARE)\t+= mmap_prepare_plugin.so"
		print "ifneq ($(findstring 1, $(KBUILD_EXTRA_WARN)),)"
		print "gcc-plugin-cflags-$(CONFIG_GCC_PLUGIN_MMAP_PREPARE)\t\t\\"
		print "\t\t+= -fplugin-arg-mmap_prepare_plugin-w1"
		print "endif"
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

w1=$(rules_of MP_W1)
commit "gcc-plugins: Enable the mmap_prepare checker" \
"Build the mmap_prepare plugin and pass it to the compiler when
CONFIG_GCC_PLUGIN_MMAP_PREPARE=y. A file or directory that must not be
checked opts out as for the latent_entropy plugin:

  CFLAGS_foo.o += \$(DISABLE_MMAP_PREPARE_PLUGIN)
  ccflags-y    += \$(DISABLE_MMAP_PREPARE_PLUGIN)

which loads the plugin but has it check nothing. A single rule is turned
off with -fplugin-arg-mmap_prepare_plugin-rules=-NAME (e.g. in KCFLAGS).
${w1:+
$(wrap 72 "" "" <<<"The rules that need W=1 ($w1) are switched on under W=1 by -fplugin-arg-mmap_prepare_plugin-w1, which does not depend on the preprocessor (ccache's CCACHE_NOCPP2 and distributed compilers compile preprocessed input, without KBUILD_EXTRA_WARN1).")}"

mkdir -p "$out"
rm -f "$out"/*.patch
g format-patch -q --no-signature --zero-commit -o "$(readlink -f "$out")" HEAD~3..HEAD
ls "$(readlink -f "$out")"/*.patch
