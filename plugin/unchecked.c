// SPDX-License-Identifier: GPL-2.0
/*
 * Rule mmap-prepare-unchecked: the analysis of a function did not reach
 * its fixed point within the bound that the lattice guarantees (a bug
 * or a limit of the plugin).  Its descriptor handling is then not
 * judged on half-computed values; this says so instead of staying
 * silent.
 */
#include "mmap_prepare.h"

static void emit_unchecked(const struct mp_finding *f)
{
	if (!mp_report(f,
		       "the plugin's analysis of %qD did not settle; its writes to %qs are not checked",
		       f->fndecl, "struct vm_area_desc"))
		return;
	inform(f->loc,
	       "this is a limit of the mmap_prepare plugin; please report it with the preprocessed source (-save-temps)");
}

static void check_function(const struct mp_fn_facts *facts)
{
	struct mp_finding f;

	if (!facts->unsettled)
		return;	/* with or without a policy */
	memset(&f, 0, sizeof(f));
	f.rule = &mp_rule_unchecked;
	f.loc = DECL_SOURCE_LOCATION(facts->fndecl);
	f.fndecl = facts->fndecl;
	f.emit = emit_unchecked;
	mp_finding_add(&f);
}

struct mp_rule mp_rule_unchecked = {
	.name = "unchecked",
	.dflt = MP_ON,
	.summary =
		"a function whose descriptor handling the plugin's analysis could not finish, and so did not check",
	.check_function = check_function,
};
