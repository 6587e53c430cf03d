#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Minimal Debian chroots for testing the plugin with GCC releases the
# host (bookworm) does not ship.  Run as root.
#
#   chroot SUITE                       create it (once) and print its path
#   chroot SUITE has N                 exit 0 if gcc-N-plugin-dev is installable;
#                                      prints the archive (e.g. sid, experimental)
#   chroot SUITE install N...          install gcc-N g++-N gcc-N-plugin-dev
#   chroot SUITE run [--exclusive] [--src DIR] [--] CMD...
#                                      run CMD in the chroot with DIR (default:
#                                      this repository) bind-mounted at /src
#                                      and as the working directory; runs
#                                      overlap unless --exclusive (for one
#                                      that installs packages, e.g. "make
#                                      check" running scripts/install-deps.sh)
#   chroot SUITE path                  print the path (no side effects)
#
# SUITE is a Debian suite debootstrap knows (trixie, sid, ...).  A sid
# chroot also lists experimental, at apt's default priority 1: nothing
# comes from it unless "install" finds a package nowhere else.
#
# The chroot lives in $MP_CACHE/chroots/SUITE (MP_CACHE: scripts/lib.sh).  Creation is atomic (built in SUITE.new,
# then renamed) and serialised with a lock, so the command is idempotent
# and safe to run concurrently.  The host's apt configuration is never
# touched: the mirror is the one the host's own sources name, read at run
# time (MP_MIRROR overrides it).
#
# Mounts (/proc, /dev, /src) are made in a private mount namespace and
# removed by a trap on exit; the namespace drops them even if the script
# is killed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=scripts/lib.sh
. "$repo/scripts/lib.sh"

[ $# -ge 1 ] || mp_die "usage: $0 SUITE [has N | install N... | run [--src DIR] -- CMD... | path]"
suite=$1
shift
case "$suite" in
*[!a-z0-9-]* | '') mp_die "bad suite name '$suite'" ;;
esac
[ "$(id -u)" -eq 0 ] || mp_die "must run as root (debootstrap, chroot, mount)"

root=$MP_CACHE/chroots/$suite
lock=$MP_CACHE/chroots/$suite.lock
mkdir -p "$MP_CACHE/chroots"

# The bookworm mirror of the host's apt sources (deb822 or one-line form).
host_mirror() {
	if [ -n "${MP_MIRROR:-}" ]; then
		echo "$MP_MIRROR"
		return
	fi
	local f uri
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		# Paragraphs: print the first URI of one whose Suites has a
		# plain release name (not -security / -updates).
		uri=$(awk '
			BEGIN { RS = ""; FS = "\n" }
			{
				uris = ""; suites = ""; types = ""
				for (i = 1; i <= NF; i++) {
					if ($i ~ /^URIs:/) { uris = $i; sub(/^URIs:[ \t]*/, "", uris) }
					if ($i ~ /^Suites:/) { suites = $i; sub(/^Suites:[ \t]*/, "", suites) }
					if ($i ~ /^Types:/) { types = $i }
				}
				if (types !~ /deb( |$)/) next
				n = split(suites, s, /[ \t]+/)
				for (j = 1; j <= n; j++)
					if (s[j] ~ /^[a-z]+$/) { split(uris, u, /[ \t]+/); print u[1]; exit }
			}' "$f")
		if [ -n "$uri" ]; then
			echo "$uri"
			return
		fi
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		uri=$(awk '$1 == "deb" && $0 !~ /security/ {
				for (i = 2; i <= NF; i++) if ($i !~ /^\[/) { print $i; exit }
			}' "$f")
		if [ -n "$uri" ]; then
			echo "$uri"
			return
		fi
	done
	mp_die "no Debian mirror found in /etc/apt sources; set MP_MIRROR"
}

# Runs "$@" in the chroot, /proc and /dev mounted, $src (if set) at /src.
# Re-executes itself in a private mount namespace first.
in_chroot() {
	local src=$1
	shift
	unshare --mount --propagation private -- \
		"$here/chroot.sh" "$suite" __in_ns "$src" "$@"
}

if [ "${1:-}" = __in_ns ]; then
	# Inside the private namespace: mount, trap, chroot.
	shift
	src=$1
	shift
	mounts=()
	cleanup() {
		local i
		for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
			umount -l "${mounts[i]}" 2>/dev/null || true
		done
	}
	trap cleanup EXIT
	trap 'exit 130' INT TERM
	mount -t proc proc "$root/proc"
	mounts+=("$root/proc")
	mount --bind /dev "$root/dev"
	mounts+=("$root/dev")
	if [ -d /dev/pts ] && [ -d "$root/dev/pts" ]; then
		mount --bind /dev/pts "$root/dev/pts" 2>/dev/null && mounts+=("$root/dev/pts")
	fi
	# The host's way out: its resolver and the CAs it trusts (a TLS
	# proxy's included), so that npm and git inside work as outside.
	cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
	if [ -d /usr/local/share/ca-certificates ]; then
		mkdir -p "$root/usr/local/share/ca-certificates"
		cp -a /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
	fi
	if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
		mkdir -p "$root/etc/ssl/certs"
		cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
	fi
	passenv=()
	for v in SSL_CERT_FILE SSL_CERT_DIR NODE_EXTRA_CA_CERTS GIT_SSL_CAINFO CURL_CA_BUNDLE \
		REQUESTS_CA_BUNDLE http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY \
		MP_QUICK RUNTESTFLAGS; do
		[ -n "${!v:-}" ] && passenv+=("$v=${!v}")
	done
	wd=/
	if [ -n "$src" ]; then
		mkdir -p "$root/src"
		mount --bind "$src" "$root/src"
		mounts+=("$root/src")
		wd=/src
	fi
	# Not exec: the trap must run after the command.
	set +e
	chroot "$root" /usr/bin/env -i \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		HOME=/root LC_ALL=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive \
		"${passenv[@]}" \
		/bin/sh -c 'cd "$1" && shift && exec "$@"' sh "$wd" "$@"
	rc=$?
	exit $rc
fi

create() {
	[ -f "$root/.mp-ready" ] && return 0
	command -v debootstrap >/dev/null || {
		mp_log "installing debootstrap"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
	}
	local mirror new=$root.new
	mirror=$(host_mirror)
	mp_log "creating $suite chroot in $root (debootstrap, a few minutes)"
	rm -rf "$new"
	if ! debootstrap --variant=minbase --components=main \
		--include=build-essential,make,dejagnu \
		"$suite" "$new" "$mirror" >"$MP_CACHE/chroots/$suite.debootstrap.log" 2>&1; then
		tail -20 "$MP_CACHE/chroots/$suite.debootstrap.log" >&2
		rm -rf "$new"
		mp_die "debootstrap $suite failed (log: $MP_CACHE/chroots/$suite.debootstrap.log)"
	fi
	{
		echo "deb $mirror $suite main"
		[ "$suite" = sid ] || [ "$suite" = unstable ] &&
			echo "deb $mirror experimental main"
		true
	} >"$new/etc/apt/sources.list"
	cat >"$new/etc/apt/apt.conf.d/90mmap-prepare" <<-'EOF'
		APT::Install-Recommends "false";
		APT::Install-Suggests "false";
		Acquire::Languages "none";
		Acquire::Check-Valid-Until "false";
	EOF
	mkdir -p "$new/src"
	mv "$new" "$root"
	in_chroot "" apt-get update -qq >/dev/null
	touch "$root/.mp-ready"
}

# Prints the archive of gcc-N-plugin-dev's candidate version, or fails.
has() {
	local n=$1 out
	out=$(in_chroot "" apt-cache policy "gcc-$n-plugin-dev" 2>/dev/null) || return 1
	echo "$out" | awk '
		/Candidate:/ { cand = $2; if (cand == "(none)") exit 1 }
		/Version table/ { t = 1; next }
		# " *** VERSION PRIO" or "     VERSION PRIO", then its sources
		t && NF <= 3 && $NF ~ /^[0-9]+$/ && $2 !~ /:\/\// { v = $(NF - 1); next }
		t && v == cand && $2 ~ /:\/\// { split($3, a, "/"); print a[1]; found = 1; exit }
		END { if (!found) exit 1 }'
}

install_gcc() {
	local n arch pkgs
	for n in "$@"; do
		case "$n" in
		*[!0-9]* | '') mp_die "install: '$n' is not a GCC major version" ;;
		esac
		pkgs=("gcc-$n" "g++-$n" "gcc-$n-plugin-dev")
		if [ "$(in_chroot "" dpkg-query -W -f='${Status}\n' "${pkgs[@]}" 2>/dev/null |
			grep -c '^install ok installed$')" = 3 ]; then
			continue
		fi
		arch=$(has "$n") || mp_die "gcc-$n-plugin-dev is not in $suite"
		mp_log "installing ${pkgs[*]} in $suite (from $arch)"
		if [ "$arch" = experimental ]; then
			in_chroot "" apt-get install -y -qq -t experimental "${pkgs[@]}" >/dev/null
		else
			in_chroot "" apt-get install -y -qq "${pkgs[@]}" >/dev/null
		fi
	done
}

cmd=${1:-create}
[ $# -gt 0 ] && shift
case "$cmd" in
path)
	echo "$root"
	;;
create)
	exec 9>"$lock"
	flock 9
	create
	echo "$root"
	;;
has)
	[ $# -eq 1 ] || mp_die "usage: $0 $suite has N"
	exec 9>"$lock"
	flock 9
	create
	has "$1"
	;;
install)
	[ $# -ge 1 ] || mp_die "usage: $0 $suite install N..."
	exec 9>"$lock"
	flock 9
	create
	install_gcc "$@"
	;;
run)
	src=$repo
	shared=1
	if [ "${1:-}" = --exclusive ]; then
		shared=0
		shift
	fi
	if [ "${1:-}" = --src ]; then
		src=$(cd "$2" && pwd)
		shift 2
	fi
	[ "${1:-}" = -- ] && shift
	[ $# -ge 1 ] || mp_die "usage: $0 $suite run [--exclusive] [--src DIR] -- CMD..."
	# Shared lock: runs may overlap each other, not creation/installs.
	exec 9>"$lock"
	flock 9
	create
	[ "$shared" = 1 ] && flock -s 9
	in_chroot "$src" "$@"
	;;
*)
	mp_die "unknown command '$cmd'"
	;;
esac
