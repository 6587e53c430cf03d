#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Tests of the CI-gate pieces: the JSON Lines report under make -j, the
# gate over a git range (clean commit, new violation, baseline, every
# touched file accounted for, nothing checked, the in-tree option, errors,
# progress, the build directory left as it was, ccache), SARIF validated
# against the official 2.1.0 schema with a real validator and checked the
# way GitHub code scanning ingests it, and make install into a DESTDIR.
# Prints "N passed, N failed" (also as TSV to $MP_RESULT when set: keys
# passed, failed).
#
# Env: CC (default gcc), PLUGIN (absolute path of the plugin), MP_CACHE,
#   MP_GATE (default scripts/mmap-prepare-gate: another gate to test).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
# shellcheck source=scripts/lib.sh
. "$top/scripts/lib.sh"
mp_runner_env
work=$(mktemp -d)
trap '[ -n "${MP_KEEP:-}" ] || rm -rf "$work"' EXIT
gate=${MP_GATE:-$top/scripts/mmap-prepare-gate}
# Debian's python runs the gate and the queries: a version manager's
# python3 shim in PATH costs half a second a call.
py=$(command -v /usr/bin/python3 || command -v python3)

ok() { mp_pass "$@"; }
bad() { mp_fail "$@"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }
not() { ! "$@" >/dev/null 2>&1; }
quiet() { "$@" >/dev/null 2>&1; }

# ---- the official SARIF schema (npm, cached) and a real validator ----
# The schema ships in Microsoft's @microsoft/jest-sarif package; the
# validator is Debian's python3-jsonschema (draft-04, as the schema says).
validator_setup() {
	local dir="$MP_CACHE/npm-sarif"
	SCHEMA="$dir/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"
	if [ ! -f "$SCHEMA" ]; then
		mkdir -p "$dir"
		(cd "$dir" && npm install --silent --no-audit --no-fund \
			@microsoft/jest-sarif@1.0.0-beta.0 >/dev/null 2>&1) || return 1
	fi
	/usr/bin/python3 -c 'import jsonschema' 2>/dev/null && test -f "$SCHEMA"
}

# sarif_valid FILE: the 2.1.0 schema, then GitHub code scanning's
# required and recommended properties, the URIs resolving in $repo.
sarif_valid() {
	"$here/validate-sarif" "$SCHEMA" "$1" >"$work/validate.log" 2>&1 &&
		"$here/check-github-sarif" "$1" "${repo:-}" >>"$work/validate.log" 2>&1 ||
		{ cat "$work/validate.log"; return 1; }
}

# jq-free JSON queries
pyq() { "$py" -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }

# ---- 1. JSON Lines report: many units in parallel, one file ----
report_parallel() {
	local dir="$work/par" n=48 i
	mkdir -p "$dir"
	for i in $(seq 1 $n); do
		cat >"$dir/u$i.c" <<C
#include "mp-ops.h"
int p$i(struct vm_area_desc *d)
{
	d->start = $i;
	d->end = $i;
	d->action.type = MMAP_REMAP_PFN;
	return 0;
}
C
	done
	{
		printf 'all:'
		for i in $(seq 1 $n); do printf ' u%d.o' "$i"; done
		printf '\n%%.o: %%.c\n\t@%s -c -O2 -I%s -fplugin=%s -fplugin-arg-mmap_prepare_plugin-report=%s -o $@ $< 2>/dev/null\n' \
			"$CC" "$top/testsuite/include" "$PLUGIN" "$dir/report.jsonl"
	} >"$dir/Makefile"
	make -s -C "$dir" -j16 || return 1
	python3 - "$dir/report.jsonl" $((n * 3)) <<'PY'
import json, sys
lines = open(sys.argv[1]).read().split("\n")
assert lines[-1] == "", "report does not end with a newline"
recs = [json.loads(l) for l in lines[:-1]]
want = int(sys.argv[2])
assert len(recs) == want, "%d records, expected %d" % (len(recs), want)
keys = {"file", "line", "column", "rule", "function", "field", "severity", "message"}
for r in recs:
    assert set(r) == keys, r
    assert r["rule"].startswith("mmap-prepare-"), r
assert len({(r["file"], r["line"], r["rule"]) for r in recs}) == want, "duplicates"
PY
}

# ---- 2. the gate over a git range ----
# gate_repo [NAME [unbuilt]]: a git repository of the fake tree (built
# unless "unbuilt"); prints its path.
gate_repo() {
	local repo="$work/${1:-linux}"
	cp -r "$here/tree" "$repo"
	mkdir -p "$repo/include"
	cp "$top"/testsuite/include/mp-*.h "$repo/include/"
	git -C "$repo" init -q
	git -C "$repo" -c user.name=t -c user.email=t@t add -A
	git -C "$repo" -c user.name=t -c user.email=t@t commit -qm base
	[ "${2:-}" = unbuilt ] || make -s -C "$repo" CC="$CC" >/dev/null 2>&1
	echo "$repo"
}

commit() {
	git -C "$1" -c user.name=t -c user.email=t@t commit -qam "$2"
}

# change MESSAGE COMMAND...: runs COMMAND (an edit of $repo), commits it as
# MESSAGE and sets base to the commit before it.
change() {
	local msg=$1
	shift
	base=$(git -C "$repo" rev-parse HEAD)
	"$@"
	commit "$repo" "$msg"
}

append() { echo "$2" >>"$repo/$1"; }
edit() { sed -i "$2" "$repo/$1"; }

# gate_range ARGS...: the gate over base..HEAD of $repo with ARGS, its
# output in $work/gate.log; returns the gate's exit status.
gate_range() {
	"$py" "$gate" --ksrc "$repo" --range "$base..HEAD" --plugin "$PLUGIN" "$@" >"$work/gate.log" 2>&1
}

new_results() { pyq "$1" 'sum(r["baselineState"] == "new" for r in d["runs"][0]["results"])'; }

# A clean commit: exit 0.
gate_clean() {
	change "foo: clean change" edit drivers/foo/foo.c 's|desc->vm_ops = &foo_vm_ops;|desc->vm_ops = \&foo_vm_ops;\n\tdesc->pgoff = 0;|'
	gate_range --sarif "$work/clean.sarif"
	check "gate: clean commit exits 0" test $? = 0
	check "gate: clean commit SARIF has no results" \
		test "$(pyq "$work/clean.sarif" 'len(d["runs"][0]["results"])')" = 0
	check "gate: clean SARIF validates against the 2.1.0 schema" sarif_valid "$work/clean.sarif"
}

# A commit adding a violation: exit 1, exactly one new result.
gate_violation() {
	change "foo: violation" edit drivers/foo/foo.c 's|desc->pgoff = 0;|desc->pgoff = 0;\n\tdesc->start = 0;|'
	gate_range --sarif "$work/bad.sarif"
	check "gate: violating commit exits 1" test $? = 1
	check "gate: exactly one new result" test "$(new_results "$work/bad.sarif")" = 1
	check "gate: result names rule, file and line" \
		test "$(pyq "$work/bad.sarif" 'd["runs"][0]["results"][0]["ruleId"] + " " + d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]')" = "mmap-prepare-immutable drivers/foo/foo.c"
	check "gate: one-line summary" grep -q "^mmap-prepare-gate: .* 1 new (FAIL)$" "$work/gate.log"
	check "gate: failing SARIF validates against the 2.1.0 schema" sarif_valid "$work/bad.sarif"
	# The validator is real: a broken document must be rejected.
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["runs"][0]["results"][0]["level"]="fatal"; d["version"]="2.0"; json.dump(d, open(sys.argv[2], "w"))' \
		"$work/bad.sarif" "$work/broken.sarif"
	check "gate: the validator rejects a broken SARIF" not sarif_valid "$work/broken.sarif"
}

# Baseline: the old bar.c finding is suppressed, a new one is not, even
# after a line shift.
gate_baseline() {
	change "bar: shift" edit drivers/bar/bar.c 's|#include "mp-ops.h"|#include "mp-ops.h"\n\n/* shifts every line */|'
	gate_range --baseline "$work/baseline.json"
	check "gate: baseline suppresses the old finding after a line shift" test $? = 0
	change "bar: new violation" edit drivers/bar/bar.c 's|desc->end = desc->start + 4096;|desc->end = desc->start + 4096;\n\tdesc->mm = NULL;|'
	gate_range --baseline "$work/baseline.json" --sarif "$work/base.sarif"
	check "gate: baseline does not suppress a new finding" test $? = 1
	check "gate: baseline leaves exactly one new result" test "$(new_results "$work/base.sarif")" = 1
	check "gate: fingerprints survive the line shift" \
		test "$(pyq "$work/base.sarif" 'len({r["partialFingerprints"]["mmapPrepareFinding/v1"] for r in d["runs"][0]["results"]})')" = 2
}

gate_tests() {
	local repo base
	repo=$(gate_repo) || return 1
	# The old finding in bar.c becomes the baseline.
	change "touch bar" append drivers/bar/bar.c '/* touched */'
	gate_range --baseline "$work/baseline.json" --update-baseline
	check "gate: --update-baseline records the old finding" \
		test "$(pyq "$work/baseline.json" 'len(d["findings"])')" = 1
	gate_clean
	gate_violation
	gate_sarif
	gate_fixes
	# A header change rebuilds every object that includes it (from .cmd),
	# says how far it got, and leaves the build directory as it was.
	change "header" append include/mp-ops.h '/* header touched */'
	snapshot >"$work/before.txt"
	gate_range --baseline "$work/baseline.json"
	check "gate: header change rebuilds both objects" grep -q "2 objects rebuilt" "$work/gate.log"
	check "gate: progress lines" test "$(grep -c '^mmap-prepare-gate: \[[12]/2\] drivers/' "$work/gate.log")" = 2
	snapshot >"$work/after.txt"
	check "gate: objects and command records left as they were (next make rebuilds nothing)" \
		cmp -s "$work/before.txt" "$work/after.txt"
	gate_baseline
	# Usage and build errors: exit 2.
	"$py" "$gate" --ksrc "$repo" --plugin "$PLUGIN" >/dev/null 2>&1
	check "gate: usage error exits 2" test $? = 2
	change "broken" append drivers/foo/foo.c 'this is not C'
	gate_range
	check "gate: build error exits 2" test $? = 2
	check "gate: the failed file is named with the compiler's error" \
		grep -q "^mmap-prepare-gate: failed: drivers/foo/foo.c (drivers/foo/foo.o: .*error" "$work/gate.log"
	check "gate: a failed run says ERROR" grep -q " (ERROR)$" "$work/gate.log"
}

# The plugin's fix-its (the records' "fix") are SARIF fixes: a second hook
# given by an initializer is removed.
gate_fixes() {
	change "foo: both hooks" edit drivers/foo/foo.c \
		's|^\t.mmap_prepare = foo_mmap_prepare,|\t.mmap_prepare = foo_mmap_prepare,\n\t.mmap = foo_old_mmap,|; s|^const struct file_operations foo_fops|int foo_old_mmap(struct file *f, struct vm_area_struct *vma);\n&|'
	gate_range --sarif "$work/fix.sarif"
	check "SARIF: a both-hooks finding carries the fix-it as a fix" \
		test "$(pyq "$work/fix.sarif" '" ".join("%s %d:%d-%d %r" % (c["artifactLocation"]["uri"], p["deletedRegion"]["startLine"], p["deletedRegion"]["startColumn"], p["deletedRegion"]["endColumn"], p["insertedContent"]["text"]) for r in d["runs"][0]["results"] for f in r.get("fixes", []) for c in f["artifactChanges"] for p in c["replacements"])')" = "drivers/foo/foo.c 19:1-23 ''"
	check "SARIF: with fixes, valid" sarif_valid "$work/fix.sarif"
	# deprecated-mmap's conversion (opt-in, by KCFLAGS): one fix of all
	# its fix-its, the file's local inserted (an empty region)
	change "foo: a .mmap hook" conv_hook
	KCFLAGS=-fplugin-arg-mmap_prepare_plugin-rules=+deprecated-mmap \
		gate_range --sarif "$work/conv.sarif"
	check "SARIF: the conversion's fix-its are one fix" \
		test "$(pyq "$work/conv.sarif" '" | ".join("%d %d:%d-%d %r" % (len(r["fixes"]), p["deletedRegion"]["startLine"], p["deletedRegion"]["startColumn"], p["deletedRegion"]["endColumn"], p["insertedContent"]["text"]) for r in d["runs"][0]["results"] if r["ruleId"] == "mmap-prepare-deprecated-mmap" for f in r.get("fixes", []) for c in f["artifactChanges"] for p in c["replacements"])')" = "1 22:1-72 'static int foo_conv_mmap_prepare(struct vm_area_desc *desc)' | 1 24:1-1 '\\tstruct file *file = desc->file;\\n' | 1 24:2-32 'desc->pgoff = file->f_flags;' | 1 29:2-7 '.mmap_prepare' | 1 29:10-23 'foo_conv_mmap_prepare'"
	check "SARIF: with the conversion's fixes, valid" sarif_valid "$work/conv.sarif"
}

# A convertible .mmap hook (and the header it needs) in foo.c.
conv_hook() {
	sed -i 's|^#include "mp-ops.h"|#include "mp-vma.h"|' "$repo/drivers/foo/foo.c"
	cat >>"$repo/drivers/foo/foo.c" <<'C'

static int foo_conv_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_pgoff = file->f_flags;
	return 0;
}

const struct file_operations foo_conv_fops = {
	.mmap = foo_conv_mmap,
};
C
}

# snapshot: every file of $repo's build (not .git) with its checksum and
# modification time.
snapshot() {
	(cd "$repo" && find . -path ./.git -prune -o -type f -printf '%p %T@ ' -exec sha256sum {} \; | sort)
}

# SARIF that review tools can use: the real source root (or none), the
# compiler's notes, the rule help, no file:// links.
gate_sarif() {
	local s=$work/bad.sarif
	check "SARIF: SRCROOT is the work tree, not file:///" \
		test "$(pyq "$s" 'd["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"]')" = "file://$repo/"
	check "SARIF: the compiler's note is a related location with its message" \
		test "$(pyq "$s" 'd["runs"][0]["results"][0]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] + " " + d["runs"][0]["results"][0]["relatedLocations"][0]["message"]["text"][:21]')" = "include/mp-desc.h 'start' is immutable:"
	check "SARIF: rule help is rules.md's section (markdown)" \
		test "$(pyq "$s" 'sum("**Why it matters:**" in r["help"]["markdown"] for r in d["runs"][0]["tool"]["driver"]["rules"])')" = 9
	check "SARIF: no helpUri or informationUri that would not open" \
		test "$(pyq "$s" 'sum("helpUri" in r for r in d["runs"][0]["tool"]["driver"]["rules"]) + ("informationUri" in d["runs"][0]["tool"]["driver"])')" = 0
	check "SARIF: the invocation says what was built" \
		test "$(pyq "$s" '" ".join(d["runs"][0]["invocations"][0]["properties"]["objectsBuilt"])')" = "drivers/foo/foo.o"
	gate_range --sarif "$work/norel.sarif" --sarif-srcroot none
	check "SARIF: --sarif-srcroot none gives plain repository-relative URIs" \
		test "$(pyq "$work/norel.sarif" '("originalUriBaseIds" in d["runs"][0]) + json.dumps(d).count("uriBaseId")')" = 0
	check "SARIF: --sarif-srcroot none is valid" sarif_valid "$work/norel.sarif"
	# The GitHub check is real: the old gate's SARIF (SRCROOT file:///, a
	# file:// helpUri), valid against the schema, is rejected.
	"$py" -c 'import json,sys; d=json.load(open(sys.argv[1])); r=d["runs"][0]; r["originalUriBaseIds"]["SRCROOT"]["uri"]="file:///"; r["tool"]["driver"]["rules"][0]["helpUri"]="file:///usr/share/doc/mmap-prepare/rules.md#x"; json.dump(d, open(sys.argv[2], "w"))' \
		"$s" "$work/oldstyle.sarif"
	check "SARIF: the old gate's SARIF is schema-valid" quiet \
		"$here/validate-sarif" "$SCHEMA" "$work/oldstyle.sarif"
	check "SARIF: ... but the GitHub check rejects it" \
		not "$here/check-github-sarif" "$work/oldstyle.sarif" "$repo"
}

# Every touched file is accounted for: a driver this configuration does
# not build (CONFIG_BAZ is unset; it does not even compile here), another
# architecture's file, a Makefile and a checked driver.  Then series that
# check nothing: exit 3.
gate_accounting() {
	local repo base
	repo=$(gate_repo acct) || return 1
	change "mixed" eval 'append drivers/baz/baz.c "/* x */"; append arch/powerpc/kernel/ppc.c "/* x */"; append drivers/foo/Makefile "# x"; append drivers/foo/foo.c "/* x */"'
	gate_range --sarif "$work/acct.sarif"
	check "gate: another configuration's driver is not a failed run (exit 0)" test $? = 0
	check "gate: ... it is named as not built, with the reason" grep -qx \
		"mmap-prepare-gate: not built in this configuration: drivers/baz/baz.c (CONFIG_BAZ is not set)" "$work/gate.log"
	check "gate: another architecture's file is named as not built" grep -qx \
		"mmap-prepare-gate: not built in this configuration: arch/powerpc/kernel/ppc.c (another architecture's code: this build is x86)" "$work/gate.log"
	check "gate: the checked file is named" grep -qx \
		"mmap-prepare-gate: checked: drivers/foo/foo.c (drivers/foo/foo.o)" "$work/gate.log"
	check "gate: the summary accounts for every touched file" grep -q \
		"4 files touched (1 checked, 2 not built in this configuration, 0 failed, 1 not C), 1 objects rebuilt, 0 findings, 0 new (ok)$" "$work/gate.log"
	check "SARIF: the invocation names the files not built and why" \
		test "$(pyq "$work/acct.sarif" '";".join(f["file"] + " " + f["reason"] for f in d["runs"][0]["invocations"][0]["properties"]["filesNotBuilt"])')" = "arch/powerpc/kernel/ppc.c another architecture's code: this build is x86;drivers/baz/baz.c CONFIG_BAZ is not set"
	check "SARIF: accounting SARIF valid" sarif_valid "$work/acct.sarif"
	change "baz only" append drivers/baz/baz.c '/* y */'
	gate_range --sarif "$work/nothing.sarif"
	check "gate: nothing checked exits 3, not 0" test $? = 3
	check "gate: ... and says so" grep -q "(NOTHING CHECKED)$" "$work/gate.log"
	check "SARIF: a run that checked nothing is not successful" \
		test "$(pyq "$work/nothing.sarif" 'd["runs"][0]["invocations"][0]["executionSuccessful"]')" = False
	change "Makefile only" append drivers/foo/Makefile '# y'
	gate_range
	check "gate: a series without C files exits 3" test $? = 3
}

# one_line_error WHAT PATTERN: the gate's output is one line matching PATTERN.
one_line_error() {
	check "gate: $1 exits 2" test "$st" = 2
	check "gate: $1: one line naming the problem" \
		test "$(wc -l <"$work/gate.log") $(grep -c "$2" "$work/gate.log")" = "1 1"
}

# Trees and build directories the gate cannot use.
gate_errors() {
	local repo base st
	cp -r "$here/tree" "$work/nogit"
	"$py" "$gate" --ksrc "$work/nogit" --range HEAD~1..HEAD --plugin "$PLUGIN" >"$work/gate.log" 2>&1
	st=$?
	one_line_error "a tree that is not a git checkout" "^mmap-prepare-gate: error: $work/nogit is not a git checkout"
	repo=$(gate_repo unbuilt unbuilt) || return 1
	change "header" append include/mp-ops.h '/* header touched */'
	gate_range
	st=$?
	one_line_error "a build directory never built" "^mmap-prepare-gate: error: $repo has not been built"
	"$py" "$gate" --ksrc "$repo" --range nosuch..HEAD --plugin "$PLUGIN" >"$work/gate.log" 2>&1
	st=$?
	one_line_error "a range that is not in the repository" "'nosuch' is not a commit"
}

# A gate stopped during its build (a CI timeout's SIGTERM) restores the
# build directory; one killed outright leaves its backup, which the next
# run restores first.  The compiles are slowed down to be interrupted.
gate_interrupted() {
	local repo base pid i
	repo=$(gate_repo intr) || return 1
	change "header" append include/mp-ops.h '/* header touched */'
	snapshot >"$work/before.txt"
	for sig in TERM KILL; do
		setsid "$py" "$gate" --ksrc "$repo" --range "$base..HEAD" --plugin "$PLUGIN" \
			CC="sleep 2; $CC" >"$work/gate.log" 2>&1 &
		pid=$!
		for i in $(seq 100); do
			grep -q '^mmap-prepare-gate: building' "$work/gate.log" && break
			sleep 0.1
		done
		sleep 0.3
		if [ $sig = TERM ]; then
			kill -TERM $pid
			wait $pid
			check "interrupted: SIGTERM exits 2" test $? = 2
			snapshot >"$work/after.txt"
			check "interrupted: SIGTERM leaves the build directory as it was" \
				cmp -s "$work/before.txt" "$work/after.txt"
		else
			kill -KILL -- -$pid
			{ wait $pid; } 2>/dev/null
			check "interrupted: SIGKILL leaves the backup" test -d "$repo/.mmap-prepare-gate.backup"
		fi
	done
	gate_range
	check "interrupted: the next run restores the backup first" \
		grep -q "^mmap-prepare-gate: restored 4 files of an interrupted run" "$work/gate.log"
	snapshot >"$work/after.txt"
	check "interrupted: ... and leaves the build directory as it was" \
		cmp -s "$work/before.txt" "$work/after.txt"
}

# The in-tree option: the build directory's kbuild adds its own -fplugin;
# the gate must not add a second one (GCC: "specified with different paths").
gate_intree() {
	local repo base out=$work/intree-out
	repo=$(gate_repo intree) || return 1
	mkdir -p "$out/scripts/gcc-plugins"
	cp "$PLUGIN" "$out/scripts/gcc-plugins/mmap_prepare_plugin.so"
	sed 's/^# CONFIG_BAZ is not set$/CONFIG_GCC_PLUGIN_MMAP_PREPARE=y/' "$repo/.config" >"$out/.config"
	make -s -C "$repo" O="$out" CC="$CC" >/dev/null 2>&1 || { bad "in-tree: build of the fake tree"; return 1; }
	change "foo: violation" edit drivers/foo/foo.c 's|desc->vm_ops = &foo_vm_ops;|desc->vm_ops = \&foo_vm_ops;\n\tdesc->start = 0;|'
	gate_range --build-dir "$out" --sarif "$work/intree.sarif"
	check "gate: a tree with CONFIG_GCC_PLUGIN_MMAP_PREPARE=y works (exit 1, not 2)" test $? = 1
	check "gate: ... with the tree's own plugin, and the finding" \
		test "$(grep -c "^drivers/foo/foo.c:10:.*\[mmap-prepare-immutable\]$" "$work/gate.log") $(new_results "$work/intree.sarif")" = "1 1"
}

# ccache (Debian's): on a cache hit the plugin does not run and the report
# gets nothing; the gate bypasses the cache.  CCACHE_IGNOREOPTIONS makes
# the gate's second run a hit for a ccache that would serve it.
gate_ccache() {
	local repo base
	command -v ccache >/dev/null || { bad "ccache: not installed (apt-get install ccache)"; return 1; }
	repo=$(gate_repo cc) || return 1
	change "foo: violation" edit drivers/foo/foo.c 's|desc->vm_ops = &foo_vm_ops;|desc->vm_ops = \&foo_vm_ops;\n\tdesc->start = 0;|'
	export CCACHE_DIR=$work/ccache CCACHE_IGNOREOPTIONS="-fplugin-arg-mmap_prepare_plugin-report=*"
	gate_range CC="ccache $CC"
	gate_range CC="ccache $CC"
	check "ccache: a second gate run still reports the finding (exit 1)" test $? = 1
	unset CCACHE_DIR CCACHE_IGNOREOPTIONS
}

# ---- 3. make install into a DESTDIR, then use what was installed ----
install_tests() {
	local dest="$work/dest"
	make -s -C "$top" install CC="$CC" DESTDIR="$dest" PREFIX=/usr >/dev/null ||
		{ bad "install: make install"; return 1; }
	local so="$dest$("$CC" -print-file-name=plugin)/mmap_prepare_plugin.so"
	check "install: plugin" test -f "$so"
	check "install: gate" test -x "$dest/usr/bin/mmap-prepare-gate"
	check "install: man page" test -f "$dest/usr/share/man/man1/mmap-prepare-gate.1"
	check "install: docs" test -f "$dest/usr/share/doc/mmap-prepare/rules.md"
	printf '#include "mp-ops.h"\nint f(struct vm_area_desc *d) { d->end = 0; return 0; }\n' >"$work/inst.c"
	"$CC" -c -I"$top/testsuite/include" -fplugin="$so" \
		-o /dev/null "$work/inst.c" 2>"$work/inst.log"
	check "install: the installed plugin reports" grep -q "mmap-prepare-immutable" "$work/inst.log"
	"$dest/usr/bin/mmap-prepare-gate" --help >/dev/null
	check "install: the installed gate runs" test $? = 0
	# ... with the installed plugin and the installed rules.md.
	local repo base
	repo=$(gate_repo inst) || return 1
	change "foo: violation" edit drivers/foo/foo.c 's|desc->vm_ops = &foo_vm_ops;|desc->vm_ops = \&foo_vm_ops;\n\tdesc->start = 0;|'
	"$py" "$dest/usr/bin/mmap-prepare-gate" --ksrc "$repo" --range "$base..HEAD" \
		--sarif "$work/inst.sarif" >"$work/gate.log" 2>&1
	check "install: the installed gate finds the installed plugin and rules.md" \
		test "$? $(pyq "$work/inst.sarif" 'sum("**Why it matters:**" in r["help"]["markdown"] for r in d["runs"][0]["tool"]["driver"]["rules"])')" = "1 9"
}

if validator_setup; then
	ok "SARIF validator set up (official schema, python3-jsonschema)"
else
	bad "SARIF validator set up (npm @microsoft/jest-sarif, python3-jsonschema)"
fi
check "report: $((48 * 3)) records from 48 parallel compiles, none torn or lost" report_parallel
gate_tests
gate_accounting
gate_errors
gate_interrupted
gate_intree
gate_ccache
install_tests

echo "gate tests: $mp_passed passed, $mp_failed failed"
mp_result "${MP_RESULT:-}" passed "$mp_passed" failed "$mp_failed"
[ "$mp_failed" -eq 0 ]
