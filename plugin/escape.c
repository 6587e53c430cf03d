// SPDX-License-Identifier: GPL-2.0
/*
 * Rule mmap-prepare-escape: the descriptor lives only for the duration
 * of the mmap_prepare call.  Storing a pointer to it (or into it)
 * anywhere that outlives the function -- a global or static object, heap
 * memory, memory reached through another argument or through the
 * descriptor's own pointer fields such as private_data -- or returning it
 * from a function with external linkage is reported.  Returning it from
 * a static function is not an escape: the caller is checked instead.
 * Handing it to a visible function that keeps it (a helper taking void *
 * that stores it) is reported at the call; a callee whose parameter is a
 * descriptor pointer is checked itself.
 */
#include "mmap_prepare.h"

enum { ESCAPE_STORE, ESCAPE_RETURN, ESCAPE_CALL };

static const char *describe_destination(const struct mp_effect *e)
{
	switch (e->dest) {
	case MP_PLACE_GLOBAL:
		return e->dest_decl && TREE_CODE(e->dest_decl) == VAR_DECL &&
		       DECL_CONTEXT(e->dest_decl) &&
		       TREE_CODE(DECL_CONTEXT(e->dest_decl)) == FUNCTION_DECL ?
		       "a static variable" : "a global variable";
	case MP_PLACE_TRACKED:
		return "the descriptor's own fields, which outlive the call";
	default:
		return "memory that outlives the call";
	}
}

static void emit_escape(const struct mp_finding *f)
{
	bool shown;

	if (f->variant == ESCAPE_STORE)
		shown = mp_report(f, "%qD stores a pointer to its %qs in %s",
				  f->fndecl, "struct vm_area_desc", f->text);
	else if (f->variant == ESCAPE_CALL)
		shown = mp_report(f,
				  "%qD passes a pointer to its %qs to %qD, which keeps it where it outlives the call",
				  f->fndecl, "struct vm_area_desc", f->callee);
	else
		shown = mp_report(f,
				  "%qD returns a pointer into its %qs from a function with external linkage",
				  f->fndecl, "struct vm_area_desc");
	if (shown)
		inform(f->loc,
		       "a %qs is valid only until the mmap_prepare hook returns; keep the values you need (for example in private_data), not the descriptor",
		       "struct vm_area_desc");
}

static void report(const struct mp_fn_facts *facts, const struct mp_effect *e,
		   int variant)
{
	struct mp_finding f;

	memset(&f, 0, sizeof(f));
	f.rule = &mp_rule_escape;
	f.loc = mp_effect_location(e, facts->fndecl);
	f.compiled_out = e->compiled_out;
	f.fndecl = facts->fndecl;
	f.variant = variant;
	f.callee = e->callee;
	if (variant == ESCAPE_STORE)
		f.text = xstrdup(describe_destination(e));
	f.emit = emit_escape;
	mp_finding_add(&f);
}

static void check_function(const struct mp_fn_facts *facts)
{
	unsigned int i;

	for (i = 0; i < facts->n_effects; i++) {
		const struct mp_effect *e = &facts->effects[i];

		if (e->kind == MP_EFFECT_POINTER_STORE && !e->dest_local_decl &&
		    e->dest != MP_PLACE_LOCAL)
			report(facts, e, ESCAPE_STORE);
		else if (e->kind == MP_EFFECT_RETURN && TREE_PUBLIC(facts->fndecl))
			report(facts, e, ESCAPE_RETURN);
		else if (e->kind == MP_EFFECT_CALL_ARG && e->callee_may_keep)
			report(facts, e, ESCAPE_CALL);
	}
}

struct mp_rule mp_rule_escape = {
	.name = "escape",
	.dflt = MP_ON,
	.summary =
		"the descriptor (or a pointer into it) stored where it outlives the hook, or returned from an external function",
	.check_function = check_function,
};
