// SPDX-License-Identifier: GPL-2.0
/*
 * Which values of a function point into a descriptor, and where.
 *
 * The analysis runs on GIMPLE in SSA form, before any optimisation, so
 * -O0 and -O2 see the same statements.  Every SSA name gets a small
 * lattice value (struct mp_pt): "may point into a tracked object, at bit
 * offset OFF (or unknown)" and "surely points to a local object".
 * Values flow through copies, casts, constant offsets, PHIs, member
 * addresses, local variables whose address is never taken (SSA) or that
 * live in memory (slots below), and the return values of visible static
 * functions.  One iteration over the function in reverse post-order
 * usually reaches the fixed point; loops need one more.
 *
 * Pre-SSA mode (mp_track_statements) runs on the lowered body before GCC
 * builds its CFG, for the branches the configuration compiles out
 * (compiled_out.c): only the gimplifier's temporaries are SSA names yet,
 * so every variable is a slot joined over all its assignments, in any
 * order.
 *
 * The tracked objects are every struct vm_area_desc (checking mode) or
 * the object one pointer parameter points to (summary mode, used to
 * prove a callee never writes through that parameter).
 *
 * What a callee returns is asked of the caller (t->callee_return): the
 * unit analysis answers from functions it analysed before, callees
 * first, so a sweep never starts another function's analysis.
 *
 * t->relevant records, explicitly at each step below, that something
 * tracked was seen: a tracked value, or a reference that lands in a
 * tracked object.  A function where nothing is has no effects to check.
 */
#include "analysis.h"

/*
 * The sweeps over a function repeat until no value changes.  A value only
 * rises (it is joined with its old self) and can rise at most this many
 * times (unvisited, nothing, tracked at an offset, tracked at an unknown
 * offset, no longer local), and a sweep that changes anything raises at
 * least one value, so the sweeps end by themselves; a chain of values
 * carried around a loop needs one sweep per link.  The bound derived from
 * this is a guard only: passing it means a bug, and the function is then
 * marked unsettled instead of being judged on half-computed values.
 */
#define MP_LATTICE_STEPS 5

struct mp_pt mp_pt_join(struct mp_pt a, struct mp_pt b)
{
	struct mp_pt r;

	if (!a.visited)
		return b;
	if (!b.visited)
		return a;
	r.visited = true;
	r.tracked = a.tracked || b.tracked;
	if (a.tracked && b.tracked) {
		r.off_known = a.off_known && b.off_known && a.off == b.off;
		r.off = a.off;
	} else {
		r.off_known = a.tracked ? a.off_known : b.off_known;
		r.off = a.tracked ? a.off : b.off;
	}
	if (!r.off_known)
		r.off = 0;
	r.local = a.local && b.local;
	if (a.tracked && b.tracked)
		r.bounded = a.bounded && b.bounded && a.blo == b.blo && a.bsize == b.bsize;
	else
		r.bounded = a.tracked ? a.bounded : b.bounded;
	r.blo = r.bounded ? (a.tracked ? a.blo : b.blo) : 0;
	r.bsize = r.bounded ? (a.tracked ? a.bsize : b.bsize) : 0;
	return r;
}

bool mp_pt_same(const struct mp_pt *a, const struct mp_pt *b)
{
	return a->visited == b->visited && a->tracked == b->tracked &&
	       a->off_known == b->off_known && a->off == b->off &&
	       a->local == b->local && a->bounded == b->bounded &&
	       a->blo == b->blo && a->bsize == b->bsize;
}

static struct mp_pt pt_shift(struct mp_pt v, tree amount, bool negate)
{
	if (!v.tracked || !v.off_known)
		return v;
	if (amount && TREE_CODE(amount) == INTEGER_CST) {
		/* Offsets are sizetype, unsigned: -8 on a 32-bit target is
		   0xfffffff8 and must be read as -8. */
		unsigned int prec = TYPE_PRECISION(TREE_TYPE(amount));
		HOST_WIDE_INT bytes = (HOST_WIDE_INT)TREE_INT_CST_LOW(amount);

		if (prec && prec < HOST_BITS_PER_WIDE_INT)
			bytes = sext_hwi(bytes, prec);

		v.off += (negate ? -bytes : bytes) * BITS_PER_UNIT;
		/* container_of() and friends leave the member. */
		if (v.bounded && (v.off < v.blo || v.off >= v.blo + v.bsize))
			v.bounded = false;
	} else {
		v.off_known = false;
		v.off = 0;
	}
	return v;
}

/* The value an SSA name has before any statement defines it. */
static struct mp_pt seed_of(struct mp_fn_track *t, tree name)
{
	if (t->mode == MP_TRACK_DESCRIPTORS) {
		if (mp_is_desc_pointer_type(TREE_TYPE(name)))
			return mp_pt_tracked_at(0, true);
	} else if (SSA_NAME_IS_DEFAULT_DEF(name) &&
		   SSA_NAME_VAR(name) == t->tracked_parm) {
		return mp_pt_tracked_at(0, true);
	}
	return SSA_NAME_IS_DEFAULT_DEF(name) ? mp_pt_nothing : mp_pt_unvisited;
}

static void set_value(struct mp_fn_track *t, tree name, struct mp_pt v)
{
	unsigned int ver = SSA_NAME_VERSION(name);
	struct mp_pt merged;

	if (ver >= t->n_ssa)
		return;
	if (!v.visited)
		v = mp_pt_nothing;
	merged = mp_pt_join(t->ssa[ver], v);
	if (!mp_pt_same(&merged, &t->ssa[ver])) {
		t->ssa[ver] = merged;
		t->changed = true;
	}
	if (merged.tracked)
		t->relevant = true;
}

/* The value of OP; notes that something tracked was seen. */
static struct mp_pt value(struct mp_fn_track *t, tree op)
{
	struct mp_pt v = mp_value_of(t, op);

	if (v.tracked)
		t->relevant = true;
	return v;
}

/* Where REF lands; notes that something tracked was seen. */
static void locate(struct mp_fn_track *t, tree ref, struct mp_place *place)
{
	mp_locate_ref(t, ref, place);
	if (place->kind == MP_PLACE_TRACKED)
		t->relevant = true;
}

/* ---- memory slots: local objects holding tracked pointers ---- */

static struct mp_slot *find_slot(struct mp_fn_track *t, tree decl,
				 HOST_WIDE_INT off)
{
	unsigned int i;

	for (i = 0; i < t->n_slots; i++) {
		if (t->slots[i].decl == decl && t->slots[i].off == off)
			return &t->slots[i];
	}
	return NULL;
}

static void slot_store(struct mp_fn_track *t, tree decl, HOST_WIDE_INT off,
		       struct mp_pt v)
{
	struct mp_slot *s = find_slot(t, decl, off);
	struct mp_pt merged;

	if (!s) {
		MP_GROW(t->slots, t->n_slots, t->slots_cap);
		s = &t->slots[t->n_slots++];
		s->decl = decl;
		s->off = off;
		s->val = v;
		t->changed = true;
		return;
	}
	merged = mp_pt_join(s->val, v);
	if (!mp_pt_same(&merged, &s->val)) {
		s->val = merged;
		t->changed = true;
	}
}

static struct mp_pt slot_load(struct mp_fn_track *t, tree decl,
			      HOST_WIDE_INT lo, HOST_WIDE_INT size)
{
	return mp_slots_value(t, decl, lo, size);
}

/*
 * LHS, a register the statement defines, gets V: an SSA name's value, or
 * in pre-SSA mode the variable's slot (joined over all its definitions).
 */
static void set_register(struct mp_fn_track *t, tree lhs, struct mp_pt v)
{
	if (TREE_CODE(lhs) == SSA_NAME) {
		set_value(t, lhs, v);
		return;
	}
	if (v.tracked)
		t->relevant = true;
	if (v.tracked || v.local)
		slot_store(t, lhs, 0, v);
}

/* ---- transfer functions ---- */

static struct mp_pt load_value(struct mp_fn_track *t, tree ref)
{
	struct mp_place place;

	locate(t, ref, &place);
	if (!place.decl || !place.base_local)
		return mp_pt_nothing;
	/*
	 * ptrs[i] reads any element, a load as wide as the object (a small
	 * memcpy folded to a uint128_t copy) all it holds; the store of such
	 * a load copies the slots (transfer_store).
	 */
	return slot_load(t, place.decl, place.range_known ? place.lo : -1,
			 place.size);
}

/*
 * The local object a register was loaded from whole ("_5 = MEM[&h]",
 * a folded memcpy), or NULL: storing the register copies the object.
 */
tree mp_loaded_object(tree op)
{
	gimple *def;
	tree ref;

	if (TREE_CODE(op) != SSA_NAME || POINTER_TYPE_P(TREE_TYPE(op)))
		return NULL_TREE;
	def = SSA_NAME_DEF_STMT(op);
	if (!def || !gimple_assign_single_p(def) || !gimple_assign_load_p(def))
		return NULL_TREE;
	ref = gimple_assign_rhs1(def);
	if (mp_type_bits(TREE_TYPE(ref)) <= (HOST_WIDE_INT)POINTER_SIZE)
		return NULL_TREE;
	return ref;
}

/*
 * A constant mask that keeps only bits below a page (x & 63, x & 0xfff):
 * what is left is an offset or a tag, not an address.  Masks that clear
 * low bits (x & ~63, alignment) keep the pointer.
 */
static bool low_bits_mask(tree op)
{
	return TREE_CODE(op) == INTEGER_CST && tree_fits_uhwi_p(op) &&
	       tree_to_uhwi(op) < 4096;
}

static struct mp_pt eval_assign(struct mp_fn_track *t, gassign *stmt)
{
	enum tree_code code = gimple_assign_rhs_code(stmt);
	tree rhs1 = gimple_assign_rhs1(stmt);
	struct mp_pt a, b;

	switch (get_gimple_rhs_class(code)) {
	case GIMPLE_SINGLE_RHS:
		if (mp_is_value_operand(t, rhs1))
			return value(t, rhs1);
		if (TREE_CODE(rhs1) == VIEW_CONVERT_EXPR &&
		    mp_is_register_def(t, TREE_OPERAND(rhs1, 0)))
			return value(t, TREE_OPERAND(rhs1, 0));
		if (mp_is_reference(rhs1))
			return load_value(t, rhs1);
		return mp_pt_nothing;
	case GIMPLE_UNARY_RHS:
		if (CONVERT_EXPR_CODE_P(code))
			return value(t, rhs1);
		return mp_pt_nothing;
	case GIMPLE_BINARY_RHS:
		a = value(t, rhs1);
		b = value(t, gimple_assign_rhs2(stmt));
		switch (code) {
		case POINTER_PLUS_EXPR:
			return pt_shift(a, gimple_assign_rhs2(stmt), false);
		case PLUS_EXPR:
			if (a.tracked)
				return pt_shift(a, gimple_assign_rhs2(stmt), false);
			return pt_shift(b, rhs1, false);
		case MINUS_EXPR:
			return pt_shift(a, gimple_assign_rhs2(stmt), true);
		case BIT_AND_EXPR:
			/* (unsigned long)desc & 63: the low bits, not a pointer. */
			if (low_bits_mask(gimple_assign_rhs2(stmt)) ||
			    low_bits_mask(rhs1))
				return mp_pt_nothing;
			/* fall through */
		case BIT_IOR_EXPR:
			/* Alignment masks keep the object, lose the offset. */
			a = mp_pt_join(a, b);
			if (a.tracked) {
				a.off_known = false;
				a.bounded = false;
			}
			return a;
		case MIN_EXPR:
		case MAX_EXPR:
			return mp_pt_join(a, b);
		default:
			return mp_pt_nothing;
		}
	case GIMPLE_TERNARY_RHS:
		if (code == COND_EXPR)
			return mp_pt_join(value(t, gimple_assign_rhs2(stmt)),
				       value(t, gimple_assign_rhs3(stmt)));
		return mp_pt_nothing;
	default:
		return mp_pt_nothing;
	}
}

static struct mp_pt eval_call(struct mp_fn_track *t, gcall *call)
{
	tree fndecl = gimple_call_fndecl(call);

	if (mp_returns_first_arg(call))
		return value(t, gimple_call_arg(call, 0));
	if (t->mode == MP_TRACK_DESCRIPTORS && fndecl && t->callee_return)
		return t->callee_return(fndecl);
	return mp_pt_nothing;
}

/* "h2 = h" between local structs: h2 holds what h held, where h did. */
static void copy_slots(struct mp_fn_track *t, const struct mp_place *from,
		       const struct mp_place *to)
{
	bool exact = from->range_known && to->range_known;
	unsigned int i, n = t->n_slots;

	if (!from->decl || !from->base_local || !to->decl || !to->base_local)
		return;
	for (i = 0; i < n; i++) {
		struct mp_slot s = t->slots[i];	/* slot_store may move them */

		if (s.decl != from->decl)
			continue;
		if (exact && s.off >= 0 &&
		    (s.off < from->lo || (from->size > 0 && s.off >= from->lo + from->size)))
			continue;
		slot_store(t, to->decl,
			   exact && s.off >= 0 ? to->lo + (s.off - from->lo) : -1, s.val);
	}
}

static void transfer_store(struct mp_fn_track *t, gassign *stmt, tree lhs)
{
	tree rhs = gimple_assign_rhs1(stmt);
	struct mp_place place;
	struct mp_pt v;

	locate(t, lhs, &place);
	if (!gimple_assign_single_p(stmt))
		return;
	if (!mp_is_value_operand(t, rhs)) {
		/*
		 * An aggregate copy: from a descriptor, only its relevance;
		 * between local objects, the pointers they hold.
		 */
		if (mp_is_reference(rhs)) {
			struct mp_place from;

			locate(t, rhs, &from);
			copy_slots(t, &from, &place);
		}
		return;
	}
	if (mp_loaded_object(rhs)) {
		struct mp_place from;

		locate(t, mp_loaded_object(rhs), &from);
		copy_slots(t, &from, &place);
		return;
	}
	v = value(t, rhs);
	/* ptrs[i] = p: a variable index may store into any element. */
	if (place.range_known && place.size != mp_type_bits(TREE_TYPE(lhs)))
		place.range_known = false;
	if ((v.tracked || v.local) && place.decl && place.base_local)
		slot_store(t, place.decl, place.range_known ? place.lo : -1, v);
}

/* memcpy(&h2, &h, n) between local objects: as "h2 = h". */
static void transfer_copy_call(struct mp_fn_track *t, gcall *call)
{
	struct mp_place from, to;
	tree dst, src;

	if (mp_memory_writer_len_arg(call) != 2 || gimple_call_num_args(call) < 3)
		return;
	dst = gimple_call_arg(call, 0);
	src = gimple_call_arg(call, 1);
	if (TREE_CODE(dst) != ADDR_EXPR || TREE_CODE(src) != ADDR_EXPR)
		return;
	locate(t, TREE_OPERAND(src, 0), &from);
	locate(t, TREE_OPERAND(dst, 0), &to);
	copy_slots(t, &from, &to);
}

static void transfer_stmt(struct mp_fn_track *t, gimple *stmt)
{
	tree lhs;

	switch (gimple_code(stmt)) {
	case GIMPLE_ASSIGN:
		lhs = gimple_assign_lhs(stmt);
		if (mp_is_register_def(t, lhs))
			set_register(t, lhs, eval_assign(t, mp_as_assign(stmt)));
		else
			transfer_store(t, mp_as_assign(stmt), lhs);
		break;
	case GIMPLE_CALL:
		lhs = gimple_call_lhs(stmt);
		if (lhs && mp_is_register_def(t, lhs))
			set_register(t, lhs, eval_call(t, mp_as_call(stmt)));
		transfer_copy_call(t, mp_as_call(stmt));
		break;
	case GIMPLE_RETURN: {
		tree val = gimple_return_retval(mp_as_return(stmt));

		if (val)
			t->ret = mp_pt_join(t->ret, value(t, val));
		break;
	}
	case GIMPLE_ASM: {
		gasm *as = mp_as_asm(stmt);
		unsigned int i;

		for (i = 0; i < gimple_asm_noutputs(as); i++) {
			tree out = TREE_VALUE(gimple_asm_output_op(as, i));

			if (TREE_CODE(out) == SSA_NAME)
				set_value(t, out, mp_pt_nothing);
		}
		break;
	}
	default:
		break;
	}
}

static void transfer_phi(struct mp_fn_track *t, gphi *phi)
{
	struct mp_pt v = mp_pt_unvisited;
	unsigned int i;

	for (i = 0; i < gimple_phi_num_args(phi); i++)
		v = mp_pt_join(v, value(t, gimple_phi_arg_def(phi, i)));
	set_value(t, gimple_phi_result(phi), v);
}

/*
 * A pointer parameter whose address is taken (memcpy(&g, &desc, n) at
 * -O0) lives in memory: its slot holds the incoming value.
 */
static void seed_parameters_in_memory(struct mp_fn_track *t)
{
	tree parm;

	for (parm = DECL_ARGUMENTS(t->fndecl); parm; parm = DECL_CHAIN(parm)) {
		if (is_gimple_reg(parm))
			continue;
		if ((t->mode == MP_TRACK_DESCRIPTORS &&
		     mp_is_desc_pointer_type(TREE_TYPE(parm))) ||
		    (t->mode == MP_TRACK_PARAM && parm == t->tracked_parm)) {
			slot_store(t, parm, 0, mp_pt_tracked_at(0, true));
			t->relevant = true;
		}
	}
}

static void seed_names(struct mp_fn_track *t)
{
	unsigned int i;
	tree name;

	FOR_EACH_SSA_NAME(i, name, t->fn) {
		struct mp_pt v = seed_of(t, name);

		if (i < t->n_ssa)
			t->ssa[i] = v;
		if (v.tracked)
			t->relevant = true;
	}
}

void mp_track_function(struct mp_fn_track *t, function *fn,
		       enum mp_track_mode mode, tree parm,
		       mp_return_fn callee_return)
{
	int *rpo, n_rpo, i;
	unsigned long sweeps;

	memset(t, 0, sizeof(*t));
	t->fn = fn;
	t->fndecl = fn->decl;
	t->mode = mode;
	t->tracked_parm = parm;
	t->callee_return = callee_return;
	t->pol = mp_unit_policy();
	t->n_ssa = vec_safe_length(SSANAMES(fn));
	t->ssa = XCNEWVEC(struct mp_pt, t->n_ssa);
	seed_names(t);
	seed_parameters_in_memory(t);

	rpo = XNEWVEC(int, n_basic_blocks_for_fn(fn));
	n_rpo = pre_and_rev_post_order_compute_fn(fn, NULL, rpo, false);
	for (sweeps = 0;; sweeps++) {
		if (sweeps > MP_LATTICE_STEPS * ((unsigned long)t->n_ssa + t->n_slots + 1) ||
		    (mp_opts.sweep_limit && sweeps >= mp_opts.sweep_limit)) {
			t->unsettled = true;
			break;
		}
		t->changed = false;
		for (i = 0; i < n_rpo; i++) {
			basic_block bb = BASIC_BLOCK_FOR_FN(fn, rpo[i]);
			gphi_iterator pi;
			gimple_stmt_iterator si;

			for (pi = gsi_start_phis(bb); !gsi_end_p(pi); gsi_next(&pi))
				transfer_phi(t, pi.phi());
			for (si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si))
				transfer_stmt(t, gsi_stmt(si));
		}
		/* Nothing tracked after a full sweep: nothing ever will be. */
		if (!t->changed || !t->relevant)
			break;
	}
	free(rpo);
}

/* Pre-SSA: a variable's only plain definition, for mp_defined_from(). */
static void note_definition(struct mp_fn_track *t, tree lhs, gimple *stmt)
{
	tree rhs = NULL_TREE;
	unsigned int i;

	if (!lhs || !DECL_P(lhs))
		return;
	if (is_gimple_assign(stmt) &&
	    (gimple_assign_single_p(stmt) ||
	     CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(stmt))))
		rhs = gimple_assign_rhs1(stmt);
	if (mp_key_index_get(&t->defs, DECL_UID(lhs), 0, &i)) {
		t->def_rhs[i] = NULL_TREE;	/* defined twice: no value */
		return;
	}
	MP_GROW(t->def_rhs, t->n_defs, t->defs_cap);
	mp_key_index_put(&t->defs, DECL_UID(lhs), 0, t->n_defs);
	t->def_rhs[t->n_defs++] = rhs;
}

static void note_definitions(struct mp_fn_track *t, gimple **stmts,
			     unsigned int n)
{
	unsigned int i, k;

	for (i = 0; i < n; i++) {
		gimple *stmt = stmts[i];

		if (is_gimple_assign(stmt)) {
			note_definition(t, gimple_assign_lhs(stmt), stmt);
		} else if (is_gimple_call(stmt)) {
			note_definition(t, gimple_call_lhs(stmt), stmt);
		} else if (gimple_code(stmt) == GIMPLE_ASM) {
			gasm *as = mp_as_asm(stmt);

			for (k = 0; k < gimple_asm_noutputs(as); k++)
				note_definition(t, TREE_VALUE(gimple_asm_output_op(as, k)),
						stmt);
		}
	}
}

void mp_track_statements(struct mp_fn_track *t, tree fndecl, gimple **stmts,
			 unsigned int n, mp_return_fn callee_return)
{
	unsigned long sweeps;
	unsigned int i;

	memset(t, 0, sizeof(*t));
	t->fndecl = fndecl;
	t->mode = MP_TRACK_DESCRIPTORS;
	t->callee_return = callee_return;
	t->pol = mp_unit_policy();
	t->pre_ssa = true;
	/* The gimplifier already made its temporaries SSA names. */
	t->fn = DECL_STRUCT_FUNCTION(fndecl);
	if (t->fn && t->fn->gimple_df) {
		t->n_ssa = vec_safe_length(SSANAMES(t->fn));
		t->ssa = XCNEWVEC(struct mp_pt, t->n_ssa);
		seed_names(t);
	}
	note_definitions(t, stmts, n);
	for (sweeps = 0;; sweeps++) {
		if (sweeps > MP_LATTICE_STEPS * ((unsigned long)n + t->n_slots + 1) ||
		    (mp_opts.sweep_limit && sweeps >= mp_opts.sweep_limit)) {
			t->unsettled = true;
			break;
		}
		t->changed = false;
		for (i = 0; i < n; i++)
			transfer_stmt(t, stmts[i]);
		if (!t->changed)
			break;
	}
}

void mp_track_release(struct mp_fn_track *t)
{
	free(t->ssa);
	free(t->slots);
	free(t->def_rhs);
	mp_key_index_clear(&t->defs);
	t->ssa = NULL;
	t->slots = NULL;
	t->def_rhs = NULL;
}
