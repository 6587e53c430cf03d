// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark's floor: a GCC plugin that loads, checks that it runs in
 * the GCC it was built for, and registers nothing.  What it costs over a
 * plain compile is the price of -fplugin itself (dlopen of a shared
 * object, the version check); scripts/bench.py compares the real plugin
 * against a plain compile and against this.
 *
 * Kernel-style C compiled as C++ with the real plugin's flags (see the
 * Makefile's bench target).
 */
#include "gcc-plugin.h"
#include "plugin-version.h"

__attribute__((visibility("default"))) int plugin_is_GPL_compatible;

__attribute__((visibility("default")))
int plugin_init(struct plugin_name_args *plugin_info,
		struct plugin_gcc_version *version)
{
	(void)plugin_info;
	return plugin_default_version_check(version, &gcc_version) ? 0 : 1;
}
