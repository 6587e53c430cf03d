#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Benchmark of the plugin on the real kernel units (issue 6).

The translation units are those of the real-kernel check: every object
scripts/kernel/objects.sh lists for Linux $MP_KVER (default 7.2) that builds on
x86_64.  They are built once, without the plugin and with W=1, in a private
O= directory ($MP_CACHE/build/bench-linux-VER-x86_64, configured by
scripts/kernel/configure.sh).  Each object's exact compile command is then
taken from its kbuild .cmd file (savedcmd_ line) and re-run in that
directory with its output sent to a temporary file, as four variants:

  plain   the W=1 command as kbuild ran it
  plugin  the same plus -fplugin=PLUGIN (what a user's KCFLAGS adds)
  null    the same plus -fplugin=NULL_PLUGIN (a plugin that does nothing:
          the floor, the price of -fplugin itself)
  sparse  the command `make C=1` runs for the object (sparse with kbuild's
          CHECKFLAGS and the object's c_flags), taken once from
          `make V=1 C=2`: the reference users know

Rounds (default 7): in every round each object runs all variants back to back, the
order reversed every other round (plain plugin null sparse, then sparse
null plugin plain, ...), so plain and plugin are always adjacent and the
machine's drift cancels in the per-round ratios.  CPU time is user+sys of
the child process tree (os.wait4 rusage: gcc, cc1, as), peak RSS its
largest process (cc1).  Per object: the median over rounds of each ratio;
overall: the median of those per-object medians, and the ratio of the
summed per-object median times.

Then runs scripts/bench-scaling.py (generated units of 1k/10k/100k functions).

This is a measurement, not a test: nothing asserts on timings; the budget
line only says whether the figures are within it.

Usage: scripts/bench.py [--rounds N] [--objects a.o,b.o] [--no-sparse]
                     [--no-null] [--no-scaling] [--json FILE] [--summary-only]
Environment: CC (default gcc), PLUGIN (the per-GCC build), NULL_PLUGIN,
  MP_CACHE, MP_KVER, MP_JOBS, SPARSE (default: scripts/bench-sparse-setup.sh).
"""
import argparse
import json
import os
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from mplib import (TOP, compile_cmd, cmd_file, die, log, measure, med, pct,
                   prepare_tree, retarget, run, setting, sha, with_plugin)

BUDGET_CPU = 1.0      # percent, median per-TU overhead
AIM_CPU = 0.5
BUDGET_RSS = 1.0      # percent


def machine():
    info = {}
    rc, out = run(["lscpu"])
    for line in out.splitlines():
        k, _, v = line.partition(":")
        if k.strip() in ("Model name", "CPU(s)", "CPU family", "Model",
                         "Hypervisor vendor"):
            info[k.strip()] = v.strip()
    with open("/proc/meminfo") as f:
        kb = int(f.readline().split()[1])
    info["Memory"] = "%.1f GiB" % (kb / 1048576)
    rc, out = run([os.environ.get("CC", "gcc"), "--version"])
    info["Compiler"] = out.splitlines()[0] if out else "?"
    return info


def loadavg():
    return "%.2f %.2f %.2f" % os.getloadavg()


# ---- the sparse commands ------------------------------------------------

def sparse_cmds(make, env, ksrc, outdir, objs, sparse):
    """Per object, the checker command kbuild runs for C=1 (from V=1 C=2)."""
    cache = os.path.join(outdir, ".mp-bench-sparse.json")
    key = {"sparse": sparse, "sparse_sha": sha(sparse), "objs": objs,
           "cmds_mtime": [os.path.getmtime(cmd_file(outdir, o)) for o in objs]}
    try:
        with open(cache) as f:
            c = json.load(f)
        if c["key"] == key:
            return c["cmds"]
    except (OSError, ValueError, KeyError):
        pass
    log("deriving the sparse commands (make V=1 C=2, once)")
    rc, out = run(make + ["C=2", "V=1", "CHECK=" + sparse] + objs, env=env)
    bysrc = {}
    for line in out.splitlines():
        s = line.strip()
        if s.startswith(sparse + " "):
            argv = shlex.split(s)
            bysrc[argv[-1]] = argv
    cmds = {}
    for o in objs:
        src = os.path.join(ksrc, o[:-2] + ".c")
        if src not in bysrc:
            die("make V=1 C=2 printed no sparse command for %s:\n%s" % (o, out[-3000:]))
        cmds[o] = bysrc[src]
    with open(cache, "w") as f:
        json.dump({"key": key, "cmds": cmds}, f)
    return cmds


# ---- measuring -----------------------------------------------------------

def sparse_version(sparse):
    """Debian version bench-sparse-setup recorded, else sparse --version."""
    try:
        with open(os.path.join(os.path.dirname(os.path.dirname(sparse)), "debversion")) as f:
            return f.read().strip()
    except OSError:
        return run([sparse, "--version"])[1].strip()


def pair_ratios(samples, o, v, base, idx):
    s = samples[o]
    return [a[idx] / b[idx] for a, b in zip(s[v], s[base])]


def bootstrap_ci(samples, objs, v, base, idx, n=1000):
    """95% interval of the median of per-object medians under measurement
    noise: each object's pair ratios resampled with replacement."""
    rng = random.Random(6)
    per = [pair_ratios(samples, o, v, base, idx) for o in objs]
    stats = []
    for _ in range(n):
        stats.append(statistics.median(
            statistics.median(rng.choices(r, k=len(r))) for r in per))
    stats.sort()
    return stats[int(0.025 * n)], stats[int(0.975 * n) - 1]


def quartiles(xs):
    if len(xs) < 4:
        return min(xs), max(xs)
    q = statistics.quantiles(xs, n=4)
    return q[0], q[2]


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", 7)),
                    help="A/B rounds per object (default 7: one compile's CPU time moves by 2 to 4 %% here; more pairs narrow the 95 %% interval the report prints; at least 5 for a figure to quote)")
    ap.add_argument("--objects", help="comma-separated subset of the objects")
    ap.add_argument("--no-sparse", action="store_true")
    ap.add_argument("--no-null", action="store_true")
    ap.add_argument("--no-scaling", action="store_true")
    ap.add_argument("--summary-only", action="store_true", help="leave out the per-object table")
    ap.add_argument("--json", help="write every sample and the summary to this file "
                    "(default $MP_CACHE/logs/bench-DATE.json)")
    args = ap.parse_args()
    if not args.json:
        logdir = os.path.join(setting("MP_CACHE"), "logs")
        os.makedirs(logdir, exist_ok=True)
        args.json = os.path.join(logdir, time.strftime("bench-%Y%m%d-%H%M%S.json"))
    if args.rounds < 5:
        log("warning: %d rounds; quote figures from at least 5" % args.rounds)
    return args


def tools(args, tmp, plugin_src, null_src):
    """Private copies of the plugins (`make` elsewhere replaces the plugin in
    place) and the sparse binary: plugin, null plugin, sparse (None when
    left out)."""
    os.mkdir(os.path.join(tmp, "p"))
    plugin = os.path.join(tmp, "p", "mmap_prepare_plugin.so")
    shutil.copy2(plugin_src, plugin)
    null = None
    if not args.no_null:
        null = os.path.join(tmp, "p", "null_plugin.so")
        shutil.copy2(null_src, null)
    sparse = None
    if not args.no_sparse:
        sparse = os.environ.get("SPARSE")
        if not sparse:
            rc, out = run([os.path.join(TOP, "scripts/bench-sparse-setup.sh")])
            if rc:
                die("scripts/bench-sparse-setup.sh failed:\n" + out[-3000:])
            sparse = out.strip().splitlines()[-1]
    return plugin, null, sparse


def variant_cmds(objs, outdir, tmp, plugin, null, scmds):
    """Per object, the command line of each variant."""
    cmds = {}
    for o in objs:
        base = retarget(compile_cmd(outdir, o), tmp)
        cmds[o] = {"plain": base, "plugin": with_plugin(base, plugin)}
        if null:
            cmds[o]["null"] = with_plugin(base, null)
        if o in scmds:
            cmds[o]["sparse"] = scmds[o]
    return cmds


def rounds(objs, variants, cmds, outdir, tmp, n):
    """N rounds of every variant of every object: samples, load averages."""
    samples = {o: {v: [] for v in variants} for o in objs}
    loads = []
    with open(os.path.join(tmp, "out.log"), "w+") as logf:
        # Warm the page cache (sources, headers, cc1) so round 1 is not special.
        log("warm-up: one plain compile per object")
        for o in objs:
            measure(cmds[o]["plain"], outdir, logf)
        log("%d objects x %d rounds x %s" % (len(objs), n, "/".join(variants)))
        for r in range(n):
            order = variants if r % 2 == 0 else variants[::-1]
            t0 = time.time()
            for o in objs:
                for v in order:
                    cpu, rss = measure(cmds[o][v], outdir, logf, check=(v != "sparse"))
                    samples[o][v].append((cpu, rss))
            loads.append(loadavg())
            log("round %d/%d: %.0f s, load %s" % (r + 1, n, time.time() - t0, loads[-1]))
    return samples, loads


def scaling(cc, plugin):
    print()
    sys.stdout.flush()
    t0 = time.time()
    rc = subprocess.call([os.path.join(TOP, "scripts/bench-scaling.py")],
                         env=dict(os.environ, CC=cc, PLUGIN=plugin))
    if rc:
        die("scripts/bench-scaling.py failed")
    log("scaling: %.0f s" % (time.time() - t0))


def print_machine(mach, t_start):
    print()
    print("machine: %s (family %s model %s), %s CPUs%s, %s; %s" % (
        mach.get("Model name", "?"), mach.get("CPU family", "?"), mach.get("Model", "?"),
        mach.get("CPU(s)", "?"),
        " (%s guest)" % mach["Hypervisor vendor"] if "Hypervisor vendor" in mach else "",
        mach["Memory"], mach["Compiler"]))
    print("total bench time %.0f s, load average at the end %s" % (time.time() - t_start, loadavg()))


def main():
    args = parse_args()
    t_start = time.time()
    cc = os.environ.get("CC", "gcc")
    kver = os.environ.get("MP_KVER", "7.2")
    jobs = int(os.environ.get("MP_JOBS", os.cpu_count() or 1))
    plugin_src = os.environ.get("PLUGIN") or os.path.join(TOP, "build/mmap_prepare_plugin.so")
    null_src = os.environ.get("NULL_PLUGIN")
    if not os.path.isfile(plugin_src):
        die("plugin %s not found (make)" % plugin_src)
    if not args.no_null and not (null_src and os.path.isfile(null_src)):
        die("NULL_PLUGIN not set or missing (make bench builds it)")

    mach = machine()
    load0 = loadavg()
    log("load average at start: " + load0)
    tmp = tempfile.mkdtemp(prefix="mp-bench.")
    try:
        plugin, null, sparse = tools(args, tmp, plugin_src, null_src)
        ksrc, outdir, objs, make, env = prepare_tree(cc, kver, jobs)
        # Derived (and cached) for the whole set, whatever subset runs.
        scmds = sparse_cmds(make, env, ksrc, outdir, objs, sparse) if sparse else {}
        if args.objects:
            want = args.objects.split(",")
            missing = [o for o in want if o not in objs]
            if missing:
                die("not among the built objects: " + " ".join(missing))
            objs = want
        variants = ["plain", "plugin"] + ([] if args.no_null else ["null"]) + \
                   ([] if args.no_sparse else ["sparse"])
        cmds = variant_cmds(objs, outdir, tmp, plugin, null, scmds)
        samples, loads = rounds(objs, variants, cmds, outdir, tmp, args.rounds)
        report(args, kver, objs, variants, samples, per_tu(objs, variants, samples),
               sparse, plugin_src, sha(plugin), mach, load0, loads)
        if not args.no_scaling:
            scaling(cc, plugin)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print_machine(mach, t_start)


def per_tu(objs, variants, samples):
    per = {}
    for o in objs:
        s = samples[o]
        d = {"plain_cpu": med([c for c, _ in s["plain"]]),
             "plain_rss": med([m for _, m in s["plain"]])}
        for v in variants[1:]:
            d[v + "_cpu"] = med([c for c, _ in s[v]])
            d[v + "_rss"] = med([m for _, m in s[v]])
            d[v + "_cpu_ratio"] = med([a[0] / b[0] for a, b in zip(s[v], s["plain"])])
            d[v + "_rss_ratio"] = med([a[1] / b[1] for a, b in zip(s[v], s["plain"])])
        if "null" in s:
            # The plugin's own cost over the floor: same round, adjacent runs.
            d["plugin_null_cpu_ratio"] = med([a[0] / b[0] for a, b in zip(s["plugin"], s["null"])])
            d["plugin_null_rss_ratio"] = med([a[1] / b[1] for a, b in zip(s["plugin"], s["null"])])
            d["plugin_null_cpu"], d["plugin_null_rss"] = d["plugin_cpu"], d["plugin_rss"]
        per[o] = d
    return per


def print_per_object(objs, others, per):
    heads = {"plugin": "plugin", "null": "null", "sparse": "C=1"}
    print("CPU time of the plain compile, and what each variant adds (median over rounds);"
          " C=1 adds the sparse run to the compile")
    hdr = "%-34s %8s" % ("object", "plain s") + "".join(
        " %9s" % heads[v] for v in others) + " %8s %10s" % ("RSS MiB", "RSS plugin")
    print(hdr)
    for o in objs:
        d = per[o]
        print("%-34s %8.3f" % (o, d["plain_cpu"]) + "".join(
            " %9s" % pct(d[v + "_cpu_ratio"] + (1 if v == "sparse" else 0)) for v in others) +
            " %8.1f %10s" % (d["plain_rss"] / 1024, pct(d["plugin_rss_ratio"])))
    print()


def summarize(samples, objs, others, per):
    summary = {}
    for v in others + (["plugin_null"] if "null" in others else []):
        base = "null" if v == "plugin_null" else "plain"
        for kind in ("cpu", "rss"):
            ratios = [per[o]["%s_%s_ratio" % (v, kind)] for o in objs]
            summed = sum(per[o]["%s_%s" % (v, kind)] for o in objs) / \
                sum(per[o]["%s_%s" % (base, kind)] for o in objs)
            q1, q3 = quartiles(ratios)
            lo, hi = bootstrap_ci(samples, objs, "plugin" if v == "plugin_null" else v,
                                  base, 0 if kind == "cpu" else 1)
            summary["%s_%s" % (v, kind)] = {"median": med(ratios), "summed": summed,
                                            "q1": q1, "q3": q3, "ci95": [lo, hi],
                                            "max": max(ratios), "min": min(ratios)}
    return summary


def print_summary(args, kver, objs, per, summary, sparse):
    plain_total = sum(per[o]["plain_cpu"] for o in objs)
    print("Linux %s, %d objects (W=1 command lines), %d rounds; plain compile: %.1f s CPU in all"
          % (kver, len(objs), args.rounds, plain_total))
    print("%-30s %10s %19s %10s %21s %9s" % ("", "median/TU", "95% interval", "summed",
                                             "per-TU quartiles", "max/TU"))
    rows = [("plugin / plain, CPU", "plugin_cpu"), ("null plugin / plain, CPU", "null_cpu"),
            ("plugin / null plugin, CPU", "plugin_null_cpu"),
            ("C=1 (sparse + plain) / plain", "sparse_cpu"), ("plugin / plain, peak RSS", "plugin_rss"),
            ("null plugin / plain, peak RSS", "null_rss")]
    for label, k in rows:
        if k not in summary:
            continue
        s = summary[k]
        # sparse runs besides the compiler: C=1 costs plain + sparse.
        f = (lambda r: pct(1 + r)) if k == "sparse_cpu" else pct
        print("%-30s %10s %9s..%-9s %10s %10s..%-9s %9s" % (
            label, f(s["median"]), f(s["ci95"][0]), f(s["ci95"][1]), f(s["summed"]),
            f(s["q1"]), f(s["q3"]), f(s["max"])))
    if "sparse_cpu" in summary:
        print("(sparse %s, run as kbuild's C=1 runs it, costs x%.2f of the plain compile's CPU)"
              % (sparse_version(sparse), summary["sparse_cpu"]["summed"]))


def print_budget(summary):
    cpu = (summary["plugin_cpu"]["median"] - 1) * 100
    rss = (summary["plugin_rss"]["median"] - 1) * 100
    verdict_cpu = "within budget" if cpu <= BUDGET_CPU else "OVER BUDGET"
    if cpu <= AIM_CPU:
        verdict_cpu += ", within the 0.5% aim"
    verdict_rss = "within budget" if rss <= BUDGET_RSS else "OVER BUDGET"
    print("budget: CPU overhead %+.2f%% (limit +%.1f%%): %s; peak RSS %+.2f%% (limit +%.1f%%): %s"
          % (cpu, BUDGET_CPU, verdict_cpu, rss, BUDGET_RSS, verdict_rss))
    lo, hi = summary["plugin_cpu"]["ci95"]
    if lo <= 1 + BUDGET_CPU / 100 < hi:
        print("        (the CPU budget lies inside the 95%% interval %s..%s: this run cannot "
              "tell; rerun on a quieter machine or with more --rounds)" % (pct(lo), pct(hi)))


def report(args, kver, objs, variants, samples, per, sparse, plugin_src, plugin_sha,
           mach, load0, loads):
    others = variants[1:]
    if not args.summary_only:
        print_per_object(objs, others, per)
    summary = summarize(samples, objs, others, per)
    print_summary(args, kver, objs, per, summary, sparse)
    print_budget(summary)
    load1 = loadavg()
    print("plugin %s (sha256 %s), load average: start %s, per round %s, end %s"
          % (plugin_src, plugin_sha, load0, ", ".join(l.split()[0] for l in loads), load1))
    sys.stdout.flush()

    if args.json:
        with open(args.json, "w") as f:
            json.dump({"machine": mach, "kernel": kver, "objects": objs,
                       "rounds": args.rounds, "samples": samples, "per_tu": per,
                       "summary": summary, "load": {"start": load0, "rounds": loads,
                                                    "end": load1},
                       "plugin_sha256": plugin_sha}, f, indent=1)
        print("samples and summary: " + args.json)


if __name__ == "__main__":
    main()
