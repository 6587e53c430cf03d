#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make check-package: the Debian package, end to end.  Run as root.
#   1. dpkg-buildpackage -us -uc on a copy of the repository's files (the
#      tracked and untracked-but-not-ignored ones, as they are now);
#   2. lintian on the .changes: no error, no warning (info tags printed);
#   3. the .deb's contents and its exact gcc-N dependency;
#   4. in a fresh debootstrapped minbase chroot of the build's suite: apt
#      installs the .deb with its dependencies, the plugin loads by name and
#      reports, the man pages render, the gate finds the plugin; apt purge
#      removes every file the package installed;
#   5. the packaged plugin and the documented opt-out line in a real kbuild
#      (optout-kbuild.sh), on the trees make check-kernel configured.
# Prints "check-package: N passed, N failed" and leaves the .deb, the
# build log and lintian's output in $MP_CACHE/package/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
# shellcheck source=scripts/lib.sh
. "$top/scripts/lib.sh"
mp_passed=0 mp_failed=0
check() { local name=$1; shift; if "$@"; then mp_pass "package: $name"; else mp_fail "package: $name"; fi; }

[ "$(id -u)" -eq 0 ] || mp_die "must run as root (debootstrap, chroot)"
# The standard tooling, and what the build needs (debian/control).
need=()
for pair in dpkg-buildpackage:dpkg-dev dh:debhelper lintian:lintian \
	debootstrap:debootstrap runtest:dejagnu man:man-db; do
	command -v "${pair%%:*}" >/dev/null || need+=("${pair#*:}")
done
install_pkgs() {
	[ $# -gt 0 ] || return 0
	echo "check-package: installing $*"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		"$@" >/dev/null || mp_die "could not install: $*"
}
install_pkgs "${need[@]}"
# debian/control's Build-Depends (names only: the versions are the suite's).
read -ra need <<<"$(cd "$top" && dpkg-checkbuilddeps 2>&1 |
	sed -n 's/.*Unmet build dependencies: //p' | sed 's/([^)]*)//g; s/<[^>]*>//g')"
install_pkgs "${need[@]}"
out=$MP_CACHE/package
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ---- 1. build ----
version=$(dpkg-parsechangelog -l "$top/debian/changelog" -S Version)
src=$work/mmap-prepare-$version
mkdir -p "$src"
(cd "$top" && git ls-files -z --cached --others --exclude-standard |
	xargs -0 -I{} sh -c '[ -e "$1" ] && printf "%s\0" "$1"' sh {} |
	tar --null -T - -cf - | tar -xf - -C "$src")
echo "check-package: dpkg-buildpackage (log: $out/build.log)"
# Nothing of the calling make (-s, jobserver) or of a test run leaks in.
if (cd "$src" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u CC -u CXX -u PLUGIN \
	nice -n 10 dpkg-buildpackage -us -uc >"$out/build.log" 2>&1); then
	mp_pass "package: dpkg-buildpackage -us -uc"
else
	tail -30 "$out/build.log"
	mp_fail "package: dpkg-buildpackage -us -uc"
	# ---- 5. the opt-out line in a real kbuild, with the packaged plugin ----
# Needs the configured 7.2 trees make check-kernel leaves (out of tree and
# in tree); without them this part is reported as not run, not as passed.
trees=$MP_CACHE/check-kernel/build
dpkg-deb -x "$deb" "$work/deb"
if [ -f "$trees/linux-7.2-x86_64-oot/.config" ] && [ -f "$trees/linux-7.2-x86_64-intree/.config" ]; then
	check "opt-out line in kbuild (optout-kbuild.sh)" \
		env PLUGIN="$work/deb$plugindir/mmap_prepare_plugin.so" "$here/optout-kbuild.sh" \
		"$trees/linux-7.2-x86_64-oot" "$trees/linux-7.2-x86_64-intree"
else
	echo "check-package: NOT RUN: opt-out line in kbuild (no configured trees in $trees; run make check-kernel first)"
fi

echo "check-package: $mp_passed passed, $mp_failed failed"
	exit 1
fi
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
deb=$work/mmap-prepare_${version}_$arch.deb
cp "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$work"/*.dsc "$work"/*.tar.* "$out/"
grep -E '^([a-z]+: )?[0-9]+ passed, [0-9]+ failed' "$out/build.log" | sed 's/^/check-package: build-time tests: /'

# ---- 2. lintian ----
changes=$(ls "$work"/*.changes)
# Every tag, info and pedantic ones included; lintian's note about root
# is not a tag.
lintian -I --pedantic --show-overrides --tag-display-limit 0 "$changes" 2>&1 |
	grep -v '^running with root privileges' >"$out/lintian.txt" || true
echo "check-package: lintian -I --pedantic --show-overrides: $(wc -l <"$out/lintian.txt") lines"
cat "$out/lintian.txt"
check "lintian: no error or warning" \
	sh -c "! grep -qE '^[EW]: ' '$out/lintian.txt'"

# ---- 3. contents and dependency ----
gcc_major=$(gcc -dumpversion | cut -d. -f1)
plugindir=$(gcc-"$gcc_major" -print-file-name=plugin)
gcc_version=$(dpkg-query -W -f='${Version}' "gcc-$gcc_major-plugin-dev")
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$out/contents.txt"
for f in "$plugindir/mmap_prepare_plugin.so" /usr/bin/mmap-prepare-gate \
	/usr/share/man/man1/mmap_prepare_plugin.1.gz /usr/share/man/man1/mmap-prepare-gate.1.gz \
	/usr/share/doc/mmap-prepare/copyright; do
	check "deb contains $f" grep -qxF "$f" "$out/contents.txt"
done
depends=$(dpkg-deb -f "$deb" Depends)
echo "check-package: Depends: $depends"
check "Depends: gcc-$gcc_major (= $gcc_version)" \
	grep -qF "gcc-$gcc_major (= $gcc_version)" <<<"$depends"

# ---- 4. install and purge in a fresh chroot ----
suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
base=$MP_CACHE/chroots/$suite-minbase
debs=$MP_CACHE/chroots/$suite-minbase.debs	# downloaded packages, kept
mkdir -p "$MP_CACHE/chroots" "$debs"
exec 8>"$base.lock"
flock 8
if [ ! -f "$base/.mp-ready" ]; then
	mirror=$(awk 'BEGIN { RS = ""; FS = "\n" }
		$0 ~ /\nSuites:[ \t]*'"$suite"'([ \t]|$)/ {
			for (i = 1; i <= NF; i++) if ($i ~ /^URIs:/) {
				sub(/^URIs:[ \t]*/, "", $i); split($i, u, /[ \t]+/); print u[1]; exit } }' \
		"$MP_SYSTEM_SOURCES")
	[ -n "$mirror" ] || mp_die "no $suite mirror in $MP_SYSTEM_SOURCES"
	echo "check-package: debootstrap --variant=minbase $suite (once, a few minutes)"
	rm -rf "$base.new"
	debootstrap --variant=minbase --components=main "$suite" "$base.new" "$mirror" \
		>"$base.debootstrap.log" 2>&1 || mp_die "debootstrap failed: $base.debootstrap.log"
	mv "$base.new" "$base"
	touch "$base/.mp-ready"
fi
flock -u 8
# A copy per run: the base stays as debootstrap left it.
root=$work/root
cp -a "$base" "$root"
# The host's own apt sources (the same versions the build used).
rm -f "$root/etc/apt/sources.list"
cp "$MP_SYSTEM_SOURCES" "$root/etc/apt/sources.list.d/"
cp "$deb" "$root/tmp/"
cp "$top/testsuite/packaging/in-chroot.sh" "$root/tmp/"
set +e
unshare --mount --propagation private -- sh -c '
	mount -t proc proc "$1/proc" && mount --bind /dev "$1/dev" &&
	mount --bind "$2" "$1/var/cache/apt/archives" &&
	cp -L /etc/resolv.conf "$1/etc/resolv.conf" &&
	chroot "$1" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
		LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
		bash /tmp/in-chroot.sh "/tmp/$3" "$4"' sh "$root" "$debs" "${deb##*/}" "$gcc_major" \
	>"$out/chroot.log" 2>&1
rc=$?
set -e
grep -E '^(PASS|FAIL|INFO): ' "$out/chroot.log" | sed 's/^/chroot: /'
check "fresh $suite chroot: install, use, purge (log: $out/chroot.log)" test $rc = 0
[ $rc = 0 ] || tail -20 "$out/chroot.log"

# ---- 5. the opt-out line in a real kbuild, with the packaged plugin ----
# Needs the configured 7.2 trees make check-kernel leaves (out of tree and
# in tree); without them this part is reported as not run, not as passed.
trees=$MP_CACHE/check-kernel/build
dpkg-deb -x "$deb" "$work/deb"
if [ -f "$trees/linux-7.2-x86_64-oot/.config" ] && [ -f "$trees/linux-7.2-x86_64-intree/.config" ]; then
	check "opt-out line in kbuild (optout-kbuild.sh)" \
		env PLUGIN="$work/deb$plugindir/mmap_prepare_plugin.so" "$here/optout-kbuild.sh" \
		"$trees/linux-7.2-x86_64-oot" "$trees/linux-7.2-x86_64-intree"
else
	echo "check-package: NOT RUN: opt-out line in kbuild (no configured trees in $trees; run make check-kernel first)"
fi

echo "check-package: $mp_passed passed, $mp_failed failed"
[ "$mp_failed" -eq 0 ]
