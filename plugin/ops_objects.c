// SPDX-License-Identifier: GPL-2.0
/*
 * Ops objects and the hooks they are given, collected over the unit for
 * the rules mmap-prepare-both-hooks and mmap-prepare-deprecated-mmap
 * (both_hooks.c, deprecated_mmap.c) to judge once the unit is complete.
 *
 * An ops object is any object of a struct type with function-pointer
 * members named mmap and mmap_prepare (file_operations, uio_info, ...).
 * Hooks are collected from initializers (static, automatic, compound
 * literals, array elements, nested members, positional or designated)
 * when the front end finishes a declaration, and from assignments in
 * every function of the unit.  Objects are identified by the declaration
 * UID and bit offset, so an initializer with one hook and an assignment
 * of the other in any function count together.  Objects reached only
 * through a pointer are grouped per function by the pointer expression.
 *
 * Records hold no trees, only UIDs, locations and strings, because they
 * live across garbage collections until the end of the unit.
 */
#include "mmap_prepare.h"

struct ops_record {
	struct mp_ops_object obj;
	unsigned int uid;		/* DECL_UID, or 0 for pointer objects */
	HOST_WIDE_INT off;		/* bits; serial number for pointers */
};

static struct ops_record *records;
static unsigned int n_records, records_cap;
static struct mp_key_index record_index;	/* (uid, off) -> records[] */
static HOST_WIDE_INT pointer_serial;
/* Functions given to an mmap_prepare member of any struct: DECL_UIDs. */
static struct mp_key_index prepare_hooks;

static bool is_function_pointer(tree type)
{
	return POINTER_TYPE_P(type) && FUNC_OR_METHOD_TYPE_P(TREE_TYPE(type));
}

static int hook_of_field(tree field)
{
	int i;

	if (TREE_CODE(field) != FIELD_DECL || !DECL_NAME(field))
		return -1;
	if (DECL_NAME(field) == mp_id_mmap)
		i = MP_HOOK_MMAP;
	else if (DECL_NAME(field) == mp_id_mmap_prepare)
		i = MP_HOOK_MMAP_PREPARE;
	else
		return -1;
	return is_function_pointer(TREE_TYPE(field)) ? i : -1;
}

/* FIELD = VALUE: remembers a function registered as an mmap_prepare hook. */
static void note_prepare_hook(tree field, tree value)
{
	if (hook_of_field(field) != MP_HOOK_MMAP_PREPARE)
		return;
	STRIP_NOPS(value);
	if (TREE_CODE(value) != ADDR_EXPR ||
	    TREE_CODE(TREE_OPERAND(value, 0)) != FUNCTION_DECL)
		return;
	mp_key_index_put(&prepare_hooks, DECL_UID(TREE_OPERAND(value, 0)), 0, 0);
}

bool mp_is_prepare_hook(tree fndecl)
{
	unsigned int pos;

	return mp_key_index_get(&prepare_hooks, DECL_UID(fndecl), 0, &pos);
}

/* Does struct TYPE have both hook members? */
bool mp_is_ops_type(tree type)
{
	bool have[MP_HOOK_COUNT] = { false, false };
	tree f;

	if (!type || TREE_CODE(type) != RECORD_TYPE)
		return false;
	for (f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f)) {
		int hook = hook_of_field(f);

		if (hook >= 0)
			have[hook] = true;
	}
	return have[MP_HOOK_MMAP] && have[MP_HOOK_MMAP_PREPARE];
}

static char *type_name_of(tree type)
{
	tree name = mp_type_tag(type);

	if (name)
		return xasprintf("struct %s", IDENTIFIER_POINTER(name));
	return xstrdup("anonymous struct");
}

static struct ops_record *get_record(unsigned int uid, HOST_WIDE_INT off,
				     const char *name, tree type)
{
	struct ops_record *r;
	unsigned int i;

	if (mp_key_index_get(&record_index, uid, (unsigned long long)off, &i))
		return &records[i];
	MP_GROW(records, n_records, records_cap);
	mp_key_index_put(&record_index, uid, (unsigned long long)off, n_records);
	r = &records[n_records++];
	memset(r, 0, sizeof(*r));
	r->uid = uid;
	r->off = off;
	r->obj.name = xstrdup(name);
	r->obj.type_name = type_name_of(type);
	return r;
}

/* The DECL_UID of the function VALUE gives, or 0. */
static unsigned int function_uid(tree value)
{
	STRIP_NOPS(value);
	if (TREE_CODE(value) != ADDR_EXPR ||
	    TREE_CODE(TREE_OPERAND(value, 0)) != FUNCTION_DECL)
		return 0;
	return DECL_UID(TREE_OPERAND(value, 0));
}

/* The function VALUE is the address of, with no conversion, or NULL. */
static tree function_address(tree value)
{
	if (TREE_CODE(value) == ADDR_EXPR &&
	    TREE_CODE(TREE_OPERAND(value, 0)) == FUNCTION_DECL)
		return TREE_OPERAND(value, 0);
	return NULL_TREE;
}

/*
 * VALUE is the hook given; INIT_FN the function an initializer (not an
 * assignment) gives, for the both-hooks fix-it.
 */
static void set_hook(struct ops_record *r, int hook, location_t loc,
		     location_t compiled_out, tree value, tree init_fn)
{
	/* The first sighting wins: the initializer's own location. */
	if (r->obj.set[hook])
		return;
	r->obj.set[hook] = true;
	r->obj.loc[hook] = loc;
	r->obj.compiled_out[hook] = compiled_out;
	r->obj.fn_uid[hook] = function_uid(value);
	if (init_fn && DECL_NAME(init_fn))
		r->obj.init_fn[hook] = xstrdup(IDENTIFIER_POINTER(DECL_NAME(init_fn)));
}

/* "Set" means a non-null value: .mmap = NULL does not provide a hook. */
static bool is_null_value(tree value)
{
	STRIP_NOPS(value);
	return integer_zerop(value);
}

/* ---- initializers ---- */

struct ctor_walk {
	unsigned int uid;
	location_t decl_loc;
};

static void walk_ctor(const struct ctor_walk *w, tree ctor, tree type,
		      HOST_WIDE_INT off, const char *name);

static void walk_value(const struct ctor_walk *w, tree value, tree type,
		       HOST_WIDE_INT off, const char *name)
{
	tree inner;

	if (TREE_CODE(value) == CONSTRUCTOR) {
		walk_ctor(w, value, type, off, name);
		return;
	}
	/* .fops = &(struct file_operations){ ... } */
	inner = value;
	STRIP_NOPS(inner);
	if (TREE_CODE(inner) != ADDR_EXPR)
		return;
	inner = TREE_OPERAND(inner, 0);
	if (TREE_CODE(inner) == COMPOUND_LITERAL_EXPR)
		inner = COMPOUND_LITERAL_EXPR_DECL(inner);
	if (TREE_CODE(inner) == VAR_DECL && DECL_ARTIFICIAL(inner) &&
	    DECL_INITIAL(inner) && TREE_CODE(DECL_INITIAL(inner)) == CONSTRUCTOR) {
		struct ctor_walk lit = { DECL_UID(inner), w->decl_loc };

		walk_ctor(&lit, DECL_INITIAL(inner), TREE_TYPE(inner), 0,
			  "compound literal");
	}
}

static void walk_record_ctor(const struct ctor_walk *w, tree ctor, tree type,
			     HOST_WIDE_INT off, const char *name)
{
	bool ops = mp_is_ops_type(type);
	unsigned HOST_WIDE_INT i;
	tree field, value;

	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), i, field, value) {
		HOST_WIDE_INT sub_off;
		char *sub_name;
		int hook;

		if (!field || TREE_CODE(field) != FIELD_DECL)
			continue;
		note_prepare_hook(field, value);
		hook = ops ? hook_of_field(field) : -1;
		if (hook >= 0 && !is_null_value(value)) {
			location_t loc = EXPR_LOCATION(value);

			if (loc == UNKNOWN_LOCATION)
				loc = w->decl_loc;
			set_hook(get_record(w->uid, off, name, type), hook, loc,
				 UNKNOWN_LOCATION, value, function_address(value));
			continue;
		}
		if (!AGGREGATE_TYPE_P(TREE_TYPE(field)) &&
		    !POINTER_TYPE_P(TREE_TYPE(field)))
			continue;
		if (!mp_field_bit_position(field, &sub_off))
			continue;
		sub_off += off;
		sub_name = xasprintf("%s.%s", name, DECL_NAME(field) ?
				     IDENTIFIER_POINTER(DECL_NAME(field)) : "<anonymous>");
		walk_value(w, value, TREE_TYPE(field), sub_off, sub_name);
		free(sub_name);
	}
}

static void walk_array_ctor(const struct ctor_walk *w, tree ctor, tree type,
			    HOST_WIDE_INT off, const char *name)
{
	tree elt_type = TREE_TYPE(type);
	HOST_WIDE_INT elt_bits = mp_type_bits(elt_type);
	HOST_WIDE_INT next = 0;
	unsigned HOST_WIDE_INT i;
	tree index, value;

	if (elt_bits <= 0 ||
	    (!AGGREGATE_TYPE_P(elt_type) && !POINTER_TYPE_P(elt_type)))
		return;
	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), i, index, value) {
		HOST_WIDE_INT idx = next;
		char *sub_name;

		if (index && TREE_CODE(index) == INTEGER_CST)
			idx = tree_to_shwi(index);
		else if (index && TREE_CODE(index) == RANGE_EXPR &&
			 TREE_CODE(TREE_OPERAND(index, 0)) == INTEGER_CST)
			idx = tree_to_shwi(TREE_OPERAND(index, 0));
		next = idx + 1;
		sub_name = xasprintf("%s[%ld]", name, (long)idx);
		walk_value(w, value, elt_type, off + idx * elt_bits, sub_name);
		free(sub_name);
	}
}

static void walk_ctor(const struct ctor_walk *w, tree ctor, tree type,
		      HOST_WIDE_INT off, const char *name)
{
	type = TYPE_MAIN_VARIANT(type);
	if (TREE_CODE(type) == RECORD_TYPE || TREE_CODE(type) == UNION_TYPE)
		walk_record_ctor(w, ctor, type, off, name);
	else if (TREE_CODE(type) == ARRAY_TYPE)
		walk_array_ctor(w, ctor, type, off, name);
}

void mp_ops_finish_decl(tree decl)
{
	struct ctor_walk w;
	location_t spelled;
	tree init;

	if (TREE_CODE(decl) != VAR_DECL || !DECL_NAME(decl))
		return;
	init = DECL_INITIAL(decl);
	if (!init || (TREE_CODE(init) != CONSTRUCTOR &&
		      !POINTER_TYPE_P(TREE_TYPE(decl))))
		return;
	spelled = linemap_resolve_location(line_table, DECL_SOURCE_LOCATION(decl),
					   LRK_SPELLING_LOCATION, NULL);
	if (mp_path_is_core(LOCATION_FILE(spelled)))
		return;
	w.uid = DECL_UID(decl);
	w.decl_loc = DECL_SOURCE_LOCATION(decl);
	walk_value(&w, init, TREE_TYPE(decl), 0, IDENTIFIER_POINTER(DECL_NAME(decl)));
}

/* ---- assignments in functions ---- */

struct pointer_object {
	tree base;
	unsigned int record;
};

static char *object_name(tree base, tree decl)
{
	if (decl && DECL_ARTIFICIAL(decl) && !DECL_NAME(decl))
		return xstrdup("compound literal");
	if (decl && DECL_NAME(decl) && TREE_CODE(base) == VAR_DECL)
		return xstrdup(IDENTIFIER_POINTER(DECL_NAME(decl)));
	if (decl && DECL_NAME(decl))
		return xasprintf("%s (member)", IDENTIFIER_POINTER(DECL_NAME(decl)));
	return xstrdup("object");
}

/* "*ops" for an object reached through the pointer variable ops. */
static char *pointer_object_name(tree base)
{
	tree ptr, var;

	if (TREE_CODE(base) != MEM_REF)
		return xstrdup("object");
	ptr = TREE_OPERAND(base, 0);
	var = TREE_CODE(ptr) == SSA_NAME ? SSA_NAME_VAR(ptr) : NULL_TREE;
	if (var && DECL_NAME(var))
		return xasprintf("*%s", IDENTIFIER_POINTER(DECL_NAME(var)));
	return xstrdup("object");
}

static bool pointer_to_decl_within(tree ptr, tree *decl, HOST_WIDE_INT *pos,
				   unsigned int phis);

/*
 * for (p = fops; p < fops + n; p++) p->mmap = f: a loop PHI whose other
 * arguments step the PHI itself by constants points into the one object
 * its entry argument does (an element stands for the array, as a
 * variable index does).
 */
static bool loop_pointer_to_decl(gphi *phi, tree *decl, HOST_WIDE_INT *pos,
				 unsigned int phis)
{
	tree result = gimple_phi_result(phi);
	bool found = false;
	unsigned int i;

	for (i = 0; i < gimple_phi_num_args(phi); i++) {
		tree arg = gimple_phi_arg_def(phi, i);
		gimple *def = TREE_CODE(arg) == SSA_NAME ? SSA_NAME_DEF_STMT(arg) : NULL;
		tree d;
		HOST_WIDE_INT p;

		if (def && is_gimple_assign(def) &&
		    gimple_assign_rhs_code(def) == POINTER_PLUS_EXPR &&
		    gimple_assign_rhs1(def) == result &&
		    TREE_CODE(gimple_assign_rhs2(def)) == INTEGER_CST)
			continue;	/* p++ */
		if (!pointer_to_decl_within(arg, &d, &p, phis) ||
		    (found && d != *decl))
			return false;
		*pos = found ? MIN(*pos, p) : p;
		*decl = d;
		found = true;
	}
	return found;
}

/*
 * The declaration a pointer holds the address of, through copies, casts,
 * a global pointer's initializer and loop steps (at most PHIS loop PHIs
 * deep: nested loops may lead back to a PHI already followed), with the
 * position inside it.
 */
static bool pointer_to_decl_within(tree ptr, tree *decl, HOST_WIDE_INT *pos,
				   unsigned int phis)
{
	HOST_WIDE_INT size;
	unsigned int depth;

	for (depth = 0; depth < 8 && TREE_CODE(ptr) == SSA_NAME; depth++) {
		gimple *def = SSA_NAME_DEF_STMT(ptr);
		tree rhs = mp_assigned_from(ptr);

		if (def && gimple_code(def) == GIMPLE_PHI)
			return phis && loop_pointer_to_decl(as_a<gphi *>(def), decl,
							    pos, phis - 1);
		if (!rhs)
			return false;
		if (TREE_CODE(rhs) == VAR_DECL && is_global_var(rhs) &&
		    DECL_INITIAL(rhs))
			ptr = DECL_INITIAL(rhs);	/* gp->mmap: gp = &fops */
		else
			ptr = rhs;
	}
	STRIP_NOPS(ptr);
	if (TREE_CODE(ptr) != ADDR_EXPR)
		return false;
	return mp_ref_extent(TREE_OPERAND(ptr, 0), decl, pos, &size) &&
	       DECL_P(*decl) && TREE_CODE(*decl) == VAR_DECL;
}

static bool pointer_to_decl(tree ptr, tree *decl, HOST_WIDE_INT *pos)
{
	return pointer_to_decl_within(ptr, decl, pos, 4);
}

/* The global pointer variable P was loaded from, or NULL. */
static tree loaded_global_pointer(tree ptr)
{
	gimple *def = TREE_CODE(ptr) == SSA_NAME ? SSA_NAME_DEF_STMT(ptr) : NULL;
	tree rhs;

	if (!def || !gimple_assign_single_p(def))
		return NULL_TREE;
	rhs = gimple_assign_rhs1(def);
	return TREE_CODE(rhs) == VAR_DECL && is_global_var(rhs) ? rhs : NULL_TREE;
}

static struct ops_record *record_for_store(tree base,
					   struct pointer_object **ptrs,
					   unsigned int *n_ptrs)
{
	HOST_WIDE_INT pos, size;
	struct ops_record *r;
	unsigned int i;
	char *name;
	tree decl;

	if ((mp_ref_extent(base, &decl, &pos, &size) && DECL_P(decl) &&
	     TREE_CODE(decl) == VAR_DECL) ||
	    (TREE_CODE(base) == MEM_REF && integer_zerop(TREE_OPERAND(base, 1)) &&
	     pointer_to_decl(TREE_OPERAND(base, 0), &decl, &pos))) {
		/* Through a pointer to the whole object: named after it. */
		name = object_name(TREE_CODE(base) == MEM_REF && !pos ? decl : base,
				   decl);
		r = get_record(DECL_UID(decl), pos, name, TREE_TYPE(base));
		free(name);
		return r;
	}
	/* Every load of one global pointer reaches one object. */
	decl = TREE_CODE(base) == MEM_REF && integer_zerop(TREE_OPERAND(base, 1)) ?
	       loaded_global_pointer(TREE_OPERAND(base, 0)) : NULL_TREE;
	if (decl && DECL_NAME(decl)) {
		name = xasprintf("*%s", IDENTIFIER_POINTER(DECL_NAME(decl)));
		r = get_record(DECL_UID(decl), -1, name, TREE_TYPE(base));
		free(name);
		return r;
	}
	for (i = 0; i < *n_ptrs; i++) {
		if (operand_equal_p((*ptrs)[i].base, base, 0))
			return &records[(*ptrs)[i].record];
	}
	name = pointer_object_name(base);
	r = get_record(0, ++pointer_serial, name, TREE_TYPE(base));
	free(name);
	*ptrs = XRESIZEVEC(struct pointer_object, *ptrs, *n_ptrs + 1);
	(*ptrs)[*n_ptrs].base = base;
	(*ptrs)[*n_ptrs].record = r - records;
	(*n_ptrs)++;
	return r;
}

/* "ops->mmap = f": a hook given by an assignment. */
static void scan_assignment(gimple *stmt, struct pointer_object **ptrs,
			    unsigned int *n_ptrs, location_t compiled_out)
{
	tree lhs, base;
	int hook;

	if (!is_gimple_assign(stmt))
		return;
	lhs = gimple_assign_lhs(stmt);
	if (TREE_CODE(lhs) != COMPONENT_REF)
		return;
	note_prepare_hook(TREE_OPERAND(lhs, 1), gimple_assign_rhs1(stmt));
	hook = hook_of_field(TREE_OPERAND(lhs, 1));
	if (hook < 0 || is_null_value(gimple_assign_rhs1(stmt)))
		return;
	base = TREE_OPERAND(lhs, 0);
	if (!mp_is_ops_type(TYPE_MAIN_VARIANT(TREE_TYPE(base))))
		return;
	set_hook(record_for_store(base, ptrs, n_ptrs), hook,
		 gimple_location(stmt), compiled_out, gimple_assign_rhs1(stmt),
		 NULL_TREE);
}

void mp_ops_scan_function(function *fn)
{
	struct pointer_object *ptrs = NULL;
	unsigned int n_ptrs = 0;
	basic_block bb;

	FOR_EACH_BB_FN(bb, fn) {
		gimple_stmt_iterator si;

		for (si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si))
			scan_assignment(gsi_stmt(si), &ptrs, &n_ptrs,
					UNKNOWN_LOCATION);
	}
	free(ptrs);
}

void mp_ops_scan_compiled_out(gimple **stmts, unsigned int n,
			      const location_t *compiled_out)
{
	struct pointer_object *ptrs = NULL;
	unsigned int n_ptrs = 0, i;

	for (i = 0; i < n; i++)
		scan_assignment(stmts[i], &ptrs, &n_ptrs, compiled_out[i]);
	free(ptrs);
}

/* ---- for the rules ---- */

unsigned int mp_ops_count(void)
{
	return n_records;
}

const struct mp_ops_object *mp_ops_object(unsigned int i)
{
	return &records[i].obj;
}

void mp_ops_release(void)
{
	unsigned int i;

	for (i = 0; i < n_records; i++) {
		free(records[i].obj.name);
		free(records[i].obj.type_name);
		free(records[i].obj.init_fn[MP_HOOK_MMAP]);
		free(records[i].obj.init_fn[MP_HOOK_MMAP_PREPARE]);
	}
	free(records);
	records = NULL;
	n_records = 0;
	records_cap = 0;
	pointer_serial = 0;
	mp_key_index_clear(&record_index);
	mp_key_index_clear(&prepare_hooks);
}
