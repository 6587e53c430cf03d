#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/kernel/mutate.sh [--no-w1] KSRC OUTDIR PLUGIN MUTATION.patch...
#
# Mutation test on a real kernel tree: for each patch (see
# testsuite/kernel/mutations/README.md for the format), apply it to KSRC,
# rebuild only the affected object(s) in the configured O=OUTDIR with the
# plugin under W=1, restore every touched file byte for byte (content,
# mode and modification time, so kbuild sees no change), and check that
# each "# Expect: RULE FILE:LINE" of the patch is reported at FILE:LINE,
# both in the plugin's JSON report and in the compiler's output.  With a
# "# Compiled-out: yes" header each expected finding must be marked as in
# a branch the configuration compiles out ("compiled_out":true in its
# record, the note "this branch is compiled out in this configuration"
# after the warning); without it, it must not be.
#
# The tree is restored after each mutation, also when a step fails or the
# script is interrupted (trap); before/after checksums and modification
# times of the touched files are compared and any difference fails the
# run.  Backups live under $MP_CACHE/mutation-backup/ until restored: a
# run killed outright (SIGKILL) is repaired by the next run, which restores
# from them before doing anything else.  Objects compiled from a mutated
# tree and the report records they produced are removed again, so OUTDIR
# stays a build of the unmodified tree.
#
# --no-w1   build without W=1: a mutation whose rule is W=1-only (a "# W1:"
#           header) must then produce no finding of that rule; the others
#           are built and checked as usual.
#
# Environment: MP_JOBS, MP_LOG_DIR (default $MP_CACHE/logs/mutations),
#              MP_MAKE_ARGS (extra make arguments, e.g. CC=gcc-12).
# Prints one line per mutation and "mutation score: CAUGHT/TOTAL"; the
# counts also go to $MP_LOG_DIR/mutate.tsv (mutate-no-w1.tsv with --no-w1;
# lib.sh: mp_result; keys caught, total, fails, silent: expectations of a
# W=1-only rule silent without W=1, compiled_out: expectations reported
# as compiled out, as their header says).
# Exit status: 0 when every mutation behaved as expected and the tree was
# restored, 1 otherwise, 2 on a usage error.
set -uo pipefail
here=$(dirname "$(readlink -f "$0")")
# shellcheck source=scripts/lib.sh
. "$here/../lib.sh"

w1=1
if [ "${1:-}" = --no-w1 ]; then w1=0; shift; fi
[ $# -ge 4 ] || { echo "usage: ${0##*/} [--no-w1] KSRC OUTDIR PLUGIN MUTATION.patch..." >&2; exit 2; }
mp_plugin_run_args "$@"
shift 3
command -v git >/dev/null || mp_die "git is needed (git apply): apt-get install git"
logdir=${MP_LOG_DIR:-$MP_CACHE/logs/mutations}
mkdir -p "$logdir"
kcflags=$(mp_kcflags "$outdir" "$plugin")

# One mutating run per tree at a time (other users of the tree should
# take the same lock: $MP_CACHE/locks/tree-<hash>.lock).
treekey=$(echo "$ksrc" | sha1sum | cut -c1-12)
mkdir -p "$MP_CACHE/locks"
exec 8>"$MP_CACHE/locks/tree-$treekey.lock"
flock 8
mp_outdir_lock "$outdir"
bk=$MP_CACHE/mutation-backup/$treekey
manifest=$bk/manifest

# Keeps git apply from looking for a repository above the tree.
export GIT_CEILING_DIRECTORIES=$(dirname "$ksrc")

stamp() { stat -c '%s %a %y' "$1"; }

# restore: puts back every file of the manifest; prints problems; returns
# non-zero if a file could not be restored exactly.
restore() {
	local rel sum st f ok=0
	[ -f "$manifest" ] || return 0
	while IFS=$'\t' read -r rel sum st; do
		f=$ksrc/$rel
		if [ "$sum" = ABSENT ]; then
			rm -f "$f"
			[ ! -e "$f" ] || { echo "  RESTORE FAILED: $rel still exists"; ok=1; }
			continue
		fi
		rm -f "$f"
		cp -p "$bk/files/$rel" "$f"
		if [ "$(sha256sum <"$f" | cut -d' ' -f1)" != "$sum" ] || [ "$(stamp "$f")" != "$st" ]; then
			echo "  RESTORE FAILED: $rel differs from its backup (kept in $bk/files/$rel)"
			ok=1
		fi
	done <"$manifest"
	[ $ok -eq 0 ] && rm -rf "$bk"
	return $ok
}

if [ -f "$manifest" ]; then
	mp_log "restoring $ksrc from an interrupted run ($manifest)"
	restore || mp_die "could not restore $ksrc from $bk; fix it by hand (the backups are there)"
fi
trap 'restore >&2' EXIT
trap 'exit 130' INT TERM HUP

# backup FILE...: checksums, stamps and copies of the FILEs (relative to
# KSRC) in $bk, listed in the manifest restore reads; fills before.
backup() {
	local rel f
	rm -rf "$bk"; mkdir -p "$bk/files"
	for rel in "$@"; do
		f=$ksrc/$rel
		if [ -e "$f" ]; then
			mkdir -p "$bk/files/$(dirname "$rel")"
			cp -p "$f" "$bk/files/$rel"
			before[$rel]="$(sha256sum <"$f" | cut -d' ' -f1)"$'\t'"$(stamp "$f")"
		else
			before[$rel]="ABSENT"$'\t'
		fi
		printf '%s\t%s\n' "$rel" "${before[$rel]}" >>"$manifest"
	done
}

# restore_checked FILE...: restore, then each FILE compared with before;
# sets rstatus (0: restored exactly) and rmsg.
restore_checked() {
	local rel f now
	rstatus=0
	rmsg=$(restore) || rstatus=1
	for rel in "$@"; do
		f=$ksrc/$rel
		if [ "${before[$rel]}" = "ABSENT"$'\t' ]; then
			now="ABSENT"$'\t'; [ -e "$f" ] && now=present
		else
			now="$(sha256sum <"$f" | cut -d' ' -f1)"$'\t'"$(stamp "$f")"
		fi
		[ "$now" = "${before[$rel]}" ] || { rstatus=1; rmsg+=$'\n'"  $rel: checksum or mtime differs after restore"; }
	done
}

# compiled_out_records REPORT OFFSET: "RULE<tab>FILE:LINE" of each record
# of REPORT from byte OFFSET on that says "compiled_out":true.
compiled_out_records() {
	tail -c +$(($2 + 1)) "$1" | perl -MJSON::PP -ne '
		my $r = eval { decode_json($_) } or next;
		printf "%s\t%s:%d\n", $r->{rule}, $r->{file}, $r->{line} if $r->{compiled_out};'
}

# judge_compiled_out RULE FILE LINE: the finding is marked compiled
# out (record and note) exactly when the patch says "# Compiled-out: yes";
# adds to detail, clears ok otherwise.
judge_compiled_out() {
	local rule=$1 file=$2 line=$3 rec note
	rec=no note=no
	grep -qxF "$rule"$'\t'"$file:$line" <<<"$co_records" && rec=yes
	# The note follows the warning and its source and caret lines.
	grep -A6 -E "(^|/)${file//./\\.}:$line:[0-9]+: warning: .*\[$rule\]" "$log" |
		grep -q 'note: this branch is compiled out in this configuration' && note=yes
	if [ "$co_expected" = yes ] && [ $rec = yes ] && [ $note = yes ]; then
		n_co=$((n_co + 1))
		detail+=("$rule at $file:$line marked compiled out (\"compiled_out\":true, note)")
	elif [ "$co_expected" = yes ]; then
		ok=0; detail+=("$rule at $file:$line NOT marked compiled out (record: $rec, note: $note)")
	elif [ $rec = yes ]; then
		ok=0; detail+=("$rule at $file:$line marked compiled out, but the patch does not say so")
	fi
}

# judge_expects: each "# Expect:" against the report RECORDS and the log;
# adds to detail, clears ok on a miss.
judge_expects() {
	local e rule at file line in_json in_log
	for e in "${expects[@]}"; do
		read -r rule at <<<"$e"
		file=${at%:*}; line=${at##*:}
		in_json=$(echo "$records" | awk -F'\t' -v r="$rule" -v p="$file:$line:" \
			'$1 == r && index($2, p) == 1' | head -n1)
		in_log=$(grep -E "(^|/)${file//./\\.}:$line:[0-9]+: (warning|error|note): .*\[$rule\]" "$log" | head -n1 |
			sed "s|$ksrc/||")
		if [ $w1 -eq 0 ] && [ "$w1only" -gt 0 ]; then
			if [ -n "$in_json$in_log" ]; then
				ok=0; detail+=("$rule reported at $at without W=1")
			else
				detail+=("$rule silent without W=1 at $at, as expected")
				silent=$((silent + 1))
			fi
		elif [ -n "$in_json" ] && [ -n "$in_log" ]; then
			detail+=("$rule at $at: $(echo "$in_log" | sed 's/^[^ ]* //' | cut -c1-140)")
			judge_compiled_out "$rule" "$file" "$line"
		else
			ok=0
			detail+=("$rule NOT reported at $at (report: ${in_json:+yes}${in_json:-no}, compiler output: ${in_log:+yes}${in_log:-no})")
		fi
	done
}

# others: the records no "# Expect:" line accounts for, one per line.
others() {
	local r loc fn fld hit e rule at
	echo "$records" | awk -F'\t' 'NF' | while IFS=$'\t' read -r r loc fn fld; do
		hit=0
		for e in "${expects[@]}"; do
			read -r rule at <<<"$e"
			[ "$r" = "$rule" ] && case $loc in "$at":*) hit=1 ;; esac
		done
		[ $hit -eq 1 ] || printf '%s %s (%s, %s)\n' "$r" "$loc" "$fn" "$fld"
	done
}

# build_mutant: the objects of the applied mutation built (W=1 unless
# --no-w1) into the log; sets mstatus, records (what they reported),
# co_records (those marked compiled out) and built; the objects and their
# records are removed again after restore.
build_mutant() {
	local o off wargs=(W=1)
	for o in "${objarr[@]}"; do rm -f "$outdir/$o"; done
	off=$(stat -c %s "$report")
	[ $w1 -eq 1 ] || wargs=()
	make -C "$ksrc" O="$outdir" -j"$jobs" -k "${wargs[@]}" KCFLAGS="$kcflags" \
		"${make_args[@]}" "${objarr[@]}" >>"$log" 2>&1
	mstatus=$?
	# Restore before judging anything.
	restore_checked "${files[@]}"
	records=$(mp_findings "$report" "$off")
	co_records=$(compiled_out_records "$report" "$off")
	truncate -s "$off" "$report"
	built=1
	for o in "${objarr[@]}"; do
		[ -f "$outdir/$o" ] || built=0
		rm -f "$outdir/$o"	# compiled from the mutated tree
	done
}

# mutation PATCH: one mutation, applied, built, restored and judged; prints
# its verdict.  Returns 1 when the tree could not be restored.
mutation() {
	local patch name log objs w1only expects files objarr mstatus records built
	local co_expected co_records
	local rstatus rmsg ok=1 detail=() others_found verdict
	local -A before=()
	patch=$(readlink -f "$1")
	name=$(basename "$patch" .patch)
	total=$((total + 1))
	log=$logdir/$name$([ $w1 -eq 0 ] && echo -no-w1).log
	mapfile -t expects < <(sed -n 's/^# Expect:[[:space:]]*//p' "$patch")
	objs=$(sed -n 's/^# Objects:[[:space:]]*//p' "$patch")
	w1only=$(grep -c '^# W1:' "$patch")
	co_expected=$(sed -n 's/^# Compiled-out:[[:space:]]*//p' "$patch" | head -n1)
	case ${co_expected:-no} in
	yes|no) co_expected=${co_expected:-no} ;;
	*) echo "FAIL  $name: '# Compiled-out: $co_expected': the value must be yes or no"
	   fails=$((fails + 1)); return 0 ;;
	esac
	mapfile -t files < <(sed -n 's|^+++ b/||p' "$patch" | sed 's/[[:space:]].*//' | sort -u)
	if [ ${#expects[@]} -eq 0 ] || [ ${#files[@]} -eq 0 ]; then
		echo "FAIL  $name: no '# Expect:' line or no file in the patch"
		fails=$((fails + 1)); return 0
	fi
	[ -n "$objs" ] || objs=$(printf '%s\n' "${files[@]}" | sed -n 's/\.c$/.o/p' | tr '\n' ' ')
	read -r -a objarr <<<"$objs"

	# Checksums and backups first; the manifest says what to restore.
	backup "${files[@]}"
	if ! (cd "$ksrc" && git apply --check "$patch" && git apply "$patch") >"$log" 2>&1; then
		echo "FAIL  $name: does not apply to $ksrc (see $log)"
		restore; fails=$((fails + 1)); return 0
	fi
	build_mutant
	[ $built -eq 1 ] || { ok=0; detail+=("object(s) ${objarr[*]} not built (make exit $mstatus; first error: $(grep -m1 -E 'error:' "$log" | sed "s|$ksrc/||"))"); }
	judge_expects
	others_found=$(others)
	if [ $rstatus -ne 0 ]; then
		ok=0; detail+=("TREE NOT RESTORED:$rmsg")
	else
		detail+=("tree restored: ${#files[@]} file(s), checksums and mtimes equal")
	fi
	if [ $ok -eq 1 ]; then caught=$((caught + 1)); verdict=ok; else fails=$((fails + 1)); verdict=FAIL; fi
	printf '%-5s %s\n' "$verdict" "$name"
	printf '        %s\n' "${detail[@]}"
	[ -z "$others_found" ] || echo "$others_found" | sed 's/^/        also reported: /'
	return $rstatus
}

total=0 caught=0 fails=0 silent=0 n_co=0
for patch in "$@"; do
	mutation "$patch" || break	# never mutate a tree that is not pristine
done

trap - EXIT
restore >&2 || fails=$((fails + 1))
if [ $w1 -eq 1 ]; then
	echo "mutation score: $caught/$total"
else
	echo "without W=1: $caught/$total as expected"
fi
echo "logs: $logdir"
mp_result "$logdir/mutate$([ $w1 -eq 0 ] && echo -no-w1).tsv" caught "$caught" total "$total" \
	fails "$fails" silent "$silent" compiled_out "$n_co"
[ $fails -eq 0 ] && [ $caught -eq $total ]
