// SPDX-License-Identifier: GPL-2.0
/*
 * The unit's functions in strongly connected components of the call
 * graph, callees before callers (Tarjan's algorithm: a component is
 * complete only after every component it calls).  The analysis walks
 * them in this order, so whatever it learns about a callee is final
 * before a caller asks, and a recursive cycle is settled as a whole: the
 * order in which functions are visited cannot change a result.
 *
 * Only direct calls to functions with a body in the unit are edges;
 * anything else is opaque to the analysis anyway.
 */
#include "analysis.h"

#define UNSET ((unsigned int)-1)

struct vertex {
	cgraph_node *node;
	unsigned int index, low;	/* Tarjan's numbering */
	bool on_stack;
	int scc;
};

static struct vertex *vertices;
static unsigned int n_vertices;
static struct mp_key_index vertex_of;	/* DECL_UID -> vertices[] */

/* Members of every SCC, consecutive; SCC i starts at scc_start[i]. */
static cgraph_node **order;
static unsigned int n_order;
static unsigned int *scc_start;
static bool *scc_recursive;
static unsigned int n_sccs, sccs_cap;

static unsigned int *stack;
static unsigned int n_stack;
static unsigned int next_index;

static bool lookup(tree decl, unsigned int *v)
{
	return mp_key_index_get(&vertex_of, DECL_UID(decl), 0, v);
}

static void close_scc(unsigned int root)
{
	unsigned int w;

	MP_GROW(scc_start, n_sccs, sccs_cap);
	scc_recursive = XRESIZEVEC(bool, scc_recursive, sccs_cap);
	scc_start[n_sccs] = n_order;
	scc_recursive[n_sccs] = false;
	do {
		w = stack[--n_stack];
		vertices[w].on_stack = false;
		vertices[w].scc = n_sccs;
		order[n_order++] = vertices[w].node;
	} while (w != root);
	if (n_order - scc_start[n_sccs] > 1)
		scc_recursive[n_sccs] = true;
	n_sccs++;
}

static void strong_connect(unsigned int v)
{
	struct vertex *x = &vertices[v];
	cgraph_edge *e;

	x->index = next_index++;
	x->low = x->index;
	stack[n_stack++] = v;
	x->on_stack = true;
	for (e = x->node->callees; e; e = e->next_callee) {
		unsigned int w;

		if (!e->callee || !lookup(e->callee->decl, &w))
			continue;
		if (w == v)
			continue;	/* self-recursion: marked below */
		if (vertices[w].index == UNSET) {
			strong_connect(w);
			x = &vertices[v];
			x->low = MIN(x->low, vertices[w].low);
		} else if (vertices[w].on_stack) {
			x->low = MIN(x->low, vertices[w].index);
		}
	}
	if (x->low == x->index)
		close_scc(v);
}

static bool calls_itself(cgraph_node *node)
{
	cgraph_edge *e;

	for (e = node->callees; e; e = e->next_callee) {
		if (e->callee && e->callee->decl == node->decl)
			return true;
	}
	return false;
}

void mp_call_graph_build(void)
{
	cgraph_node *node;
	unsigned int v, cap = 0, i;

	mp_call_graph_release();
	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
		function *fn = DECL_STRUCT_FUNCTION(node->decl);

		if (!fn || !fn->cfg || !gimple_in_ssa_p(fn))
			continue;
		MP_GROW(vertices, n_vertices, cap);
		vertices[n_vertices].node = node;
		vertices[n_vertices].index = UNSET;
		vertices[n_vertices].on_stack = false;
		vertices[n_vertices].scc = -1;
		mp_key_index_put(&vertex_of, DECL_UID(node->decl), 0, n_vertices);
		n_vertices++;
	}
	order = XNEWVEC(cgraph_node *, n_vertices + 1);
	stack = XNEWVEC(unsigned int, n_vertices + 1);
	for (v = 0; v < n_vertices; v++) {
		if (vertices[v].index == UNSET)
			strong_connect(v);
	}
	for (i = 0; i < n_sccs; i++) {
		if (!scc_recursive[i] && calls_itself(order[scc_start[i]]))
			scc_recursive[i] = true;
	}
	free(stack);
	stack = NULL;
}

unsigned int mp_scc_count(void)
{
	return n_sccs;
}

unsigned int mp_scc_members(unsigned int i, cgraph_node *const **members,
			     bool *recursive)
{
	unsigned int end = i + 1 < n_sccs ? scc_start[i + 1] : n_order;

	*members = &order[scc_start[i]];
	*recursive = scc_recursive[i];
	return end - scc_start[i];
}

int mp_scc_of(tree fndecl)
{
	unsigned int v;

	if (!lookup(fndecl, &v))
		return -1;
	return vertices[v].scc;
}

void mp_call_graph_release(void)
{
	free(vertices);
	free(order);
	free(scc_start);
	free(scc_recursive);
	vertices = NULL;
	order = NULL;
	scc_start = NULL;
	scc_recursive = NULL;
	n_vertices = 0;
	n_order = 0;
	n_sccs = 0;
	sccs_cap = 0;
	next_index = 0;
	n_stack = 0;
	mp_key_index_clear(&vertex_of);
}
