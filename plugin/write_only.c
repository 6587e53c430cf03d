// SPDX-License-Identifier: GPL-2.0
/*
 * Rule mmap-prepare-write-only-read (W=1): vm_ops and private_data are
 * write-only; their initial value is unspecified.  A read is reported
 * only if some path from the function's entry reaches it without a write
 * of that field, so "if (x) desc->private_data = p; ... read" is
 * reported and "desc->private_data = p; ... read" is not.
 *
 * Forward must-analysis over the CFG: the set of write-only fields
 * written on every path.  A call that receives a pointer into the
 * descriptor may write them all.
 */
#include "mmap_prepare.h"

struct wo_state {
	struct mp_fn_track *t;
	mp_field_mask write_only;	/* all write-only fields */
	mp_field_mask *out;		/* per block: surely written at exit */
	bool reporting;
};

static mp_field_mask fields_of_place(const struct wo_state *s,
				     const struct mp_place *place)
{
	if (place->kind != MP_PLACE_TRACKED)
		return 0;
	if (!place->range_known)
		return s->write_only;
	return mp_policy_fields_in(s->t->pol, place->lo, place->size) &
	       s->write_only;
}

/* The write-only field a load reads, if it reads exactly one. */
static int field_read(const struct wo_state *s, tree ref)
{
	const struct mp_policy *pol = s->t->pol;
	struct mp_place place;
	unsigned int i;

	mp_locate_ref(s->t, ref, &place);
	if (place.kind != MP_PLACE_TRACKED || !place.range_known || place.size < 0)
		return -1;
	for (i = 0; i < pol->n_fields; i++) {
		const struct mp_field *f = &pol->fields[i];

		if ((s->write_only & (1ULL << i)) && place.lo >= f->bitpos &&
		    place.lo + place.size <= f->bitpos + f->bitsize)
			return i;
	}
	return -1;
}

static mp_field_mask call_writes(const struct wo_state *s, gcall *call)
{
	unsigned int i;

	for (i = 0; i < gimple_call_num_args(call); i++) {
		if (mp_track_value(s->t, gimple_call_arg(call, i)).tracked)
			return s->write_only;
	}
	return 0;
}

static void report_read(const struct wo_state *s, gimple *stmt, int field)
{
	const struct mp_field *f = &s->t->pol->fields[field];
	struct mp_finding fd;

	memset(&fd, 0, sizeof(fd));
	fd.rule = MP_RULE_WRITE_ONLY_READ;
	fd.loc = mp_stmt_location(stmt, s->t->fndecl);
	fd.function = xstrdup(mp_decl_name(s->t->fndecl));
	fd.field = xstrdup(f->name);
	fd.message = xasprintf("'%s' reads write-only field '%s' of 'struct vm_area_desc' before writing it",
			       fd.function, f->name);
	fd.notes[0].loc = f->loc;
	fd.notes[0].text = xasprintf("'%s' is write-only in an mmap_prepare hook: its initial value is unspecified; assign it first, or keep the value in a local variable",
				     f->name);
	fd.n_notes = 1;
	mp_finding_add(&fd);
}

/* Applies STMT to the set WRITTEN; reports reads when asked to. */
static mp_field_mask transfer(const struct wo_state *s, gimple *stmt,
			      mp_field_mask written)
{
	struct mp_place place;
	int field;

	switch (gimple_code(stmt)) {
	case GIMPLE_ASSIGN: {
		tree lhs = gimple_assign_lhs(stmt);
		tree rhs = gimple_assign_rhs1(stmt);

		if (gimple_assign_single_p(stmt) && gimple_assign_load_p(stmt)) {
			field = field_read(s, rhs);
			if (field >= 0 && !(written & (1ULL << field)) && s->reporting)
				report_read(s, stmt, field);
		}
		if (TREE_CODE(lhs) != SSA_NAME && !gimple_clobber_p(stmt)) {
			mp_locate_ref(s->t, lhs, &place);
			written |= fields_of_place(s, &place);
		}
		return written;
	}
	case GIMPLE_CALL:
		return written | call_writes(s, as_a<gcall *>(stmt));
	case GIMPLE_ASM: {
		gasm *as = as_a<gasm *>(stmt);
		unsigned int i;

		for (i = 0; i < gimple_asm_noutputs(as); i++) {
			tree out = TREE_VALUE(gimple_asm_output_op(as, i));

			if (TREE_CODE(out) == SSA_NAME)
				continue;
			mp_locate_ref(s->t, out, &place);
			written |= fields_of_place(s, &place);
		}
		return written;
	}
	default:
		return written;
	}
}

static mp_field_mask block_in(const struct wo_state *s, basic_block bb)
{
	mp_field_mask in = s->write_only;
	edge e;
	edge_iterator ei;

	FOR_EACH_EDGE(e, ei, bb->preds) {
		if (e->src == ENTRY_BLOCK_PTR_FOR_FN(s->t->fn))
			return 0;
		in &= s->out[e->src->index];
	}
	return in;
}

static mp_field_mask walk_block(const struct wo_state *s, basic_block bb)
{
	mp_field_mask written = block_in(s, bb);
	gimple_stmt_iterator si;

	for (si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si))
		written = transfer(s, gsi_stmt(si), written);
	return written;
}

void mp_check_write_only_reads(struct mp_fn_track *t)
{
	function *fn = t->fn;
	struct wo_state s;
	int *rpo, n_rpo, i;
	bool changed = true;
	unsigned int f;

	if (!t->pol || !mp_rule_on(MP_RULE_WRITE_ONLY_READ))
		return;
	memset(&s, 0, sizeof(s));
	s.t = t;
	for (f = 0; f < t->pol->n_fields; f++) {
		if (t->pol->fields[f].cls == MP_FIELD_WRITE_ONLY)
			s.write_only |= 1ULL << f;
	}
	if (!s.write_only)
		return;

	s.out = XNEWVEC(mp_field_mask, last_basic_block_for_fn(fn));
	for (i = 0; i < last_basic_block_for_fn(fn); i++)
		s.out[i] = s.write_only;	/* optimistic start */
	rpo = XNEWVEC(int, n_basic_blocks_for_fn(fn));
	n_rpo = pre_and_rev_post_order_compute_fn(fn, NULL, rpo, false);
	while (changed) {
		changed = false;
		for (i = 0; i < n_rpo; i++) {
			basic_block bb = BASIC_BLOCK_FOR_FN(fn, rpo[i]);
			mp_field_mask out = walk_block(&s, bb);

			if (out != s.out[bb->index]) {
				s.out[bb->index] = out;
				changed = true;
			}
		}
	}
	s.reporting = true;
	for (i = 0; i < n_rpo; i++)
		walk_block(&s, BASIC_BLOCK_FOR_FN(fn, rpo[i]));
	free(rpo);
	free(s.out);
}
