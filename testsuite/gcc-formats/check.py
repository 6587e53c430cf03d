#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The checks of testsuite/gcc-formats/run.sh, one run per output.

Arguments are KEY=VALUE: label (printed with each verdict), kind (warning
or error), source (finding.c), text (GCC's text output of the same
compilation), and either mode=text (the text output against finding.c's
"finding: RULE" markers) or format=json|sarif with file (GCC's JSON or
SARIF output, checked against the text output) and, for SARIF, ruleid (1:
the ruleId is the rule name; 0: GCC's own, the kind).  Prints one PASS: or
FAIL: line per check.
"""
import json
import os
import re
import sys
from urllib.parse import unquote, urlparse

IMMUTABLE_NOTE = "is immutable: mmap_prepare hooks may change only"
DIAG_RE = re.compile(r"^(.+?):(\d+):(\d+): (warning|error|note): (.*)$")
LABEL = ""


def report(good, what, detail=""):
    print("%s: %s: %s%s" % ("PASS" if good else "FAIL", LABEL, what,
                            "" if good or not detail else " (%s)" % detail))
    return good


def same_file(a, b):
    return a is not None and b is not None and \
        os.path.realpath(a) == os.path.realpath(b)


def markers_of(src):
    """Line number -> rule of each 'finding: RULE' marker in SRC."""
    markers = {}
    with open(src) as f:
        for n, line in enumerate(f, 1):
            m = re.search(r"finding: ([a-z-]+)", line)
            if m:
                markers[n] = m.group(1)
    return markers


def findings_of(text):
    """The warnings and errors of GCC's text output, each with its notes."""
    findings = []
    with open(text, errors="replace") as f:
        for line in f:
            m = DIAG_RE.match(line.rstrip("\n"))
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
    return findings


def check_text(src, kind, markers, findings):
    got = {(d["line"], d["rule"]) for d in findings
           if same_file(d["file"], src) and d["kind"] == kind}
    want = set(markers.items())
    report(got == want and len(findings) == len(markers),
           "text output has the %d marked findings as %ss ending in [RULE]"
           % (len(markers), kind),
           "text %s, markers %s" % (sorted((d["line"], d["kind"], d["rule"])
                                           for d in findings), sorted(want)))
    imm = [d for d in findings if d["rule"] == "mmap-prepare-immutable"]
    report(bool(imm) and all(any(IMMUTABLE_NOTE in n["msg"] for n in d["notes"])
                             for d in imm),
           "text output has the '%s' note" % IMMUTABLE_NOTE)


def no_dups(pairs):
    keys = [k for k, _ in pairs]
    dup = sorted({k for k in keys if keys.count(k) > 1})
    if dup:
        raise ValueError("duplicate key(s) %s" % ", ".join(dup))
    return dict(pairs)


def load(path):
    """PATH parsed as JSON without duplicate keys, or None."""
    name = os.path.basename(path)
    try:
        with open(path) as f:
            doc = json.load(f, object_pairs_hook=no_dups)
    except (OSError, ValueError) as e:
        report(False, "%s parses as JSON without duplicate keys" % name, str(e))
        return None
    report(True, "%s parses as JSON without duplicate keys" % name)
    return doc


class JsonView:
    """GCC's -fdiagnostics-format=json: a list of diagnostics."""
    where = "children"

    def __init__(self, doc):
        top = doc if isinstance(doc, list) else []
        self.results = [o for o in top if o.get("kind") != "note"]
        self.stray = [o for o in top if o.get("kind") == "note"]

    @staticmethod
    def loc_of(o):
        locs = o.get("locations") or [{}]
        c = locs[0].get("caret", {})
        return c.get("file"), c.get("line"), c.get("column")

    kind_of = staticmethod(lambda o: o.get("kind"))
    msg_of = staticmethod(lambda o: o.get("message"))
    rule_of = staticmethod(lambda o: None)

    def notes_of(self, o):
        return [(c.get("message"),) + self.loc_of(c) for c in o.get("children", [])
                if c.get("kind") == "note"]


class SarifView:
    """GCC's SARIF output: the results of the first run."""
    where = "relatedLocations"

    def __init__(self, doc):
        run = (doc.get("runs") or [{}])[0]
        self.bases = run.get("originalUriBaseIds", {})
        self.results = [o for o in run.get("results", []) if o.get("level") != "note"]
        self.stray = [o for o in run.get("results", []) if o.get("level") == "note"]

    def uri_path(self, al):
        uri = al.get("uri", "")
        base = al.get("uriBaseId")
        if base in self.bases:
            uri = self.bases[base].get("uri", "") + uri
        p = urlparse(uri)
        return unquote(p.path) if p.scheme in ("file", "") else None

    def phys(self, pl):
        r = pl.get("region", {})
        return self.uri_path(pl.get("artifactLocation", {})), r.get("startLine"), r.get("startColumn")

    def loc_of(self, o):
        locs = o.get("locations") or [{}]
        return self.phys(locs[0].get("physicalLocation", {}))

    kind_of = staticmethod(lambda o: o.get("level"))
    msg_of = staticmethod(lambda o: o.get("message", {}).get("text"))
    rule_of = staticmethod(lambda o: o.get("ruleId"))

    def notes_of(self, o):
        # GCC 15 adds the include chain as related locations without a message.
        return [(rl["message"].get("text"),) + self.phys(rl.get("physicalLocation", {}))
                for rl in o.get("relatedLocations", []) if "message" in rl]


def check_notes(tag, d, got, where):
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


def check_finding(args, view, d, markers):
    """One finding of the text output in the structured output VIEW."""
    kind, src = args["kind"], args["source"]
    tag = "%s:%d (%s)" % (os.path.basename(d["file"]), d["line"], d["rule"])
    match = [o for o in view.results if view.msg_of(o) == d["msg"]]
    if not report(len(match) == 1, "%s: the finding, message as in the text" % tag,
                  "%d results with message %r" % (len(match), d["msg"])):
        return
    o = match[0]
    report(view.kind_of(o) == kind, "%s: kind/level %s" % (tag, kind), "got %r" % view.kind_of(o))
    report(d["rule"] is not None and view.msg_of(o).endswith(" [%s]" % d["rule"]),
           "%s: message ends in [%s]" % (tag, d["rule"]))
    if args["format"] == "sarif":
        want = d["rule"] if args["ruleid"] == "1" else kind
        report(view.rule_of(o) == want, "%s: ruleId %r" % (tag, want), "got %r" % view.rule_of(o))
    f, l, c = view.loc_of(o)
    report(same_file(f, d["file"]) and (l, c) == (d["line"], d["col"]),
           "%s: location %s:%d:%d" % (tag, os.path.basename(d["file"]), d["line"], d["col"]),
           "got %s:%s:%s" % (f, l, c))
    report(markers.get(l) == d["rule"] and same_file(f, src),
           "%s: on the line finding.c marks with 'finding: %s'" % (tag, d["rule"]),
           "marker %r" % markers.get(l))
    check_notes(tag, d, view.notes_of(o), view.where)


def check_structured(args, markers, findings):
    doc = load(args["file"])
    if doc is None:
        return
    view = JsonView(doc) if args["format"] == "json" else SarifView(doc)
    report(len(view.results) == len(findings),
           "%d findings, as in the text output" % len(findings), "got %d" % len(view.results))
    report(not view.stray, "no note is a result of its own (notes are %s)" % view.where,
           "%d: %s" % (len(view.stray), "; ".join(str(view.msg_of(o))[:60] for o in view.stray[:3])))
    for d in findings:
        check_finding(args, view, d, markers)


def main(argv):
    global LABEL
    args = dict(a.split("=", 1) for a in argv)
    LABEL = args["label"]
    markers = markers_of(args["source"])
    findings = findings_of(args["text"])
    if args.get("mode") == "text":
        check_text(args["source"], args["kind"], markers, findings)
    elif not findings:
        report(False, "no findings in the text output to compare with")
    else:
        check_structured(args, markers, findings)


if __name__ == "__main__":
    main(sys.argv[1:])
