// SPDX-License-Identifier: GPL-2.0
/*
 * Rule mmap-prepare-escape: the descriptor lives only for the duration
 * of the mmap_prepare call.  Storing a pointer to it (or into it)
 * anywhere that outlives the function -- a global or static object, heap
 * memory, memory reached through another argument or through the
 * descriptor's own pointer fields such as private_data -- or returning it
 * from a function with external linkage is reported.  Returning it from
 * a static function is not an escape: the caller is checked instead.
 */
#include "mmap_prepare.h"

static const char *describe_destination(const struct mp_place *place)
{
	switch (place->kind) {
	case MP_PLACE_GLOBAL:
		return place->decl && TREE_CODE(place->decl) == VAR_DECL &&
		       DECL_CONTEXT(place->decl) &&
		       TREE_CODE(DECL_CONTEXT(place->decl)) == FUNCTION_DECL ?
		       "a static variable" : "a global variable";
	case MP_PLACE_TRACKED:
		return "the descriptor's own fields, which outlive the call";
	default:
		return "memory that outlives the call";
	}
}

static void report(struct mp_fn_track *t, gimple *stmt, char *message)
{
	struct mp_finding f;

	memset(&f, 0, sizeof(f));
	f.rule = MP_RULE_ESCAPE;
	f.loc = mp_stmt_location(stmt, t->fndecl);
	f.function = xstrdup(mp_decl_name(t->fndecl));
	f.message = message;
	f.notes[0].loc = f.loc;
	f.notes[0].text = xstrdup("a 'struct vm_area_desc' is valid only until the mmap_prepare hook returns; keep the values you need (for example in private_data), not the descriptor");
	f.n_notes = 1;
	mp_finding_add(&f);
}

static void check_store(struct mp_fn_track *t, gassign *stmt)
{
	tree lhs = gimple_assign_lhs(stmt);
	tree rhs = gimple_assign_rhs1(stmt);
	struct mp_place place;

	if (TREE_CODE(lhs) == SSA_NAME || !gimple_assign_single_p(stmt) ||
	    (TREE_CODE(rhs) != SSA_NAME && TREE_CODE(rhs) != ADDR_EXPR) ||
	    !mp_track_value(t, rhs).tracked)
		return;
	mp_locate_ref(t, lhs, &place);
	if ((place.decl && place.base_local) || place.kind == MP_PLACE_LOCAL)
		return;
	report(t, stmt, xasprintf("'%s' stores a pointer to its 'struct vm_area_desc' in %s",
				  mp_decl_name(t->fndecl),
				  describe_destination(&place)));
}

static void check_return(struct mp_fn_track *t, greturn *stmt)
{
	tree val = gimple_return_retval(stmt);

	if (!val || !TREE_PUBLIC(t->fndecl) || !mp_track_value(t, val).tracked)
		return;
	report(t, stmt, xasprintf("'%s' returns a pointer into its 'struct vm_area_desc' from a function with external linkage",
				  mp_decl_name(t->fndecl)));
}

void mp_check_escapes(struct mp_fn_track *t)
{
	basic_block bb;

	if (!mp_rule_on(MP_RULE_ESCAPE))
		return;
	FOR_EACH_BB_FN(bb, t->fn) {
		gimple_stmt_iterator si;

		for (si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si)) {
			gimple *stmt = gsi_stmt(si);

			if (gimple_code(stmt) == GIMPLE_ASSIGN)
				check_store(t, as_a<gassign *>(stmt));
			else if (gimple_code(stmt) == GIMPLE_RETURN)
				check_return(t, as_a<greturn *>(stmt));
		}
	}
}
