// SPDX-License-Identifier: GPL-2.0
/*
 * The pass that drives the checks.
 *
 * It is a simple IPA pass placed before the local optimisation passes:
 * every function is in SSA form, nothing is inlined or optimised yet, so
 * a statement is judged by the function it was written in (core inline
 * helpers stay exempt) and -O0, -O2 and -Os see the same code.
 *
 * It works on the unit as a whole, in two phases: first collect (the ops
 * objects and the hooks assignments give them, the analysis of every
 * function, callees first), then check (every rule's per-function entry
 * point on each function that handles a descriptor, then its unit-level
 * entry point), and print the findings sorted.  So a rule may look at
 * anything in the unit, wherever it was defined.  The facts of branches
 * the configuration compiles out (compiled_out.c, gathered before GCC
 * built each function's CFG) are checked with the rest.
 */
#include "mmap_prepare.h"

static void collect_unit(void)
{
	cgraph_node *node;

	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
		function *fn = DECL_STRUCT_FUNCTION(node->decl);

		if (!fn || !fn->cfg || !gimple_in_ssa_p(fn))
			continue;
		if (!mp_decl_is_core(node->decl))
			mp_ops_scan_function(fn);
	}
	mp_analyse_unit();
	mp_compiled_out_finish();
}

static void check_unit(void)
{
	unsigned int r, i;

	for (r = 0; r < mp_rule_count; r++) {
		const struct mp_rule *ops = mp_rules[r];

		if (!ops->on)
			continue;
		if (ops->check_function) {
			for (i = 0; i < mp_analysed_count(); i++)
				ops->check_function(mp_analysed_function(i));
			for (i = 0; i < mp_compiled_out_count(); i++)
				ops->check_function(mp_compiled_out_facts(i));
		}
		if (ops->check_unit)
			ops->check_unit();
	}
}

static void run(void)
{
	mp_apply_kbuild_extra_warn();
	collect_unit();
	check_unit();
	mp_findings_flush();
	mp_analysis_release();
	mp_compiled_out_release();
	mp_ops_release();
}

static const pass_data mp_pass_data = {
	SIMPLE_IPA_PASS,	/* type */
	"mmap_prepare",		/* name */
	OPTGROUP_NONE,		/* optinfo_flags */
	TV_PLUGIN_RUN,		/* tv_id: shows as "plugin execution" in -ftime-report */
	0,			/* properties_required */
	0,			/* properties_provided */
	0,			/* properties_destroyed */
	0,			/* todo_flags_start */
	0,			/* todo_flags_finish */
};

/* GCC's pass manager requires a C++ class; it only forwards to C. */
class mp_check_pass : public simple_ipa_opt_pass {
public:
	mp_check_pass(gcc::context *ctxt)
		: simple_ipa_opt_pass(mp_pass_data, ctxt)
	{
	}

	bool gate(function *fn ATTRIBUTE_UNUSED) final override
	{
		return !seen_error();
	}

	unsigned int execute(function *fn ATTRIBUTE_UNUSED) final override
	{
		run();
		return 0;
	}
};

void mp_register_pass(void)
{
	struct register_pass_info info;

	info.pass = new mp_check_pass(g);
	info.reference_pass_name = "opt_local_passes";
	info.ref_pass_instance_number = 1;
	info.pos_op = PASS_POS_INSERT_BEFORE;
	register_callback(mp_plugin_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &info);
}
