#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/kernel/newest-7.sh [--refresh]
#
# Prints the newest linux-source-7.* version (e.g. 7.3) that the suites of
# the private apt configuration offer; the package's Debian version goes to
# standard error.  --refresh runs apt-get update first (otherwise only when
# the lists are missing).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$(readlink -f "$0")")/../lib.sh"

case ${1:-} in
'') force= ;;
--refresh) force=force ;;
*) echo "usage: ${0##*/} [--refresh]" >&2; exit 2 ;;
esac
mp_lock fetch
mp_apt_ready $force

newest=$(mp_apt_cache pkgnames linux-source-7. |
	grep -E '^linux-source-7\.[0-9]+$' | sed 's/^linux-source-//' |
	sort -V | tail -n1)
[ -n "$newest" ] || mp_die "no linux-source-7.* package in suites: $MP_SUITES"
debver=$(mp_newest_version "linux-source-$newest")
mp_log "linux-source-$newest $debver"
echo "$newest"
