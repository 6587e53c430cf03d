#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Runs inside a fresh minbase chroot (check-package.sh): installs the .deb
# with apt (which pulls in the exact gcc-N it needs), uses it, purges it
# and checks that every file it installed is gone.
# Usage: in-chroot.sh /tmp/mmap-prepare_VERSION_ARCH.deb GCC_MAJOR
set -uo pipefail
deb=$1 major=$2
failed=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failed=1; }

apt-get update -qq || { echo "FAIL: apt-get update"; exit 1; }
# Nothing of GCC before: the package must bring its compiler itself.
if dpkg-query -W -f='${Status}' "gcc-$major" 2>/dev/null | grep -q 'ok installed'; then
	fail "the chroot is not fresh: gcc-$major already installed"
fi
apt-get install -y -qq --no-install-recommends "$deb" man-db >/tmp/install.log 2>&1 &&
	pass "apt-get install ./$(basename "$deb") (with its dependencies)" ||
	{ cat /tmp/install.log; fail "apt-get install"; exit 1; }
echo "INFO: installed gcc-$major $(dpkg-query -W -f='${Version}' "gcc-$major")"
dpkg -L mmap-prepare >/tmp/files
plugindir=$("gcc-$major" -print-file-name=plugin)
grep -qxF "$plugindir/mmap_prepare_plugin.so" /tmp/files &&
	pass "plugin in $plugindir" || fail "plugin not in $plugindir"

cat >/tmp/foo.c <<'EOF'
struct vm_area_desc;
struct file_operations { int (*mmap)(void *, void *); int (*mmap_prepare)(struct vm_area_desc *); };
static int a(void *f, void *v) { return 0; }
static int b(struct vm_area_desc *d) { return 0; }
const struct file_operations fops = { .mmap = a, .mmap_prepare = b };
EOF
"gcc-$major" -fplugin=mmap_prepare_plugin -c -o /tmp/foo.o /tmp/foo.c 2>/tmp/cc.log
grep -q '\[mmap-prepare-both-hooks\]' /tmp/cc.log &&
	pass "gcc-$major -fplugin=mmap_prepare_plugin (by name) reports" ||
	{ cat /tmp/cc.log; fail "the installed plugin does not report"; }
# The default gcc, as a kernel build calls it.
# Into a file, not a pipe: under pipefail, grep -q leaving at the first
# match can kill gcc with SIGPIPE and fail a run that worked (CI saw it).
gcc -fplugin=mmap_prepare_plugin -c -o /tmp/foo.o /tmp/foo.c 2>/tmp/cc-default.log
grep -q '\[mmap-prepare-both-hooks\]' /tmp/cc-default.log &&
	pass "gcc (the default) loads it by name" ||
	{ cat /tmp/cc-default.log; fail "gcc does not load it by name"; }
for page in mmap_prepare_plugin mmap-prepare-gate; do
	MANWIDTH=80 man --warnings "$page" >/tmp/man.txt 2>/tmp/man.err && [ ! -s /tmp/man.err ] &&
		grep -q '^NAME' /tmp/man.txt &&
		pass "man $page renders" || { cat /tmp/man.err; fail "man $page"; }
done
# The installed gate finds the installed plugin without --plugin.
found=$(python3 -c '
import importlib.machinery, importlib.util
loader = importlib.machinery.SourceFileLoader("gate", "/usr/bin/mmap-prepare-gate")
spec = importlib.util.spec_from_loader("gate", loader)
m = importlib.util.module_from_spec(spec); loader.exec_module(m)
print(m.default_plugin())')
[ "$found" = "$plugindir/mmap_prepare_plugin.so" ] &&
	pass "mmap-prepare-gate finds the plugin ($found)" || fail "gate's default plugin: $found"
mmap-prepare-gate --help >/dev/null && pass "mmap-prepare-gate --help" || fail "mmap-prepare-gate --help"

apt-get purge -y -qq mmap-prepare >/tmp/purge.log 2>&1 &&
	pass "apt-get purge mmap-prepare" || { cat /tmp/purge.log; fail "apt-get purge"; }
dpkg-query -W -f='${Status}' mmap-prepare 2>/dev/null | grep -q 'ok installed' &&
	fail "still installed after purge"
left=0
while read -r f; do
	# Directories shared with other packages (/usr/bin, GCC's plugin
	# directory) stay; any file or symlink left is a failure.
	if [ -e "$f" ] && [ ! -d "$f" ]; then
		echo "left behind: $f"
		left=1
	fi
done </tmp/files
[ -e /usr/share/doc/mmap-prepare ] && { echo "left behind: /usr/share/doc/mmap-prepare"; left=1; }
[ $left = 0 ] && pass "purge removed all $(wc -l </tmp/files) paths' files" || fail "files left after purge"
exit $failed
