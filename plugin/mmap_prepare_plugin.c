// SPDX-License-Identifier: GPL-2.0
/*
 * mmap_prepare checker: turns misuse of the file_operations.mmap_prepare
 * hook into compiler diagnostics.
 *
 *  - a hook writes only the descriptor fields it may (the policy follows
 *    the kernel's struct vm_area_desc generation);
 *  - the descriptor never escapes the hook;
 *  - no ops object sets both .mmap and .mmap_prepare.
 *
 * The rules are listed in include/mp_rule_list.h; check_pass.c runs them.
 *
 * Usage: -fplugin=mmap_prepare_plugin.so
 *        -fplugin-arg-mmap_prepare_plugin-KEY[=VALUE]
 */
#include "mmap_prepare.h"
/* Defines gcc_version, the compiler this plugin was built against. */
#include "plugin-version.h"

#ifndef MP_PLUGIN_VERSION
#define MP_PLUGIN_VERSION "1.0"
#endif

__visible int plugin_is_GPL_compatible;

const char *mp_plugin_name = "mmap_prepare_plugin";

static struct plugin_info mp_plugin_info = {
	.version = MP_PLUGIN_VERSION,
	.help = NULL,		/* from the rule table, at plugin_init */
};

tree mp_id_vm_area_desc;
tree mp_id_mmap;
tree mp_id_mmap_prepare;
tree mp_id_vm_area_struct;
tree mp_id_file;

static const struct ggc_root_tab mp_ggc_roots[] = {
	{ &mp_id_vm_area_desc, 1, sizeof(tree), &gt_ggc_mx_tree_node, &gt_pch_nx_tree_node },
	{ &mp_id_mmap, 1, sizeof(tree), &gt_ggc_mx_tree_node, &gt_pch_nx_tree_node },
	{ &mp_id_mmap_prepare, 1, sizeof(tree), &gt_ggc_mx_tree_node, &gt_pch_nx_tree_node },
	{ &mp_id_vm_area_struct, 1, sizeof(tree), &gt_ggc_mx_tree_node, &gt_pch_nx_tree_node },
	{ &mp_id_file, 1, sizeof(tree), &gt_ggc_mx_tree_node, &gt_pch_nx_tree_node },
	LAST_GGC_ROOT_TAB
};

static void start_unit(void *event_data, void *data)
{
	mp_id_vm_area_desc = get_identifier("vm_area_desc");
	mp_id_mmap = get_identifier("mmap");
	mp_id_mmap_prepare = get_identifier("mmap_prepare");
	mp_id_vm_area_struct = get_identifier("vm_area_struct");
	mp_id_file = get_identifier("file");
	(void)event_data;
	(void)data;
}

static void finish_type(void *event_data, void *data)
{
	tree type = (tree)event_data;

	mp_apply_kbuild_extra_warn();
	if (type && TYPE_P(type)) {
		mp_policy_finish_type(type);
		if (mp_rule_deprecated_mmap.on)
			mp_conversion_finish_type(type);
	}
	(void)data;
}

static void finish_decl(void *event_data, void *data)
{
	tree decl = (tree)event_data;

	mp_apply_kbuild_extra_warn();
	if (decl && !seen_error()) {
		mp_ops_finish_decl(decl);
		if (mp_rule_deprecated_mmap.on)
			mp_conversion_finish_decl(decl);
	}
	(void)data;
}

/* A function definition: the helpers deprecated-mmap may suggest. */
static void pre_genericize(void *event_data, void *data)
{
	tree decl = (tree)event_data;

	if (decl && !seen_error())
		mp_conversion_finish_function(decl);
	(void)data;
}

/* "--target=aarch64-linux-gnu" out of GCC's configure line, or "". */
static char *configured_target(const char *config)
{
	const char *t = config ? strstr(config, "--target=") : NULL;

	if (!t)
		return xstrdup("");
	t += strlen("--target=");
	return xstrndup(t, strcspn(t, " "));
}

/*
 * A plugin only works inside the compiler it was built for.  Say which
 * one, instead of GCC's generic "incompatible version" message.
 */
static bool version_matches(struct plugin_gcc_version *version)
{
	char *built, *running;

	if (plugin_default_version_check(version, &gcc_version))
		return true;
	built = configured_target(gcc_version.configuration_arguments);
	running = configured_target(version->configuration_arguments);
	error("%s was built for GCC %s%s%s (%s) but is loaded by GCC %s%s%s (%s); rebuild it with %<make CC=<this compiler>%>",
	      mp_plugin_name, gcc_version.basever, *built ? " for " : "", built,
	      gcc_version.datestamp, version->basever, *running ? " for " : "",
	      running, version->datestamp);
	free(built);
	free(running);
	return false;
}

__visible int plugin_init(struct plugin_name_args *plugin_info,
			  struct plugin_gcc_version *version)
{
	mp_plugin_name = plugin_info->base_name;
	mp_rules_init();
	if (!version_matches(version))
		return 1;
	mp_plugin_info.help = mp_help_text();
	register_callback(mp_plugin_name, PLUGIN_INFO, NULL, &mp_plugin_info);
	if (!mp_parse_options(plugin_info->argc, plugin_info->argv))
		return 0;	/* the errors stop the compilation */
	if (mp_opts.disable)
		return 0;
	register_callback(mp_plugin_name, PLUGIN_REGISTER_GGC_ROOTS, NULL,
			  (void *)mp_ggc_roots);
	register_callback(mp_plugin_name, PLUGIN_START_UNIT, start_unit, NULL);
	register_callback(mp_plugin_name, PLUGIN_FINISH_TYPE, finish_type, NULL);
	register_callback(mp_plugin_name, PLUGIN_FINISH_DECL, finish_decl, NULL);
	if (mp_rule_deprecated_mmap.on)
		register_callback(mp_plugin_name, PLUGIN_PRE_GENERICIZE,
				  pre_genericize, NULL);
	mp_register_compiled_out_pass();
	mp_register_pass();
	return 0;
}
