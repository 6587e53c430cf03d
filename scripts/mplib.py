# SPDX-License-Identifier: GPL-2.0
"""The Python library of scripts/: what bench.py, bench-profile.py and
bench-scaling.py share (messages, the settings of scripts/lib.sh, running
and measuring commands, the kernel tree of the benchmark and its objects'
compile commands)."""
import hashlib
import os
import shlex
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
# Objects that cannot be built for x86_64 with an MMU (as build-objects.sh).
KNOWN_UNBUILT = {"fs/hostfs/hostfs_kern.o", "fs/ramfs/file-nommu.o",
                 "fs/romfs/mmap-nommu.o"}
PROG = os.path.basename(sys.argv[0]).rsplit(".", 1)[0]


def log(msg):
    print("%s: %s" % (PROG, msg), file=sys.stderr, flush=True)


def die(msg):
    log("error: " + msg)
    sys.exit(1)


def run(cmd, **kw):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, **kw)
    return r.returncode, r.stdout


def setting(name):
    """NAME's value as scripts/lib.sh sets it: the environment's, else the
    one default, which lives there only."""
    rc, out = run(["bash", "-c", '. "$1" && printf %s "${!2}"', "bash",
                   os.path.join(HERE, "lib.sh"), name])
    if rc:
        die("scripts/lib.sh does not load:\n" + out)
    return out


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:12]


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def pct(r, digits=2):
    return "%+.*f%%" % (digits, (r - 1) * 100)


def measure(argv, cwd, logf, check=True):
    """user+sys seconds and peak RSS (KiB) of ARGV's process tree."""
    logf.seek(0)
    logf.truncate()
    p = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                         stdout=logf, stderr=logf)
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if check and p.returncode:
        logf.seek(0)
        die("command failed (%d): %s\n%s" % (p.returncode, shlex.join(argv),
                                              logf.read()[-3000:]))
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def kernel_script(name, *args, env=None):
    """Runs scripts/kernel/NAME.sh; its output, or the end of it on failure."""
    rc, out = run([os.path.join(HERE, "kernel", name + ".sh")] + list(args), env=env)
    if rc:
        die("scripts/kernel/%s.sh failed:\n%s" % (name, out[-4000:]))
    return out


def prepare_tree(cc, kver, jobs):
    """Linux KVER configured in the benchmark's O= directory and its
    descriptor objects built with W=1, no plugin."""
    env = dict(os.environ)
    env.pop("KCFLAGS", None)
    ksrc = kernel_script("fetch", kver, env=env).strip().splitlines()[-1]
    outdir = os.path.join(setting("MP_CACHE"), "build", "bench-linux-%s-x86_64" % kver)
    log("configuring %s (cached after the first run)" % outdir)
    kernel_script("configure", ksrc, outdir, "CC=" + cc, env=env)
    objs = [o for o in kernel_script("objects", ksrc).split() if o not in KNOWN_UNBUILT]
    # W=1 and no plugin, exactly as a user's build; make rebuilds nothing
    # when the objects are up to date with this command line.
    log("building %d objects with W=1, no plugin (make -j%d; "
        "nothing to do when up to date)" % (len(objs), jobs))
    make = ["make", "-C", ksrc, "O=" + outdir, "-j%d" % jobs, "-k", "W=1",
            "CC=" + cc]
    rc, out = run(make + objs, env=env)
    built = [o for o in objs if os.path.exists(os.path.join(outdir, o))]
    if not built:
        die("no object built; make said:\n" + out[-4000:])
    for o in set(objs) - set(built):
        log("warning: %s was not built, left out" % o)
    return ksrc, outdir, built, make, env


def cmd_file(outdir, obj):
    """kbuild's record of OBJ's command line."""
    return os.path.join(outdir, os.path.dirname(obj), "." + os.path.basename(obj) + ".cmd")


def compile_cmd(outdir, obj):
    """The object's savedcmd_ line, split into arguments."""
    path = cmd_file(outdir, obj)
    with open(path) as f:
        for line in f:
            if line.startswith("savedcmd_"):
                cmd = line.split(":=", 1)[1].strip()
                break
        else:
            die("%s has no savedcmd_ line" % path)
    argv = shlex.split(cmd)
    for tok in (";", "&&", "||", "|"):
        if tok in argv:
            die("%s: compound command, not a single compile: %s" % (path, cmd))
    if "-DKBUILD_EXTRA_WARN1" not in argv:
        die("%s was not compiled with W=1" % obj)
    # Any plugin of ours a previous build put there goes.
    argv = [a for a in argv if not (a.startswith("-fplugin=") and "mmap_prepare" in a)
            and not a.startswith("-fplugin-arg-mmap_prepare")]
    return argv


def retarget(argv, tmp):
    """Output and dependency file into TMP; nothing in O= is written."""
    out = []
    it = iter(argv)
    for a in it:
        if a == "-o":
            next(it)
            out += ["-o", os.path.join(tmp, "out.o")]
        elif a.startswith("-Wp,-MMD,"):
            out.append("-Wp,-MMD," + os.path.join(tmp, "out.d"))
        else:
            out.append(a)
    return out


def with_plugin(argv, plugin):
    i = argv.index("-c")
    return argv[:i] + ["-fplugin=" + plugin] + argv[i:]
