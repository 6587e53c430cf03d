// SPDX-License-Identifier: GPL-2.0
/*
 * Questions about the current values of a function, with no side effect:
 * what an operand points to, and where a memory reference lands: inside
 * a descriptor (and which bits), in a local object, in a global one, or
 * somewhere unknown.
 *
 * Three ways lead into a descriptor:
 *  - the component chain names a descriptor-typed object
 *    (desc->action.remap.size, w->desc.start, arr[i].end): the range is
 *    computed from the members and constant indices above it;
 *  - the base pointer is a tracked value (p = &desc->end; *p = 0, or
 *    *(long *)((char *)desc + 16) = 0): tracked offset plus the
 *    reference's own offset;
 *  - the base object's type embeds a descriptor the source does not name
 *    (a union overlaying one, a cast to a wrapper): the range is compared
 *    with the embedded descriptor's position.
 */
#include "analysis.h"

bool mp_is_reference(tree ref)
{
	switch (TREE_CODE(ref)) {
	case MEM_REF:
	case TARGET_MEM_REF:
	case VAR_DECL:
	case PARM_DECL:
	case RESULT_DECL:
		return true;
	default:
		return handled_component_p(ref);
	}
}

static bool is_local_decl(const struct mp_fn_track *t, tree decl)
{
	if (TREE_CODE(decl) == PARM_DECL || TREE_CODE(decl) == RESULT_DECL)
		return true;
	return TREE_CODE(decl) == VAR_DECL && !TREE_STATIC(decl) &&
	       !DECL_EXTERNAL(decl) && DECL_CONTEXT(decl) == t->fndecl;
}

/*
 * Bit range of REF inside ANCESTOR, one of its component-chain bases,
 * from the members and indices in between.  A variable index widens the
 * range to the whole array it selects from.
 */
static bool range_below(tree ref, tree ancestor, HOST_WIDE_INT *lo,
			HOST_WIDE_INT *size)
{
	tree chain[32];
	unsigned int n = 0, i;
	HOST_WIDE_INT l = 0, s = mp_type_bits(TREE_TYPE(ancestor));
	bool exact = true;
	tree node;

	for (node = ref; node != ancestor; node = TREE_OPERAND(node, 0)) {
		if (n == ARRAY_SIZE(chain) || !handled_component_p(node))
			return false;
		chain[n++] = node;
	}
	for (i = n; i-- > 0 && exact;) {
		tree nd = chain[i];

		switch (TREE_CODE(nd)) {
		case COMPONENT_REF: {
			tree f = TREE_OPERAND(nd, 1);
			HOST_WIDE_INT fpos;

			if (!mp_field_bit_position(f, &fpos) || !DECL_SIZE(f) ||
			    !tree_fits_shwi_p(DECL_SIZE(f)))
				return false;
			l += fpos;
			s = tree_to_shwi(DECL_SIZE(f));
			break;
		}
		case ARRAY_REF: {
			tree idx = TREE_OPERAND(nd, 1);
			tree low = array_ref_low_bound(nd);
			HOST_WIDE_INT esz = mp_type_bits(TREE_TYPE(nd));

			if (esz > 0 && TREE_CODE(idx) == INTEGER_CST &&
			    tree_fits_shwi_p(idx) && low && tree_fits_shwi_p(low)) {
				l += (tree_to_shwi(idx) - tree_to_shwi(low)) * esz;
				s = esz;
			} else {
				exact = false;	/* stay at the whole array */
			}
			break;
		}
		case BIT_FIELD_REF:
			if (!tree_fits_shwi_p(TREE_OPERAND(nd, 2)) ||
			    !tree_fits_shwi_p(TREE_OPERAND(nd, 1)))
				return false;
			l += tree_to_shwi(TREE_OPERAND(nd, 2));
			s = tree_to_shwi(TREE_OPERAND(nd, 1));
			break;
		case REALPART_EXPR:
			s = mp_type_bits(TREE_TYPE(nd));
			break;
		case IMAGPART_EXPR:
			s = mp_type_bits(TREE_TYPE(nd));
			l += s;
			break;
		case VIEW_CONVERT_EXPR:
			s = mp_type_bits(TREE_TYPE(nd));
			break;
		default:
			exact = false;
			break;
		}
	}
	*lo = l;
	*size = s;
	return true;
}

/*
 * Bit offset of the first descriptor embedded in TYPE, or -1.  Memoized
 * per type, inner types included, so each type of the unit is walked
 * once.  The cache is direct-mapped by type UID (UIDs are never reused in
 * a compilation); a collision only costs a recomputation.  Types cannot
 * contain themselves by value, so the recursion ends; MAX_EMBED_DEPTH
 * bounds it on malformed input.
 */
#define EMBED_CACHE_SIZE 1024
#define MAX_EMBED_DEPTH 32

static struct {
	unsigned int uid;
	HOST_WIDE_INT off;
} embed_cache[EMBED_CACHE_SIZE];

static HOST_WIDE_INT embedded_desc_offset_depth(tree type, int depth);

static HOST_WIDE_INT find_embedded_desc(tree type, int depth)
{
	tree f;

	if (!COMPLETE_TYPE_P(type))
		return -1;
	if (mp_is_desc_type(type))
		return 0;
	if (TREE_CODE(type) == ARRAY_TYPE)
		return embedded_desc_offset_depth(TREE_TYPE(type), depth + 1);
	if (!RECORD_OR_UNION_TYPE_P(type))
		return -1;
	for (f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f)) {
		HOST_WIDE_INT pos, inner;

		if (TREE_CODE(f) != FIELD_DECL || !AGGREGATE_TYPE_P(TREE_TYPE(f)) ||
		    !mp_field_bit_position(f, &pos))
			continue;
		inner = embedded_desc_offset_depth(TREE_TYPE(f), depth + 1);
		if (inner >= 0)
			return pos + inner;
	}
	return -1;
}

static HOST_WIDE_INT embedded_desc_offset_depth(tree type, int depth)
{
	unsigned int uid, slot;
	HOST_WIDE_INT off;

	if (!type || !AGGREGATE_TYPE_P(type) || depth > MAX_EMBED_DEPTH)
		return -1;
	type = TYPE_MAIN_VARIANT(type);
	uid = TYPE_UID(type);
	slot = uid % EMBED_CACHE_SIZE;
	if (uid && embed_cache[slot].uid == uid)
		return embed_cache[slot].off;
	/* Computed before the slot is claimed: inner types may reuse it. */
	off = find_embedded_desc(type, depth);
	embed_cache[slot].uid = uid;
	embed_cache[slot].off = off;
	return off;
}

static HOST_WIDE_INT embedded_desc_offset(tree type)
{
	return embedded_desc_offset_depth(type, 0);
}

/* The descriptor-typed node of REF's chain nearest the base, if any. */
static tree find_desc_node(tree ref, tree *fields, unsigned int max_fields,
			   unsigned int *n_fields, unsigned int *n_at_desc)
{
	tree node, desc_node = NULL_TREE;

	*n_fields = 0;
	for (node = ref; handled_component_p(node); node = TREE_OPERAND(node, 0)) {
		if (mp_is_desc_type(TREE_TYPE(node))) {
			desc_node = node;
			*n_at_desc = *n_fields;
		}
		if (TREE_CODE(node) == COMPONENT_REF && *n_fields < max_fields)
			fields[(*n_fields)++] = TREE_OPERAND(node, 1);
	}
	if (mp_is_desc_type(TREE_TYPE(node))) {
		desc_node = node;
		*n_at_desc = *n_fields;
	}
	return desc_node;
}

/* Members named by the source, outermost first, from FIELDS[0..N). */
static void set_path(struct mp_place *place, tree *fields, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n && i < MP_MAX_PATH; i++)
		place->path[i] = fields[n - 1 - i];
	place->n_path = i;
}

/* ACCESS of SIZE bits at POS in an object with a descriptor at EMBED. */
static bool overlaps_embedded(struct mp_place *place, HOST_WIDE_INT embed,
			      HOST_WIDE_INT pos, HOST_WIDE_INT size,
			      const struct mp_policy *pol)
{
	HOST_WIDE_INT lo = pos - embed, hi;

	if (embed < 0 || !pol)
		return false;
	hi = size < 0 ? pol->size : lo + size;
	if (hi <= 0 || lo >= pol->size)
		return false;
	if (lo < 0)
		lo = 0;
	place->kind = MP_PLACE_TRACKED;
	place->range_known = true;
	place->lo = lo;
	place->size = hi - lo;
	return true;
}

static void locate_through_pointer(const struct mp_fn_track *t, tree base,
				   HOST_WIDE_INT pos, bool pos_ok,
				   tree *fields, unsigned int n_fields,
				   struct mp_place *place)
{
	struct mp_pt v = mp_value_of(t, TREE_OPERAND(base, 0));
	HOST_WIDE_INT start;

	if (!v.tracked) {
		if (v.local)
			place->kind = MP_PLACE_LOCAL;
		else if (t->mode == MP_TRACK_DESCRIPTORS && pos_ok)
			overlaps_embedded(place, embedded_desc_offset(TREE_TYPE(base)),
					  pos, place->size, t->pol);
		return;
	}
	place->kind = MP_PLACE_TRACKED;
	if (!v.off_known && v.bounded && place->size > 0 && place->size <= v.bsize) {
		/* p = &desc->pgoff; p[i]: somewhere in pgoff. */
		place->range_known = true;
		place->lo = v.blo;
		place->size = v.bsize;
		return;
	}
	if (!v.off_known || !pos_ok || TREE_CODE(base) != MEM_REF)
		return;
	start = v.off + mp_mem_ref_offset_bytes(base) * BITS_PER_UNIT;
	place->range_known = true;
	place->lo = start + pos;
	/*
	 * a = &desc->action; a->remap.size: the members the source names
	 * start at the pointer's offset, in an object of the MEM_REF's type.
	 */
	set_path(place, fields, n_fields);
	place->path_base = start;
	place->path_type_uid = TYPE_UID(TYPE_MAIN_VARIANT(TREE_TYPE(base)));
	place->path_via_pointer = true;
}

void mp_locate_ref(const struct mp_fn_track *t, tree ref,
		   struct mp_place *place)
{
	bool by_type = t->mode == MP_TRACK_DESCRIPTORS;
	tree fields[MP_MAX_PATH * 2];
	unsigned int n_fields = 0, n_at_desc = 0;
	tree desc_node = NULL_TREE, base;
	HOST_WIDE_INT pos, size;
	bool pos_ok;

	memset(place, 0, sizeof(*place));
	place->kind = MP_PLACE_UNKNOWN;
	place->size = -1;
	if (!mp_is_reference(ref))
		return;

	desc_node = find_desc_node(ref, fields, ARRAY_SIZE(fields), &n_fields,
				   &n_at_desc);
	if (!by_type)
		desc_node = NULL_TREE;	/* summary mode tracks a pointer only */

	pos_ok = mp_ref_extent(ref, &base, &pos, &size);
	place->size = size;
	if (DECL_P(base)) {
		place->decl = base;
		place->base_local = is_local_decl(t, base);
	}

	if (desc_node) {
		place->kind = MP_PLACE_TRACKED;
		set_path(place, fields, n_at_desc);
		place->range_known = range_below(ref, desc_node, &place->lo,
						 &place->size);
		return;
	}

	if (TREE_CODE(base) == MEM_REF || TREE_CODE(base) == TARGET_MEM_REF) {
		locate_through_pointer(t, base, pos, pos_ok, fields, n_fields, place);
		return;
	}
	if (!DECL_P(base))
		return;
	/* *(long *)&d = 0, or a union/wrapper variable holding a descriptor. */
	if (by_type && pos_ok &&
	    overlaps_embedded(place, embedded_desc_offset(TREE_TYPE(base)),
			      pos, size, t->pol))
		return;
	place->kind = place->base_local ? MP_PLACE_LOCAL : MP_PLACE_GLOBAL;
	place->lo = pos_ok ? pos : -1;
	place->range_known = pos_ok;
}

/*
 * &desc->pgoff, &desc->arr[i]: the address is inside one member (the
 * whole array for an element), which bounds V's arithmetic.
 */
static void member_bound(const struct mp_fn_track *t, tree ref,
			 const struct mp_place *place, struct mp_pt *v)
{
	struct mp_place outer;
	const struct mp_place *m = place;
	tree member = ref;

	while (TREE_CODE(member) == ARRAY_REF || TREE_CODE(member) == ARRAY_RANGE_REF)
		member = TREE_OPERAND(member, 0);
	if (TREE_CODE(member) != COMPONENT_REF)
		return;
	if (member != ref) {
		mp_locate_ref(t, member, &outer);
		m = &outer;
	}
	if (m->kind != MP_PLACE_TRACKED || !m->range_known || m->size <= 0)
		return;
	v->bounded = true;
	v->blo = m->lo;
	v->bsize = m->size;
}

struct mp_pt mp_slots_value(const struct mp_fn_track *t, tree decl,
			    HOST_WIDE_INT lo, HOST_WIDE_INT size)
{
	struct mp_pt v = mp_pt_nothing;
	unsigned int i;

	for (i = 0; i < t->n_slots; i++) {
		const struct mp_slot *s = &t->slots[i];

		if (s->decl != decl)
			continue;
		if (lo < 0 || s->off < 0 || s->off == lo ||
		    (size < 0 && s->off > lo) ||
		    (size > 0 && s->off > lo && s->off < lo + size))
			v = mp_pt_join(v, s->val);
	}
	return v;
}

bool mp_is_register_def(const struct mp_fn_track *t, tree op)
{
	if (TREE_CODE(op) == SSA_NAME)
		return true;
	return t->pre_ssa && (TREE_CODE(op) == VAR_DECL || TREE_CODE(op) == PARM_DECL ||
			      TREE_CODE(op) == RESULT_DECL) &&
	       is_gimple_reg(op) && is_local_decl(t, op);
}

bool mp_is_value_operand(const struct mp_fn_track *t, tree op)
{
	return TREE_CODE(op) == ADDR_EXPR || mp_is_register_def(t, op);
}

tree mp_defined_from(const struct mp_fn_track *t, tree op)
{
	unsigned int i;

	if (TREE_CODE(op) == SSA_NAME)
		return mp_assigned_from(op);
	if (!t->pre_ssa || !DECL_P(op) ||
	    !mp_key_index_get(&t->defs, DECL_UID(op), 0, &i))
		return NULL_TREE;
	return t->def_rhs[i];
}

struct mp_pt mp_value_of(const struct mp_fn_track *t, tree op)
{
	struct mp_place place;
	struct mp_pt v;

	switch (TREE_CODE(op)) {
	case SSA_NAME:
		if (SSA_NAME_VERSION(op) >= t->n_ssa)
			return mp_pt_nothing;
		v = t->ssa[SSA_NAME_VERSION(op)];
		return v.visited ? v : mp_pt_nothing;
	case VAR_DECL:
	case PARM_DECL:
	case RESULT_DECL:
		/* Pre-SSA: a register variable is a slot; a descriptor
		   pointer variable points to one, as its SSA names would. */
		if (!mp_is_register_def(t, op))
			return mp_pt_nothing;
		v = mp_slots_value(t, op, 0, 0);
		if (t->mode == MP_TRACK_DESCRIPTORS &&
		    mp_is_desc_pointer_type(TREE_TYPE(op)))
			v = mp_pt_join(v, mp_pt_tracked_at(0, true));
		else if (t->mode == MP_TRACK_PARAM && op == t->tracked_parm)
			v = mp_pt_join(v, mp_pt_tracked_at(0, true));
		return v;
	case ADDR_EXPR:
		mp_locate_ref(t, TREE_OPERAND(op, 0), &place);
		if (place.kind == MP_PLACE_TRACKED) {
			v = mp_pt_tracked_at(place.lo, place.range_known);
			v.local = place.base_local;
			member_bound(t, TREE_OPERAND(op, 0), &place, &v);
			return v;
		}
		v = mp_pt_nothing;
		v.local = place.kind == MP_PLACE_LOCAL;
		return v;
	default:
		return mp_pt_nothing;
	}
}

/* ---- builtins and the functions that are them ---- */

enum mem_writer { NOT_A_WRITER, WRITER_SET, WRITER_COPY, WRITER_PCOPY, WRITER_BZERO };

/*
 * What a memory-writing function is, by what it is rather than by one
 * spelling: a builtin's function code, or its name or assembler name
 * once the sanitizer and wrapper prefixes are taken off (KASAN and
 * FORTIFY route memcpy() to __underlying_memcpy, whose assembler name is
 * memcpy or __asan_memcpy; --wrap gives __real_memcpy; the kernel's own
 * __memcpy).  "_chk" forms are FORTIFY's checked builtins.
 */
static const char *const writer_prefixes[] = {
	"__underlying_", "__asan_", "__hwasan_", "__msan_", "__kasan_",
	"__real_", "__builtin_", "__",
};

static enum mem_writer writer_by_name(const char *name)
{
	unsigned int i;
	size_t len;

	if (*name == '*')
		name++;		/* a user assembler name */
	for (i = 0; i < ARRAY_SIZE(writer_prefixes); i++) {
		len = strlen(writer_prefixes[i]);
		if (!strncmp(name, writer_prefixes[i], len)) {
			name += len;
			break;
		}
	}
	len = strlen(name);
	if (len > 4 && !strcmp(name + len - 4, "_chk"))
		len -= 4;
	if (len == 6 && !strncmp(name, "memset", 6))
		return WRITER_SET;
	if (len == 6 && !strncmp(name, "memcpy", 6))
		return WRITER_COPY;
	if (len == 7 && !strncmp(name, "memmove", 7))
		return WRITER_COPY;
	if (len == 7 && !strncmp(name, "mempcpy", 7))
		return WRITER_PCOPY;
	if (len == 5 && !strncmp(name, "bzero", 5))
		return WRITER_BZERO;
	return NOT_A_WRITER;
}

static enum mem_writer writer_kind(gcall *call)
{
	tree fndecl = gimple_call_fndecl(call);
	enum mem_writer kind = NOT_A_WRITER;

	if (!fndecl || gimple_call_internal_p(call))
		return NOT_A_WRITER;
	if (fndecl_built_in_p(fndecl, BUILT_IN_NORMAL)) {
		switch (DECL_FUNCTION_CODE(fndecl)) {
		case BUILT_IN_MEMSET:
		case BUILT_IN_MEMSET_CHK:
			return WRITER_SET;
		case BUILT_IN_MEMCPY:
		case BUILT_IN_MEMMOVE:
		case BUILT_IN_MEMCPY_CHK:
		case BUILT_IN_MEMMOVE_CHK:
			return WRITER_COPY;
		case BUILT_IN_MEMPCPY:
		case BUILT_IN_MEMPCPY_CHK:
			return WRITER_PCOPY;
		case BUILT_IN_BZERO:
			return WRITER_BZERO;
		default:
			break;
		}
	}
	if (DECL_NAME(fndecl))
		kind = writer_by_name(IDENTIFIER_POINTER(DECL_NAME(fndecl)));
	if (kind == NOT_A_WRITER && DECL_ASSEMBLER_NAME_SET_P(fndecl))
		kind = writer_by_name(IDENTIFIER_POINTER(DECL_ASSEMBLER_NAME_RAW(fndecl)));
	return kind;
}

int mp_memory_writer_len_arg(gcall *call)
{
	switch (writer_kind(call)) {
	case WRITER_SET:
	case WRITER_COPY:
	case WRITER_PCOPY:
		return gimple_call_num_args(call) >= 3 ? 2 : -1;
	case WRITER_BZERO:
		return gimple_call_num_args(call) >= 2 ? 1 : -1;
	default:
		return -1;
	}
}

bool mp_returns_first_arg(gcall *call)
{
	tree fndecl = gimple_call_fndecl(call);
	enum mem_writer kind;

	if (gimple_call_num_args(call) < 1)
		return false;
	if (fndecl && fndecl_built_in_p(fndecl, BUILT_IN_ASSUME_ALIGNED))
		return true;
	kind = writer_kind(call);
	return kind == WRITER_SET || kind == WRITER_COPY;
}
