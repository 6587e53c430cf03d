// SPDX-License-Identifier: GPL-2.0
/*
 * The analysis of a whole unit, the one entry point rules depend on.
 *
 * Functions are analysed component by component of the call graph,
 * callees first (call_graph.c).  A function's own analysis also gives
 * what it returns in descriptor terms, which its callers' sweeps ask for
 * (a static helper returning &desc->start is followed to the caller's
 * stores); so when a caller is swept, the answer is final.  A recursive
 * component is swept again until no member's answer changes (answers
 * only rise, so this ends at the least fixed point whatever the order).
 *
 * Core functions are not checked; they are analysed only when a caller
 * may need what they return.  For every other function that handles a
 * descriptor, the effects of its statements (effects.c) are kept as its
 * facts until the pass ends, for the rules to read.
 */
#include "analysis.h"

/* What a static function returns, in descriptor terms. */
struct return_summary {
	struct mp_pt ret;
};

static struct return_summary *returns;
static unsigned int n_returns, returns_cap;
static struct mp_key_index return_of;		/* DECL_UID -> returns[] */

static struct mp_fn_facts *facts;
static unsigned int n_facts, facts_cap;
static struct mp_key_index facts_of;		/* DECL_UID -> facts[] */

/*
 * Bound on the sweeps of a recursive component: every answer rises at
 * most a few times (see MP_LATTICE_STEPS in pointer_track.c).
 */
#define ROUNDS_PER_MEMBER 5

static bool has_return_summary(tree fndecl)
{
	return !TREE_PUBLIC(fndecl) &&
	       POINTER_TYPE_P(TREE_TYPE(TREE_TYPE(fndecl))) &&
	       mp_visible_body(fndecl);
}

static struct return_summary *find_return(tree fndecl)
{
	unsigned int i;

	if (!mp_key_index_get(&return_of, DECL_UID(fndecl), 0, &i))
		return NULL;
	return &returns[i];
}

/* Asked by the sweeps: a callee not analysed returns nothing known. */
static struct mp_pt callee_return(tree fndecl)
{
	struct return_summary *r = find_return(fndecl);

	return r ? r->ret : mp_pt_nothing;
}

static void new_return(tree fndecl)
{
	MP_GROW(returns, n_returns, returns_cap);
	mp_key_index_put(&return_of, DECL_UID(fndecl), 0, n_returns);
	returns[n_returns++].ret = mp_pt_nothing;
}

/*
 * What T's function returns; "somewhere in a descriptor" if its values
 * did not settle, as a parameter is then "may write".
 */
static struct mp_pt returned(const struct mp_fn_track *t)
{
	struct mp_pt r = t->ret.visited ? t->ret : mp_pt_nothing;

	if (t->unsettled)
		r = mp_pt_tracked_at(0, false);
	r.local = false;	/* the callee's locals are gone */
	return r;
}

/* Sweeps the members once; true if a return summary changed. */
static bool sweep_members(cgraph_node *const *members, unsigned int n,
			  const bool *active, struct mp_fn_track *tracks,
			  bool again)
{
	bool changed = false;
	unsigned int m;

	for (m = 0; m < n; m++) {
		tree fndecl = members[m]->decl;
		struct return_summary *r;
		struct mp_pt now;

		if (!active[m])
			continue;
		if (again)
			mp_track_release(&tracks[m]);
		mp_track_function(&tracks[m], DECL_STRUCT_FUNCTION(fndecl),
				  MP_TRACK_DESCRIPTORS, NULL_TREE, callee_return);
		r = find_return(fndecl);
		if (!r)
			continue;
		now = mp_pt_join(r->ret, returned(&tracks[m]));
		if (!mp_pt_same(&now, &r->ret)) {
			r->ret = now;
			changed = true;
		}
	}
	return changed;
}

static void keep_facts(const struct mp_fn_track *t)
{
	struct mp_fn_facts *f;

	MP_GROW(facts, n_facts, facts_cap);
	mp_key_index_put(&facts_of, DECL_UID(t->fndecl), 0, n_facts);
	f = &facts[n_facts++];
	if (t->unsettled) {
		memset(f, 0, sizeof(*f));
		f->fndecl = t->fndecl;
		f->fn = t->fn;
		f->pol = t->pol;
		f->unsettled = true;
		return;
	}
	mp_effects_build(f, t, mp_callee_may_write_param,
			 mp_callee_may_keep_param, mp_callee_write_ranges);
}

static void analyse_scc(unsigned int scc)
{
	cgraph_node *const *members;
	bool recursive;
	unsigned int n = mp_scc_members(scc, &members, &recursive), m, rounds;
	struct mp_fn_track *tracks = XCNEWVEC(struct mp_fn_track, n);
	bool *active = XCNEWVEC(bool, n), *core = XCNEWVEC(bool, n);

	for (m = 0; m < n; m++) {
		tree fndecl = members[m]->decl;

		core[m] = mp_decl_is_core(fndecl);
		active[m] = !core[m] || has_return_summary(fndecl);
		if (has_return_summary(fndecl))
			new_return(fndecl);
	}
	for (rounds = 0; sweep_members(members, n, active, tracks, rounds > 0) &&
			 recursive; rounds++) {
		if (rounds < ROUNDS_PER_MEMBER * (n + 1))
			continue;
		for (m = 0; m < n; m++)
			tracks[m].unsettled = true;
		break;
	}
	for (m = 0; m < n; m++) {
		if (active[m] && !core[m] &&
		    (tracks[m].relevant || tracks[m].unsettled))
			keep_facts(&tracks[m]);
		if (active[m])
			mp_track_release(&tracks[m]);
	}
	free(tracks);
	free(active);
	free(core);
}

void mp_analyse_unit(void)
{
	unsigned int i;

	/*
	 * Also without a complete descriptor type (a unit that only declares
	 * struct vm_area_desc): pointers to it are still followed, so escape
	 * and stateful apply; the field rules need the policy and skip.
	 */
	mp_analysis_release();
	mp_call_graph_build();
	for (i = 0; i < mp_scc_count(); i++)
		analyse_scc(i);
}

unsigned int mp_analysed_count(void)
{
	return n_facts;
}

const struct mp_fn_facts *mp_analysed_function(unsigned int i)
{
	return &facts[i];
}

const struct mp_fn_facts *mp_analysed_facts_of(tree fndecl)
{
	unsigned int i;

	if (!mp_key_index_get(&facts_of, DECL_UID(fndecl), 0, &i))
		return NULL;
	return &facts[i];
}

void mp_analysis_release(void)
{
	unsigned int i;

	for (i = 0; i < n_facts; i++)
		mp_effects_release(&facts[i]);
	free(facts);
	free(returns);
	facts = NULL;
	returns = NULL;
	n_facts = 0;
	facts_cap = 0;
	n_returns = 0;
	returns_cap = 0;
	mp_key_index_clear(&return_of);
	mp_key_index_clear(&facts_of);
	mp_summaries_release();
	mp_call_graph_release();
}
