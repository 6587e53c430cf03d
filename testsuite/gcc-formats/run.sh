#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The plugin's findings in GCC's own machine-readable diagnostics (GCC 13
# and later): compiles finding.c with the plugin as text, as
# -fdiagnostics-format=json and as SARIF (-fdiagnostics-format=sarif-file,
# with the plugin's werror option too, and from GCC 15
# -fdiagnostics-add-output=sarif), then checks with python3 that each
# finding of the text output is in the JSON and SARIF output
#
#   - with its rule: in the message ("... [RULE]", as in the text) and, from
#     GCC 14 when plugin/findings.c emits through mp_diagnose_with_rule(),
#     as the SARIF ruleId; else GCC's own ruleId for an option-less
#     diagnostic (its kind: "warning", "error");
#   - at the text output's file, line and column (the line also the one
#     finding.c marks with "finding: RULE");
#   - with the text output's notes, among them "'start' is immutable:
#     mmap_prepare hooks may change only ...", as the finding's JSON
#     "children" and SARIF "relatedLocations", not as results of their own;
#   - SARIF without duplicate keys and, when the official schema is cached
#     (testsuite/gate/run-tests.sh fetches it), valid against SARIF 2.1.0.
#
# Nothing is compared with stored output: the expectations are GCC's text
# output of the same compilation and the markers in finding.c.
#
# GCC 16 has no -fdiagnostics-format=json (GCC 15 deprecated it): there the
# JSON part is skipped with a SKIP line.  For a GCC before 13 (no JSON or
# SARIF diagnostics) the runner prints one SKIP line and exits 0.
#
# Env: CC (default gcc), PLUGIN (absolute path of the plugin),
#      MP_EXPECT_RULEID (1 or 0: overrides the ruleId expectation above).
# Prints PASS:/FAIL: lines and "gcc-formats: N passed, N failed"; exits
# non-zero if a check failed.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
: "${CC:=gcc}"
: "${PLUGIN:?PLUGIN must be the absolute path of the plugin}"
cache=${MP_CACHE:-$HOME/.cache/mmap-prepare}
src=$here/finding.c

command -v "$CC" >/dev/null || { echo "gcc-formats: '$CC' not found" >&2; exit 2; }
[ -f "$PLUGIN" ] || { echo "gcc-formats: no plugin at '$PLUGIN'" >&2; exit 2; }
major=$("$CC" -dumpversion 2>/dev/null | cut -d. -f1)
case "$major" in
'' | *[!0-9]*) echo "gcc-formats: cannot get the version of '$CC'" >&2; exit 2 ;;
esac
if [ "$major" -lt 13 ]; then
	echo "SKIP: gcc-formats: $CC is GCC $major; GCC's JSON and SARIF diagnostics need GCC 13 or later"
	exit 0
fi

# The plugin takes its name (for -fplugin-arg-NAME-...) from the file name.
name=$(basename "$PLUGIN" .so)
# From GCC 14 a diagnostic's metadata can set its SARIF ruleId; the
# plugin does so when findings.c emits through the compat helper.
if [ -n "${MP_EXPECT_RULEID:-}" ]; then
	ruleid=$MP_EXPECT_RULEID
	why="MP_EXPECT_RULEID=$ruleid"
elif [ "$major" -lt 14 ]; then
	ruleid=0
	why="GCC $major has no way to set a SARIF ruleId"
elif grep -q 'mp_diagnose_with_rule' "$top/plugin/findings.c" 2>/dev/null; then
	ruleid=1
	why="plugin/findings.c uses mp_diagnose_with_rule"
else
	ruleid=0
	why="plugin/findings.c does not use mp_diagnose_with_rule"
fi
echo "gcc-formats: $CC (GCC $("$CC" -dumpfullversion 2>/dev/null)), SARIF ruleId: $([ "$ruleid" = 1 ] && echo "the rule name" || echo "GCC's (the kind)") ($why)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "PASS: $*"; }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

flags=(-fplugin="$PLUGIN" -I"$top/testsuite/include" -std=gnu11 -c -o /dev/null)
werror=(-fplugin-arg-"$name"-werror)

# compile DIR EXPECTED-RC ARGS...: runs $CC in DIR (stderr to DIR/stderr).
compile() {
	local dir=$1 want=$2 rc
	shift 2
	mkdir -p "$dir"
	(cd "$dir" && "$CC" "${flags[@]}" "$@" "$src" 2>stderr)
	rc=$?
	if { [ "$want" = 0 ] && [ $rc -eq 0 ]; } || { [ "$want" != 0 ] && [ $rc -ne 0 ]; }; then
		return 0
	fi
	if [ -z "${quiet:-}" ]; then
		echo "  $CC ${*} finding.c: exit status $rc:"
		sed 's/^/  | /' "$dir/stderr" | head -20
	fi
	return 1
}

# The one SARIF file a run left in DIR (sarif-file names it after the
# source file).
sarif_in() {
	local f
	f=$(find "$1" -maxdepth 1 -name '*.sarif' | head -1)
	[ -n "$f" ] && echo "$f"
}

# check label=LABEL KEY=VALUE...: the python3 checks below (mode=text:
# the text output against finding.c's markers; format=json|sarif: FILE
# against the text output); counts their PASS/FAIL lines.
check() {
	local out
	out=$(python3 - "$@" <<'PY'
import json, os, re, sys
from urllib.parse import unquote, urlparse

IMMUTABLE_NOTE = "is immutable: mmap_prepare hooks may change only"
args = dict(a.split("=", 1) for a in sys.argv[1:])
label = args["label"]

def report(good, what, detail=""):
    print("%s: %s: %s%s" % ("PASS" if good else "FAIL", label, what,
                            "" if good or not detail else " (%s)" % detail))
    return good

def same_file(a, b):
    return a is not None and b is not None and \
        os.path.realpath(a) == os.path.realpath(b)

# ---- the expectations: markers in the source, GCC's text output ----
src = args["source"]
markers = {}
for n, line in enumerate(open(src), 1):
    m = re.search(r"finding: ([a-z-]+)", line)
    if m:
        markers[n] = m.group(1)

diag_re = re.compile(r"^(.+?):(\d+):(\d+): (warning|error|note): (.*)$")
findings = []
for line in open(args["text"], errors="replace"):
    m = diag_re.match(line.rstrip("\n"))
    if not m:
        continue
    d = {"file": m.group(1), "line": int(m.group(2)), "col": int(m.group(3)),
         "kind": m.group(4), "msg": m.group(5), "notes": []}
    if d["kind"] == "note":
        if findings:
            findings[-1]["notes"].append(d)
        continue
    rm = re.search(r" \[([a-z-]+)\]$", d["msg"])
    d["rule"] = rm.group(1) if rm else None
    findings.append(d)

kind = args["kind"]
if args.get("mode") == "text":
    got = {(d["line"], d["rule"]) for d in findings
           if same_file(d["file"], src) and d["kind"] == kind}
    want = {(l, r) for l, r in markers.items()}
    report(got == want and len(findings) == len(markers),
           "text output has the %d marked findings as %ss ending in [RULE]"
           % (len(markers), kind),
           "text %s, markers %s" % (sorted((d["line"], d["kind"], d["rule"])
                                           for d in findings), sorted(want)))
    imm = [d for d in findings if d["rule"] == "mmap-prepare-immutable"]
    report(bool(imm) and all(any(IMMUTABLE_NOTE in n["msg"] for n in d["notes"])
                             for d in imm),
           "text output has the '%s' note" % IMMUTABLE_NOTE)
    sys.exit(0)

if not findings:
    report(False, "no findings in the text output to compare with")
    sys.exit(0)

# ---- the structured output ----
def no_dups(pairs):
    keys = [k for k, _ in pairs]
    dup = sorted({k for k in keys if keys.count(k) > 1})
    if dup:
        raise ValueError("duplicate key(s) %s" % ", ".join(dup))
    return dict(pairs)

path = args["file"]
try:
    with open(path) as f:
        doc = json.load(f, object_pairs_hook=no_dups)
except (OSError, ValueError) as e:
    report(False, "%s parses as JSON without duplicate keys" % os.path.basename(path), str(e))
    sys.exit(0)
report(True, "%s parses as JSON without duplicate keys" % os.path.basename(path))

if args["format"] == "json":
    top = doc if isinstance(doc, list) else []
    def loc_of(o):
        locs = o.get("locations") or [{}]
        c = locs[0].get("caret", {})
        return c.get("file"), c.get("line"), c.get("column")
    results = [o for o in top if o.get("kind") != "note"]
    stray = [o for o in top if o.get("kind") == "note"]
    def kind_of(o): return o.get("kind")
    def msg_of(o): return o.get("message")
    def rule_of(o): return None
    def notes_of(o):
        return [(c.get("message"),) + loc_of(c) for c in o.get("children", [])
                if c.get("kind") == "note"]
    where = "children"
else:
    run = (doc.get("runs") or [{}])[0]
    bases = run.get("originalUriBaseIds", {})
    def uri_path(al):
        uri = al.get("uri", "")
        base = al.get("uriBaseId")
        if base in bases:
            uri = bases[base].get("uri", "") + uri
        p = urlparse(uri)
        return unquote(p.path) if p.scheme in ("file", "") else None
    def phys(pl):
        r = pl.get("region", {})
        return uri_path(pl.get("artifactLocation", {})), r.get("startLine"), r.get("startColumn")
    def loc_of(o):
        locs = o.get("locations") or [{}]
        return phys(locs[0].get("physicalLocation", {}))
    results = [o for o in run.get("results", []) if o.get("level") != "note"]
    stray = [o for o in run.get("results", []) if o.get("level") == "note"]
    def kind_of(o): return o.get("level")
    def msg_of(o): return o.get("message", {}).get("text")
    def rule_of(o): return o.get("ruleId")
    def notes_of(o):
        # GCC 15 adds the include chain as related locations without a message.
        return [(rl["message"].get("text"),) + phys(rl.get("physicalLocation", {}))
                for rl in o.get("relatedLocations", []) if "message" in rl]
    where = "relatedLocations"

report(len(results) == len(findings),
       "%d findings, as in the text output" % len(findings), "got %d" % len(results))
report(not stray, "no note is a result of its own (notes are %s)" % where,
       "%d: %s" % (len(stray), "; ".join(str(msg_of(o))[:60] for o in stray[:3])))

for d in findings:
    tag = "%s:%d (%s)" % (os.path.basename(d["file"]), d["line"], d["rule"])
    match = [o for o in results if msg_of(o) == d["msg"]]
    if not report(len(match) == 1, "%s: the finding, message as in the text" % tag,
                  "%d results with message %r" % (len(match), d["msg"])):
        continue
    o = match[0]
    report(kind_of(o) == kind, "%s: kind/level %s" % (tag, kind), "got %r" % kind_of(o))
    report(d["rule"] is not None and msg_of(o).endswith(" [%s]" % d["rule"]),
           "%s: message ends in [%s]" % (tag, d["rule"]))
    if args["format"] == "sarif":
        want = d["rule"] if args["ruleid"] == "1" else kind
        report(rule_of(o) == want, "%s: ruleId %r" % (tag, want), "got %r" % rule_of(o))
    f, l, c = loc_of(o)
    report(same_file(f, d["file"]) and (l, c) == (d["line"], d["col"]),
           "%s: location %s:%d:%d" % (tag, os.path.basename(d["file"]), d["line"], d["col"]),
           "got %s:%s:%s" % (f, l, c))
    report(markers.get(l) == d["rule"] and same_file(f, src),
           "%s: on the line finding.c marks with 'finding: %s'" % (tag, d["rule"]),
           "marker %r" % markers.get(l))
    got = notes_of(o)
    for n in d["notes"]:
        want = (n["msg"], n["file"], n["line"], n["col"])
        hit = [g for g in got if g[0] == want[0] and same_file(g[1], want[1])
               and g[2:] == want[2:]]
        report(bool(hit), "%s: note in %s: %s at %s:%d:%d" %
               (tag, where, n["msg"][:50], os.path.basename(n["file"]), n["line"], n["col"]),
               "%s has %s" % (where, [g[0][:40] for g in got]))
    if d["rule"] == "mmap-prepare-immutable":
        report(any(IMMUTABLE_NOTE in (g[0] or "") for g in got),
               "%s: %s has the '%s' note" % (tag, where, IMMUTABLE_NOTE))
PY
)
	echo "$out"
	passed=$((passed + $(grep -c '^PASS:' <<<"$out")))
	failed=$((failed + $(grep -c '^FAIL:' <<<"$out")))
	grep -q '^[A-Z]*:' <<<"$out" || bad "${1#label=}: the python3 checks printed nothing"
}

# ---- text: the expectations ----
if compile "$work/text" 0 -fdiagnostics-plain-output; then
	ok "text: compiles with warnings only"
else
	bad "text: compiles with warnings only"
fi
check label=text mode=text kind=warning source="$src" text="$work/text/stderr"
if compile "$work/text-werror" 1 -fdiagnostics-plain-output "${werror[@]}"; then
	ok "text, werror: fails"
else
	bad "text, werror: fails"
fi
check label="text, werror" mode=text kind=error source="$src" text="$work/text-werror/stderr"

# ---- -fdiagnostics-format=json (GCC 13 to 15) ----
if quiet=1 compile "$work/json" 0 -fdiagnostics-format=json; then
	ok "json: compiles"
	check label=json format=json kind=warning source="$src" text="$work/text/stderr" \
		file="$work/json/stderr"
elif [ "$major" -ge 16 ] && grep -q "unrecognized argument in option.*-fdiagnostics-format=json" "$work/json/stderr"; then
	echo "SKIP: json: GCC $major has no -fdiagnostics-format=json ($(grep -o 'valid arguments.*' "$work/json/stderr" | head -1))"
else
	bad "json: compiles"
	sed 's/^/  | /' "$work/json/stderr" | head -20
fi

# ---- -fdiagnostics-format=sarif-file ----
sarif_checks() {
	local label=$1 dir=$2 text=$3 kind=$4 f
	if ! f=$(sarif_in "$dir"); then
		bad "$label: writes a .sarif file"
		return
	fi
	ok "$label: writes $(basename "$f")"
	check label="$label" format=sarif kind="$kind" ruleid="$ruleid" source="$src" \
		text="$text" file="$f"
	schema_check "$label" "$f"
}

SCHEMA="$cache/npm-sarif/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"
schema_check() {
	local log
	if [ ! -f "$SCHEMA" ] || ! python3 -c 'import jsonschema' 2>/dev/null; then
		echo "SKIP: $1: SARIF schema validation (no cached schema or python3-jsonschema; testsuite/gate/run-tests.sh installs them)"
		return
	fi
	if log=$(python3 "$top/testsuite/gate/validate-sarif" "$SCHEMA" "$2" 2>&1); then
		ok "$1: valid against the SARIF 2.1.0 schema"
	else
		bad "$1: valid against the SARIF 2.1.0 schema"
		printf '  | %s\n' "${log//$'\n'/$'\n'  | }" | head -10
	fi
}

if compile "$work/sarif" 0 -fdiagnostics-format=sarif-file; then
	ok "sarif-file: compiles"
	sarif_checks sarif-file "$work/sarif" "$work/text/stderr" warning
else
	bad "sarif-file: compiles"
fi
if compile "$work/sarif-werror" 1 -fdiagnostics-format=sarif-file "${werror[@]}"; then
	ok "sarif-file, werror: fails"
	sarif_checks "sarif-file, werror" "$work/sarif-werror" "$work/text-werror/stderr" error
else
	bad "sarif-file, werror: fails"
fi

# ---- -fdiagnostics-add-output=sarif (GCC 15): text and SARIF at once ----
if [ "$major" -ge 15 ]; then
	if compile "$work/add" 0 -fdiagnostics-plain-output \
		-fdiagnostics-add-output=sarif:file="$work/add/out.sarif"; then
		ok "add-output=sarif: compiles"
		check label="add-output=sarif, its text" mode=text kind=warning source="$src" \
			text="$work/add/stderr"
		sarif_checks "add-output=sarif" "$work/add" "$work/add/stderr" warning
	else
		bad "add-output=sarif: compiles"
	fi
fi

echo "gcc-formats: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
