// SPDX-License-Identifier: GPL-2.0
/*
 * May a visible callee write through (or keep) its pointer parameter N?
 * Passing &desc->start to a callee that provably only reads it is clean;
 * the plugin proves it itself, so -O0 and -O2 agree.
 *
 * Summaries are computed for a whole strongly connected component of
 * the call graph at once, the first time any of its members is asked
 * about, after the components it calls (which are asked about, and so
 * computed, first: they cannot call back).  Inside a component every
 * parameter starts as "does not write" and the members are analysed
 * again until no answer changes: answers only ever change from "no" to
 * "yes", so this ends, at the least fixed point, whatever the order of
 * the members.  Recursion gets no special guess either way.
 *
 * A parameter written only by stores of known ranges (a helper that sets
 * two members of a wrapper struct embedding the descriptor) keeps those
 * ranges, so a caller handing it a pointer near a descriptor learns
 * which descriptor bits, if any, it writes.  Members of a recursive
 * component write "anywhere".
 */
#include "analysis.h"

struct write_ranges {
	bool known;			/* writes only the ranges below */
	unsigned int n;
	struct mp_range r[MP_MAX_WRITE_RANGES];
};

struct fn_summary {
	tree fndecl;
	unsigned int n_params;
	bool *may_write;		/* by parameter index */
	bool *may_keep;			/* ... stores it where it outlives */
	struct write_ranges *ranges;	/* ... if it may write */
};

enum scc_state { SCC_TODO, SCC_COMPUTING, SCC_DONE };

static struct fn_summary *summaries;
static unsigned int n_summaries, summaries_cap;
static struct mp_key_index summary_of;		/* DECL_UID -> summaries[] */
static enum scc_state *scc_states;
static unsigned int n_scc_states;

function *mp_visible_body(tree fndecl)
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

static struct fn_summary *find_summary(tree fndecl)
{
	unsigned int i;

	if (!mp_key_index_get(&summary_of, DECL_UID(fndecl), 0, &i))
		return NULL;
	return &summaries[i];
}

static tree nth_param(tree fndecl, unsigned int idx)
{
	tree parm = DECL_ARGUMENTS(fndecl);

	for (; parm && idx; parm = DECL_CHAIN(parm), idx--)
		;
	return parm;
}

static void new_summary(tree fndecl)
{
	struct fn_summary *s;
	tree parm;

	MP_GROW(summaries, n_summaries, summaries_cap);
	mp_key_index_put(&summary_of, DECL_UID(fndecl), 0, n_summaries);
	s = &summaries[n_summaries++];
	s->fndecl = fndecl;
	s->n_params = 0;
	for (parm = DECL_ARGUMENTS(fndecl); parm; parm = DECL_CHAIN(parm))
		s->n_params++;
	s->may_write = XCNEWVEC(bool, s->n_params + 1);
	s->may_keep = XCNEWVEC(bool, s->n_params + 1);
	s->ranges = XCNEWVEC(struct write_ranges, s->n_params + 1);
}

/*
 * The answer while FNDECL's component is being computed: the current
 * approximation for a member, the final answer for anything else.
 */
static bool may_write_in_scc(tree fndecl, unsigned int idx)
{
	struct fn_summary *s = find_summary(fndecl);
	int scc = mp_scc_of(fndecl);

	if (s && scc >= 0 && scc_states[scc] == SCC_COMPUTING)
		return idx < s->n_params ? s->may_write[idx] : true;
	return mp_callee_may_write_param(fndecl, idx);
}

static bool may_keep_in_scc(tree fndecl, unsigned int idx)
{
	struct fn_summary *s = find_summary(fndecl);
	int scc = mp_scc_of(fndecl);

	if (s && scc >= 0 && scc_states[scc] == SCC_COMPUTING)
		return idx < s->n_params ? s->may_keep[idx] : false;
	return mp_callee_may_keep_param(fndecl, idx);
}

/*
 * Does FN write through PARM (*WRITES: where, in *RANGES), keep it
 * (*KEEPS)?
 */
static void analyse_param(function *fn, tree parm, bool *writes, bool *keeps,
			  struct write_ranges *ranges)
{
	struct mp_fn_track t;
	struct mp_fn_facts facts;

	mp_track_function(&t, fn, MP_TRACK_PARAM, parm, NULL);
	mp_effects_build(&facts, &t, may_write_in_scc, NULL, NULL);
	*writes = mp_effects_may_write(&facts, may_write_in_scc);
	*keeps = mp_effects_may_keep(&facts, may_keep_in_scc);
	ranges->known = *writes &&
			mp_effects_write_ranges(&facts, may_write_in_scc, ranges->r,
						MP_MAX_WRITE_RANGES, &ranges->n);
	mp_effects_release(&facts);
	mp_track_release(&t);
}

/*
 * One pass over the members' pointer parameters; true if an answer
 * changed.
 */
static bool analyse_members(cgraph_node *const *members, unsigned int n,
			    bool recursive)
{
	unsigned int m, i;
	bool changed = false;

	for (m = 0; m < n; m++) {
		tree fndecl = members[m]->decl;
		function *fn = mp_visible_body(fndecl);
		unsigned int n_params = find_summary(fndecl)->n_params;

		for (i = 0; i < n_params; i++) {
			tree parm = nth_param(fndecl, i);
			struct fn_summary *s = find_summary(fndecl);
			bool writes = true, keeps = false;
			struct write_ranges ranges = { false, 0, {} };

			if ((s->may_write[i] && s->may_keep[i]) ||
			    !POINTER_TYPE_P(TREE_TYPE(parm)))
				continue;
			/* May compute other components: summaries[] may move. */
			if (fn)
				analyse_param(fn, parm, &writes, &keeps, &ranges);
			s = find_summary(fndecl);
			if (writes && !s->may_write[i] && !recursive)
				s->ranges[i] = ranges;
			if ((writes && !s->may_write[i]) || (keeps && !s->may_keep[i]))
				changed = true;
			s->may_write[i] |= writes;
			s->may_keep[i] |= keeps;
		}
	}
	return changed;
}

static void compute_scc(int scc)
{
	cgraph_node *const *members;
	bool recursive;
	unsigned int n = mp_scc_members(scc, &members, &recursive), m;

	scc_states[scc] = SCC_COMPUTING;
	for (m = 0; m < n; m++)
		new_summary(members[m]->decl);
	/* Components it calls are computed on the way, when first asked. */
	while (analyse_members(members, n, recursive) && recursive)
		;
	scc_states[scc] = SCC_DONE;
}

/* FNDECL's summary, computed with its component if need be; NULL when it
   has no analysable body or IDX is not a pointer parameter. */
static struct fn_summary *param_summary(tree fndecl, unsigned int idx)
{
	int scc;
	tree parm;

	if (!mp_visible_body(fndecl))
		return NULL;
	parm = nth_param(fndecl, idx);
	if (!parm || !POINTER_TYPE_P(TREE_TYPE(parm)))
		return NULL;
	scc = mp_scc_of(fndecl);
	if (scc < 0)
		return NULL;
	if (!scc_states) {
		n_scc_states = mp_scc_count();
		scc_states = XCNEWVEC(enum scc_state, n_scc_states);
	}
	/* A component being computed only asks through the *_in_scc. */
	gcc_assert(scc_states[scc] != SCC_COMPUTING);
	if (scc_states[scc] == SCC_TODO)
		compute_scc(scc);
	return find_summary(fndecl);
}

bool mp_callee_may_write_param(tree fndecl, unsigned int idx)
{
	struct fn_summary *s = param_summary(fndecl, idx);

	return !s || s->may_write[idx];
}

bool mp_callee_write_ranges(tree fndecl, unsigned int idx,
			    const struct mp_range **ranges, unsigned int *n)
{
	struct fn_summary *s = param_summary(fndecl, idx);

	if (!s || !s->may_write[idx] || !s->ranges[idx].known)
		return false;
	*ranges = s->ranges[idx].r;
	*n = s->ranges[idx].n;
	return true;
}

bool mp_callee_may_keep_param(tree fndecl, unsigned int idx)
{
	struct fn_summary *s = param_summary(fndecl, idx);

	return s && s->may_keep[idx];
}

void mp_summaries_release(void)
{
	unsigned int i;

	for (i = 0; i < n_summaries; i++) {
		free(summaries[i].may_write);
		free(summaries[i].may_keep);
		free(summaries[i].ranges);
	}
	free(summaries);
	free(scc_states);
	summaries = NULL;
	scc_states = NULL;
	n_summaries = 0;
	summaries_cap = 0;
	n_scc_states = 0;
	mp_key_index_clear(&summary_of);
}
