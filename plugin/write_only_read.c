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
 * descriptor may write them all, unless the parameter is a pointer to
 * const (vma_desc_size(), pr_info("%p")) or the callee's body, in the
 * unit, provably does not write through it.  Compiled-out branches: see
 * check_compiled_out().
 */
#include "mmap_prepare.h"

struct wo_state {
	const struct mp_fn_facts *facts;
	mp_field_mask write_only;	/* all write-only fields */
	mp_field_mask *out;		/* per block: surely written at exit */
	bool reporting;
};

/* The write-only field a load reads, if it reads exactly one. */
static int field_read(const struct wo_state *s, const struct mp_effect *e)
{
	const struct mp_policy *pol = s->facts->pol;
	unsigned int i;

	if (!e->range_known || e->size < 0)
		return -1;
	for (i = 0; i < pol->n_fields; i++) {
		const struct mp_field *f = &pol->fields[i];

		if ((s->write_only & (1ULL << i)) && e->lo >= f->bitpos &&
		    e->lo + e->size <= f->bitpos + f->bitsize)
			return i;
	}
	return -1;
}

static void emit_read(const struct mp_finding *f)
{
	if (!mp_report(f, "%qD reads write-only field %qs of %qs before writing it",
		       f->fndecl, f->field, "struct vm_area_desc"))
		return;
	inform(f->note_loc,
	       "%qs is write-only in an mmap_prepare hook: its initial value is unspecified; assign it first, or keep the value in a local variable",
	       f->field);
}

static void report_read(const struct wo_state *s, const struct mp_effect *e,
			int field)
{
	const struct mp_field *fld = &s->facts->pol->fields[field];
	struct mp_finding f;

	memset(&f, 0, sizeof(f));
	f.rule = &mp_rule_write_only_read;
	f.loc = mp_effect_location(e, s->facts->fndecl);
	f.compiled_out = e->compiled_out;
	f.fndecl = s->facts->fndecl;
	f.field = xstrdup(fld->name);
	f.note_loc = fld->loc;
	f.emit = emit_read;
	mp_finding_add(&f);
}

/* Applies effect E to the set WRITTEN; reports reads when asked to. */
static mp_field_mask transfer(const struct wo_state *s,
			      const struct mp_effect *e, mp_field_mask written)
{
	int field;

	switch (e->kind) {
	case MP_EFFECT_READ:
		field = field_read(s, e);
		if (field >= 0 && !(written & (1ULL << field)) && s->reporting)
			report_read(s, e, field);
		return written;
	case MP_EFFECT_WRITE:
		if (e->clobber)
			return written;
		return written | (e->range_known ? e->fields & s->write_only :
				  s->write_only);
	case MP_EFFECT_CALL_ARG:
		if (e->readonly_param || !e->callee_may_write)
			return written;
		return s->write_only;
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
		if (e->src == ENTRY_BLOCK_PTR_FOR_FN(s->facts->fn))
			return 0;
		in &= s->out[e->src->index];
	}
	return in;
}

static mp_field_mask walk_block(const struct wo_state *s, basic_block bb)
{
	const struct mp_fn_facts *facts = s->facts;
	mp_field_mask written = block_in(s, bb);
	unsigned int i, end;

	end = facts->bb_first[bb->index] + facts->bb_count[bb->index];
	for (i = facts->bb_first[bb->index]; i < end; i++)
		written = transfer(s, &facts->effects[i], written);
	return written;
}

/*
 * Compiled-out statements have no control flow to follow from the entry:
 * a read there is reported only when nothing in the function, compiled
 * or not, writes the field before it (in statement order), so the rule
 * never guesses a path.
 */
static void check_compiled_out(struct wo_state *s)
{
	const struct mp_fn_facts *live = mp_analysed_facts_of(s->facts->fndecl);
	mp_field_mask written = 0;
	unsigned int i;

	for (i = 0; live && i < live->n_effects; i++)
		written = transfer(s, &live->effects[i], written);
	s->reporting = true;
	for (i = 0; i < s->facts->n_effects; i++)
		written = transfer(s, &s->facts->effects[i], written);
}

static void check_function(const struct mp_fn_facts *facts)
{
	function *fn = facts->fn;
	struct wo_state s;
	int *rpo, n_rpo, i;
	bool changed = true;
	unsigned int f;

	if (!facts->n_effects || !facts->pol)
		return;
	memset(&s, 0, sizeof(s));
	s.facts = facts;
	for (f = 0; f < facts->pol->n_fields; f++) {
		if (facts->pol->fields[f].cls == MP_FIELD_WRITE_ONLY)
			s.write_only |= 1ULL << f;
	}
	if (!s.write_only)
		return;
	if (facts->compiled_out) {
		check_compiled_out(&s);
		return;
	}

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

struct mp_rule mp_rule_write_only_read = {
	.name = "write-only-read",
	.dflt = MP_W1,
	.summary = "reading vm_ops or private_data before the function wrote it",
	.check_function = check_function,
};
