// SPDX-License-Identifier: GPL-2.0
/*
 * Rules mmap-prepare-immutable, mmap-prepare-action and
 * mmap-prepare-unknown-field: every store that may change a descriptor
 * field the hook must not touch.
 *
 * A store is anything that lowers to a GIMPLE memory write (=, compound
 * assignment, ++/--, struct assignment), an asm output, a mem* builtin
 * over a range of the descriptor, or the address of a field handed to a
 * callee parameter that is neither pointer-to-const nor proven read-only.
 * Which fields a store covers is computed from bit offsets, so casts and
 * constant offsets are judged like member accesses.
 */
#include "mmap_prepare.h"

enum write_kind {
	WRITE_STORE,		/* =, op=, ++, asm output, struct copy */
	WRITE_BUILTIN,		/* memset, memcpy, memmove ... */
	WRITE_ADDRESS,		/* &field passed to a callee */
};

struct write_site {
	struct mp_fn_track *t;
	gimple *stmt;
	enum write_kind kind;
	tree callee;
	const struct mp_place *place;
};

/* Names of the fields in MASK of class CLS: "'mm', 'start'". */
static char *field_list(const struct mp_policy *pol, mp_field_mask mask,
			enum mp_field_class cls, unsigned int *count,
			unsigned int *first)
{
	char *out = xstrdup("");
	unsigned int i;

	*count = 0;
	for (i = 0; i < pol->n_fields; i++) {
		char *next;

		if (!(mask & (1ULL << i)) || pol->fields[i].cls != cls)
			continue;
		next = xasprintf("%s%s'%s'", out, *count ? ", " : "",
				 pol->fields[i].name);
		free(out);
		out = next;
		if (!(*count)++)
			*first = i;
	}
	return out;
}

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

/* Functions that own the action member: the mmap_action_*() helpers. */
static bool callee_is_action_helper(tree callee)
{
	const char *name;

	if (!callee || !DECL_NAME(callee))
		return false;
	name = IDENTIFIER_POINTER(DECL_NAME(callee));
	return !strncmp(name, "mmap_action_", 12) || mp_decl_is_core(callee);
}

static char *verb_phrase(const struct write_site *w, const char *what,
			 unsigned int count)
{
	const char *fn = mp_decl_name(w->t->fndecl);

	if (w->kind == WRITE_ADDRESS)
		return xasprintf("'%s' passes the address of %s of 'struct vm_area_desc' to %s%s%s, which may write %s",
				 fn, what,
				 w->callee ? "'" : "",
				 w->callee ? mp_decl_name(w->callee) : "a function pointer",
				 w->callee ? "'" : "", count > 1 ? "them" : "it");
	return xasprintf("'%s' writes %s of 'struct vm_area_desc'", fn, what);
}

static void add(const struct write_site *w, enum mp_rule rule, char *field,
		char *message, location_t note_loc, char *note)
{
	struct mp_finding f;

	memset(&f, 0, sizeof(f));
	f.rule = rule;
	f.loc = mp_stmt_location(w->stmt, w->t->fndecl);
	f.function = xstrdup(mp_decl_name(w->t->fndecl));
	f.field = field;
	f.message = message;
	if (note) {
		f.notes[0].loc = note_loc != UNKNOWN_LOCATION ? note_loc : f.loc;
		f.notes[0].text = note;
		f.n_notes = 1;
	}
	mp_finding_add(&f);
}

static void report_immutable(const struct write_site *w, mp_field_mask mask,
			     const char *spelled)
{
	const struct mp_policy *pol = w->t->pol;
	unsigned int count, first = 0;
	char *names = field_list(pol, mask, MP_FIELD_IMMUTABLE, &count, &first);
	char *what, *note;

	if (!count) {
		free(names);
		return;
	}
	if (count == 1 && spelled)
		what = xasprintf("immutable field '%s'", spelled);
	else
		what = xasprintf("immutable field%s %s", count > 1 ? "s" : "", names);
	note = xasprintf("%s %s immutable: mmap_prepare hooks may change only %s",
			 names, count > 1 ? "are" : "is", pol->permitted);
	add(w, MP_RULE_IMMUTABLE, xstrdup(count == 1 && spelled ? spelled :
					  pol->fields[first].name),
	    verb_phrase(w, what, count), pol->fields[first].loc, note);
	free(what);
	free(names);
}

static char *action_ok_list(void)
{
	char *out = xstrdup("");
	unsigned int i;

	for (i = 0; i < mp_opts.n_action_ok; i++) {
		char *next = xasprintf("%s%s'%s'", out, i ? ", " : "",
				       mp_opts.action_ok[i]);

		free(out);
		out = next;
	}
	return out;
}

static bool action_write_allowed(const struct write_site *w,
				 const char *spelled)
{
	const struct mp_place *p = w->place;

	if (w->kind == WRITE_ADDRESS && callee_is_action_helper(w->callee))
		return true;
	/* Judge by the member the source names; union members overlap. */
	if (spelled && !strncmp(spelled, "action.", 7))
		return mp_policy_action_ok_path(spelled + 7);
	if (spelled)
		return false;
	return mp_policy_action_ok_range(w->t->pol, p->lo, p->size);
}

static void report_action(const struct write_site *w, mp_field_mask mask,
			  const char *spelled)
{
	const struct mp_policy *pol = w->t->pol;
	unsigned int count, first = 0;
	char *names = field_list(pol, mask, MP_FIELD_HELPER_OWNED, &count, &first);
	const char *shown;
	char *what, *ok, *note;

	free(names);
	if (!count || action_write_allowed(w, spelled))
		return;
	shown = spelled && !strncmp(spelled, "action", 6) ? spelled : "action";
	what = xasprintf("'%s'", shown);
	ok = action_ok_list();
	note = xasprintf("'action' is filled in only by the mmap_action_*() helpers (mmap_action_remap(), mmap_action_ioremap(), mmap_action_map_kernel_pages(), ...); call one of them instead%s%s%s",
			 *ok ? " (sub-fields that may be set directly: " : "",
			 ok, *ok ? ")" : "");
	add(w, MP_RULE_ACTION, xstrdup(shown), verb_phrase(w, what, 1),
	    pol->fields[first].loc, note);
	free(ok);
	free(what);
}

static void report_unknown(const struct write_site *w, mp_field_mask mask)
{
	const struct mp_policy *pol = w->t->pol;
	unsigned int count, first = 0;
	char *names = field_list(pol, mask, MP_FIELD_UNKNOWN, &count, &first);
	char *what, *note;

	if (!count) {
		free(names);
		return;
	}
	what = xasprintf("field%s %s, which the mmap_prepare policy does not classify,",
			 count > 1 ? "s" : "", names);
	note = xasprintf("generation G%d of 'struct vm_area_desc' does not name %s; check Documentation/filesystems/mmap_prepare.rst before an mmap_prepare hook writes it, or teach the plugin",
			 pol->generation, names);
	add(w, MP_RULE_UNKNOWN_FIELD, xstrdup(pol->fields[first].name),
	    verb_phrase(w, what, count), pol->fields[first].loc, note);
	free(what);
	free(names);
}

/* A store the plugin cannot place inside the descriptor. */
static void report_unknown_offset(const struct write_site *w)
{
	const struct mp_policy *pol = w->t->pol;
	char *msg, *note;

	if (!mp_rule_on(MP_RULE_IMMUTABLE))
		return;
	if (w->kind == WRITE_ADDRESS)
		msg = xasprintf("'%s' passes a pointer into 'struct vm_area_desc' at an offset the plugin cannot determine to %s%s%s; it may change immutable fields",
				mp_decl_name(w->t->fndecl),
				w->callee ? "'" : "",
				w->callee ? mp_decl_name(w->callee) : "a function pointer",
				w->callee ? "'" : "");
	else
		msg = xasprintf("'%s' writes 'struct vm_area_desc' at an offset the plugin cannot determine; it may change immutable fields",
				mp_decl_name(w->t->fndecl));
	note = xasprintf("cannot prove this store leaves protected fields alone; write the permitted fields (%s) by name",
			 pol->permitted);
	add(w, MP_RULE_IMMUTABLE, xstrdup("?"), msg, UNKNOWN_LOCATION, note);
}

static void judge_write(const struct write_site *w)
{
	const struct mp_policy *pol = w->t->pol;
	const struct mp_place *p = w->place;
	mp_field_mask mask;
	char *spelled;

	if (!pol)
		return;
	if (!p->range_known) {
		report_unknown_offset(w);
		return;
	}
	mask = mp_policy_fields_in(pol, p->lo, p->size);
	if (!mask)
		return;
	spelled = source_path(pol, p);
	if (mp_rule_on(MP_RULE_IMMUTABLE))
		report_immutable(w, mask, spelled);
	if (mp_rule_on(MP_RULE_ACTION))
		report_action(w, mask, spelled);
	if (mp_rule_on(MP_RULE_UNKNOWN_FIELD))
		report_unknown(w, mask);
	free(spelled);
}

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

static void check_store(struct mp_fn_track *t, gimple *stmt, tree lhs)
{
	struct mp_place place;
	struct write_site w = { t, stmt, WRITE_STORE, NULL_TREE, &place };

	if (TREE_CODE(lhs) == SSA_NAME || gimple_clobber_p(stmt) ||
	    is_initialization(stmt, lhs))
		return;
	mp_locate_ref(t, lhs, &place);
	if (place.kind == MP_PLACE_TRACKED)
		judge_write(&w);
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
}

static void check_builtin_write(struct mp_fn_track *t, gcall *call, int len_arg)
{
	tree len = gimple_call_arg(call, len_arg);
	struct mp_pt v = mp_track_value(t, gimple_call_arg(call, 0));
	struct mp_place place;
	struct write_site w = { t, call, WRITE_BUILTIN, NULL_TREE, &place };

	if (!v.tracked)
		return;
	place_at_value(&place, v, tree_fits_uhwi_p(len) ?
		       (HOST_WIDE_INT)tree_to_uhwi(len) * BITS_PER_UNIT : -1);
	judge_write(&w);
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

static void check_address_arg(struct mp_fn_track *t, gcall *call,
			      unsigned int idx)
{
	tree arg = gimple_call_arg(call, idx);
	tree ptype = param_type(call, idx);
	tree callee = gimple_call_fndecl(call);
	struct mp_place place;
	struct write_site w = { t, call, WRITE_ADDRESS, callee, &place };
	struct mp_pt v;
	HOST_WIDE_INT pointee;

	if (!POINTER_TYPE_P(TREE_TYPE(arg)))
		return;
	v = mp_track_value(t, arg);
	if (!v.tracked)
		return;
	if (!ptype)
		ptype = TREE_TYPE(arg);
	/* A callee taking the descriptor itself is checked on its own. */
	if (mp_is_desc_pointer_type(ptype) || mp_is_desc_pointer_type(TREE_TYPE(arg)))
		return;
	if (POINTER_TYPE_P(ptype) && TYPE_READONLY(TREE_TYPE(ptype)))
		return;
	if (callee && !mp_callee_may_write_param(callee, idx))
		return;

	if (TREE_CODE(arg) == ADDR_EXPR) {
		mp_locate_ref(t, TREE_OPERAND(arg, 0), &place);
	} else {
		pointee = POINTER_TYPE_P(ptype) ? mp_type_bits(TREE_TYPE(ptype)) : -1;
		/* void * and char * callees may write any length. */
		place_at_value(&place, v, pointee > BITS_PER_UNIT ? pointee : -1);
	}
	if (place.kind == MP_PLACE_TRACKED)
		judge_write(&w);
}

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

static void check_atomic_write(struct mp_fn_track *t, gcall *call,
			       HOST_WIDE_INT bytes)
{
	struct mp_pt v = mp_track_value(t, gimple_call_arg(call, 0));
	struct mp_place place;
	struct write_site w = { t, call, WRITE_STORE, NULL_TREE, &place };

	if (!v.tracked)
		return;
	place_at_value(&place, v, bytes > 0 ? bytes * BITS_PER_UNIT : -1);
	judge_write(&w);
}

static void check_call(struct mp_fn_track *t, gcall *call)
{
	int len_arg = mp_memory_writer_len_arg(call);
	HOST_WIDE_INT atomic = atomic_write_bytes(call);
	unsigned int i;

	if (len_arg >= 0) {
		check_builtin_write(t, call, len_arg);
		return;
	}
	if (atomic) {
		check_atomic_write(t, call, atomic);
		return;
	}
	for (i = 0; i < gimple_call_num_args(call); i++)
		check_address_arg(t, call, i);
}

static void check_asm(struct mp_fn_track *t, gasm *as)
{
	unsigned int i;

	for (i = 0; i < gimple_asm_noutputs(as); i++)
		check_store(t, as, TREE_VALUE(gimple_asm_output_op(as, i)));
}

void mp_check_desc_writes(struct mp_fn_track *t)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, t->fn) {
		gimple_stmt_iterator si;

		for (si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si)) {
			gimple *stmt = gsi_stmt(si);

			switch (gimple_code(stmt)) {
			case GIMPLE_ASSIGN:
				check_store(t, stmt, gimple_assign_lhs(stmt));
				break;
			case GIMPLE_CALL:
				check_call(t, as_a<gcall *>(stmt));
				break;
			case GIMPLE_ASM:
				check_asm(t, as_a<gasm *>(stmt));
				break;
			default:
				break;
			}
		}
	}
}
