/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals of the analysis, shared by its files only.  Rules see its
 * results through struct mp_fn_facts (mmap_prepare.h), never this.
 *
 * Layers, each using only the ones above it:
 *   locate_ref.c      where a reference lands, what an operand points to
 *   pointer_track.c   the values of one function, swept to a fixed point
 *   effects.c         the effects of each statement, from settled values
 *   call_graph.c      strongly connected components, callees first
 *   callee_summary.c  may a callee write through a parameter (per SCC)
 *   unit_analysis.c   the unit, callees first: values, summaries, facts
 *   compiled_out.c    branches the configuration compiles out, before
 *                     GCC's CFG drops them (pointer_track's pre-SSA mode)
 */
#ifndef MP_ANALYSIS_H
#define MP_ANALYSIS_H

#include "mmap_prepare.h"

/*
 * What the analysis knows about one value: whether it may point into a
 * tracked object (a descriptor, or in summary mode the object a
 * parameter points to), at which bit offset, and whether it surely
 * points to a local object of the function.
 */
struct mp_pt {
	bool visited;
	bool tracked;
	bool off_known;
	bool local;
	HOST_WIDE_INT off;		/* bits from the object's start */
	/*
	 * Derived from the address of one member (&desc->pgoff): C keeps
	 * pointer arithmetic on it inside that member, bits [blo, blo +
	 * bsize), also when the offset within it is not known.
	 */
	bool bounded;
	HOST_WIDE_INT blo, bsize;
};

/* Not reached yet: ignored by joins, so loops start optimistic. */
static const struct mp_pt mp_pt_unvisited = { false, false, false, false, 0, false, 0, 0 };
/* Reached, and points nowhere the plugin cares about. */
static const struct mp_pt mp_pt_nothing = { true, false, false, false, 0, false, 0, 0 };

static inline struct mp_pt mp_pt_tracked_at(HOST_WIDE_INT off, bool off_known)
{
	struct mp_pt r = mp_pt_nothing;

	r.tracked = true;
	r.off_known = off_known;
	r.off = off_known ? off : 0;
	return r;
}

struct mp_pt mp_pt_join(struct mp_pt a, struct mp_pt b);
bool mp_pt_same(const struct mp_pt *a, const struct mp_pt *b);

enum mp_track_mode {
	MP_TRACK_DESCRIPTORS,		/* every struct vm_area_desc */
	MP_TRACK_PARAM,			/* one pointer parameter's object */
};

/* A local object (at a bit offset, -1: anywhere) holding a pointer. */
struct mp_slot {
	tree decl;
	HOST_WIDE_INT off;
	struct mp_pt val;
};

/* What a callee returns, in descriptor terms (asked by the sweeps). */
typedef struct mp_pt (*mp_return_fn)(tree fndecl);
/* May a callee write through (or keep) its pointer parameter IDX? */
typedef bool (*mp_may_write_fn)(tree fndecl, unsigned int idx);
/*
 * The bit ranges, relative to what parameter IDX points to, that a
 * callee may write through it, when it writes only there (*N ranges at
 * *RANGES); false when it may write anywhere.
 */
typedef bool (*mp_write_ranges_fn)(tree fndecl, unsigned int idx,
				   const struct mp_range **ranges,
				   unsigned int *n);
/* Most ranges a summary keeps per parameter, before "anywhere". */
#define MP_MAX_WRITE_RANGES 8

/* The values of one function. */
struct mp_fn_track {
	function *fn;
	tree fndecl;
	enum mp_track_mode mode;
	tree tracked_parm;		/* MP_TRACK_PARAM */
	const struct mp_policy *pol;
	mp_return_fn callee_return;	/* MP_TRACK_DESCRIPTORS */
	/*
	 * Pre-SSA mode (compiled_out.c): the lowered body before GCC builds
	 * its CFG.  Every local variable is a slot, swept flow-insensitively;
	 * DEFS gives a temporary's only definition (DECL_UID -> def_rhs[]).
	 */
	bool pre_ssa;
	struct mp_key_index defs;
	tree *def_rhs;
	unsigned int n_defs, defs_cap;
	struct mp_pt *ssa;		/* by SSA version */
	unsigned int n_ssa;
	struct mp_slot *slots;
	unsigned int n_slots, slots_cap;
	struct mp_pt ret;		/* joined over the returns */
	bool relevant;			/* something tracked was seen */
	bool changed;			/* in the current sweep */
	bool unsettled;			/* values did not settle (a bug) */
};

#define MP_MAX_PATH 8

/* Where a memory reference lands. */
struct mp_place {
	enum mp_place_kind kind;
	bool range_known;
	HOST_WIDE_INT lo;		/* bits from the tracked object's start */
	HOST_WIDE_INT size;		/* bits; -1 means "to the end" */
	tree decl;			/* base declaration, if any */
	bool base_local;		/* the base is a local declaration */
	unsigned int n_path;		/* members named by the source */
	tree path[MP_MAX_PATH];		/* FIELD_DECLs, outermost first */
	HOST_WIDE_INT path_base;	/* bits; where path[0]'s object is */
	unsigned int path_type_uid;	/* TYPE_UID of that object */
	bool path_via_pointer;		/* path starts inside a member */
};

/* ---- locate_ref.c: questions about the current values; no state ---- */

bool mp_is_reference(tree ref);
void mp_locate_ref(const struct mp_fn_track *t, tree ref,
		   struct mp_place *place);
/* What OP (an SSA name, an address, in pre-SSA mode a variable) points to. */
struct mp_pt mp_value_of(const struct mp_fn_track *t, tree op);
/* Is OP a value operand (SSA name, address, pre-SSA register variable)? */
bool mp_is_value_operand(const struct mp_fn_track *t, tree op);
/* Is OP a register the function defines (SSA name, pre-SSA variable)? */
bool mp_is_register_def(const struct mp_fn_track *t, tree op);
/*
 * What OP is defined from by a plain assignment or conversion, or NULL:
 * mp_assigned_from() for SSA names, a pre-SSA variable's only definition.
 */
tree mp_defined_from(const struct mp_fn_track *t, tree op);
/*
 * The join of the slots of DECL in bits [LO, LO + SIZE) (LO -1: any;
 * SIZE 0: the one at LO, -1: to the end; a variable index into an array
 * of pointers reads them all).
 */
struct mp_pt mp_slots_value(const struct mp_fn_track *t, tree decl,
			    HOST_WIDE_INT lo, HOST_WIDE_INT size);
/*
 * mem* builtins that write at their first argument: index of the length
 * argument, or -1.
 */
int mp_memory_writer_len_arg(gcall *call);
/* Builtins whose result is their first argument. */
bool mp_returns_first_arg(gcall *call);

/* ---- pointer_track.c ---- */

/*
 * The local object a register was loaded from whole ("_5 = MEM[&h]",
 * a folded memcpy), or NULL: storing the register copies the object.
 */
tree mp_loaded_object(tree op);

/*
 * Sweeps FN until its values settle.  PARM: the parameter tracked in
 * MP_TRACK_PARAM mode; CALLEE_RETURN: in MP_TRACK_DESCRIPTORS mode.
 */
void mp_track_function(struct mp_fn_track *t, function *fn,
		       enum mp_track_mode mode, tree parm,
		       mp_return_fn callee_return);
/*
 * Pre-SSA mode: sweeps the statements STMTS[0..N) of FNDECL's lowered
 * body, flow-insensitively, until its values settle.
 */
void mp_track_statements(struct mp_fn_track *t, tree fndecl, gimple **stmts,
			 unsigned int n, mp_return_fn callee_return);
void mp_track_release(struct mp_fn_track *t);

/* ---- effects.c ---- */

/*
 * The effects of every statement of T's function (settled values).  The
 * callbacks say whether a callee may write / keep what a parameter
 * points to.
 */
void mp_effects_build(struct mp_fn_facts *facts, const struct mp_fn_track *t,
		      mp_may_write_fn may_write, mp_may_write_fn may_keep,
		      mp_write_ranges_fn write_ranges);
/* The effects of STMTS[0..N) only, in order, with no blocks (pre-SSA). */
void mp_effects_build_statements(struct mp_fn_facts *facts,
				 const struct mp_fn_track *t, gimple **stmts,
				 unsigned int n, mp_may_write_fn may_write,
				 mp_may_write_fn may_keep);
void mp_effects_release(struct mp_fn_facts *facts);
/* Do FACTS show that the tracked object may be written or kept? */
bool mp_effects_may_write(const struct mp_fn_facts *facts,
			  mp_may_write_fn may_write);
/*
 * Summary mode: when every way FACTS may write the tracked object is a
 * store of a known range, those ranges (at most MAX); false otherwise.
 */
bool mp_effects_write_ranges(const struct mp_fn_facts *facts,
			     mp_may_write_fn may_write, struct mp_range *ranges,
			     unsigned int max, unsigned int *n);
/* ... or keep it where it outlives the call (its own stores, or a
   visible callee that keeps it)? */
bool mp_effects_may_keep(const struct mp_fn_facts *facts,
			 mp_may_write_fn may_keep);

/* ---- call_graph.c ---- */

/*
 * The unit's functions with a body, in strongly connected components,
 * callees before callers.
 */
void mp_call_graph_build(void);
unsigned int mp_scc_count(void);
/* Members of SCC I and whether it calls itself (recursion). */
unsigned int mp_scc_members(unsigned int i, cgraph_node *const **members,
			     bool *recursive);
/* The SCC of FNDECL, or -1 if it has no body here. */
int mp_scc_of(tree fndecl);
void mp_call_graph_release(void);

/* ---- callee_summary.c ---- */

/* The analysable body of FNDECL, or NULL (none, or replaceable). */
function *mp_visible_body(tree fndecl);
/* Computed for FNDECL's whole SCC on first use, callees first. */
bool mp_callee_may_write_param(tree fndecl, unsigned int idx);
/* mp_write_ranges_fn for visible callees (wrapper structs). */
bool mp_callee_write_ranges(tree fndecl, unsigned int idx,
			    const struct mp_range **ranges, unsigned int *n);
/* May visible FNDECL keep what parameter IDX points to beyond the call?
   False for functions without a body here (their units judge them). */
bool mp_callee_may_keep_param(tree fndecl, unsigned int idx);
void mp_summaries_release(void);

#endif /* MP_ANALYSIS_H */
