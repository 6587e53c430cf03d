// SPDX-License-Identifier: GPL-2.0
/*
 * How a .mmap hook converts to .mmap_prepare, for the opt-in rule
 * mmap-prepare-deprecated-mmap (docs/rules.md has the classes, the
 * blocker kinds and the statement mapping).
 *
 * The hook's struct vm_area_struct * parameter is followed with the
 * analysis' summary mode (copies, casts, locals; analysis.h), and every
 * statement that uses the VMA is judged: it has a descriptor equivalent,
 * or it blocks the conversion.  A static function of the unit the VMA is
 * passed to is judged the same way, recursively.  State is what
 * mmap-prepare-stateful calls state (mp_stateful_held_sites()).
 *
 * The replacement of each statement is written from its source text
 * (conversion_rewrite.c); a statement the rewriter does not understand
 * gets no code, only a note to rewrite it by hand.  conversion.h lists
 * the other files of the conversion.
 */
#include "conversion.h"

/* ---- judging the statements that use the VMA ---- */

/*
 * Is the use of the VMA (named VMA) at LOC written in a macro's
 * definition (one that names VMA itself) rather than in the function's
 * text or a macro's argument there?  Rewriting the statement's text
 * would not reach it.
 */
static bool written_in_macro(location_t loc, const char *vma)
{
	struct mp_src_file *f;
	size_t p, n = strlen(vma);

	if (!linemap_location_from_macro_expansion_p(line_table, loc))
		return false;
	if (!mp_src_offset_resolved(loc, LRK_SPELLING_LOCATION, &f, &p))
		return true;
	if (f->code[p] == 1)
		return false;
	/* the directive, continuation lines included */
	while (p > 0 && f->text[p - 1] != '\n')
		p--;
	for (; p + n <= f->len && f->code[p] == 3; p++) {
		if (!memcmp(f->text + p, vma, n) &&
		    (p == 0 || !mp_is_ident_char(f->text[p - 1])) &&
		    !mp_is_ident_char(f->text[p + n]))
			return true;
	}
	return false;
}

#define MAX_DEPTH 4

/* A VMA member at bits [lo, lo + size) of TYPE: its name, or NULL. */
static const char *member_at(tree type, HOST_WIDE_INT lo, HOST_WIDE_INT size,
			     HOST_WIDE_INT base)
{
	tree f;

	if (!type || !RECORD_OR_UNION_TYPE_P(type))
		return NULL;
	for (f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f)) {
		HOST_WIDE_INT pos, bits;

		if (TREE_CODE(f) != FIELD_DECL || !mp_field_bit_position(f, &pos))
			continue;
		pos += base;
		bits = DECL_SIZE(f) && tree_fits_shwi_p(DECL_SIZE(f)) ?
		       tree_to_shwi(DECL_SIZE(f)) : -1;
		if (lo < pos || bits < 0 || (size >= 0 && lo + size > pos + bits) ||
		    (size < 0 && lo != pos))
			continue;
		if (!DECL_NAME(f)) {
			const char *inner = member_at(TREE_TYPE(f), lo, size, pos);

			if (inner)
				return inner;
			continue;
		}
		return IDENTIFIER_POINTER(DECL_NAME(f));
	}
	return NULL;
}

static bool name_in(const char *name, const char *const *list)
{
	for (; *list; list++) {
		if (!strcmp(name, *list))
			return true;
	}
	return false;
}

static const char *const read_ok[] = {
	"vm_start", "vm_end", "vm_pgoff", "vm_file", "vm_page_prot", "vm_flags",
	NULL
};
static const char *const write_ok[] = {
	"vm_ops", "vm_private_data", "vm_page_prot", "vm_pgoff", "vm_file", NULL
};
static const char *const per_page[] = {
	"vm_insert_page", "vm_insert_pages", "vm_map_pages", "vm_map_pages_zero",
	"vmf_insert_pfn", "vmf_insert_pfn_prot", "vmf_insert_mixed",
	"vm_insert_pfn", "vmf_insert_page", NULL
};
static const char *const zaps[] = {
	"zap_vma_ptes", "zap_page_range_single", "zap_vma_range", NULL
};
static const char *const remaps[] = {
	"remap_pfn_range", "io_remap_pfn_range", "vm_iomap_memory", NULL
};
static const char *const no_helper[] = {
	"remap_vmalloc_range", "remap_vmalloc_range_partial", NULL
};
/* Calls the rewriter maps (when the unit declares their replacement). */
static const char *const rewritten_calls[] = {
	"vm_flags_set", "vm_flags_clear", "vm_flags_mod", "vma_pages",
	"vma_set_anonymous",
	"generic_file_mmap", "generic_file_readonly_mmap", NULL
};

/*
 * Is FNDECL a function other units may hand their VMA to (see
 * takes_vma_publicly below)?  Public, returning int (the signature the
 * notes suggest), with a VMA parameter; not one of the kernel's own VMA
 * functions the mapping knows, nor the rest of mm/: hooks call those,
 * they are not conversion work.
 */
bool mp_conversion_is_vma_function(tree fndecl)
{
	tree ret = TREE_TYPE(TREE_TYPE(fndecl));
	const char *name = IDENTIFIER_POINTER(DECL_NAME(fndecl));
	const char *file = LOCATION_FILE(DECL_SOURCE_LOCATION(fndecl));
	const char *const *lists[] = { per_page, zaps, remaps, no_helper,
				       rewritten_calls };
	unsigned int i;

	/* A kernel with the descriptor: the functions have somewhere to go. */
	if (!mp_unit_policy() || !TREE_PUBLIC(fndecl) || !mp_has_vma_param(fndecl) ||
	    TREE_CODE(ret) != INTEGER_TYPE || TYPE_UNSIGNED(ret) ||
	    TYPE_PRECISION(ret) != INT_TYPE_SIZE || mp_decl_is_core(fndecl))
		return false;
	if (!file || !strncmp(file, "mm/", 3) || strstr(file, "/mm/"))
		return false;
	for (i = 0; i < ARRAY_SIZE(lists); i++) {
		if (name_in(name, lists[i]))
			return false;
	}
	return true;
}

struct judge {
	struct mp_conversion *c;
	int depth;
	/* the first blocker, by position in the hook */
	expanded_location first;
	bool blocked;
	/* the first call deferred to a public function of another unit */
	expanded_location first_deferred;
	location_t deferred_loc;
	const char *deferred_name;
	/* statements already given a note: file offsets */
	struct mp_key_index noted;
};

static bool before(expanded_location a, expanded_location b)
{
	return a.line < b.line || (a.line == b.line && a.column < b.column);
}

static void block(struct judge *j, location_t where, location_t in_hook,
		  const char *kind, const char *what)
{
	expanded_location e = expand_location(in_hook);

	if (j->blocked && !before(e, j->first))
		return;
	j->blocked = true;
	j->first = e;
	j->c->blocker = kind;
	j->c->blocker_loc = where;
	free(j->c->blocker_what);
	j->c->blocker_what = what ? xstrdup(what) : NULL;
}

static void add_note(struct mp_conversion *c, location_t loc, char *text,
		     bool by_hand)
{
	struct mp_conv_note *n;

	MP_GROW(c->notes, c->n_notes, c->notes_cap);
	n = &c->notes[c->n_notes++];
	memset(n, 0, sizeof(*n));
	/* at the statement, not inside a macro it uses (pgprot_noncached()) */
	n->loc = linemap_resolve_location(line_table, loc,
					  LRK_MACRO_EXPANSION_POINT, NULL);
	n->text = text;
	n->by_hand = by_hand;
}

/* The statement at LOC gets no rewriting note. */
static void mark_noted(struct judge *j, location_t loc)
{
	struct mp_src_file *f;
	size_t off, start;

	if (!mp_src_offset_of(loc, &f, &off))
		return;
	free(mp_src_statement_text(f, off, &start, NULL));
	mp_key_index_put(&j->noted, (uintptr_t)f, start, 0);
}

/* A note rewriting the statement at LOC, once per statement. */
static void note_rewrite(struct judge *j, struct mp_rewriter *rw, location_t loc)
{
	struct mp_src_file *f;
	size_t off, start, end, from, to;
	unsigned int pos;
	char *stmt, *text;
	bool exact;

	if (!mp_src_offset_of(loc, &f, &off)) {
		add_note(j->c, loc, NULL, true);
		return;
	}
	stmt = mp_src_statement_text(f, off, &start, &end);
	if (mp_key_index_get(&j->noted, (uintptr_t)f, start, &pos)) {
		free(stmt);
		return;
	}
	mp_key_index_put(&j->noted, (uintptr_t)f, start, 0);
	text = mp_rewrite(rw, stmt);
	/* The VMA under another name (a local copy): nothing was rewritten. */
	if (text && !strcmp(text, stmt)) {
		free(text);
		text = NULL;
	}
	/*
	 * Exact, for a fix-it, unless a call became two statements where
	 * one is not certain to be allowed (if (x) vm_flags_mod(...);).
	 */
	exact = text && (!rw->split || !strncmp(stmt, "vm_flags_mod(", 13));
	free(stmt);
	add_note(j->c, loc, text, !text);
	if (exact && mp_src_code_span(f, start, end, &from, &to))
		mp_conv_rewrite_edits(&j->c->notes[j->c->n_notes - 1], rw, f, from, to,
				      text);
}

static const char *callee_name(tree callee)
{
	return callee && DECL_NAME(callee) ? IDENTIFIER_POINTER(DECL_NAME(callee)) : NULL;
}

/* Is BB inside a loop (reaches itself)? */
static bool in_loop(function *fn, basic_block bb)
{
	auto_vec<basic_block> work;
	bitmap_head seen;
	bool found = false;
	edge e;
	edge_iterator ei;

	bitmap_initialize(&seen, NULL);
	work.safe_push(bb);
	while (!work.is_empty() && !found) {
		basic_block b = work.pop();

		FOR_EACH_EDGE(e, ei, b->succs) {
			if (e->dest == bb)
				found = true;
			else if (e->dest != EXIT_BLOCK_PTR_FOR_FN(fn) &&
				 bitmap_set_bit(&seen, e->dest->index))
				work.safe_push(e->dest);
		}
	}
	bitmap_clear(&seen);
	return found;
}

/* Does a statement that uses the VMA (other than STMT) follow STMT? */
static bool vma_used_after(const struct mp_fn_facts *facts, gimple *stmt)
{
	basic_block bb = gimple_bb(stmt);
	auto_vec<basic_block> work;
	bitmap_head later;
	bool used = false;
	unsigned int i;
	edge e;
	edge_iterator ei;
	gimple_stmt_iterator si;

	bitmap_initialize(&later, NULL);
	/* blocks after STMT's */
	work.safe_push(bb);
	while (!work.is_empty()) {
		basic_block b = work.pop();

		FOR_EACH_EDGE(e, ei, b->succs) {
			if (e->dest != EXIT_BLOCK_PTR_FOR_FN(facts->fn) &&
			    bitmap_set_bit(&later, e->dest->index))
				work.safe_push(e->dest);
		}
	}
	for (i = 0; i < facts->n_effects && !used; i++) {
		gimple *s = facts->effects[i].stmt;
		basic_block sb = gimple_bb(s);

		if (s == stmt)
			continue;
		if (bitmap_bit_p(&later, sb->index)) {
			used = true;
		} else if (sb == bb) {
			/* later in the same block? */
			for (si = gsi_for_stmt(stmt); !gsi_end_p(si); gsi_next(&si)) {
				if (gsi_stmt(si) == s)
					used = true;
			}
		}
	}
	bitmap_clear(&later);
	return used;
}

/* The load of a VMA member that OP's value comes from, through copies. */
static const char *loaded_member(const struct mp_fn_track *t, tree vma_type,
				 tree op)
{
	unsigned int depth;

	for (depth = 0; depth < 8 && op && TREE_CODE(op) == SSA_NAME; depth++) {
		gimple *def = SSA_NAME_DEF_STMT(op);
		tree rhs;
		struct mp_place place;

		if (!def || !is_gimple_assign(def))
			return NULL;
		rhs = gimple_assign_rhs1(def);
		if (gimple_assign_load_p(def) && gimple_assign_single_p(def)) {
			mp_locate_ref(t, rhs, &place);
			if (place.kind != MP_PLACE_TRACKED || !place.range_known)
				return NULL;
			return member_at(vma_type, place.lo, place.size, 0);
		}
		op = mp_assigned_from(op);
	}
	return NULL;
}

/* Is OP vma->vm_end - vma->vm_start (through copies and a local)? */
static bool whole_size(const struct mp_fn_track *t, tree vma_type, tree op)
{
	unsigned int depth;

	for (depth = 0; depth < 8 && op && TREE_CODE(op) == SSA_NAME; depth++) {
		gimple *def = SSA_NAME_DEF_STMT(op);
		const char *a, *b;

		if (!def || !is_gimple_assign(def))
			return false;
		if (gimple_assign_rhs_code(def) == MINUS_EXPR) {
			a = loaded_member(t, vma_type, gimple_assign_rhs1(def));
			b = loaded_member(t, vma_type, gimple_assign_rhs2(def));
			return a && b && !strcmp(a, "vm_end") && !strcmp(b, "vm_start");
		}
		op = mp_assigned_from(op);
	}
	return false;
}

/*
 * remap_pfn_range(vma, addr, pfn, size, prot) and friends, the last use
 * of the VMA: the matching mmap_action_*() call, or a blocker.
 */
static void judge_remap(struct judge *j, struct mp_rewriter *rw,
			const struct mp_fn_track *t, const struct mp_fn_facts *facts,
			gcall *call, location_t in_hook)
{
	const char *name = callee_name(gimple_call_fndecl(call));
	location_t loc = mp_stmt_location(call, t->fndecl);
	bool io = !strcmp(name, "io_remap_pfn_range");
	bool simple = !strcmp(name, "vm_iomap_memory");
	tree vma_type = TREE_TYPE(TREE_TYPE(t->tracked_parm));
	struct mp_src_file *f;
	size_t off, start, end, from, to;
	char *stmt = NULL, *args[5] = {}, *conv[5] = {};
	unsigned int n = 0, i;
	bool whole = false, ret;
	enum mp_conv_helper h;
	struct mp_text out = {};

	if (in_loop(t->fn, gimple_bb(call))) {
		block(j, loc, in_hook, "per-page-insert", name);
		return;
	}
	if (vma_used_after(facts, call)) {
		block(j, loc, in_hook, "remap-not-final", name);
		return;
	}
	if (!simple && gimple_call_num_args(call) == 5) {
		const char *s = loaded_member(t, vma_type, gimple_call_arg(call, 1));

		whole = s && !strcmp(s, "vm_start") &&
			whole_size(t, vma_type, gimple_call_arg(call, 3));
	}
	h = simple ? MP_H_SIMPLE_IOREMAP : io ? (whole ? MP_H_IOREMAP_FULL : MP_H_IOREMAP) :
	    whole ? MP_H_REMAP_FULL : MP_H_REMAP;
	if (!mp_conv_declared(h)) {
		block(j, loc, in_hook, "no-descriptor-helper", name);
		return;
	}
	if (!j->c->helper)
		j->c->helper = mp_conv_helper_name(h);
	/* The replacement, from the call's source text. */
	if (mp_src_offset_of(loc, &f, &off))
		stmt = mp_src_statement_text(f, off, &start, &end);
	if (!stmt || !mp_call_args(stmt, name, args, 5, &n) ||
	    n != (simple ? 3u : 5u)) {
		add_note(j->c, loc, NULL, true);
		goto out;
	}
	rw->bare_ok = false;
	for (i = 1; i < n; i++) {
		conv[i] = mp_rewrite(rw, args[i]);
		if (!conv[i]) {
			add_note(j->c, loc, NULL, true);
			goto out;
		}
	}
	ret = !strncmp(stmt, "return ", 7);
	if (!simple && strcmp(conv[4], "desc->page_prot")) {
		mp_text_puts(&out, "desc->page_prot = ");
		mp_text_puts(&out, conv[4]);
		mp_text_puts(&out, "; ");
	}
	mp_text_puts(&out, mp_conv_helper_name(h));
	mp_text_puts(&out, "(desc");
	if (simple) {
		mp_text_puts(&out, ", ");
		mp_text_puts(&out, conv[1]);
		mp_text_puts(&out, ", ");
		mp_text_puts(&out, conv[2]);
	} else if (whole) {
		mp_text_puts(&out, ", ");
		mp_text_puts(&out, conv[2]);
	} else {
		for (i = 1; i < 4; i++) {
			mp_text_puts(&out, ", ");
			mp_text_puts(&out, conv[i]);
		}
	}
	mp_text_puts(&out, ");");
	if (ret)
		mp_text_puts(&out, " return 0;");
	add_note(j->c, loc, out.buf, false);
	/* The replacement is the statement's when it is only the call. */
	if (mp_only_call(stmt, name) && mp_src_code_span(f, start, end, &from, &to)) {
		struct mp_conv_note *nt = &j->c->notes[j->c->n_notes - 1];

		mp_conv_replace_edits(&nt->edits, &nt->n_edits, f, from, to, out.buf,
				      nt->loc);
	}
out:
	for (i = 0; i < 5; i++) {
		free(args[i]);
		free(conv[i]);
	}
	free(stmt);
}

static void judge_function(struct judge *j, tree fndecl, tree parm,
			   location_t call_in_hook);

/*
 * Is parameter IDX of CALLEE, a public function, a VMA?  Other units may
 * call it too, so it is not converted with the hook: it is classified on
 * its own where it is defined (deprecated_mmap.c; vme_master_mmap() in
 * drivers/staging/vme_user/vme.c), and the hook converts if it does: the
 * dashboard joins the two.  Not the kernel's own (core=: vma_set_file()
 * in include/linux/mm.h): those are never classified, nor converted.
 */
static bool takes_vma_publicly(tree callee, unsigned int idx)
{
	tree a = TYPE_ARG_TYPES(TREE_TYPE(callee));
	unsigned int i;

	if (!TREE_PUBLIC(callee))
		return false;
	for (i = 0; a && a != void_list_node && i < idx; i++)
		a = TREE_CHAIN(a);
	/* the path match last: it resolves the declaration's location */
	return a && a != void_list_node && mp_is_vma_pointer_type(TREE_VALUE(a)) &&
	       !mp_decl_is_core(callee);
}

/* The VMA handed to NAME, a public function (see above). */
static void defer(struct judge *j, location_t where, location_t in_hook,
		  const char *name)
{
	struct mp_conversion *c = j->c;
	expanded_location e = expand_location(in_hook);
	unsigned int i;

	if (!j->deferred_name || before(e, j->first_deferred)) {
		j->first_deferred = e;
		j->deferred_loc = where;
		j->deferred_name = name;
	}
	for (i = 0; i < c->n_callees; i++) {
		if (!strcmp(c->callees[i], name))
			return;
	}
	MP_GROW(c->callees, c->n_callees, c->callees_cap);
	c->callees[c->n_callees++] = name;
}

/* A call the VMA is given to (argument IDX): mapped, recursed, or blocked. */
static void judge_call(struct judge *j, struct mp_rewriter *rw,
		       const struct mp_fn_track *t, const struct mp_fn_facts *facts,
		       gcall *call, unsigned int idx, location_t in_hook)
{
	tree callee = gimple_call_fndecl(call);
	const char *name = callee_name(callee);
	location_t loc = mp_stmt_location(call, t->fndecl);
	tree parm;
	unsigned int i;

	if (!name) {
		block(j, loc, in_hook, "vma-passed-to-callee", NULL);
		return;
	}
	if (name_in(name, per_page)) {
		block(j, loc, in_hook, "per-page-insert", name);
		return;
	}
	if (name_in(name, zaps)) {
		block(j, loc, in_hook, "zap", name);
		return;
	}
	if (name_in(name, no_helper)) {
		block(j, loc, in_hook, "no-descriptor-helper", name);
		return;
	}
	if (name_in(name, remaps) && idx == 0) {
		judge_remap(j, rw, t, facts, call, in_hook);
		return;
	}
	if (name_in(name, rewritten_calls)) {
		/* generic_file_mmap_prepare() is the main one of the two */
		if (!strcmp(name, "generic_file_mmap") &&
		    (!j->c->helper || j->c->helper == mp_conv_helper_name(MP_H_GENERIC_RO_MMAP)))
			j->c->helper = mp_conv_helper_name(MP_H_GENERIC_MMAP);
		if (!strcmp(name, "generic_file_readonly_mmap") && !j->c->helper)
			j->c->helper = mp_conv_helper_name(MP_H_GENERIC_RO_MMAP);
		rw->bare_ok = false;
		note_rewrite(j, rw, loc);
		if (j->c->notes[j->c->n_notes - 1].by_hand &&
		    (!strncmp(name, "generic_", 8) || !strcmp(name, "vma_set_anonymous")))
			block(j, loc, in_hook, "no-descriptor-helper", name);
		return;
	}
	/* A static function of the unit that takes the VMA: judged itself. */
	for (parm = DECL_ARGUMENTS(callee), i = 0; parm && i < idx;
	     parm = DECL_CHAIN(parm), i++)
		;
	if (!TREE_PUBLIC(callee) && parm && mp_is_vma_pointer_type(TREE_TYPE(parm)) &&
	    mp_visible_body(callee) && !mp_decl_is_core(callee) &&
	    j->depth < MAX_DEPTH) {
		bool was = j->blocked;

		j->depth++;
		judge_function(j, callee, parm, in_hook);
		j->depth--;
		if (!j->blocked || was) {
			rw->bare_ok = true;
			note_rewrite(j, rw, loc);
		}
		return;
	}
	if (takes_vma_publicly(callee, idx)) {
		defer(j, loc, in_hook, name);
		return;
	}
	block(j, loc, in_hook, "vma-passed-to-callee", name);
}

/* Effects of one statement of T's function: judged together. */
/*
 * The member of the VMA whose address is argument ARG of CALL
 * (&vma->vm_page_prot), or NULL: the callee's parameter is a pointer to
 * the member's own type, so the callee sees that member and no other,
 * and the statement converts as the member does (&desc->page_prot).  The
 * parameter's type, not the argument's: GIMPLE drops the conversion to
 * void *.
 */
static const char *passed_member(const struct mp_fn_track *t, tree vma_type,
				 gcall *call, unsigned int arg)
{
	tree fntype = gimple_call_fntype(call), a, pointee = NULL_TREE;
	struct mp_pt v = mp_value_of(t, gimple_call_arg(call, arg));
	unsigned int i;

	a = fntype ? TYPE_ARG_TYPES(fntype) : NULL_TREE;
	for (i = 0; a && i < arg; i++)
		a = TREE_CHAIN(a);
	if (a && a != void_list_node && POINTER_TYPE_P(TREE_VALUE(a)))
		pointee = TREE_TYPE(TREE_VALUE(a));

	/* void is incomplete: a void * callee may reach the whole VMA */
	if (!v.off_known || v.off <= 0 || !pointee || !COMPLETE_TYPE_P(pointee) ||
	    !tree_fits_shwi_p(TYPE_SIZE(pointee)))
		return NULL;
	return member_at(vma_type, v.off, tree_to_shwi(TYPE_SIZE(pointee)), 0);
}

static void judge_statement(struct judge *j, struct mp_rewriter *rw,
			    const struct mp_fn_track *t,
			    const struct mp_fn_facts *facts, unsigned int first,
			    unsigned int last, location_t call_in_hook)
{
	gimple *stmt = facts->effects[first].stmt;
	location_t loc = mp_stmt_location(stmt, t->fndecl);
	location_t in_hook = call_in_hook != UNKNOWN_LOCATION ? call_in_hook : loc;
	tree vma_type = TREE_TYPE(TREE_TYPE(t->tracked_parm));
	bool rewrite_it = false;
	unsigned int i;

	/* A call given the VMA itself decides for the whole statement. */
	for (i = first; i < last; i++) {
		const struct mp_effect *e = &facts->effects[i];

		if (e->kind == MP_EFFECT_CALL_ARG && is_gimple_call(stmt) &&
		    !gimple_call_internal_p(stmt)) {
			struct mp_pt v = mp_value_of(t, gimple_call_arg(stmt, e->arg));

			if (v.off_known && v.off == 0) {
				judge_call(j, rw, t, facts, mp_as_call(stmt), e->arg, in_hook);
				return;
			}
		}
	}
	for (i = first; i < last; i++) {
		const struct mp_effect *e = &facts->effects[i];
		const char *m = e->range_known ?
				member_at(vma_type, e->lo, e->size, 0) : NULL;

		switch (e->kind) {
		case MP_EFFECT_READ:
			if (m && !strcmp(m, "vm_mm"))
				block(j, loc, in_hook, "vma-mm", m);
			else if (!m || !name_in(m, read_ok))
				block(j, loc, in_hook, "vma-field-read-unsupported", m);
			else
				rewrite_it = true;
			break;
		case MP_EFFECT_WRITE:
			if (e->clobber)
				break;
			if (!m || !name_in(m, write_ok) || e->how == MP_WRITE_BUILTIN)
				block(j, loc, in_hook, "vma-field-write-unsupported", m);
			else
				rewrite_it = true;
			break;
		case MP_EFFECT_CALL_ARG:
			/* &vma->member: as the member */
			if (!m)
				m = passed_member(t, vma_type, mp_as_call(stmt), e->arg);
			if (!m || !name_in(m, write_ok))
				block(j, loc, in_hook, "vma-passed-to-callee",
				      callee_name(e->callee));
			else
				rewrite_it = true;
			break;
		case MP_EFFECT_POINTER_STORE:
			if (!e->dest_local_decl && e->dest != MP_PLACE_LOCAL)
				block(j, loc, in_hook, "vma-escapes", NULL);
			break;
		case MP_EFFECT_RETURN:
		case MP_EFFECT_ASM_INPUT:
			block(j, loc, in_hook, "vma-escapes", NULL);
			break;
		default:
			break;
		}
	}
	if (rewrite_it) {
		rw->bare_ok = false;
		note_rewrite(j, rw, loc);
	}
}

/*
 * Calls that store their result into a VMA member or read one as an
 * argument, by value (pgprot_t is a struct: vma->vm_page_prot =
 * pgprot_noncached(vma->vm_page_prot)): the effects do not list them.
 */
static void judge_aggregates(struct judge *j, struct mp_rewriter *rw,
			     const struct mp_fn_track *t, location_t call_in_hook)
{
	tree vma_type = TREE_TYPE(TREE_TYPE(t->tracked_parm));
	basic_block bb;

	FOR_EACH_BB_FN(bb, t->fn) {
		gimple_stmt_iterator si;

		for (si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si)) {
			gimple *stmt = gsi_stmt(si);
			location_t loc = mp_stmt_location(stmt, t->fndecl);
			location_t in_hook = call_in_hook != UNKNOWN_LOCATION ?
					     call_in_hook : loc;
			tree lhs;
			unsigned int i;
			bool use = false, bad_write = false, hidden = false;
			const char *m = NULL;
			struct mp_place place;

			if (!is_gimple_call(stmt))
				continue;
			lhs = gimple_call_lhs(stmt);
			if (lhs && TREE_CODE(lhs) != SSA_NAME && mp_is_reference(lhs)) {
				mp_locate_ref(t, lhs, &place);
				if (place.kind == MP_PLACE_TRACKED) {
					hidden |= EXPR_HAS_LOCATION(lhs) &&
						  written_in_macro(EXPR_LOCATION(lhs), rw->vma);
					m = place.range_known ?
					    member_at(vma_type, place.lo, place.size, 0) : NULL;
					use = true;
					bad_write = !m || !name_in(m, write_ok);
				}
			}
			for (i = 0; i < gimple_call_num_args(stmt); i++) {
				tree arg = gimple_call_arg(stmt, i);

				if (!mp_is_reference(arg))
					continue;
				mp_locate_ref(t, arg, &place);
				if (place.kind != MP_PLACE_TRACKED)
					continue;
				use = true;
				hidden |= EXPR_HAS_LOCATION(arg) &&
					  written_in_macro(EXPR_LOCATION(arg), rw->vma);
			}
			if (hidden)
				j->c->hidden_use = true;
			if (bad_write)
				block(j, loc, in_hook, "vma-field-write-unsupported", m);
			else if (use) {
				rw->bare_ok = false;
				note_rewrite(j, rw, loc);
			}
		}
	}
}

static void judge_function(struct judge *j, tree fndecl, tree parm,
			   location_t call_in_hook)
{
	function *fn = mp_visible_body(fndecl);
	struct mp_fn_track t;
	struct mp_fn_facts facts;
	struct mp_rewriter rw = {};
	unsigned int i, k;

	if (!fn)
		return;
	rw.vma = DECL_NAME(parm) ? IDENTIFIER_POINTER(DECL_NAME(parm)) : "";
	mp_track_function(&t, fn, MP_TRACK_PARAM, parm, NULL);
	if (t.unsettled) {
		block(j, DECL_SOURCE_LOCATION(fndecl),
		      call_in_hook != UNKNOWN_LOCATION ? call_in_hook :
		      DECL_SOURCE_LOCATION(fndecl), "unanalysable", NULL);
		mp_track_release(&t);
		return;
	}
	mp_effects_build(&facts, &t, mp_callee_may_write_param,
			 mp_callee_may_keep_param, NULL);
	/* The arguments of a remap call are the call's replacement's. */
	for (i = 0; i < facts.n_effects; i++) {
		const struct mp_effect *e = &facts.effects[i];

		if (written_in_macro(e->loc, rw.vma))
			j->c->hidden_use = true;

		if (e->kind == MP_EFFECT_CALL_ARG && e->callee &&
		    name_in(callee_name(e->callee), remaps))
			mark_noted(j, mp_stmt_location(e->stmt, fndecl));
	}
	for (i = 0; i < facts.n_effects; i = k) {
		for (k = i + 1; k < facts.n_effects &&
		     facts.effects[k].stmt == facts.effects[i].stmt; k++)
			;
		judge_statement(j, &rw, &t, &facts, i, k, call_in_hook);
	}
	judge_aggregates(j, &rw, &t, call_in_hook);
	/* A converted helper takes the descriptor. */
	if (j->depth > 0) {
		add_note(j->c, DECL_SOURCE_LOCATION(parm),
			 xstrdup("struct vm_area_desc *desc"), false);
		j->c->notes[j->c->n_notes - 1].parameter = true;
	}
	mp_effects_release(&facts);
	mp_track_release(&t);
}

/* ---- the hook ---- */

static bool parm_used(function *fn, tree parm)
{
	tree def = ssa_default_def(fn, parm);

	return def && !has_zero_uses(def);
}

/* The source text of parameter PARM's declaration ("unsigned int minor"). */
static char *parm_text(tree parm)
{
	struct mp_src_file *f;
	size_t off, s, e;
	char *out;

	if (!mp_src_offset_of(DECL_SOURCE_LOCATION(parm), &f, &off))
		return NULL;
	for (s = off; s > 0 && !(f->code[s - 1] == 1 &&
				 (f->text[s - 1] == '(' || f->text[s - 1] == ','));
	     s--)
		;
	for (e = off; e < f->len && mp_is_ident_char(f->text[e]); e++)
		;
	while (s < e && ISSPACE(f->text[s]))
		s++;
	out = xstrndup(f->text + s, e - s);
	for (s = 0; out[s]; s++) {
		if (ISSPACE(out[s]))
			out[s] = ' ';
	}
	return out;
}

/*
 * The mmap_prepare hook's declaration: the same name with _prepare, the
 * VMA parameter as the descriptor, the file parameter gone (its value is
 * desc->file: the prologue).
 */
static void signature(struct mp_conversion *c, tree hook, function *fn)
{
	const char *name = IDENTIFIER_POINTER(DECL_NAME(hook));
	struct mp_text out = {};
	bool first = true;
	tree parm;

	mp_text_puts(&out, TREE_PUBLIC(hook) ? "int " : "static int ");
	mp_text_puts(&out, name);
	mp_text_puts(&out, "_prepare(");
	for (parm = DECL_ARGUMENTS(hook); parm; parm = DECL_CHAIN(parm)) {
		char *text;

		if (mp_is_file_pointer_type(TREE_TYPE(parm))) {
			if (DECL_NAME(parm) && parm_used(fn, parm) && !c->prologue)
				c->prologue = xasprintf("struct file *%s = desc->file;",
							IDENTIFIER_POINTER(DECL_NAME(parm)));
			continue;
		}
		if (!first)
			mp_text_puts(&out, ", ");
		first = false;
		if (mp_is_vma_pointer_type(TREE_TYPE(parm))) {
			mp_text_puts(&out, "struct vm_area_desc *desc");
			continue;
		}
		text = parm_text(parm);
		mp_text_puts(&out, text ? text : "?");
		free(text);
	}
	mp_text_puts(&out, ")");
	c->signature = out.buf;
}

struct state_walk {
	struct mp_conversion *c;
};

static void state_site(gimple *stmt, tree fndecl, const char *acquisition,
		       void *data)
{
	struct mp_conversion *c = ((struct state_walk *)data)->c;
	location_t loc = linemap_resolve_location(line_table,
						  mp_stmt_location(stmt, fndecl),
						  LRK_MACRO_EXPANSION_POINT, NULL);

	add_note(c, loc, NULL, false);
	c->notes[c->n_notes - 1].move_to_mapped = true;
	c->notes[c->n_notes - 1].what = acquisition;
}

static int compare_notes(const void *pa, const void *pb)
{
	const struct mp_conv_note *a = (const struct mp_conv_note *)pa;
	const struct mp_conv_note *b = (const struct mp_conv_note *)pb;
	expanded_location ea = expand_location(a->loc), eb = expand_location(b->loc);

	if (ea.line != eb.line)
		return ea.line < eb.line ? -1 : 1;
	if (ea.column != eb.column)
		return ea.column < eb.column ? -1 : 1;
	return a < b ? -1 : a > b;
}

static void block_at_deferred(struct mp_conversion *c, const struct judge *j)
{
	c->blocker = "vma-passed-to-callee";
	c->blocker_loc = j->deferred_loc;
	free(c->blocker_what);
	c->blocker_what = xstrdup(j->deferred_name);
}

void mp_conversion_classify(tree hook, struct mp_conversion *c)
{
	struct judge j;
	struct state_walk sw = { c };
	function *fn;
	tree parm;
	unsigned int i, n_state = 0;
	const char *name;

	memset(c, 0, sizeof(*c));
	c->hook = hook;
	c->cls = MP_CONV_UNKNOWN;
	if (!hook)
		return;
	name = IDENTIFIER_POINTER(DECL_NAME(hook));
	fn = mp_visible_body(hook);
	if (!fn) {
		/* The kernel's own .mmap functions convert by name. */
		if (!strcmp(name, "generic_file_mmap") && mp_conv_declared(MP_H_GENERIC_MMAP))
			c->helper = mp_conv_helper_name(MP_H_GENERIC_MMAP);
		else if (!strcmp(name, "generic_file_readonly_mmap") &&
			 mp_conv_declared(MP_H_GENERIC_RO_MMAP))
			c->helper = mp_conv_helper_name(MP_H_GENERIC_RO_MMAP);
		if (c->helper)
			c->cls = MP_CONV_CONVERTIBLE;
		return;
	}
	for (parm = DECL_ARGUMENTS(hook); parm; parm = DECL_CHAIN(parm)) {
		if (mp_is_vma_pointer_type(TREE_TYPE(parm)))
			break;
	}
	if (!parm)
		return;
	memset(&j, 0, sizeof(j));
	j.c = c;
	judge_function(&j, hook, parm, UNKNOWN_LOCATION);
	mp_key_index_clear(&j.noted);
	signature(c, hook, fn);
	if (j.blocked) {
		/* The first blocker by position, a deferred call included. */
		if (j.deferred_name && before(j.first_deferred, j.first))
			block_at_deferred(c, &j);
		c->n_callees = 0;
		c->cls = MP_CONV_BLOCKED;
		c->helper = NULL;
		return;
	}
	mp_stateful_held_sites(hook, state_site, &sw);
	for (i = 0; i < c->n_notes; i++)
		n_state += c->notes[i].move_to_mapped;
	c->cls = n_state ? MP_CONV_MAPPED : MP_CONV_CONVERTIBLE;
	if (n_state && mp_unit_has_mapped_hook() == 0) {
		c->cls = MP_CONV_BLOCKED;
		c->helper = NULL;
		c->blocker = "no-mapped-hook";
		for (i = 0; i < c->n_notes; i++) {
			if (c->notes[i].move_to_mapped) {
				c->blocker_loc = c->notes[i].loc;
				break;
			}
		}
	}
	if (c->n_notes > 1)
		qsort(c->notes, c->n_notes, sizeof(c->notes[0]), compare_notes);
	if (c->cls == MP_CONV_BLOCKED) {
		c->n_callees = 0;
	} else if (c->n_callees) {
		/* Blocked here; what it is once the callees convert too. */
		c->cls_with_callees = c->cls;
		c->helper_with_callees = c->helper;
		c->cls = MP_CONV_BLOCKED;
		c->helper = NULL;
		block_at_deferred(c, &j);
	}
}

void mp_conversion_release(struct mp_conversion *c)
{
	unsigned int i;

	for (i = 0; i < c->n_notes; i++) {
		free(c->notes[i].text);
		mp_conv_free_edits(&c->notes[i].edits, &c->notes[i].n_edits);
	}
	free(c->notes);
	for (i = 0; i < c->n_fixes; i++)
		free(c->fixes[i].text);
	free(c->fixes);
	free(c->signature);
	free(c->prologue);
	free(c->blocker_what);
	free(c->callees);
	memset(c, 0, sizeof(*c));
}
