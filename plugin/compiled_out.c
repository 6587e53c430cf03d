// SPDX-License-Identifier: GPL-2.0
/*
 * Branches the configuration compiles out.
 *
 * The kernel writes "if (IS_ENABLED(CONFIG_FOO))", "if (IS_DAX(inode))"
 * (S_DAX is 0 without CONFIG_FS_DAX) and similar constant conditions
 * instead of #ifdef so that every configuration still compiles, and so
 * checks, that code.  GCC drops such a branch when it builds the CFG,
 * before the checking pass sees the function in SSA form; a violation in
 * it would be invisible in every configuration that disables it, and a
 * CI gate builds one configuration.
 *
 * So this pass runs just before GCC builds the CFG, on the lowered body
 * (a flat sequence of statements, labels and jumps).  A statement is
 * compiled out when it is reachable if every condition may go either
 * way, and unreachable when constant conditions (if, switch) take their
 * one way: a path from the entry to such a statement leaves the
 * reachable code through the untaken edge of a constant condition, which
 * a note names.  Code that is dead for other reasons (after a return, a
 * noreturn call) is dead both ways and is not reported.
 *
 * The values are those of pointer_track's pre-SSA mode (every variable a
 * slot, flow-insensitive over the whole body); the effects of the
 * compiled-out statements are kept, with no control flow, and the rules
 * check them with the rest at the end of the unit.  What needs the whole
 * unit (may a visible callee write or keep what it is given) is settled
 * then, in mp_compiled_out_finish().  The pass reads the body and never
 * changes it: objects are the same with and without the plugin.
 */
#include "analysis.h"

static struct mp_fn_facts *outs;
static unsigned int n_outs, outs_cap;

/*
 * The compiled-out statements are gone by the time the rules run: the
 * facts keep no statement, only locations, and the trees they name are
 * kept alive here (a GC root) until the unit ends.
 */
static tree kept;

static const struct ggc_root_tab roots[] = {
	{ &kept, 1, sizeof(tree), &gt_ggc_mx_tree_node, &gt_pch_nx_tree_node },
	LAST_GGC_ROOT_TAB
};

/* The lowered body as an array, with its labels' positions. */
struct flat_body {
	gimple **stmts;
	unsigned int n, cap;
	struct mp_key_index label_at;	/* LABEL_DECL uid -> position, if needed */
	bool has_constant;		/* a constant condition or switch */
	bool unsupported;		/* a construct this pass does not walk */
};

static void flatten(struct flat_body *fb, gimple_seq seq)
{
	gimple_stmt_iterator si;

	for (si = gsi_start(seq); !gsi_end_p(si); gsi_next(&si)) {
		gimple *stmt = gsi_stmt(si);

		switch (gimple_code(stmt)) {
		case GIMPLE_BIND:
			flatten(fb, gimple_bind_body(as_a<gbind *>(stmt)));
			continue;
		case GIMPLE_TRY:
		case GIMPLE_CATCH:
		case GIMPLE_EH_FILTER:
		case GIMPLE_EH_ELSE:
		case GIMPLE_EH_DISPATCH:
		case GIMPLE_TRANSACTION:
			/* Not in lowered kernel C (no exceptions, no TM). */
			fb->unsupported = true;
			break;
		default:
			if (is_gimple_omp(stmt))
				fb->unsupported = true;
			break;
		}
		MP_GROW(fb->stmts, fb->n, fb->cap);
		fb->stmts[fb->n++] = stmt;
	}
}

/* 1 or 0 for a condition on constants, -1 otherwise. */
static int constant_condition(gcond *cond)
{
	tree lhs = gimple_cond_lhs(cond), rhs = gimple_cond_rhs(cond);
	tree r;

	if (!CONSTANT_CLASS_P(lhs) || !CONSTANT_CLASS_P(rhs))
		return -1;
	r = fold_binary(gimple_cond_code(cond), boolean_type_node, lhs, rhs);
	if (!r || TREE_CODE(r) != INTEGER_CST)
		return -1;
	return integer_zerop(r) ? 0 : 1;
}

/* The label a switch on a constant goes to, or NULL. */
static tree constant_switch_label(gswitch *sw)
{
	tree index = gimple_switch_index(sw);
	unsigned int i;

	if (TREE_CODE(index) != INTEGER_CST)
		return NULL_TREE;
	for (i = 1; i < gimple_switch_num_labels(sw); i++) {
		tree c = gimple_switch_label(sw, i);
		tree low = CASE_LOW(c), high = CASE_HIGH(c);

		if (!low || TREE_CODE(low) != INTEGER_CST)
			return NULL_TREE;
		if (high ? tree_int_cst_compare(low, index) <= 0 &&
			   tree_int_cst_compare(index, high) <= 0 :
			   tree_int_cst_equal(low, index))
			return CASE_LABEL(c);
	}
	return CASE_LABEL(gimple_switch_default_label(sw));
}

/* Is statement I a condition or switch on constants? */
static bool is_constant_branch(const struct flat_body *fb, unsigned int i)
{
	gimple *stmt = fb->stmts[i];

	if (gimple_code(stmt) == GIMPLE_COND)
		return constant_condition(as_a<gcond *>(stmt)) >= 0;
	if (gimple_code(stmt) == GIMPLE_SWITCH)
		return constant_switch_label(as_a<gswitch *>(stmt)) != NULL_TREE;
	return false;
}

/* Successors of statement I: either way (ALL) or as constants decide. */
struct succs {
	unsigned int n;
	unsigned int *at;		/* positions */
	unsigned int cap;
};

static void add_succ(struct succs *s, const struct flat_body *fb, tree label)
{
	unsigned int pos;

	if (!label || TREE_CODE(label) != LABEL_DECL ||
	    !mp_key_index_get(&fb->label_at, DECL_UID(label), 0, &pos))
		return;
	MP_GROW(s->at, s->n, s->cap);
	s->at[s->n++] = pos;
}

static void add_fallthrough(struct succs *s, const struct flat_body *fb,
			    unsigned int i)
{
	if (i + 1 >= fb->n)
		return;
	MP_GROW(s->at, s->n, s->cap);
	s->at[s->n++] = i + 1;
}

static void successors(const struct flat_body *fb, unsigned int i, bool all,
		       struct succs *s)
{
	gimple *stmt = fb->stmts[i];
	unsigned int k;

	s->n = 0;
	switch (gimple_code(stmt)) {
	case GIMPLE_GOTO: {
		tree dest = gimple_goto_dest(stmt);

		if (TREE_CODE(dest) == LABEL_DECL) {
			add_succ(s, fb, dest);
			break;
		}
		/* A computed goto may go to any label. */
		for (k = 0; k < fb->n; k++) {
			if (gimple_code(fb->stmts[k]) == GIMPLE_LABEL)
				add_succ(s, fb, gimple_label_label(as_a<glabel *>(fb->stmts[k])));
		}
		break;
	}
	case GIMPLE_COND: {
		gcond *cond = as_a<gcond *>(stmt);
		int c = all ? -1 : constant_condition(cond);
		tree t = gimple_cond_true_label(cond);
		tree f = gimple_cond_false_label(cond);

		if (c != 0) {
			if (t)
				add_succ(s, fb, t);
			else
				add_fallthrough(s, fb, i);
		}
		if (c != 1) {
			if (f)
				add_succ(s, fb, f);
			else
				add_fallthrough(s, fb, i);
		}
		break;
	}
	case GIMPLE_SWITCH: {
		gswitch *sw = as_a<gswitch *>(stmt);
		tree only = all ? NULL_TREE : constant_switch_label(sw);

		if (only) {
			add_succ(s, fb, only);
			break;
		}
		for (k = 0; k < gimple_switch_num_labels(sw); k++)
			add_succ(s, fb, CASE_LABEL(gimple_switch_label(sw, k)));
		break;
	}
	case GIMPLE_ASM: {
		gasm *as = as_a<gasm *>(stmt);

		for (k = 0; k < gimple_asm_nlabels(as); k++)
			add_succ(s, fb, TREE_VALUE(gimple_asm_label_op(as, k)));
		add_fallthrough(s, fb, i);
		break;
	}
	case GIMPLE_CALL:
		if (!(gimple_call_flags(stmt) & ECF_NORETURN))
			add_fallthrough(s, fb, i);
		break;
	case GIMPLE_RETURN:
	case GIMPLE_RESX:
		break;
	default:
		add_fallthrough(s, fb, i);
		break;
	}
}

/*
 * Marks in REACHED what the entry reaches as the constants decide; then,
 * from the untaken edges of reached constant branches, what is reachable
 * only through them: ORIGIN[i] is the branch that compiles statement I
 * out (-1: live or dead either way).  Returns how many are compiled out.
 */
static unsigned int find_compiled_out(const struct flat_body *fb, bool *reached,
				      int *origin)
{
	unsigned int *work = XNEWVEC(unsigned int, fb->n + 1);
	unsigned int n_work = 0, i, k, count = 0;
	struct succs s = { 0, NULL, 0 };

	for (i = 0; i < fb->n; i++)
		origin[i] = -1;
	if (fb->n) {
		reached[0] = true;
		work[n_work++] = 0;
	}
	while (n_work) {
		i = work[--n_work];
		successors(fb, i, false, &s);
		for (k = 0; k < s.n; k++) {
			if (!reached[s.at[k]]) {
				reached[s.at[k]] = true;
				work[n_work++] = s.at[k];
			}
		}
	}

	for (i = 0; i < fb->n; i++) {
		unsigned int b;

		if (!reached[i] || !is_constant_branch(fb, i))
			continue;
		successors(fb, i, true, &s);
		for (b = 0; b < s.n; b++) {
			unsigned int start = s.at[b];

			if (reached[start] || origin[start] >= 0)
				continue;
			origin[start] = i;
			count++;
			work[n_work++] = start;
			while (n_work) {
				struct succs t = { 0, NULL, 0 };
				unsigned int j = work[--n_work];

				successors(fb, j, true, &t);
				for (k = 0; k < t.n; k++) {
					unsigned int next = t.at[k];

					if (reached[next] || origin[next] >= 0)
						continue;
					origin[next] = i;
					count++;
					work[n_work++] = next;
				}
				free(t.at);
			}
		}
	}
	free(s.at);
	free(work);
	return count;
}

/* ---- the facts of the compiled-out statements ---- */

/* Until the unit is analysed, a callee may write and keep anything. */
static bool until_known(tree fndecl ATTRIBUTE_UNUSED,
			unsigned int idx ATTRIBUTE_UNUSED)
{
	return true;
}

static void keep(tree t)
{
	if (t)
		kept = tree_cons(NULL_TREE, t, kept);
}

static void analyse_compiled_out(const struct flat_body *fb, tree fndecl,
				 const int *origin, unsigned int count)
{
	gimple **dead = XNEWVEC(gimple *, count);
	location_t *dead_origin = XNEWVEC(location_t, count);
	unsigned int n = 0, i, e;
	struct mp_fn_track t;
	struct mp_fn_facts facts;

	for (i = 0; i < fb->n && n < count; i++) {
		if (origin[i] < 0)
			continue;
		dead_origin[n] = gimple_location(fb->stmts[origin[i]]);
		dead[n++] = fb->stmts[i];
	}

	mp_ops_scan_compiled_out(dead, n, dead_origin);
	if (mp_rule_stateful.on)
		mp_stateful_compiled_out(fndecl, dead, n, dead_origin);
	mp_track_statements(&t, fndecl, fb->stmts, fb->n, NULL);
	if (t.relevant)
		mp_effects_build_statements(&facts, &t, dead, n, until_known,
					    until_known);
	else
		memset(&facts, 0, sizeof(facts));
	mp_track_release(&t);

	if (facts.n_effects || facts.unsettled) {
		/* The effects are in statement order: match them to DEAD. */
		for (e = 0, i = 0; e < facts.n_effects; e++) {
			struct mp_effect *ef = &facts.effects[e];

			while (i < n && dead[i] != ef->stmt)
				i++;
			ef->compiled_out = i < n ? dead_origin[i] : ef->loc;
			ef->stmt = NULL;
			keep(ef->callee);
			keep(ef->dest_decl);
		}
		keep(fndecl);
		facts.compiled_out = true;
		MP_GROW(outs, n_outs, outs_cap);
		outs[n_outs++] = facts;
	} else {
		mp_effects_release(&facts);
	}
	free(dead);
	free(dead_origin);
}

static unsigned int run(function *fn)
{
	tree fndecl = fn->decl;
	struct flat_body fb;
	bool *reached;
	int *origin;
	unsigned int i, count;

	if (mp_decl_is_core(fndecl) || !gimple_body(fndecl))
		return 0;
	memset(&fb, 0, sizeof(fb));
	flatten(&fb, gimple_body(fndecl));
	for (i = 0; i < fb.n && !fb.has_constant; i++)
		fb.has_constant = is_constant_branch(&fb, i);
	if (fb.has_constant && !fb.unsupported) {
		/* Labels are indexed only for the few functions that need it. */
		for (i = 0; i < fb.n; i++) {
			if (gimple_code(fb.stmts[i]) == GIMPLE_LABEL)
				mp_key_index_put(&fb.label_at,
						 DECL_UID(gimple_label_label(as_a<glabel *>(fb.stmts[i]))),
						 0, i);
		}
		reached = XCNEWVEC(bool, fb.n);
		origin = XNEWVEC(int, fb.n);
		count = find_compiled_out(&fb, reached, origin);
		if (count)
			analyse_compiled_out(&fb, fndecl, origin, count);
		free(reached);
		free(origin);
	}
	free(fb.stmts);
	mp_key_index_clear(&fb.label_at);
	return 0;
}

/*
 * A static helper that only compiled-out code calls is dropped with it:
 * GCC never compiles its body here.  The configurations that build the
 * branch build the helper too and judge the call by its body; here the
 * call is not held against the caller either way.
 */
static bool body_dropped(tree callee)
{
	return !TREE_PUBLIC(callee) && DECL_INITIAL(callee) &&
	       !mp_visible_body(callee);
}

static bool may_write(tree callee, unsigned int idx)
{
	return !body_dropped(callee) && mp_callee_may_write_param(callee, idx);
}

void mp_compiled_out_finish(void)
{
	unsigned int i, e, kept_n;

	for (i = 0; i < n_outs; i++) {
		struct mp_fn_facts *facts = &outs[i];

		for (e = 0, kept_n = 0; e < facts->n_effects; e++) {
			struct mp_effect *ef = &facts->effects[e];

			if (ef->kind == MP_EFFECT_WRITE && ef->how == MP_WRITE_ADDRESS &&
			    ef->callee && !may_write(ef->callee, ef->arg)) {
				free((char *)ef->spelled);
				continue;
			}
			if (ef->kind == MP_EFFECT_CALL_ARG && ef->callee) {
				ef->callee_may_write = may_write(ef->callee, ef->arg);
				ef->callee_may_keep = ef->callee_may_keep &&
						      !body_dropped(ef->callee) &&
						      mp_callee_may_keep_param(ef->callee,
									       ef->arg);
			}
			facts->effects[kept_n++] = *ef;
		}
		facts->n_effects = kept_n;
	}
}

unsigned int mp_compiled_out_count(void)
{
	return n_outs;
}

const struct mp_fn_facts *mp_compiled_out_facts(unsigned int i)
{
	return &outs[i];
}

void mp_compiled_out_release(void)
{
	unsigned int i;

	for (i = 0; i < n_outs; i++)
		mp_effects_release(&outs[i]);
	free(outs);
	outs = NULL;
	n_outs = outs_cap = 0;
	kept = NULL_TREE;
}

static const pass_data compiled_out_pass_data = {
	GIMPLE_PASS,		/* type */
	"mmap_prepare_compiled_out", /* name */
	OPTGROUP_NONE,		/* optinfo_flags */
	TV_PLUGIN_RUN,		/* tv_id */
	0,			/* properties_required */
	0,			/* properties_provided */
	0,			/* properties_destroyed */
	0,			/* todo_flags_start */
	0,			/* todo_flags_finish */
};

/* GCC's pass manager requires a C++ class; it only forwards to C. */
class mp_compiled_out_pass : public gimple_opt_pass {
public:
	mp_compiled_out_pass(gcc::context *ctxt)
		: gimple_opt_pass(compiled_out_pass_data, ctxt)
	{
	}

	bool gate(function *fn ATTRIBUTE_UNUSED) final override
	{
		return !seen_error();
	}

	unsigned int execute(function *fn) final override
	{
		return run(fn);
	}
};

void mp_register_compiled_out_pass(void)
{
	struct register_pass_info info;

	register_callback(mp_plugin_name, PLUGIN_REGISTER_GGC_ROOTS, NULL,
			  (void *)roots);
	info.pass = new mp_compiled_out_pass(g);
	info.reference_pass_name = "cfg";
	info.ref_pass_instance_number = 1;
	info.pos_op = PASS_POS_INSERT_BEFORE;
	register_callback(mp_plugin_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &info);
}
