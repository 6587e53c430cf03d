#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""browser-check.py HTML JSON [--screenshot PNG]

Opens the dashboard's HTML page in headless Chromium, with no network
(unshare -n: the page must be self-contained), and checks it against the
JSON summary written by the same run:
  - the DOM after the page's script ran: the class totals of #totals, the
    counts the page recounted from its hooks table (#dom-totals), and the
    chart's first bar (all hooks), segment by segment;
  - a screenshot: decoded here, it must show, in each colour of a class
    that has hooks, at least half the area of that class's segment of the
    chart's first bar (the bars were painted).
Prints one PASS/FAIL line per check; exit status 1 on any failure, 2 when
Chromium is missing."""
import argparse
import collections
import html.parser
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

CLASSES = ("convertible", "mapped", "blocked", "unknown")
COLOURS = {"convertible": (0x2e, 0x7d, 0x32), "mapped": (0x15, 0x65, 0xc0),
           "blocked": (0xc6, 0x28, 0x28), "unknown": (0x9e, 0x9e, 0x9e)}


def chromium():
    for c in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(c):
            return c
    return None


def run_browser(exe, args, profile):
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu",
           "--no-first-run", "--disable-extensions", "--disable-background-networking",
           f"--user-data-dir={profile}"] + args
    # No network at view time: a new network namespace has only loopback.
    if os.geteuid() == 0 and shutil.which("unshare"):
        cmd = ["unshare", "-n"] + cmd
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


class Dom(html.parser.HTMLParser):
    """Text of elements by id, and the chart's bar segments."""

    def __init__(self):
        super().__init__()
        self.text, self.stack, self.bars = {}, [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "rect" and a.get("class") == "bar":
            self.bars.append(a)
        if a.get("id"):
            self.stack.append((tag, a["id"]))
            self.text[a["id"]] = ""
        elif tag not in ("br", "meta", "rect"):
            self.stack.append((tag, None))

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        for _, i in self.stack:
            if i:
                self.text[i] += data


def png_colours(path):
    """How many pixels of each RGB colour an 8-bit RGB/RGBA, non-interlaced
    PNG has."""
    with open(path, "rb") as fh:
        data = fh.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, hdr = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            hdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, ctype, _, _, interlace = hdr
    if depth != 8 or ctype not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {ctype})")
    bpp = 3 if ctype == 2 else 4
    raw, stride = zlib.decompress(idat), w * bpp
    prev, colours, i = bytearray(stride), collections.Counter(), 0
    for _ in range(h):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        colours.update(bytes(line[x:x + 3]) for x in range(0, stride, bpp))
        prev = line
    return colours, w, h


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("html")
    ap.add_argument("json")
    ap.add_argument("--screenshot", help="keep the screenshot here")
    args = ap.parse_args()
    exe = chromium()
    if not exe:
        print("browser-check: error: chromium not installed (apt-get install chromium)",
              file=sys.stderr)
        return 2
    with open(args.json, encoding="utf-8") as fh:
        totals = json.load(fh)["totals"]
    url = "file://" + os.path.abspath(args.html)
    failed = 0

    def check(ok, what):
        nonlocal failed
        print(("PASS: " if ok else "FAIL: ") + what)
        failed += not ok

    with tempfile.TemporaryDirectory(prefix="mp-browser-") as tmp:
        r = run_browser(exe, ["--dump-dom", url], os.path.join(tmp, "p1"))
        check(r.returncode == 0 and "</html>" in r.stdout,
              f"chromium --dump-dom {os.path.basename(args.html)} (exit {r.returncode})")
        dom = Dom()
        dom.feed(r.stdout)
        for c in list(CLASSES) + ["total"]:
            got = dom.text.get(f"total-{c}", "").strip()
            check(got == str(totals[c]), f"DOM #total-{c} = {got!r}, JSON {totals[c]}")
        want = f"total={totals['total']} " + " ".join(f"{c}={totals[c]}" for c in CLASSES)
        got = dom.text.get("dom-totals", "").strip()
        check(got == want, f"page script recount {got!r} = JSON {want!r}")
        first = {b["data-class"]: int(b["data-count"]) for b in dom.bars if b.get("data-row") == "0"}
        check(all(first.get(c, 0) == totals[c] for c in CLASSES),
              f"chart bar 'all hooks' {first} matches the JSON totals")

        png = args.screenshot or os.path.join(tmp, "shot.png")
        r = run_browser(exe, [f"--screenshot={os.path.abspath(png)}",
                              "--window-size=1200,900", "--hide-scrollbars", url],
                        os.path.join(tmp, "p2"))
        ok = r.returncode == 0 and os.path.exists(png)
        check(ok, f"chromium --screenshot (exit {r.returncode})")
        if ok:
            colours, w, h = png_colours(png)
            # At least half the area of the first bar's segment ('all hooks',
            # always in view) in each class colour: the bars were painted.
            # The legend's squares (12x12, maybe out of view) cannot make it.
            need = [c for c in CLASSES if totals[c]]
            area = {b["data-class"]: float(b["width"]) * float(b["height"])
                    for b in dom.bars if b.get("data-row") == "0"}
            seen = {c: colours[bytes(COLOURS[c])] for c in need}
            want = {c: int(area.get(c, 0) / 2) for c in need}
            check(all(seen[c] >= max(want[c], 1) for c in need),
                  f"screenshot {w}x{h}: pixels of each class colour {seen} (want at least {want})")
    print(f"browser-check: {'FAIL' if failed else 'PASS'} ({failed} failed)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
