#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Installs the Debian packages the build and the tests need for $CC:
# the compiler pair, its plugin headers and (with NEED_DEJAGNU=1)
# DejaGnu (and ccache, for testsuite/toolchain/ccache-check.sh); with
# NEED_ICECC=1 icecream and distcc, for make check-distributed.  As root
# it runs apt-get; otherwise it prints the command.
set -euo pipefail

: "${CC:=gcc}"

major=$(echo "$CC" | sed -n 's/.*gcc-\([0-9][0-9]*\)$/\1/p')
if [ -z "$major" ] && command -v "$CC" >/dev/null; then
	major=$($CC -dumpversion | cut -d. -f1)
fi
triplet=$($CC -dumpmachine 2>/dev/null || echo "${CC%-gcc*}")
host=$(dpkg-architecture -qDEB_BUILD_GNU_TYPE 2>/dev/null || gcc -dumpmachine)
suffix=
case "$CC" in
*-linux-gnu*-gcc*) suffix="-${CC%-gcc*}" ;;
esac

# The plugin is built by this machine's g++ of the same release, also
# for a cross compiler (whose cc1 runs here).
: "${CXX:=$(if [ -n "$suffix" ]; then echo "g++-$major"; else echo "$CC" | sed 's/gcc\(-[0-9]*\)\?$/g++\1/'; fi)}"

need=()
command -v "$CC" >/dev/null || need+=("gcc-$major$suffix")
case "$CXX" in
*-linux-gnu*) command -v "$CXX" >/dev/null || need+=("g++-$major$suffix") ;;
*) command -v "$CXX" >/dev/null || need+=("g++-$major") ;;
esac
plugin_dir=$($CC -print-file-name=plugin 2>/dev/null || true)
if [ -z "$plugin_dir" ] || [ ! -f "$plugin_dir/include/gcc-plugin.h" ]; then
	if [ "$triplet" = "$host" ] || [ -z "$suffix" ]; then
		need+=("gcc-$major-plugin-dev")
	else
		need+=("gcc-$major-plugin-dev${suffix}")
	fi
fi
if [ "${NEED_DEJAGNU:-0}" = 1 ]; then
	# The testsuite, and the gate tests' SARIF validation.
	command -v runtest >/dev/null || need+=(dejagnu)
	/usr/bin/python3 -c 'import jsonschema' 2>/dev/null || need+=(python3-jsonschema)
	command -v npm >/dev/null || need+=(npm)
	command -v git >/dev/null || need+=(git)
	# The packaging checks render the man pages (man -l).
	command -v man >/dev/null || need+=(man-db)
	# The gate tests' ccache run (Debian's ccache).
	command -v ccache >/dev/null || need+=(ccache)
	# The fuzzer's program generator.
	command -v csmith >/dev/null || need+=(csmith)
	[ -f /usr/include/csmith/csmith.h ] || need+=(libcsmith-dev)
	# The plugin under a compiler cache.
	command -v ccache >/dev/null || need+=(ccache)
fi
icecc_new=0
if [ "${NEED_ICECC:-0}" = 1 ]; then
	# The programs only: make check-distributed runs its own daemons
	# inside a private network namespace (unshare, from util-linux; ip).
	command -v iceccd >/dev/null || { need+=(icecc); icecc_new=1; }
	# distcc's daemon stays off unless /etc/default/distcc says otherwise.
	command -v distccd >/dev/null || need+=(distcc)
	command -v ip >/dev/null || need+=(iproute2)
fi

[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "error: missing packages; run: sudo apt-get install ${need[*]}" >&2
	exit 1
fi
echo "installing: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
# Debian's icecc starts iceccd, which broadcasts on every network the
# machine is on, and enables it at boot.  policy-rc.d (the admin's veto
# on service starts, honoured by invoke-rc.d) keeps it from starting; the
# boot links are disabled again below.
policy=/usr/sbin/policy-rc.d
if [ $icecc_new = 1 ] && [ ! -e $policy ]; then
	printf '#!/bin/sh\nexit 101\n' >$policy
	chmod 755 $policy
	trap 'rm -f $policy' EXIT
fi
apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 ||
	{ apt-get update -qq && apt-get install -y -qq "${need[@]}"; }
if [ $icecc_new = 1 ]; then
	for s in iceccd icecc-scheduler; do
		update-rc.d "$s" disable >/dev/null 2>&1 || true
	done
fi
