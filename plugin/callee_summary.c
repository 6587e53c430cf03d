// SPDX-License-Identifier: GPL-2.0
/*
 * What visible callees do with their arguments, so that the caller's
 * checks can follow a descriptor pointer across a call:
 *
 *  - may a function write through (or let escape) pointer parameter N?
 *    Passing &desc->start to a callee that provably only reads it is
 *    clean; the plugin proves it itself, so -O0 and -O2 agree.
 *  - what does a static function return?  A helper that returns
 *    &desc->start is followed to the caller's stores.
 *
 * Summaries are computed on demand and memoised for one pass run.  A
 * recursive cycle is answered conservatively (may write / returns
 * nothing known).
 */
#include "mmap_prepare.h"

enum summary_kind { SUMMARY_PARAM_WRITE, SUMMARY_RETURN };

struct summary {
	tree fndecl;
	enum summary_kind kind;
	unsigned int idx;
	bool in_progress;
	bool may_write;
	struct mp_pt ret;
};

static struct summary *summaries;
static unsigned int n_summaries, summaries_cap;
/* (function, kind and parameter) -> summaries[] */
static struct mp_key_index summary_index;

void mp_summaries_reset(void)
{
	free(summaries);
	summaries = NULL;
	n_summaries = 0;
	summaries_cap = 0;
	mp_key_index_clear(&summary_index);
}

static uint64_t summary_key(enum summary_kind kind, unsigned int idx)
{
	return (uint64_t)kind << 32 | idx;
}

static struct summary *find_summary(tree fndecl, enum summary_kind kind,
				    unsigned int idx)
{
	unsigned int i;

	if (!mp_key_index_get(&summary_index, (uintptr_t)fndecl,
			      summary_key(kind, idx), &i))
		return NULL;
	return &summaries[i];
}

static unsigned int new_summary(tree fndecl, enum summary_kind kind,
				unsigned int idx)
{
	MP_GROW(summaries, n_summaries, summaries_cap);
	mp_key_index_put(&summary_index, (uintptr_t)fndecl,
			 summary_key(kind, idx), n_summaries);
	memset(&summaries[n_summaries], 0, sizeof(summaries[0]));
	summaries[n_summaries].fndecl = fndecl;
	summaries[n_summaries].kind = kind;
	summaries[n_summaries].idx = idx;
	summaries[n_summaries].in_progress = true;
	return n_summaries++;
}

/* The analysable body of FNDECL, or NULL. */
static function *visible_body(tree fndecl)
{
	cgraph_node *node = cgraph_node::get(fndecl);
	function *fn;

	if (!node || node->alias || node->thunk || !node->has_gimple_body_p())
		return NULL;
	if (DECL_PRESERVE_P(fndecl) || lookup_attribute("weak", DECL_ATTRIBUTES(fndecl)))
		return NULL;	/* may be replaced at link time */
	fn = DECL_STRUCT_FUNCTION(fndecl);
	if (!fn || !fn->cfg || !gimple_in_ssa_p(fn))
		return NULL;
	return fn;
}

static bool param_type_is_readonly(tree fntype, unsigned int idx)
{
	tree args = fntype ? TYPE_ARG_TYPES(fntype) : NULL_TREE;
	tree type;

	for (; args && idx; args = TREE_CHAIN(args), idx--)
		;
	if (!args)
		return false;
	type = TREE_VALUE(args);
	return POINTER_TYPE_P(type) && TYPE_READONLY(TREE_TYPE(type));
}

static bool call_may_write_tracked(struct mp_fn_track *t, gcall *call)
{
	tree fndecl = gimple_call_fndecl(call);
	tree fntype = gimple_call_fntype(call);
	unsigned int i;
	int len_arg = mp_memory_writer_len_arg(call);

	if (len_arg >= 0 &&
	    mp_track_value(t, gimple_call_arg(call, 0)).tracked)
		return true;
	for (i = 0; i < gimple_call_num_args(call); i++) {
		tree arg = gimple_call_arg(call, i);

		if (len_arg >= 0 && i > 0)
			break;	/* memcpy's source is only read */
		if (!mp_track_value(t, arg).tracked)
			continue;
		if (param_type_is_readonly(fntype, i))
			continue;
		if (!fndecl || mp_callee_may_write_param(fndecl, i))
			return true;
	}
	return false;
}

static bool store_hits_tracked(struct mp_fn_track *t, tree lhs)
{
	struct mp_place place;

	mp_locate_ref(t, lhs, &place);
	return place.kind == MP_PLACE_TRACKED;
}

/* Stores the tracked pointer somewhere a later write could use it. */
static bool stores_tracked_pointer(struct mp_fn_track *t, gassign *stmt)
{
	tree rhs = gimple_assign_rhs1(stmt);
	struct mp_place place;

	if (!gimple_assign_single_p(stmt) ||
	    (TREE_CODE(rhs) != SSA_NAME && TREE_CODE(rhs) != ADDR_EXPR) ||
	    !mp_track_value(t, rhs).tracked)
		return false;
	mp_locate_ref(t, gimple_assign_lhs(stmt), &place);
	return !(place.decl && place.base_local);
}

static bool asm_may_write_tracked(struct mp_fn_track *t, gasm *as)
{
	unsigned int i;

	for (i = 0; i < gimple_asm_noutputs(as); i++) {
		tree out = TREE_VALUE(gimple_asm_output_op(as, i));

		if (TREE_CODE(out) != SSA_NAME && store_hits_tracked(t, out))
			return true;
	}
	/* An asm given the pointer can do anything with it. */
	for (i = 0; i < gimple_asm_ninputs(as); i++) {
		if (mp_track_value(t, TREE_VALUE(gimple_asm_input_op(as, i))).tracked)
			return true;
	}
	return false;
}

static bool stmt_may_write_tracked(struct mp_fn_track *t, gimple *stmt)
{
	switch (gimple_code(stmt)) {
	case GIMPLE_ASSIGN: {
		tree lhs = gimple_assign_lhs(stmt);

		if (TREE_CODE(lhs) == SSA_NAME)
			return false;
		return store_hits_tracked(t, lhs) ||
		       stores_tracked_pointer(t, as_a<gassign *>(stmt));
	}
	case GIMPLE_CALL:
		return call_may_write_tracked(t, as_a<gcall *>(stmt));
	case GIMPLE_ASM:
		return asm_may_write_tracked(t, as_a<gasm *>(stmt));
	case GIMPLE_RETURN: {
		tree val = gimple_return_retval(as_a<greturn *>(stmt));

		/* The caller could write through the returned pointer. */
		return val && mp_track_value(t, val).tracked;
	}
	default:
		return false;
	}
}

static bool function_may_write_param(function *fn, tree parm)
{
	struct mp_fn_track t;
	basic_block bb;
	bool writes;

	mp_track_function(&t, fn, MP_TRACK_PARAM, parm);
	writes = t.unsettled;	/* no proof from values that did not settle */
	FOR_EACH_BB_FN(bb, fn) {
		gimple_stmt_iterator si;

		for (si = gsi_start_bb(bb); !gsi_end_p(si) && !writes; gsi_next(&si))
			writes = stmt_may_write_tracked(&t, gsi_stmt(si));
		if (writes)
			break;
	}
	mp_track_release(&t);
	return writes;
}

bool mp_callee_may_write_param(tree fndecl, unsigned int idx)
{
	struct summary *s = find_summary(fndecl, SUMMARY_PARAM_WRITE, idx);
	function *fn;
	tree parm;
	unsigned int i, slot;
	bool writes;

	if (s)
		return s->in_progress || s->may_write;
	fn = visible_body(fndecl);
	if (!fn)
		return true;
	for (parm = DECL_ARGUMENTS(fndecl), i = 0; parm && i < idx;
	     parm = DECL_CHAIN(parm), i++)
		;
	if (!parm || !POINTER_TYPE_P(TREE_TYPE(parm)))
		return true;
	slot = new_summary(fndecl, SUMMARY_PARAM_WRITE, idx);
	writes = function_may_write_param(fn, parm);
	/* The array may have moved while the callee was analysed. */
	summaries[slot].may_write = writes;
	summaries[slot].in_progress = false;
	return writes;
}

struct mp_pt mp_static_return(tree fndecl)
{
	struct summary *s = find_summary(fndecl, SUMMARY_RETURN, 0);
	struct mp_pt none = { true, false, false, false, 0 };
	struct mp_fn_track t;
	function *fn;
	unsigned int slot;

	if (s)
		return s->in_progress ? none : s->ret;
	if (TREE_PUBLIC(fndecl) || !POINTER_TYPE_P(TREE_TYPE(TREE_TYPE(fndecl))))
		return none;
	fn = visible_body(fndecl);
	if (!fn)
		return none;
	slot = new_summary(fndecl, SUMMARY_RETURN, 0);
	mp_track_function(&t, fn, MP_TRACK_DESCRIPTORS, NULL_TREE);
	summaries[slot].ret = t.ret.visited ? t.ret : none;
	summaries[slot].ret.local = false;	/* the callee's locals are gone */
	summaries[slot].in_progress = false;
	mp_track_release(&t);
	return summaries[slot].ret;
}
