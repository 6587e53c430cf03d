// SPDX-License-Identifier: GPL-2.0
/*
 * The pass that drives the checks.
 *
 * It is a simple IPA pass placed before the local optimisation passes:
 * every function is in SSA form, nothing is inlined or optimised yet, so
 * a statement is judged by the function it was written in (core inline
 * helpers stay exempt) and -O0, -O2 and -Os see the same code.  Seeing
 * the whole unit at once also lets callee summaries and the both-hooks
 * rule look across functions.
 */
#include "mmap_prepare.h"

/* Says so when the analysis of a function could not finish (a bug). */
static void report_unsettled(struct mp_fn_track *t)
{
	struct mp_finding f = {};

	f.rule = MP_RULE_IMMUTABLE;
	f.loc = DECL_SOURCE_LOCATION(t->fndecl);
	f.function = xstrdup(mp_decl_name(t->fndecl));
	f.message = xasprintf("the plugin's analysis of '%s' did not settle; its writes to 'struct vm_area_desc' are not checked",
			      mp_decl_name(t->fndecl));
	mp_finding_add(&f);
}

static void check_function(function *fn, const struct mp_policy *pol)
{
	struct mp_fn_track t;

	mp_ops_scan_function(fn);
	if (!pol)
		return;
	mp_track_function(&t, fn, MP_TRACK_DESCRIPTORS, NULL_TREE);
	if (t.unsettled) {
		if (mp_rule_on(MP_RULE_IMMUTABLE))
			report_unsettled(&t);
	} else if (t.relevant) {
		mp_check_desc_writes(&t);
		mp_check_escapes(&t);
		mp_check_write_only_reads(&t);
	}
	mp_track_release(&t);
}

static void check_unit(void)
{
	const struct mp_policy *pol = mp_unit_policy();
	cgraph_node *node;

	mp_apply_kbuild_extra_warn();
	mp_summaries_reset();
	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
		function *fn = DECL_STRUCT_FUNCTION(node->decl);

		if (!fn || !fn->cfg || !gimple_in_ssa_p(fn))
			continue;
		if (mp_decl_is_core(node->decl))
			continue;
		check_function(fn, pol);
	}
	mp_summaries_reset();
	mp_ops_report();
	mp_findings_flush();
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

	bool gate(function *) final override
	{
		return !seen_error();
	}

	unsigned int execute(function *) final override
	{
		mp_self_time_enter();
		check_unit();
		mp_self_time_leave();
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
