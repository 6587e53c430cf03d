#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Scaling benchmark: generated units with 1k, 10k and 100k functions, each
with descriptor stores, derived pointers, a helper call and an ops
initializer.  Per size it reports the whole compile's CPU time without and
with the plugin (alternating pairs, medians, no -ftime-report: that report
reads the clock with a system call around every plugin callback and
doubles the compile here), and the plugin's own time from the self-timing
build (SELFTIME_PLUGIN, bench/self_time.c), then the growth exponent of
each fitted on a log-log scale: it must be close to 1 (linear).

Usage: scripts/bench-scaling.py [SIZES...]
Environment: CC, PLUGIN, SELFTIME_PLUGIN (both built by 'make bench'),
  BENCH_OPT (default -O0: the plugin does the same work at every level),
  SCALING_PAIRS (plain/plugin pairs per size, default 3; 1 above 20k
  functions, where one compile takes minutes and the noise is relatively
  smaller).
"""
import math
import os
import re
import statistics
import sys
import tempfile

import mplib

HEADER = '#include "mp-ops.h"\nextern const struct vm_operations_struct bench_ops;\n' \
         'void bench_sink(unsigned long *p);\n'

FUNC = '''
static int f{i}(struct vm_area_desc *d)
{{
	unsigned long *p = &d->pgoff;
	struct vm_area_desc *alias = d;

	*p = {i};
	alias->vm_ops = &bench_ops;
	d->private_data = (void *)(unsigned long){i};
	if (d->pgoff > {i})
		d->page_prot.pgprot |= 1;
	bench_sink(&d->pgoff);
	return d->start > d->end;
}}
static const struct file_operations fops{i} = {{ .mmap_prepare = f{i} }};
const struct file_operations *get{i}(void) {{ return &fops{i}; }}
'''


def generate(path, n):
    with open(path, "w") as f:
        f.write(HEADER)
        for i in range(n):
            f.write(FUNC.format(i=i))


def timed_compile(cc, src, inc, opt, plugin):
    """CPU seconds of one compile (mplib.measure) and what it printed."""
    cmd = [cc, "-c", opt, "-I", inc, "-o", "/dev/null", src]
    if plugin:
        cmd.insert(1, "-fplugin=" + plugin)
    with tempfile.TemporaryFile(mode="w+") as log:
        cpu, _ = mplib.measure(cmd, None, log)
        log.seek(0)
        return cpu, log.read()


def self_time(out):
    m = re.search(r"mmap_prepare self-time: ([\d.]+) s in (\d+) entries of ([\d.]+) s", out)
    if not m:
        sys.exit("the self-timing plugin printed no self-time line:\n" + out[-2000:])
    return float(m.group(1)), float(m.group(3))


def fit_exponent(sizes, times):
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-9)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    num = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    den = sum((x - mx) ** 2 for x in xs)
    return num / den


def main():
    top = mplib.TOP
    cc = os.environ.get("CC", "gcc")
    plugin = os.environ.get("PLUGIN", os.path.join(top, "plugin", "mmap_prepare_plugin.so"))
    selftime = os.environ.get("SELFTIME_PLUGIN")
    if not selftime or not os.path.exists(selftime):
        sys.exit("SELFTIME_PLUGIN must name the self-timing build (make bench builds it)")
    opt = os.environ.get("BENCH_OPT", "-O0")
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000, 100000]
    inc = os.path.join(top, "testsuite", "include")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            src = os.path.join(tmp, "gen%d.c" % n)
            generate(src, n)
            pairs = int(os.environ.get("SCALING_PAIRS", "3" if n <= 20000 else "1"))
            plain, withp = [], []
            for i in range(pairs):
                order = (None, plugin) if i % 2 == 0 else (plugin, None)
                for variant in order:
                    t, _ = timed_compile(cc, src, inc, opt, variant)
                    (withp if variant else plain).append(t)
            _, out = timed_compile(cc, src, inc, opt, selftime)
            own, since_load = self_time(out)
            rows.append((n, statistics.median(plain), statistics.median(withp), own, since_load, pairs))
            print("bench-scaling: %d functions done" % n, file=sys.stderr, flush=True)
    print("scaling (%s %s): CPU time of the whole compile without and with the plugin"
          " (median of the pairs), the plugin's own time (self-timing build)" % (cc, opt))
    print("%10s %6s %10s %10s %9s %10s %12s %11s" % ("functions", "pairs", "plain s", "plugin s",
                                                   "ratio", "own s", "own us/func",
                                                   "own share"))
    for n, plain, withp, own, since_load, pairs in rows:
        print("%10d %6d %10.2f %10.2f %+8.2f%% %10.4f %12.2f %10.2f%%" % (
            n, pairs, plain, withp, (withp / plain - 1) * 100, own, own / n * 1e6,
            own / since_load * 100))
    k = fit_exponent([r[0] for r in rows], [r[3] for r in rows])
    print("fitted growth exponent of the plugin's own time: %.2f (1.00 = linear)" % k)
    k_total = fit_exponent([r[0] for r in rows], [r[2] for r in rows])
    k_plain = fit_exponent([r[0] for r in rows], [r[1] for r in rows])
    print("fitted growth exponent of the whole compile: %.2f with the plugin, %.2f without"
          % (k_total, k_plain))


if __name__ == "__main__":
    main()
