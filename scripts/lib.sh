# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# The shell library of scripts/ and of the testsuite runners: the settings
# they share (each default is set here and nowhere else), messages, locks,
# structured results, the private apt configuration, and plugin runs on
# kernel trees.
#
# Settings (environment):
#   MP_CACHE          caches, logs, kernel trees, chroots; never in the
#                     repository (default ~/.cache/mmap-prepare, for root
#                     /root/.cache/mmap-prepare)
#   MP_SUITES         Debian suites searched for linux-source-* (kernel
#                     scripts, bench): the newest version over all of them
#                     is taken
#   MP_CHROOT_SUITES  suites of the GCC matrix's debootstrapped chroots, in
#                     order of preference
#   MP_SYSTEM_SOURCES the system's deb822 sources the private apt
#                     configurations are derived from
#
# The private apt configuration lives under $MP_CACHE/apt and never touches
# the system's apt state.  Its sources are derived from the system's own
# $MP_SYSTEM_SOURCES: one file per suite, a copy of the main-archive
# stanza(s) with only the "Suites:" line changed.  No archive host name is
# written by these scripts.

MP_CACHE=${MP_CACHE:-${HOME:-/root}/.cache/mmap-prepare}
MP_SYSTEM_SOURCES=${MP_SYSTEM_SOURCES:-/etc/apt/sources.list.d/debian.sources}
# Suites that carry linux-source-6.12 (trixie), -7.2 (sid) and -7.3
# (experimental has only a release candidate of 7.3; trixie-backports has
# the 7.3.x releases).  The newest version over all suites is taken.
MP_SUITES=${MP_SUITES:-sid experimental trixie trixie-backports}
# A list of its own, because a chroot needs a complete suite that
# debootstrap can install: experimental and trixie-backports are partial
# overlays (a sid chroot lists experimental itself, see matrix/chroot.sh).
# The first suite that has gcc-N-plugin-dev wins, so stable comes first.
MP_CHROOT_SUITES=${MP_CHROOT_SUITES:-trixie sid}
MP_APT=$MP_CACHE/apt
export MP_CACHE

mp_die() { echo "${0##*/}: error: $*" >&2; exit 1; }
mp_log() { echo "${0##*/}: $*" >&2; }

# mp_apt_opts_for VAR DIR: sets the array VAR to the apt options of a
# private configuration in DIR (sources/, lists/, cache/).
mp_apt_opts_for() {
	local -n _opts=$1
	_opts=(
		-o "Dir::Etc::SourceParts=$2/sources"
		-o Dir::Etc::SourceList=/dev/null
		-o "Dir::State::Lists=$2/lists"
		-o "Dir::Cache=$2/cache"
		-o Dir::State::status=/dev/null
		-o APT::Sandbox::User=root
	)
}
mp_apt_opts_for mp_apt_opts "$MP_APT"

# mp_sources_for SUITE [TYPES]: the stanzas of $MP_SYSTEM_SOURCES with their
# "Suites:" line set to SUITE (and "Types:" to TYPES when given).  Stanzas
# of the security archive are dropped (their suites are named
# SUITE-security and do not exist for sid or experimental); every other
# line is copied verbatim.
mp_sources_for() {
	[ -r "$MP_SYSTEM_SOURCES" ] || mp_die "cannot read $MP_SYSTEM_SOURCES"
	awk -v suite="$1" -v types="${2:-}" '
		BEGIN { RS = ""; ORS = "\n\n" }
		{
			n = split($0, l, "\n"); out = ""; security = 0; found = 0
			for (i = 1; i <= n; i++) {
				if (l[i] ~ /^Suites:/) {
					found = 1
					if (l[i] ~ /-security/) security = 1
					l[i] = "Suites: " suite
				}
				if (types != "" && l[i] ~ /^Types:/) l[i] = "Types: " types
				out = out l[i] (i < n ? "\n" : "")
			}
			if (found && !security) print out
		}' "$MP_SYSTEM_SOURCES"
}

# mp_apt_sources: (re)write $MP_APT/sources/SUITE.sources for each suite in
# MP_SUITES when missing or different (mp_sources_for).
mp_apt_sources() {
	local suite tmp
	mkdir -p "$MP_APT/sources" "$MP_APT/lists/partial" "$MP_APT/cache/archives/partial"
	for suite in $MP_SUITES; do
		tmp=$(mktemp "$MP_APT/sources/.$suite.XXXXXX")
		mp_sources_for "$suite" >"$tmp"
		if ! grep -q '^Suites:' "$tmp"; then
			rm -f "$tmp"
			mp_die "no usable stanza in $MP_SYSTEM_SOURCES"
		fi
		if cmp -s "$tmp" "$MP_APT/sources/$suite.sources"; then
			rm -f "$tmp"
		else
			mv "$tmp" "$MP_APT/sources/$suite.sources"
			# A new or changed source needs fresh lists.
			rm -f "$MP_APT/.updated"
		fi
	done
}

# mp_apt_lists_present: true when every suite has a downloaded Release.
mp_apt_lists_present() {
	local suite
	for suite in $MP_SUITES; do
		compgen -G "$MP_APT/lists/*_dists_${suite}_InRelease" >/dev/null ||
			compgen -G "$MP_APT/lists/*_dists_${suite}_Release" >/dev/null ||
			return 1
	done
	[ -e "$MP_APT/.updated" ]
}

mp_apt_update() {
	mp_log "apt-get update (private configuration: $MP_SUITES)"
	apt-get "${mp_apt_opts[@]}" -qq update >&2 || mp_die "apt-get update failed"
	touch "$MP_APT/.updated"
}

# mp_apt_ready [force]: sources written and lists present (update if not).
mp_apt_ready() {
	mp_apt_sources
	if [ "${1:-}" = force ] || ! mp_apt_lists_present; then
		mp_apt_update
	fi
}

mp_apt() { apt-get "${mp_apt_opts[@]}" "$@"; }
mp_apt_cache() { apt-cache "${mp_apt_opts[@]}" "$@"; }

# ---- results between scripts ----

# mp_result FILE KEY VALUE...: writes FILE, when FILE is not empty, as TSV:
# one "KEY<tab>VALUE" line per pair.  The structured twin of what a script
# prints, read by the scripts that run it (check-kernel.sh, matrix/run.sh)
# instead of its text.  Written whole, then renamed.
mp_result() {
	local f=$1
	shift
	[ -n "$f" ] || return 0
	mkdir -p "$(dirname "$f")"
	while [ $# -ge 2 ]; do
		printf '%s\t%s\n' "$1" "$2"
		shift 2
	done >"$f.tmp" && mv "$f.tmp" "$f"
}

# mp_result_get FILE KEY: KEY's value in FILE (nothing when either is missing).
mp_result_get() {
	awk -F'\t' -v k="$2" '$1 == k { print $2; exit }' "$1" 2>/dev/null
}

# mp_runner_env: a test runner's CC (default gcc) and PLUGIN (required: the
# absolute path of the plugin).
mp_runner_env() {
	: "${CC:=gcc}"
	: "${PLUGIN:?PLUGIN must be the absolute path of the plugin}"
}

# mp_pass / mp_fail WHAT: one test runner's verdicts, counted in
# mp_passed / mp_failed.
mp_passed=0
mp_failed=0
mp_pass() { mp_passed=$((mp_passed + 1)); echo "PASS: $*"; }
mp_fail() { mp_failed=$((mp_failed + 1)); echo "FAIL: $*"; }

# mp_lock NAME: serialise concurrent runs on one cache (fd 9).
mp_lock() {
	mkdir -p "$MP_CACHE"
	exec 9>"$MP_CACHE/$1.lock"
	flock 9
}

# mp_newest_version PKG: the highest version of PKG over all suites
# (by dpkg's ordering, whatever the suites' pin priorities).
mp_newest_version() {
	local v best=''
	for v in $(mp_apt_cache madison "$1" | awk -F'|' '{ gsub(/ /, "", $2); print $2 }'); do
		if [ -z "$best" ] || dpkg --compare-versions "$v" gt "$best"; then
			best=$v
		fi
	done
	echo "$best"
}

# mp_kernel_deps: the Debian packages a kernel build needs (kconfig's
# flex/bison, objtool's libelf, certificates' libssl, bc, cpio).  As root
# they are installed from the system's own (unchanged) apt sources;
# otherwise the apt-get line is printed and the script stops.
mp_kernel_deps() {
	local need=() t p
	for t in flex:flex bison:bison bc:bc cpio:cpio xz:xz-utils make:make perl:perl git:git; do
		command -v "${t%%:*}" >/dev/null || need+=("${t#*:}")
	done
	for p in libelf-dev libssl-dev; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
			need+=("$p")
	done
	[ ${#need[@]} -eq 0 ] && return 0
	if [ "$(id -u)" = 0 ]; then
		mp_log "installing kernel build dependencies: ${need[*]}"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2 ||
			{ apt-get update -qq >&2 &&
			  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2; } ||
			mp_die "apt-get install ${need[*]} failed"
	else
		mp_die "missing kernel build dependencies: apt-get install ${need[*]}"
	fi
}

# ---- plugin runs on kernel trees (build-objects, mutate, sweep, check-kernel) ----

# mp_plugin_name PLUGIN: the name GCC gives the plugin (file name without
# .so); its arguments are -fplugin-arg-NAME-KEY.
mp_plugin_name() { local n; n=$(basename "$1"); echo "${n%.so}"; }

# mp_plugin_run_args KSRC OUTDIR PLUGIN: the arguments build-objects.sh,
# sweep.sh and mutate.sh share, checked; sets ksrc, outdir and plugin
# (absolute paths), jobs (MP_JOBS, default: number of CPUs), make_args
# (MP_MAKE_ARGS, extra make arguments such as CC=gcc-12), tag (OUTDIR's
# name, in log names) and report (OUTDIR's report, created if missing).
# shellcheck disable=SC2034 # jobs and make_args are the caller's
mp_plugin_run_args() {
	ksrc=$(readlink -f "$1")
	outdir=$(readlink -f "$2")
	plugin=$(readlink -f "$3")
	[ -f "$ksrc/Makefile" ] || mp_die "$ksrc is not a kernel tree"
	[ -f "$outdir/.config" ] || mp_die "$outdir is not configured (run scripts/kernel/configure.sh)"
	[ -f "$plugin" ] || mp_die "plugin $3 not found (run make)"
	jobs=${MP_JOBS:-$(nproc)}
	read -r -a make_args <<<"${MP_MAKE_ARGS:-}"
	tag=$(basename "$outdir")
	report=$(mp_report "$outdir")
	touch "$report"
}

# mp_report OUTDIR: the JSON Lines report every plugin build in OUTDIR
# appends to.  One fixed path per OUTDIR keeps KCFLAGS, and so kbuild's
# record of each object's command line, the same across runs: an object
# kbuild considers up to date was compiled by the same plugin with the same
# flags, and its findings are already in this file.
mp_report() { echo "$1/mp-report.jsonl"; }

# mp_kcflags OUTDIR PLUGIN: the canonical KCFLAGS for OUTDIR.
mp_kcflags() {
	echo "-fplugin=$2 -fplugin-arg-$(mp_plugin_name "$2")-report=$(mp_report "$1")"
}

# mp_findings REPORT [OFFSET]: the records of REPORT from byte OFFSET on,
# one per line, tab separated: rule, file:line:column, function, field
# ('-' when empty).  Sorted, duplicates (the same header finding reported
# from several units) removed.  A malformed record is an error.
mp_findings() {
	local off=${2:-0}
	[ -f "$1" ] || return 0
	tail -c +$((off + 1)) "$1" | perl -MJSON::PP -ne '
		next unless /\S/;
		my $r = eval { decode_json($_) };
		if (!$r) { print STDERR "malformed report record: $_"; $bad = 1; next }
		my $f = defined $r->{field} && $r->{field} ne "" ? $r->{field} : "-";
		printf "%s\t%s:%d:%d\t%s\t%s\n", $r->{rule}, $r->{file}, $r->{line},
			$r->{column}, $r->{function}, $f;
		END { exit($bad ? 1 : 0) }' | LC_ALL=C sort -u
}

# mp_classify REVIEWED < findings (mp_findings format): prefixes each
# finding with "reviewed" or "NEW".  REVIEWED lines are
#   rule | file | function | field | argument
# and match on the first four fields (not on line numbers, which move
# between releases).
mp_classify() {
	perl -e '
		my %ok;
		open(my $fh, "<", $ARGV[0]) or die "cannot read $ARGV[0]: $!\n";
		while (<$fh>) {
			next if /^\s*(#|$)/;
			my @f = map { s/^\s+|\s+$//gr } split /\|/, $_, 5;
			die "$ARGV[0]:$.: need rule | file | function | field | argument\n"
				if @f < 5 || grep { $_ eq "" } @f;
			$ok{join("\t", @f[0..3])} = 1;
		}
		while (<STDIN>) {
			chomp;
			my ($rule, $loc, $fn, $field) = split /\t/;
			(my $file = $loc) =~ s/:\d+:\d+$//;
			print(($ok{join("\t", $rule, $file, $fn, $field)} ? "reviewed" : "NEW"), "\t$_\n");
		}' "$1"
}

# mp_compiler_trouble LOG: prints internal compiler errors and plugin
# errors (a plugin that cannot load, is built for another GCC, rejects an
# argument or cannot write its report: GCC prints those as "cc1: error:")
# found in a build log.
mp_compiler_trouble() {
	grep -E 'internal compiler error|Segmentation fault|Please submit a full bug report|cc1(plus)?: (fatal )?error|cannot load plugin|was built for GCC' "$1" |
		grep -vF '[mmap-prepare-' | sort -u
}

# mp_plugin_re PLUGIN: the extended regular expression that finds PLUGIN
# loaded on a compile line: -fplugin=PLUGIN followed by a blank or the end
# of the line.  An absolute PLUGIN must match exactly; a relative one (kbuild's
# own plugins, scripts/gcc-plugins/NAME.so) under any directory, since kbuild
# spells its object tree as it likes (./, $(objtree)/, an absolute path).
mp_plugin_re() {
	local re
	re=$(printf '%s' "$1" | sed 's/[][\.*^$+?(){}|]/\\&/g')
	case $1 in
	/*) printf -- '-fplugin=%s( |$)' "$re" ;;
	*) printf -- '-fplugin=([^ ]*/)?%s( |$)' "$re" ;;
	esac
}

# mp_plugin_loaded OUTDIR OBJ PLUGIN [RE]: the one test of "was PLUGIN on
# this object's compile line": OBJ (relative to OUTDIR) exists and kbuild's
# record of the command that built it (OUTDIR/DIR/.NAME.o.cmd) loads PLUGIN.
# RE, when given, is mp_plugin_re PLUGIN computed once by the caller.
mp_plugin_loaded() {
	local out=$1 obj=$2 re=${4:-} dir
	[ -n "$re" ] || re=$(mp_plugin_re "$3")
	dir=${obj%/*}
	[ "$dir" != "$obj" ] || dir=.
	[ -f "$out/$obj" ] && grep -qE -- "$re" "$out/$dir/.${obj##*/}.cmd" 2>/dev/null
}

# mp_objects_with_plugin OUTDIR PLUGIN DIR...: the objects under the DIRs
# of OUTDIR for which mp_plugin_loaded holds, sorted.
mp_objects_with_plugin() {
	local out=$1 plugin=$2 re o
	shift 2
	re=$(mp_plugin_re "$plugin")
	(cd "$out" && find "$@" -name '.*.o.cmd' 2>/dev/null) |
		sed -e 's|/\.\([^/]*\)\.cmd$|/\1|' | LC_ALL=C sort |
		while read -r o; do
			if mp_plugin_loaded "$out" "$o" "$plugin" "$re"; then echo "$o"; fi
		done
}

# mp_cpu VAR: sets VAR to the user+system CPU seconds of this shell's
# waited-for children so far (`times` must run in this shell, not in a
# command substitution, whose children are its own).
mp_cpu() {
	local _t
	_t=$(mktemp)
	times >"$_t"
	printf -v "$1" '%s' "$(tail -n1 "$_t" | awk '{
		t = 0
		for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] }
		printf "%.1f", t }')"
	rm -f "$_t"
}

# mp_outdir_lock OUTDIR: one build at a time in an O= directory.  kbuild
# does not protect itself against two makes in one O= directory, and the
# scripts delete objects before rebuilding them; every script that builds
# in OUTDIR takes this lock (fd 7, held until the script exits).
mp_outdir_lock() {
	mkdir -p "$1"
	exec 7>"$1/.mp-build.lock"
	if ! flock -n 7; then
		mp_log "waiting for another build in $1 to finish"
		flock 7
	fi
}

# mp_configure_start KSRC OUTDIR [make args]: the start the configure
# scripts share: KSRC must be a pristine kernel tree, what a kernel build
# needs is installed, OUTDIR is created and locked.  Sets ksrc, outdir
# (absolute), jobs, stamp and cc (the make args' CC=, default gcc); the
# caller then drops KSRC and OUTDIR from its arguments (shift 2).
mp_configure_start() {
	local a
	[ $# -ge 2 ] || { echo "usage: ${0##*/} KSRC OUTDIR [make args]" >&2; exit 2; }
	ksrc=$(readlink -f "$1")
	outdir=$2
	shift 2
	[ -f "$ksrc/Makefile" ] && [ -x "$ksrc/scripts/config" ] || mp_die "$ksrc is not a kernel tree"
	mp_kernel_deps
	[ ! -e "$ksrc/.config" ] || mp_die "$ksrc has a .config: O= builds need a pristine tree (make mrproper)"
	mkdir -p "$outdir"
	outdir=$(readlink -f "$outdir")
	mp_outdir_lock "$outdir"
	jobs=${MP_JOBS:-$(nproc)}
	stamp=$outdir/.mp-configure.stamp
	cc=gcc
	for a in "$@"; do case $a in CC=*) cc=${a#CC=} ;; esac; done
}

# mp_locked OUTDIR COMMAND...: runs COMMAND holding OUTDIR's lock.
mp_locked() {
	local d=$1
	shift
	( mp_outdir_lock "$d"; "$@" )
}
