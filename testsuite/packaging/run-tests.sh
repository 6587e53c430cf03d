#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Fast packaging checks (part of make check):
#   - make install into a DESTDIR puts exactly the expected files there, the
#     plugin in GCC's own plugin directory of $CC, where GCC finds it by
#     name; make uninstall leaves no file behind;
#   - both man pages render with man -l and no groff warning, and the
#     plugin's page lists exactly the plugin's options and rules (names,
#     defaults, summaries, as its --help prints them);
#   - the documented opt-out line (optout.sh).
# Prints "packaging: N passed, N failed" (also as TSV to $MP_RESULT).
#
# Usage: CC=gcc PLUGIN=/abs/mmap_prepare_plugin.so run-tests.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
# shellcheck source=scripts/lib.sh
. "$top/scripts/lib.sh"
: "${CC:=gcc}"
: "${PLUGIN:?PLUGIN must name the built mmap_prepare_plugin.so}"
mp_passed=0 mp_failed=0
check() { local name=$1; shift; if "$@"; then mp_pass "packaging: $name"; else mp_fail "packaging: $name"; fi; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dest=$work/dest
plugindir=$("$CC" -print-file-name=plugin)

# ---- make install / make uninstall into a DESTDIR ----
make -s -C "$top" install CC="$CC" DESTDIR="$dest" PREFIX=/usr >"$work/install.log" 2>&1 ||
	{ cat "$work/install.log"; mp_fail "packaging: make install"; }
(cd "$dest" && find . \( -type f -o -type l \) | sed 's|^\.||' | sort) >"$work/files"
{
	echo "$plugindir/mmap_prepare_plugin.so"
	echo /usr/bin/mmap-prepare-gate
	echo /usr/bin/mmap-prepare-conversion
	echo /usr/share/man/man1/mmap-prepare-gate.1
	echo /usr/share/man/man1/mmap-prepare-conversion.1
	echo /usr/share/man/man1/mmap_prepare_plugin.1
	(cd "$top" && ls README.md docs/*.md) | sed 's|^.*/||; s|^|/usr/share/doc/mmap-prepare/|'
} | sort >"$work/expected"
check "install: exactly the expected $(wc -l <"$work/expected") files" \
	diff -u "$work/expected" "$work/files"
check "install: plugin is the one built" cmp -s "$PLUGIN" "$dest$plugindir/mmap_prepare_plugin.so"
# By name, as from GCC's plugin directory (-iplugindir stands in for it).
printf 'struct vm_area_desc;\nstruct file_operations { int (*mmap)(void *, void *); int (*mmap_prepare)(struct vm_area_desc *); };\nstatic int a(void *f, void *v) { return 0; }\nstatic int b(struct vm_area_desc *d) { return 0; }\nconst struct file_operations fops = { .mmap = a, .mmap_prepare = b };\n' >"$work/byname.c"
"$CC" -iplugindir="$dest$plugindir" -fplugin=mmap_prepare_plugin -c -o /dev/null \
	"$work/byname.c" 2>"$work/byname.log" || true
check "install: -fplugin=mmap_prepare_plugin finds the installed plugin by name" \
	grep -q '\[mmap-prepare-both-hooks\]' "$work/byname.log"

make -s -C "$top" uninstall CC="$CC" DESTDIR="$dest" PREFIX=/usr >"$work/uninstall.log" 2>&1 ||
	{ cat "$work/uninstall.log"; mp_fail "packaging: make uninstall"; }
left=$(cd "$dest" && find . \( -type f -o -type l \) | sed 's|^\.||' | tr '\n' ' ')
check "uninstall: no file left in DESTDIR${left:+ (left: $left)}" test -z "$left"
check "uninstall: doc directory removed" test ! -e "$dest/usr/share/doc/mmap-prepare"
# Another GCC's plugin goes into that GCC's directory (a dry run: the
# build for it is check-matrix's business).
major=$("$CC" -dumpversion | cut -d. -f1)
for other in /usr/bin/gcc-[0-9]*; do
	n=${other##*gcc-}
	odir=$("$other" -print-file-name=plugin)
	[ "$n" != "$major" ] && [ -d "$odir/include" ] || continue
	check "install: gcc-$n's plugin goes to $odir" grep -qxF \
		"install -D -m 0644 build/gcc-$n/mmap_prepare_plugin.so $dest$odir/mmap_prepare_plugin.so" \
		<(make -s -n -C "$top" install CC="gcc-$n" DESTDIR="$dest" PREFIX=/usr 2>/dev/null)
	break
done
# A missing plugin directory (no gcc-N-plugin-dev) is refused, not used.
out=$(make -s -C "$top" uninstall CC="$CC" DESTDIR="$dest" PLUGINDIR=plugin 2>&1 || true)
check "uninstall: relative PLUGINDIR refused with one line" \
	grep -q "^error: no plugin directory for" <<<"$out"

# ---- man pages ----
for page in mmap-prepare-gate.1 mmap_prepare_plugin.1 mmap-prepare-conversion.1; do
	# --warnings: groff's own warnings (what lintian reports) on stderr.
	LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$top/docs/$page" \
		>"$work/$page.txt" 2>"$work/$page.err" || echo "man exited $?" >>"$work/$page.err"
	check "man -l $page renders without warnings" test ! -s "$work/$page.err"
	check "man -l $page has NAME and SYNOPSIS" \
		grep -qzP '(?s)\nNAME\n.*\nSYNOPSIS\n' "$work/$page.txt"
done
[ -s "$work/mmap_prepare_plugin.1.err" ] && cat "$work/mmap_prepare_plugin.1.err"
# The plugin's own lists, against the page rendered without hyphenation,
# justification or line breaks.
LC_ALL=C MANWIDTH=1000 man --nh --nj -l "$top/docs/mmap_prepare_plugin.1" 2>/dev/null |
	sed 's/^ *//' >"$work/page.txt"
"$CC" -v --help -fplugin="$PLUGIN" -c -x c /dev/null -o /dev/null 2>&1 |
	sed -n 's/^ *rule \(mmap-prepare-[a-z-]*\) (\([^)]*\)): \(.*\)$/\1 (\2)|\3/p' >"$work/rules"
check "man page: the plugin prints 9 or more rules" test "$(wc -l <"$work/rules")" -ge 9
while IFS='|' read -r head summary; do
	check "man page: rule $head" grep -qxF "$head" "$work/page.txt"
	check "man page: summary of ${head%% *}" \
		grep -qxF "$summary" "$work/page.txt"
done <"$work/rules"
keys=$("$CC" -fplugin="$PLUGIN" -fplugin-arg-mmap_prepare_plugin-no-such-key -c -x c /dev/null \
	-o /dev/null 2>&1 | sed -n 's/.*(known: \(.*\))$/\1/p' | tr -d ',' || true)
check "man page: the plugin names its options" test -n "$keys"
for key in $keys; do
	check "man page: option $key" grep -qE "^$key(=[A-Z][A-Z-]*)?( |$)" "$work/page.txt"
done

# ---- the opt-out line ----
check "opt-out line (optout.sh)" env CC="$CC" PLUGIN="$PLUGIN" "$here/optout.sh" >"$work/optout.log"
grep -q '^FAIL' "$work/optout.log" && grep '^FAIL\|^    ' "$work/optout.log"

echo "packaging: $mp_passed passed, $mp_failed failed"
mp_result "${MP_RESULT:-}" passed "$mp_passed" failed "$mp_failed"
[ "$mp_failed" -eq 0 ]
