# SPDX-License-Identifier: GPL-2.0
#
# mmap_prepare checker: a GCC plugin for the Linux kernel.
#
#   make              build build/mmap_prepare_plugin.so for $(CC)
#   make run          build, then compile examples/ and show the findings
#   make check        build, then run the DejaGnu testsuite
#   make CC=gcc-11    the same for another GCC (CXX follows: g++-11)

CC		?= gcc
ifeq ($(origin CC),default)
CC		:= gcc
endif
GCC_MAJOR	:= $(shell $(CC) -dumpversion 2>/dev/null | cut -d. -f1)
GCC_TRIPLET	:= $(shell $(CC) -dumpmachine 2>/dev/null)
PLUGIN_DIR	:= $(shell $(CC) -print-file-name=plugin 2>/dev/null)
# The machine cc1, and so the plugin, runs on.  Not DEB_HOST_GNU_TYPE:
# dpkg-architecture takes that from $CC in the environment, which make
# exports to sub-makes and recipes (aarch64-linux-gnu-gcc-12 -> aarch64).
HOST_TRIPLET	:= $(shell dpkg-architecture -qDEB_BUILD_GNU_TYPE 2>/dev/null || gcc -dumpmachine)
# The C++ compiler that builds the plugin: gcc-12 -> g++-12; for a cross
# compiler (its cc1 runs here) this machine's g++ of the same release.
ifeq ($(origin CXX),default)
ifeq ($(GCC_TRIPLET),$(HOST_TRIPLET))
CXX		:= $(shell echo '$(CC)' | sed 's/gcc\(-[0-9]*\)\?$$/g++\1/')
else
CXX		:= g++-$(GCC_MAJOR)
endif
endif
ifeq ($(GCC_TRIPLET),$(HOST_TRIPLET))
PLUGIN_PKG	:= gcc-$(GCC_MAJOR)-plugin-dev
else
PLUGIN_PKG	:= gcc-$(GCC_MAJOR)-plugin-dev-$(GCC_TRIPLET)
endif

PLUGIN		:= build/mmap_prepare_plugin.so
SRCS		:= $(wildcard plugin/*.c)
SANITIZE	?=
BUILD		:= build/gcc-$(GCC_MAJOR)$(if $(filter-out $(HOST_TRIPLET),$(GCC_TRIPLET)),-$(GCC_TRIPLET))$(if $(filter 1,$(SANITIZE)),-asan)
OBJS		:= $(SRCS:plugin/%.c=$(BUILD)/%.o)

# Plugin sources are C in .c files, compiled as C++ like the kernel's own.
# -Wno-narrowing and -Wno-format-diag: GCC's own headers and its
# diagnostic-format checker (which wants GCC's internal style) trip them.
# -Wno-missing-field-initializers: kernel style leaves members out of
# designated initializers (they are zero); g++ before 14 warns even then.
# -MMD -MP: each object depends on the headers it really includes.
PLUGIN_CXXFLAGS	:= -I include -I $(PLUGIN_DIR)/include -fPIC -std=gnu++14 \
		   -fno-rtti -fno-exceptions -fasynchronous-unwind-tables \
		   -O2 -g -Wall -Wextra -Wno-narrowing -Wno-format-diag \
		   -Wno-missing-field-initializers \
		   -fvisibility=hidden -DMP_PLUGIN_VERSION='"1.0"' -MMD -MP -x c++
# What the plugin costs in resident memory is mostly the dynamic linker's
# work at dlopen (RTLD_NOW): every symbol the plugin imports or exports is
# looked up in cc1's symbol tables (2 MB here), touching their pages.  So
# the plugin exports only plugin_init and plugin_is_GPL_compatible (hidden
# visibility; __visible marks those two), and libstdc++ and libgcc are
# linked in statically with their symbols hidden: cc1 carries its own
# copy and does not load the shared libstdc++, which would otherwise cost
# about 2 MB per compile.  docs/performance.md has the measurements.
# --build-id: the plugin's identity for -fplugin-arg-mmap_prepare_plugin-id
# (compiler caches; docs/caches-and-distributed-builds.md).
PLUGIN_LDFLAGS	:= -shared -static-libstdc++ -static-libgcc -Wl,--exclude-libs,ALL \
		   -Wl,--build-id=sha1
ifeq ($(SANITIZE),1)
PLUGIN_CXXFLAGS	+= -fsanitize=address,undefined -fno-omit-frame-pointer
PLUGIN_LDFLAGS	+= -fsanitize=address,undefined
endif

.PHONY: print-plugin all deps check check-mutants fuzz valgrind run install clean plugin-headers

ifeq ($(SANITIZE),1)
# A sanitized plugin needs its runtimes preloaded into cc1; it never
# replaces build/mmap_prepare_plugin.so.
all: $(BUILD)/mmap_prepare_plugin.so
export MP_PRELOAD := $(shell $(CXX) -print-file-name=libasan.so) $(shell $(CXX) -print-file-name=libubsan.so)
export ASAN_OPTIONS := detect_leaks=0:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS := print_stacktrace=1:halt_on_error=1
else
all: $(PLUGIN)
endif

# One clear line instead of a wall of missing-header errors.
plugin-headers:
	@if [ -z "$(GCC_MAJOR)" ]; then \
		echo "error: '$(CC)' not found; install it (apt-get install $(CC))" >&2; exit 1; \
	fi
	@if [ ! -f "$(PLUGIN_DIR)/include/gcc-plugin.h" ]; then \
		echo "error: GCC $(GCC_MAJOR) plugin headers missing: apt-get install $(PLUGIN_PKG)" >&2; exit 1; \
	fi
	@if ! command -v $(CXX) >/dev/null; then \
		echo "error: '$(CXX)' (C++ compiler matching $(CC)) not found: apt-get install $(CXX)" >&2; exit 1; \
	fi

$(BUILD)/%.o: plugin/%.c Makefile | plugin-headers
	@mkdir -p $(BUILD)
	$(CXX) $(PLUGIN_CXXFLAGS) -c -o $@ $<

$(BUILD)/mmap_prepare_plugin.so: $(OBJS)
	$(CXX) $(PLUGIN_LDFLAGS) -o $@ $(OBJS)

# The plugin for $(CC) is always at the same path; it is relinked when
# CC changes because the build directory differs per GCC.
$(PLUGIN): $(BUILD)/mmap_prepare_plugin.so FORCE
	@cmp -s $< $@ || cp $< $@

FORCE:

# The per-GCC plugin, asked of a fresh make: when deps has just installed
# $(CC), this make's own view of it (parsed before) is empty.
PLUGIN_NOW	= $$($(MAKE) -s --no-print-directory print-plugin)

print-plugin:
	@echo '$(CURDIR)/$(BUILD)/mmap_prepare_plugin.so'

# Installs what the two README commands need (Debian), or says how.
deps:
	@CC='$(CC)' CXX='$(CXX)' NEED_DEJAGNU=$(NEED_DEJAGNU) NEED_ICECC=$(NEED_ICECC) scripts/install-deps.sh

run: NEED_DEJAGNU := 0
run: deps
	@$(MAKE) --no-print-directory all
	@CC='$(CC)' PLUGIN="$(PLUGIN_NOW)" scripts/run-examples.sh

check: NEED_DEJAGNU := 1
check: deps
	@$(MAKE) --no-print-directory all
	@CC='$(CC)' PLUGIN="$(PLUGIN_NOW)" testsuite/rules/check-rule-lists.py
	@CC='$(CC)' PLUGIN="$(PLUGIN_NOW)" testsuite/rules/check-records.sh
	@CC='$(CC)' PLUGIN="$(PLUGIN_NOW)" testsuite/fixits/run.sh
	@CC='$(CC)' PLUGIN="$(PLUGIN_NOW)" testsuite/conversion/check.py
	@$(if $(filter 1,$(SANITIZE)),true,CC='$(CC)' PLUGIN="$(PLUGIN_NOW)" testsuite/gate/run-tests.sh)
	@$(if $(filter 1,$(SANITIZE)),true,$(TOOLCHAIN_ENV) testsuite/toolchain/ccache-check.sh)
	@CC='$(CC)' PLUGIN="$(PLUGIN_NOW)" scripts/fuzz.py --programs 8 --seed 1
	@$(if $(filter 1,$(SANITIZE)),true,CC='$(CC)' PLUGIN="$(PLUGIN_NOW)" testsuite/packaging/run-tests.sh)
	@CC='$(CC)' PLUGIN="$(PLUGIN_NOW)" scripts/run-testsuite.sh
	@testsuite/conversion/run-tests.py

TOOLCHAIN_ENV	= CC='$(CC)' CXX='$(CXX)' PLUGIN="$(PLUGIN_NOW)" PLUGIN_LDFLAGS='$(PLUGIN_LDFLAGS)'

# The plugin's GNU build id, for -fplugin-arg-mmap_prepare_plugin-id=.
.PHONY: print-plugin-id
# Only the id goes to stdout: $$(make -s print-plugin-id).
print-plugin-id:
	@$(MAKE) -s --no-print-directory all >&2
	@readelf -n $(PLUGIN) | sed -n 's/^ *Build ID: //p'

# icecream (scheduler and two daemons on loopback in a private network
# namespace) compiling real 7.2 kernel objects remotely with the plugin;
# also distcc's refusal; testsuite/toolchain/distributed-check.sh and
# docs/caches-and-distributed-builds.md.  Root; about 2 minutes (3.5 the
# first time, which configures a copy of the tree in $MP_CACHE).
.PHONY: check-distributed
check-distributed: NEED_DEJAGNU := 0
check-distributed: NEED_ICECC := 1
check-distributed: deps
	@$(MAKE) --no-print-directory all
	@$(TOOLCHAIN_ENV) testsuite/toolchain/distributed-check.sh

# Reproducible fuzzing (csmith programs and testsuite mutants): N each.
N		?= 200
SEED		?= 1
fuzz: NEED_DEJAGNU := 1
fuzz: deps all
	@CC='$(CC)' PLUGIN="$(PLUGIN_NOW)" scripts/fuzz.py --programs $(N) --seed $(SEED)

# Valgrind memcheck on cc1 with the plugin over a sample of the tests.
valgrind: deps all
	@CC='$(CC)' PLUGIN="$(PLUGIN_NOW)" scripts/valgrind-check.sh

# Benchmark, not a test (nothing asserts on timings): compile time and peak
# RSS on the real kernel units against a plain compile, a do-nothing plugin
# (bench/null_plugin.c, built with the plugin's flags) and sparse, then the
# scaling run.  Extra options: make bench BENCH_ARGS='--rounds 9 --summary-only'.
# bench-profile counts instructions (callgrind) on a sample of the same
# units and says where the plugin's share goes.  See docs/performance.md.
.PHONY: bench bench-profile bench-plugins
bench bench-profile: NEED_DEJAGNU := 0
# The benchmark's own builds: the null plugin, and for the scaling run the
# plugin's own objects linked with bench/self_time.c, which times every
# callback the plugin registers (-Wl,--wrap=register_callback) and its pass.
SELFTIME_OBJS := $(BUILD)/bench/self_time.o
$(BUILD)/bench/self_time.o: bench/self_time.c Makefile | plugin-headers
	@mkdir -p $(dir $@)
	$(CXX) $(PLUGIN_CXXFLAGS) -c -o $@ $<
$(BUILD)/bench/mmap_prepare_plugin-selftime.so: $(OBJS) $(SELFTIME_OBJS)
	$(CXX) $(PLUGIN_LDFLAGS) -Wl,--wrap=register_callback -o $@ $(OBJS) $(SELFTIME_OBJS)
$(BUILD)/bench/null_plugin.so: bench/null_plugin.c Makefile | plugin-headers
	@mkdir -p $(dir $@)
	$(CXX) $(PLUGIN_CXXFLAGS) -c -o $(BUILD)/bench/null_plugin.o bench/null_plugin.c
	$(CXX) $(PLUGIN_LDFLAGS) -o $@ $(BUILD)/bench/null_plugin.o

bench-plugins: deps
	@$(MAKE) --no-print-directory all $(BUILD)/bench/null_plugin.so \
		$(BUILD)/bench/mmap_prepare_plugin-selftime.so

BENCH_ENV = CC='$(CC)' PLUGIN="$(PLUGIN_NOW)" \
	NULL_PLUGIN='$(CURDIR)/$(BUILD)/bench/null_plugin.so' \
	SELFTIME_PLUGIN='$(CURDIR)/$(BUILD)/bench/mmap_prepare_plugin-selftime.so'

bench: bench-plugins
	@$(BENCH_ENV) scripts/bench.py $(BENCH_ARGS)

bench-profile: bench-plugins
	@$(BENCH_ENV) scripts/bench-profile.py $(PROFILE_ARGS)

# Every supported GCC (11..16 natively, 13+ in cached debootstrapped
# chroots) and the aarch64 cross compiler: build, testsuite, gate tests,
# and findings compared with gcc-12's.  Prints a table.  Run as root.
.PHONY: check-matrix
check-matrix:
	@scripts/matrix/run.sh

# Proves the tests can fail: removes the code behind each rule and store
# kind in turn and expects the covering tests to fail.
check-mutants: NEED_DEJAGNU := 1
check-mutants: deps
	@CC='$(CC)' scripts/mutation-check.py

# The plugin on real kernel trees (Debian's linux-source-7.x, -6.12):
# scripts/kernel/check-kernel.sh, docs/kernel.md.  Long; caches in $MP_CACHE.
.PHONY: check-kernel
check-kernel: NEED_DEJAGNU := 0
check-kernel: deps
	@$(MAKE) --no-print-directory all
	@CC='$(CC)' PLUGIN="$(PLUGIN_NOW)" scripts/kernel/check-kernel.sh

# The CI gate on a real kernel (linux-source-7.2 with the in-tree series,
# out of tree and with CONFIG_GCC_PLUGIN_MMAP_PREPARE): testsuite/gate/kernel-check.sh,
# docs/ci-gate.md.  About 12 minutes cold (copy, two configures), 1 warm.
.PHONY: check-gate-kernel
check-gate-kernel: NEED_DEJAGNU := 0
check-gate-kernel: deps
	@$(MAKE) --no-print-directory all
	@CC='$(CC)' PLUGIN="$(PLUGIN_NOW)" testsuite/gate/kernel-check.sh

# The conversion dashboard (scripts/mmap-prepare-conversion, docs/conversion.md).
# check-conversion-html: its tests with the page opened in headless Chromium
# (installed when missing), the screenshot kept in build/.
# conversion-dashboard: configure KERNEL's tree allmodconfig-style, build
# every unit with a .mmap initializer with rules=+deprecated-mmap, report.
# conversion-history: the drivers converted between 6.12 and 7.2, put back
# to .mmap in 7.2 (testsuite/kernel/history/), classified against what
# upstream did; writes docs/conversion-history.md.
.PHONY: check-conversion-html conversion-dashboard conversion-history
KERNEL		?= 7.2
check-conversion-html:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; } || \
		{ echo "error: chromium missing: apt-get install chromium" >&2; exit 1; }
	@mkdir -p build
	@MP_SCREENSHOT=$(CURDIR)/build/conversion-screenshot.png testsuite/conversion/run-tests.py --browser=yes
	@echo "screenshot: build/conversion-screenshot.png"

conversion-dashboard: NEED_DEJAGNU := 0
conversion-dashboard: deps
	@$(MAKE) --no-print-directory all
	@CC='$(CC)' PLUGIN="$(PLUGIN_NOW)" scripts/kernel/conversion-dashboard.sh $(KERNEL)

conversion-history: NEED_DEJAGNU := 0
conversion-history: deps
	@$(MAKE) --no-print-directory all
	@CC='$(CC)' PLUGIN="$(PLUGIN_NOW)" scripts/kernel/history-check.sh

# make install [PREFIX=/usr/local] [DESTDIR=] [PLUGINDIR=...] [CC=gcc-N]
# The plugin goes into GCC's own plugin directory of $(CC), whatever
# PREFIX is: $$($(CC) -print-file-name=plugin), one per GCC version
# (/usr/lib/gcc/x86_64-linux-gnu/12/plugin), where
# -fplugin=mmap_prepare_plugin finds it by name; make install CC=gcc-13
# adds gcc-13's beside it.  The gate, the man pages and the docs go under
# PREFIX.  make uninstall (same variables) removes exactly these files.
PREFIX		?= /usr/local
PLUGINDIR	?= $(PLUGIN_DIR)
BINDIR		?= $(PREFIX)/bin
DOCDIR		?= $(PREFIX)/share/doc/mmap-prepare
MANDIR		?= $(PREFIX)/share/man
DOCS		:= README.md $(wildcard docs/*.md)
MANPAGES	:= docs/mmap-prepare-gate.1 docs/mmap_prepare_plugin.1 docs/mmap-prepare-conversion.1

.PHONY: uninstall check-plugindir check-packaging check-package
# A relative PLUGINDIR is what GCC prints for a plugin directory that
# does not exist (no gcc-N-plugin-dev): never install "into" it.
check-plugindir:
	@case '$(PLUGINDIR)' in /*) ;; *) \
		echo "error: no plugin directory for '$(CC)' (got '$(PLUGINDIR)'): apt-get install $(PLUGIN_PKG), or set PLUGINDIR=" >&2; exit 1 ;; esac

install: all check-plugindir
	install -D -m 0644 $(BUILD)/mmap_prepare_plugin.so $(DESTDIR)$(PLUGINDIR)/mmap_prepare_plugin.so
	install -D -m 0755 scripts/mmap-prepare-gate $(DESTDIR)$(BINDIR)/mmap-prepare-gate
	install -D -m 0755 scripts/mmap-prepare-conversion $(DESTDIR)$(BINDIR)/mmap-prepare-conversion
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DOCDIR)
	install -m 0644 $(MANPAGES) $(DESTDIR)$(MANDIR)/man1/
	install -m 0644 $(DOCS) $(DESTDIR)$(DOCDIR)/

uninstall: check-plugindir
	rm -f $(DESTDIR)$(PLUGINDIR)/mmap_prepare_plugin.so
	rm -f $(DESTDIR)$(BINDIR)/mmap-prepare-gate
	rm -f $(DESTDIR)$(BINDIR)/mmap-prepare-conversion
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(MANPAGES)))
	rm -f $(addprefix $(DESTDIR)$(DOCDIR)/,$(notdir $(DOCS)))
	[ ! -d $(DESTDIR)$(DOCDIR) ] || rmdir --ignore-fail-on-non-empty $(DESTDIR)$(DOCDIR)
	@# Where make install put the plugin before it went per GCC version.
	rm -f $(DESTDIR)$(PREFIX)/lib/gcc-plugins/mmap_prepare_plugin.so

# Install/uninstall into a DESTDIR leaves nothing, man pages render, the
# documented opt-out line builds with and without the plugin (fast; part
# of make check).  check-package builds the Debian package, runs lintian,
# installs, uses and purges it in a fresh debootstrapped chroot, and tries
# the opt-out line in a real kbuild (about 4 minutes, run as root):
# testsuite/packaging/.
check-packaging: all
	@CC='$(CC)' PLUGIN="$(PLUGIN_NOW)" testsuite/packaging/run-tests.sh

check-package:
	@testsuite/packaging/check-package.sh

-include $(OBJS:.o=.d) $(SELFTIME_OBJS:.o=.d)

clean:
	rm -rf build $(PLUGIN) testsuite/*.log testsuite/*.sum testsuite/site.exp
