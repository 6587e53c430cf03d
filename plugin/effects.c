// SPDX-License-Identifier: GPL-2.0
/*
 * What each statement does to a tracked object, worked out once from the
 * settled values of its function, for every rule and for the callee
 * summaries to read:
 *
 *   WRITE          a store, asm output, mem* or atomic builtin, or the
 *                  address of bits handed to a callee that may write them,
 *                  with the bits, the fields they cover and the member
 *                  path the source names
 *   READ           a load
 *   CALL_ARG       a call given a pointer into the object
 *   POINTER_STORE  such a pointer stored in memory, and where
 *   RETURN         such a pointer returned
 *   ASM_INPUT      an asm given such a pointer
 *
 * A statement's effects are in the order it has them (a load before the
 * store of the same statement); statements in block order.
 */
#include "analysis.h"

struct builder {
	struct mp_fn_facts *facts;
	const struct mp_fn_track *t;
	mp_may_write_fn may_write;
	mp_may_write_fn may_keep;
	mp_write_ranges_fn write_ranges;
	unsigned int cap;
};

static struct mp_effect *new_effect(struct builder *b, enum mp_effect_kind kind,
				    gimple *stmt)
{
	struct mp_fn_facts *facts = b->facts;
	struct mp_effect *e;

	MP_GROW(facts->effects, facts->n_effects, b->cap);
	e = &facts->effects[facts->n_effects++];
	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->stmt = stmt;
	e->loc = gimple_location(stmt);
	return e;
}

/* ---- the member path the source names ---- */

/* The member a pointer-based path starts in: at BIT and of that type. */
static const char *member_at(const struct mp_policy *pol, HOST_WIDE_INT bit,
			     unsigned int type_uid)
{
	unsigned int i;

	for (i = 0; i < pol->n_fields; i++) {
		if (pol->fields[i].bitpos == bit &&
		    pol->fields[i].type_uid == type_uid)
			return pol->fields[i].name;
	}
	return NULL;
}

/* "action.remap.size" from the members the source named, or NULL. */
static char *source_path(const struct mp_policy *pol,
			 const struct mp_place *place)
{
	char *out = NULL;
	unsigned int i;

	if (place->path_via_pointer) {
		const char *member = member_at(pol, place->path_base,
					       place->path_type_uid);

		if (!member || !place->n_path)
			return NULL;
		out = xstrdup(member);
	}

	for (i = 0; i < place->n_path; i++) {
		tree name = DECL_NAME(place->path[i]);
		char *next;

		if (!name)
			continue;	/* anonymous struct or union */
		next = xasprintf("%s%s%s", out ? out : "", out ? "." : "",
				 IDENTIFIER_POINTER(name));
		free(out);
		out = next;
	}
	return out;
}

/* Bits, fields and spelling of a WRITE or READ at PLACE. */
static void set_bits(struct builder *b, struct mp_effect *e,
		     const struct mp_place *place)
{
	const struct mp_policy *pol = b->t->pol;

	e->range_known = place->range_known;
	e->lo = place->lo;
	e->size = place->size;
	if (b->t->mode != MP_TRACK_DESCRIPTORS || !pol || !place->range_known)
		return;
	e->fields = mp_policy_fields_in(pol, place->lo, place->size);
	if (e->fields)
		e->spelled = source_path(pol, place);
}

/* The SIZE bits (-1: to the end) a tracked pointer V points at. */
static void place_at_value(struct mp_place *place, struct mp_pt v,
			   HOST_WIDE_INT size)
{
	memset(place, 0, sizeof(*place));
	place->kind = MP_PLACE_TRACKED;
	place->range_known = v.off_known;
	place->lo = v.off;
	place->size = size;
	if (!v.off_known && v.bounded && size > 0 && size <= v.bsize) {
		/* Somewhere inside the member the pointer came from. */
		place->range_known = true;
		place->lo = v.blo;
		place->size = v.bsize;
	}
}

static struct mp_effect *add_write(struct builder *b, gimple *stmt,
				   enum mp_write_how how,
				   const struct mp_place *place, tree callee)
{
	struct mp_effect *e = new_effect(b, MP_EFFECT_WRITE, stmt);

	e->how = how;
	e->callee = callee;
	set_bits(b, e, place);
	return e;
}

/* ---- assignments and asm ---- */

/*
 * "struct vm_area_desc copy = *desc;" creates a descriptor: the
 * gimplifier gives the initialising stores the declaration's location.
 */
static bool is_initialization(gimple *stmt, tree lhs)
{
	tree base = get_base_address(lhs);

	return base && TREE_CODE(base) == VAR_DECL &&
	       get_pure_location(gimple_location(stmt)) ==
	       get_pure_location(DECL_SOURCE_LOCATION(base));
}

/* A store to LHS, which lands at PLACE. */
static void memory_store(struct builder *b, gimple *stmt, tree lhs,
			 const struct mp_place *place)
{
	struct mp_effect *e;

	if (place->kind != MP_PLACE_TRACKED)
		return;
	e = new_effect(b, MP_EFFECT_WRITE, stmt);
	e->how = MP_WRITE_STORE;
	e->clobber = gimple_clobber_p(stmt);
	e->initialization = is_initialization(stmt, lhs);
	set_bits(b, e, place);
}

/* A pointer into a descriptor stored at PLACE by STMT. */
static void pointer_store(struct builder *b, gimple *stmt,
			  const struct mp_place *place)
{
	struct mp_effect *e = new_effect(b, MP_EFFECT_POINTER_STORE, stmt);

	e->dest = place->kind;
	e->dest_decl = place->decl;
	e->dest_local_decl = place->decl && place->base_local;
}

/*
 * "g = h" or "*out = h", where the local struct h holds a pointer into a
 * descriptor: the copy stores that pointer too.
 */
static bool copies_tracked_pointer(struct builder *b, tree rhs)
{
	struct mp_place from;

	if (mp_loaded_object(rhs))
		rhs = mp_loaded_object(rhs);
	else if (!mp_is_reference(rhs) || !AGGREGATE_TYPE_P(TREE_TYPE(rhs)))
		return false;
	mp_locate_ref(b->t, rhs, &from);
	if (!from.decl || !from.base_local || from.kind == MP_PLACE_TRACKED)
		return false;
	return mp_slots_value(b->t, from.decl, from.range_known ? from.lo : -1,
			      from.size).tracked;
}

static void assign_effects(struct builder *b, gassign *stmt)
{
	tree lhs = gimple_assign_lhs(stmt);
	tree rhs = gimple_assign_rhs1(stmt);
	struct mp_place place;
	struct mp_effect *e;

	if (gimple_assign_single_p(stmt) && gimple_assign_load_p(stmt)) {
		mp_locate_ref(b->t, rhs, &place);
		if (place.kind == MP_PLACE_TRACKED) {
			e = new_effect(b, MP_EFFECT_READ, stmt);
			set_bits(b, e, &place);
		}
	}
	if (mp_is_register_def(b->t, lhs))
		return;
	mp_locate_ref(b->t, lhs, &place);
	memory_store(b, stmt, lhs, &place);
	if (!gimple_assign_single_p(stmt))
		return;
	if (mp_is_value_operand(b->t, rhs) && !mp_loaded_object(rhs) ?
	    mp_value_of(b->t, rhs).tracked : copies_tracked_pointer(b, rhs))
		pointer_store(b, stmt, &place);
}

static void asm_effects(struct builder *b, gasm *as)
{
	unsigned int i;

	for (i = 0; i < gimple_asm_noutputs(as); i++) {
		tree out = TREE_VALUE(gimple_asm_output_op(as, i));

		struct mp_place place;

		if (mp_is_register_def(b->t, out))
			continue;
		mp_locate_ref(b->t, out, &place);
		memory_store(b, as, out, &place);
	}
	for (i = 0; i < gimple_asm_ninputs(as); i++) {
		if (mp_value_of(b->t, TREE_VALUE(gimple_asm_input_op(as, i))).tracked)
			break;
	}
	if (i == gimple_asm_ninputs(as))
		return;
	new_effect(b, MP_EFFECT_ASM_INPUT, as);
	/*
	 * xchg(), cmpxchg(), this_cpu_write() on x86: an asm given the
	 * pointer with a memory output may store it there.
	 */
	for (i = 0; i < gimple_asm_noutputs(as); i++) {
		tree out = TREE_VALUE(gimple_asm_output_op(as, i));
		struct mp_place place;

		if (mp_is_register_def(b->t, out) || !mp_is_reference(out))
			continue;
		mp_locate_ref(b->t, out, &place);
		if (place.kind != MP_PLACE_TRACKED)
			pointer_store(b, as, &place);
	}
}

/* ---- calls ---- */

/*
 * Bytes an __atomic_* / __sync_* builtin may write at its first argument
 * (_Atomic stores lower to them): the size in the name, -1 when the name
 * has none, 0 for builtins that do not write.
 */
static HOST_WIDE_INT atomic_write_bytes(gcall *call)
{
	tree fndecl = gimple_call_fndecl(call);
	const char *name, *us;

	if (!gimple_call_builtin_p(call, BUILT_IN_NORMAL) ||
	    gimple_call_num_args(call) < 1)
		return 0;
	name = IDENTIFIER_POINTER(DECL_NAME(fndecl));
	if (strncmp(name, "__atomic_", 9) && strncmp(name, "__sync_", 7))
		return 0;
	if (strstr(name, "load") || strstr(name, "fence") ||
	    strstr(name, "lock_free") || strstr(name, "synchronize"))
		return 0;
	us = strrchr(name, '_');
	return us && ISDIGIT(us[1]) ? atoi(us + 1) : -1;
}

static bool len_arg_or_atomic(int len_arg, HOST_WIDE_INT atomic)
{
	return len_arg >= 0 || atomic;
}

/* Declared type of parameter IDX, or NULL for variadic/unprototyped. */
static tree param_type(gcall *call, unsigned int idx)
{
	tree fntype = gimple_call_fntype(call);
	tree args = fntype ? TYPE_ARG_TYPES(fntype) : NULL_TREE;

	for (; args && idx; args = TREE_CHAIN(args), idx--)
		;
	return args && !VOID_TYPE_P(TREE_VALUE(args)) ? TREE_VALUE(args) : NULL_TREE;
}

static bool points_to_const(tree type)
{
	return type && POINTER_TYPE_P(type) && TYPE_READONLY(TREE_TYPE(type));
}

/* (void *)desc: a cast of a descriptor pointer, still the descriptor. */
static bool is_descriptor_cast(const struct mp_fn_track *t, tree arg)
{
	unsigned int depth;

	for (depth = 0; depth < 8 && mp_is_register_def(t, arg); depth++) {
		if (mp_is_desc_pointer_type(TREE_TYPE(arg)))
			return true;
		arg = mp_defined_from(t, arg);
		if (!arg)
			return false;
	}
	return mp_is_desc_pointer_type(TREE_TYPE(arg));
}

static bool constant_length(const struct mp_fn_track *t, tree len,
			    unsigned HOST_WIDE_INT *bytes);

/*
 * The bits a callee given a byte pointer as argument IDX may write: the
 * call's one constant integer argument of a size type (size_t, unsigned
 * long, ...: the length, by the kernel's convention for (ptr, len)
 * functions), or -1 ("to the end") when there is none or several.
 */
static HOST_WIDE_INT length_in_call(const struct mp_fn_track *t, gcall *call,
				    unsigned int idx)
{
	unsigned HOST_WIDE_INT bytes, found = 0;
	unsigned int i, n = 0;

	for (i = 0; i < gimple_call_num_args(call); i++) {
		tree arg = gimple_call_arg(call, i);
		tree type = TREE_TYPE(arg);

		if (i == idx || TREE_CODE(type) != INTEGER_TYPE ||
		    !TYPE_UNSIGNED(type) || TYPE_PRECISION(type) < POINTER_SIZE)
			continue;
		if (!constant_length(t, arg, &bytes))
			continue;
		found = bytes;
		n++;
	}
	if (n != 1 || !found || found > (unsigned HOST_WIDE_INT)HOST_WIDE_INT_MAX / BITS_PER_UNIT)
		return -1;
	return (HOST_WIDE_INT)found * BITS_PER_UNIT;
}

/*
 * A callee that writes only some ranges of what it is given (members of
 * a wrapper struct that embeds the descriptor): the parts of them inside
 * the descriptor.  False if the callee may write anywhere.
 */
static bool ranged_address_write(struct builder *b, gcall *call,
				 unsigned int idx, struct mp_pt v)
{
	const struct mp_range *r;
	unsigned int n, i;
	HOST_WIDE_INT end = b->t->pol ? b->t->pol->size : -1;

	if (end <= 0 || !b->write_ranges(gimple_call_fndecl(call), idx, &r, &n))
		return false;
	for (i = 0; i < n; i++) {
		HOST_WIDE_INT lo = v.off + r[i].lo, hi = lo + r[i].size;
		struct mp_place place;

		lo = MAX(lo, 0);
		hi = MIN(hi, end);
		if (lo >= hi)
			continue;
		place_at_value(&place, mp_pt_tracked_at(lo, true), hi - lo);
		add_write(b, call, MP_WRITE_ADDRESS, &place,
			  gimple_call_fndecl(call))->arg = idx;
	}
	return true;
}

/*
 * &desc->start handed to a callee: a write unless the parameter is a
 * pointer to const or the callee provably never writes through it.  A
 * callee taking the descriptor itself (also as (void *)desc) is checked
 * on its own; a visible one was judged by its body above.
 */
static void address_arg_write(struct builder *b, gcall *call, unsigned int idx,
			      struct mp_pt v)
{
	tree arg = gimple_call_arg(call, idx);
	tree ptype = param_type(call, idx);
	tree callee = gimple_call_fndecl(call);
	struct mp_place place;
	HOST_WIDE_INT pointee;

	if (!POINTER_TYPE_P(TREE_TYPE(arg)))
		return;
	if (!ptype)
		ptype = TREE_TYPE(arg);
	if (mp_is_desc_pointer_type(ptype) || mp_is_desc_pointer_type(TREE_TYPE(arg)))
		return;
	if (points_to_const(ptype))
		return;
	if (callee && !b->may_write(callee, idx))
		return;
	if (is_descriptor_cast(b->t, arg))
		return;
	if (callee && b->write_ranges && b->t->mode == MP_TRACK_DESCRIPTORS && v.off_known &&
	    ranged_address_write(b, call, idx, v))
		return;

	if (TREE_CODE(arg) == ADDR_EXPR) {
		mp_locate_ref(b->t, TREE_OPERAND(arg, 0), &place);
	} else {
		pointee = POINTER_TYPE_P(ptype) ? mp_type_bits(TREE_TYPE(ptype)) : -1;
		/*
		 * void * and char * callees may write any length, unless the
		 * call gives it: fill(&desc->pgoff, sizeof(desc->pgoff)).
		 */
		if (pointee <= BITS_PER_UNIT)
			pointee = length_in_call(b->t, call, idx);
		place_at_value(&place, v, pointee);
	}
	if (place.kind == MP_PLACE_TRACKED)
		add_write(b, call, MP_WRITE_ADDRESS, &place, callee)->arg = idx;
}

/*
 * A length as a constant: FORTIFY and drivers keep sizes in locals
 * (size_t n = sizeof(*desc); memcpy(desc, src, n)), which are SSA names
 * whose definition is the constant at every optimisation level.
 */
static bool constant_length(const struct mp_fn_track *t, tree len,
			    unsigned HOST_WIDE_INT *bytes)
{
	unsigned int depth;

	for (depth = 0; depth < 8 && len && mp_is_register_def(t, len); depth++)
		len = mp_defined_from(t, len);
	if (!len || !tree_fits_uhwi_p(len))
		return false;
	*bytes = tree_to_uhwi(len);
	return true;
}

/*
 * Atomic builtins that store a value at their first argument
 * (__atomic_store_n(&dst, val, order), __atomic_exchange_n,
 * __sync_lock_test_and_set; the desired value of a compare-exchange):
 * the index of that value, or -1.
 */
static int atomic_stored_value(gcall *call)
{
	tree fndecl = gimple_call_fndecl(call);
	const char *name;

	if (!gimple_call_builtin_p(call, BUILT_IN_NORMAL))
		return -1;
	name = IDENTIFIER_POINTER(DECL_NAME(fndecl));
	if (!strncmp(name, "__atomic_store", 14) ||
	    !strncmp(name, "__atomic_exchange", 17) ||
	    !strncmp(name, "__sync_lock_test_and_set", 24))
		return 1;
	if (!strncmp(name, "__atomic_compare_exchange_n", 27))
		return 2;
	return -1;
}

/* Where a builtin's destination argument DST points. */
static void destination_place(struct builder *b, tree dst,
			      struct mp_place *place)
{
	memset(place, 0, sizeof(*place));
	place->kind = MP_PLACE_UNKNOWN;
	if (TREE_CODE(dst) == ADDR_EXPR)
		mp_locate_ref(b->t, TREE_OPERAND(dst, 0), place);
	else if (mp_value_of(b->t, dst).local)
		place->kind = MP_PLACE_LOCAL;
}

/* A pointer into the object stored by an atomic builtin at *ARG0. */
static void atomic_pointer_store(struct builder *b, gcall *call)
{
	int k = atomic_stored_value(call);
	struct mp_place place;

	if (k < 0 || (unsigned int)k >= gimple_call_num_args(call) ||
	    !mp_value_of(b->t, gimple_call_arg(call, k)).tracked)
		return;
	destination_place(b, gimple_call_arg(call, 0), &place);
	pointer_store(b, call, &place);
}

/*
 * memcpy(&dst, &p, sizeof(p)), where the local p holds a pointer into a
 * descriptor, stores that pointer at dst: -O2 folds such a copy into an
 * assignment while gimplifying, -O0 keeps the call; both must agree.
 */
static void copied_pointer_store(struct builder *b, gcall *call, int len_arg)
{
	unsigned HOST_WIDE_INT len;
	struct mp_place from, to;
	tree src;

	if (len_arg < 2 || gimple_call_num_args(call) < 3)
		return;
	src = gimple_call_arg(call, 1);
	if (TREE_CODE(src) != ADDR_EXPR)
		return;
	mp_locate_ref(b->t, TREE_OPERAND(src, 0), &from);
	if (!from.decl || !from.base_local || from.kind == MP_PLACE_TRACKED)
		return;
	if (!mp_slots_value(b->t, from.decl, from.range_known ? from.lo : -1,
			    constant_length(b->t, gimple_call_arg(call, len_arg), &len) ?
			    (HOST_WIDE_INT)len * BITS_PER_UNIT : -1).tracked)
		return;
	destination_place(b, gimple_call_arg(call, 0), &to);
	pointer_store(b, call, &to);
}

static void call_effects(struct builder *b, gcall *call)
{
	int len_arg = mp_memory_writer_len_arg(call);
	HOST_WIDE_INT atomic = atomic_write_bytes(call);
	tree callee = gimple_call_fndecl(call);
	struct mp_place place;
	unsigned int i;

	/* Sanitizer checks and other internal functions only look. */
	if (gimple_call_internal_p(call))
		return;

	for (i = 0; i < gimple_call_num_args(call); i++) {
		struct mp_pt v = mp_value_of(b->t, gimple_call_arg(call, i));
		struct mp_effect *e;

		if (!v.tracked)
			continue;
		e = new_effect(b, MP_EFFECT_CALL_ARG, call);
		e->callee = callee;
		e->arg = i;
		e->readonly_param = points_to_const(param_type(call, i));
		/* Only the checks ask; summaries judge calls themselves. */
		e->callee_may_write = b->t->mode != MP_TRACK_DESCRIPTORS || !callee ||
				      b->may_write(callee, i);
		/* A parameter of descriptor type: the callee is checked itself. */
		e->callee_may_keep = b->t->mode == MP_TRACK_DESCRIPTORS && callee &&
				     b->may_keep && !len_arg_or_atomic(len_arg, atomic) &&
				     !mp_is_desc_pointer_type(param_type(call, i)) &&
				     b->may_keep(callee, i);
		e->memory_writer = len_arg >= 0;
		if (len_arg >= 0 && i == 0) {
			unsigned HOST_WIDE_INT len;

			place_at_value(&place, v,
				       constant_length(b->t, gimple_call_arg(call, len_arg), &len) ?
				       (HOST_WIDE_INT)len * BITS_PER_UNIT : -1);
			add_write(b, call, MP_WRITE_BUILTIN, &place, NULL_TREE);
		} else if (atomic && i == 0) {
			place_at_value(&place, v, atomic > 0 ? atomic * BITS_PER_UNIT : -1);
			add_write(b, call, MP_WRITE_STORE, &place, NULL_TREE);
		} else if (len_arg < 0 && !atomic) {
			address_arg_write(b, call, i, v);
		}
	}
	if (atomic)
		atomic_pointer_store(b, call);
	copied_pointer_store(b, call, len_arg);
}

/* desc->action = make_action(): a call's result stored into memory. */
static void call_result_store(struct builder *b, gcall *call)
{
	tree lhs = gimple_call_lhs(call);
	struct mp_place place;

	if (!lhs || mp_is_register_def(b->t, lhs) || !mp_is_reference(lhs))
		return;
	mp_locate_ref(b->t, lhs, &place);
	memory_store(b, call, lhs, &place);
}

static void stmt_effects(struct builder *b, gimple *stmt)
{
	tree val;

	switch (gimple_code(stmt)) {
	case GIMPLE_ASSIGN:
		assign_effects(b, mp_as_assign(stmt));
		break;
	case GIMPLE_CALL:
		call_effects(b, mp_as_call(stmt));
		call_result_store(b, mp_as_call(stmt));
		break;
	case GIMPLE_ASM:
		asm_effects(b, mp_as_asm(stmt));
		break;
	case GIMPLE_RETURN:
		val = gimple_return_retval(mp_as_return(stmt));
		if (val && mp_value_of(b->t, val).tracked)
			new_effect(b, MP_EFFECT_RETURN, stmt);
		break;
	default:
		break;
	}
}

void mp_effects_build(struct mp_fn_facts *facts, const struct mp_fn_track *t,
		      mp_may_write_fn may_write, mp_may_write_fn may_keep,
		      mp_write_ranges_fn write_ranges)
{
	struct builder b = { facts, t, may_write, may_keep, write_ranges, 0 };
	unsigned int n_bb = last_basic_block_for_fn(t->fn);
	basic_block bb;

	memset(facts, 0, sizeof(*facts));
	facts->fndecl = t->fndecl;
	facts->fn = t->fn;
	facts->pol = t->pol;
	facts->unsettled = t->unsettled;
	facts->bb_first = XCNEWVEC(unsigned int, n_bb);
	facts->bb_count = XCNEWVEC(unsigned int, n_bb);
	FOR_EACH_BB_FN(bb, t->fn) {
		gimple_stmt_iterator si;

		facts->bb_first[bb->index] = facts->n_effects;
		for (si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si))
			stmt_effects(&b, gsi_stmt(si));
		facts->bb_count[bb->index] = facts->n_effects -
					     facts->bb_first[bb->index];
	}
}

void mp_effects_build_statements(struct mp_fn_facts *facts,
				 const struct mp_fn_track *t, gimple **stmts,
				 unsigned int n, mp_may_write_fn may_write,
				 mp_may_write_fn may_keep)
{
	struct builder b = { facts, t, may_write, may_keep, NULL, 0 };
	unsigned int i;

	memset(facts, 0, sizeof(*facts));
	facts->fndecl = t->fndecl;
	facts->pol = t->pol;
	facts->unsettled = t->unsettled;
	for (i = 0; i < n; i++)
		stmt_effects(&b, stmts[i]);
}

void mp_effects_release(struct mp_fn_facts *facts)
{
	unsigned int i;

	for (i = 0; i < facts->n_effects; i++)
		free((char *)facts->effects[i].spelled);
	free(facts->effects);
	free(facts->bb_first);
	free(facts->bb_count);
	memset(facts, 0, sizeof(*facts));
}

/*
 * Does E write the tracked object other than by a store of its own: a
 * return or asm given the pointer, the pointer stored outside the
 * function's locals, a call that may write it?  A mem* builtin reads its
 * other arguments.
 */
static bool writes_indirectly(const struct mp_effect *e,
			      mp_may_write_fn may_write)
{
	switch (e->kind) {
	case MP_EFFECT_RETURN:
	case MP_EFFECT_ASM_INPUT:
		return true;
	case MP_EFFECT_POINTER_STORE:
		return !e->dest_local_decl;
	case MP_EFFECT_CALL_ARG:
		if ((e->memory_writer && e->arg > 0) || e->readonly_param)
			return false;
		return !e->callee || may_write(e->callee, e->arg);
	default:
		return false;
	}
}

bool mp_effects_may_write(const struct mp_fn_facts *facts,
			  mp_may_write_fn may_write)
{
	unsigned int i;

	if (facts->unsettled)
		return true;	/* no proof from values that did not settle */
	for (i = 0; i < facts->n_effects; i++) {
		const struct mp_effect *e = &facts->effects[i];

		if (e->kind == MP_EFFECT_WRITE || writes_indirectly(e, may_write))
			return true;
	}
	return false;
}

bool mp_effects_write_ranges(const struct mp_fn_facts *facts,
			     mp_may_write_fn may_write, struct mp_range *ranges,
			     unsigned int max, unsigned int *n)
{
	unsigned int i;

	*n = 0;
	if (facts->unsettled)
		return false;
	for (i = 0; i < facts->n_effects; i++) {
		const struct mp_effect *e = &facts->effects[i];

		if (writes_indirectly(e, may_write))
			return false;
		if (e->kind != MP_EFFECT_WRITE || e->clobber)
			continue;
		if (!e->range_known || e->size <= 0 || *n == max)
			return false;
		ranges[*n].lo = e->lo;
		ranges[(*n)++].size = e->size;
	}
	return true;
}

bool mp_effects_may_keep(const struct mp_fn_facts *facts,
			 mp_may_write_fn may_keep)
{
	unsigned int i;

	if (facts->unsettled)
		return true;
	for (i = 0; i < facts->n_effects; i++) {
		const struct mp_effect *e = &facts->effects[i];

		if (e->kind == MP_EFFECT_POINTER_STORE && !e->dest_local_decl &&
		    e->dest != MP_PLACE_LOCAL)
			return true;
		if (e->kind == MP_EFFECT_CALL_ARG && e->callee && !e->memory_writer &&
		    !e->readonly_param && may_keep(e->callee, e->arg))
			return true;
	}
	return false;
}
