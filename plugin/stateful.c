// SPDX-License-Identifier: GPL-2.0
/*
 * Rule mmap-prepare-stateful: the hook is stateless.
 *
 * mmap_prepare runs before the mapping exists; the mapping may then be
 * merged into a neighbour or fail, so nothing may be acquired or counted
 * for it there (Documentation/filesystems/mmap_prepare.rst).  Per-mapping
 * state belongs in vm_ops->mapped, which runs once a new mapping exists.
 * Reported, on some path from a function's entry to a return where it is
 * not undone:
 *
 *   - a reference or resource acquisition (kref_get(), get_device(),
 *     pm_runtime_get_sync(), ...: the table below);
 *   - an allocation stored where it outlives the function (anywhere but
 *     one of its local variables: desc->private_data, a global, the
 *     heap, memory reached through an argument);
 *   - an atomic counter increase on memory that is not a local variable.
 *
 * Undone means released on the same path: the table's release of the
 * same object (kref_put() after kref_get(), kfree() of the pointer or of
 * where it was stored, atomic_dec() of the same counter); error unwinding
 * is what good hooks do.  A conditional acquisition (try_module_get(),
 * ..._unless_zero()) is not held on the edge where it failed.  A file
 * handed to the core in desc->vm_file is the core's to release.
 * Everything else (locks, flag stores, reads, file_accessed(), the
 * mmap_action_*() helpers) is not state.
 *
 * Scope: functions registered as an mmap_prepare hook of any struct
 * type, functions with a struct vm_area_desc * parameter, and the
 * static functions of the unit's own source file they call, transitively
 * (an acquisition in afs_add_open_mmap() called from the hook is the
 * hook's).  Static inline helpers of headers are kernel interfaces: the
 * table names the ones that acquire.  Not core code.  A call to a
 * function in the table is judged by its name, anything else by nothing
 * (external) or by its own analysis (a static function in scope).
 *
 * mp_stateful_held_sites() gives the same answer for any function (a
 * .mmap hook, for deprecated-mmap's conversion advice), so state has one
 * definition.
 */
#include "mmap_prepare.h"

/* ---- the acquire/release table (printed in docs/rules.md) ---- */

enum state_kind { STATE_REFERENCE, STATE_ALLOCATION, STATE_COUNTER };

enum acquired_when {
	ALWAYS,			/* the call acquires */
	IF_NONZERO,		/* ... when it returns non-zero / non-NULL */
	IF_ZERO,		/* ... when it returns 0 */
};

struct acquire {
	const char *name;	/* as normalize() spells it */
	enum state_kind kind;
	enum acquired_when when;
	const char *releases;	/* normalized names, space separated */
};

#define KREF_PUT "kref_put kref_put_mutex kref_put_lock"
#define REFCOUNT_DEC "refcount_dec refcount_dec_and_test refcount_dec_and_lock " \
	"refcount_dec_and_lock_irqsave refcount_dec_and_mutex_lock " \
	"refcount_dec_not_one refcount_dec_if_one refcount_sub_and_test"
#define PM_PUT "pm_runtime_put pm_runtime_put_sync pm_runtime_put_autosuspend " \
	"pm_runtime_put_noidle pm_runtime_put_sync_autosuspend " \
	"pm_runtime_put_sync_suspend pm_runtime_put_mark_busy_autosusp"
#define ATOMIC_DEC "atomic_dec atomic_dec_return atomic_sub atomic_sub_return " \
	"atomic_dec_and_test atomic_sub_and_test atomic_dec_if_positive " \
	"atomic_add_unless atomic_dec_unless_positive atomic_dec_and_lock"
#define FREE "kfree kvfree vfree kmem_cache_free free_pages free_page " \
	"kfree_sensitive kvfree_sensitive"

static const struct acquire builtin_table[] = {
	{ "kref_get", STATE_REFERENCE, ALWAYS, KREF_PUT },
	{ "kref_get_unless_zero", STATE_REFERENCE, IF_NONZERO, KREF_PUT },
	{ "refcount_inc", STATE_REFERENCE, ALWAYS, REFCOUNT_DEC },
	{ "refcount_add", STATE_REFERENCE, ALWAYS, REFCOUNT_DEC },
	{ "refcount_inc_not_zero", STATE_REFERENCE, IF_NONZERO, REFCOUNT_DEC },
	{ "refcount_add_not_zero", STATE_REFERENCE, IF_NONZERO, REFCOUNT_DEC },
	{ "get_file", STATE_REFERENCE, ALWAYS, "fput fput_sync" },
	{ "get_file_rcu", STATE_REFERENCE, IF_NONZERO, "fput fput_sync" },
	{ "get_device", STATE_REFERENCE, ALWAYS, "put_device" },
	{ "kobject_get", STATE_REFERENCE, ALWAYS, "kobject_put" },
	{ "kobject_get_unless_zero", STATE_REFERENCE, IF_NONZERO, "kobject_put" },
	{ "try_module_get", STATE_REFERENCE, IF_NONZERO, "module_put" },
	{ "module_get", STATE_REFERENCE, ALWAYS, "module_put" },
	{ "pm_runtime_get", STATE_REFERENCE, ALWAYS, PM_PUT },
	{ "pm_runtime_get_sync", STATE_REFERENCE, ALWAYS, PM_PUT },
	{ "pm_runtime_get_noresume", STATE_REFERENCE, ALWAYS, PM_PUT },
	{ "pm_runtime_resume_and_get", STATE_REFERENCE, IF_ZERO, PM_PUT },
	{ "pm_runtime_get_if_active", STATE_REFERENCE, IF_NONZERO, PM_PUT },
	{ "pm_runtime_get_if_in_use", STATE_REFERENCE, IF_NONZERO, PM_PUT },
	{ "get_task_struct", STATE_REFERENCE, ALWAYS, "put_task_struct put_task_struct_many" },
	{ "mmgrab", STATE_REFERENCE, ALWAYS, "mmdrop mmdrop_sched" },
	{ "mmget", STATE_REFERENCE, ALWAYS, "mmput mmput_async" },
	{ "mmget_not_zero", STATE_REFERENCE, IF_NONZERO, "mmput mmput_async" },
	{ "ihold", STATE_REFERENCE, ALWAYS, "iput" },
	{ "igrab", STATE_REFERENCE, IF_NONZERO, "iput" },
	{ "dget", STATE_REFERENCE, ALWAYS, "dput" },
	{ "dget_parent", STATE_REFERENCE, ALWAYS, "dput" },
	{ "get_page", STATE_REFERENCE, ALWAYS, "put_page" },
	{ "get_page_unless_zero", STATE_REFERENCE, IF_NONZERO, "put_page" },
	{ "folio_get", STATE_REFERENCE, ALWAYS, "folio_put" },
	{ "folio_try_get", STATE_REFERENCE, IF_NONZERO, "folio_put" },
	{ "get_pid", STATE_REFERENCE, ALWAYS, "put_pid" },
	{ "get_cred", STATE_REFERENCE, ALWAYS, "put_cred" },
	{ "kmalloc", STATE_ALLOCATION, ALWAYS, FREE },
	{ "kzalloc", STATE_ALLOCATION, ALWAYS, FREE },
	{ "kcalloc", STATE_ALLOCATION, ALWAYS, FREE },
	{ "kmalloc_array", STATE_ALLOCATION, ALWAYS, FREE },
	{ "kmalloc_cache", STATE_ALLOCATION, ALWAYS, FREE },
	{ "kvmalloc", STATE_ALLOCATION, ALWAYS, FREE },
	{ "kvzalloc", STATE_ALLOCATION, ALWAYS, FREE },
	{ "kvcalloc", STATE_ALLOCATION, ALWAYS, FREE },
	{ "kvmalloc_array", STATE_ALLOCATION, ALWAYS, FREE },
	{ "vmalloc", STATE_ALLOCATION, ALWAYS, FREE },
	{ "vzalloc", STATE_ALLOCATION, ALWAYS, FREE },
	{ "vmalloc_user", STATE_ALLOCATION, ALWAYS, FREE },
	{ "kmem_cache_alloc", STATE_ALLOCATION, ALWAYS, FREE },
	{ "kmem_cache_zalloc", STATE_ALLOCATION, ALWAYS, FREE },
	{ "alloc_pages", STATE_ALLOCATION, ALWAYS, FREE },
	{ "alloc_page", STATE_ALLOCATION, ALWAYS, FREE },
	{ "get_free_pages", STATE_ALLOCATION, ALWAYS, FREE },
	{ "get_free_page", STATE_ALLOCATION, ALWAYS, FREE },
	{ "get_zeroed_page", STATE_ALLOCATION, ALWAYS, FREE },
	{ "kstrdup", STATE_ALLOCATION, ALWAYS, FREE },
	{ "kmemdup", STATE_ALLOCATION, ALWAYS, FREE },
	{ "atomic_inc", STATE_COUNTER, ALWAYS, ATOMIC_DEC },
	{ "atomic_inc_return", STATE_COUNTER, ALWAYS, ATOMIC_DEC },
	{ "atomic_add", STATE_COUNTER, ALWAYS, ATOMIC_DEC },
	{ "atomic_add_return", STATE_COUNTER, ALWAYS, ATOMIC_DEC },
	{ "atomic_fetch_inc", STATE_COUNTER, ALWAYS, ATOMIC_DEC },
	{ "atomic_fetch_add", STATE_COUNTER, ALWAYS, ATOMIC_DEC },
	{ "atomic_inc_not_zero", STATE_COUNTER, IF_NONZERO, ATOMIC_DEC },
};

/* The table plus what acquire= added. */
static struct acquire *table;
static unsigned int n_table;

static const char *const name_suffixes[] = {
	"_noprof", "_node", "_track_caller", "_relaxed", "_acquire", "_release",
};

/*
 * NAME as the table spells it: without leading underscores, the
 * allocators' _noprof/_node/_track_caller and the atomics' ordering
 * suffixes, and atomic_long_ / atomic64_ as atomic_ (kmalloc() is a
 * macro for kmalloc_noprof(), atomic_long_inc() the same operation).
 */
static void normalize(const char *name, char *out, size_t size)
{
	bool stripped = true;
	size_t len, i;

	while (*name == '_')
		name++;
	if (!strncmp(name, "atomic_long_", 12))
		snprintf(out, size, "atomic_%s", name + 12);
	else if (!strncmp(name, "atomic64_", 9))
		snprintf(out, size, "atomic_%s", name + 9);
	else
		snprintf(out, size, "%s", name);
	while (stripped) {
		stripped = false;
		len = strlen(out);
		for (i = 0; i < ARRAY_SIZE(name_suffixes); i++) {
			size_t sl = strlen(name_suffixes[i]);

			if (len > sl && !strcmp(out + len - sl, name_suffixes[i])) {
				out[len - sl] = '\0';
				stripped = true;
				break;
			}
		}
	}
}

static char *normalized(const char *name)
{
	char buf[128];

	normalize(name, buf, sizeof(buf));
	return xstrdup(buf);
}

static void callee_name(tree fndecl, char *out, size_t size)
{
	*out = '\0';
	if (fndecl && DECL_NAME(fndecl))
		normalize(IDENTIFIER_POINTER(DECL_NAME(fndecl)), out, size);
}

static const struct acquire *find_acquire(const char *name)
{
	unsigned int i;

	for (i = 0; i < n_table; i++) {
		if (!strcmp(table[i].name, name))
			return &table[i];
	}
	return NULL;
}

/* Is NAME one of the space-separated words of LIST? */
static bool in_list(const char *list, const char *name)
{
	size_t len = strlen(name);
	const char *p;

	for (p = list; (p = strstr(p, name)); p += len) {
		if ((p == list || p[-1] == ' ') && (p[len] == ' ' || !p[len]))
			return true;
	}
	return false;
}

static bool is_release(const char *name)
{
	unsigned int i;

	for (i = 0; i < n_table; i++) {
		if (in_list(table[i].releases, name))
			return true;
	}
	return false;
}

/* The built-in table plus the acquire= option's entries (validated). */
static void table_init(void)
{
	unsigned int i;

	if (table)
		return;
	n_table = ARRAY_SIZE(builtin_table) + mp_opts.n_acquire;
	table = XNEWVEC(struct acquire, n_table);
	memcpy(table, builtin_table, sizeof(builtin_table));
	for (i = 0; i < mp_opts.n_acquire; i++) {
		struct acquire *a = &table[ARRAY_SIZE(builtin_table) + i];
		char *item = xstrdup(mp_opts.acquire[i]);
		char *slash = strchr(item, '/'), *p;

		*slash = '\0';
		a->kind = STATE_REFERENCE;
		a->when = ALWAYS;
		if (slash[-1] == '?') {
			slash[-1] = '\0';
			a->when = IF_NONZERO;
		}
		a->name = normalized(item);	/* kept: the table lives on */
		a->releases = xstrdup("");
		for (p = strtok(slash + 1, "/"); p; p = strtok(NULL, "/")) {
			char *name = normalized(p);
			char *next = xasprintf("%s%s%s", a->releases,
					       *a->releases ? " " : "", name);

			free((char *)a->releases);
			free(name);
			a->releases = next;
		}
		free(item);
	}
}

/* ---- values: the same object, whatever the copies in between ---- */

/* T without the copies and conversions that keep its value. */
static tree strip_copies(tree t)
{
	unsigned int depth;

	for (depth = 0; depth < 16 && t && TREE_CODE(t) == SSA_NAME; depth++) {
		gimple *def = SSA_NAME_DEF_STMT(t);
		tree rhs;

		if (!def || !is_gimple_assign(def))
			break;
		rhs = gimple_assign_rhs1(def);
		if (gimple_assign_single_p(def) &&
		    (TREE_CODE(rhs) == SSA_NAME || TREE_CODE(rhs) == ADDR_EXPR))
			t = rhs;
		else if (CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)))
			t = rhs;
		else
			break;
	}
	return t;
}

static bool same_value(tree a, tree b, int depth);

/* Do references A and B name the same memory (same shape, same bases)? */
static bool same_ref(tree a, tree b, int depth)
{
	if (a == b)
		return true;
	if (!a || !b || depth > 8 || TREE_CODE(a) != TREE_CODE(b))
		return false;
	switch (TREE_CODE(a)) {
	case SSA_NAME:
		return same_value(a, b, depth + 1);
	case INTEGER_CST:
		return tree_int_cst_equal(a, b);
	case COMPONENT_REF:
		return TREE_OPERAND(a, 1) == TREE_OPERAND(b, 1) &&
		       same_ref(TREE_OPERAND(a, 0), TREE_OPERAND(b, 0), depth + 1);
	case MEM_REF:
		return tree_int_cst_equal(TREE_OPERAND(a, 1), TREE_OPERAND(b, 1)) &&
		       same_value(TREE_OPERAND(a, 0), TREE_OPERAND(b, 0), depth + 1);
	case ARRAY_REF:
		return same_ref(TREE_OPERAND(a, 1), TREE_OPERAND(b, 1), depth + 1) &&
		       same_ref(TREE_OPERAND(a, 0), TREE_OPERAND(b, 0), depth + 1);
	case ADDR_EXPR:
		return same_ref(TREE_OPERAND(a, 0), TREE_OPERAND(b, 0), depth + 1);
	default:
		return operand_equal_p(a, b, 0);
	}
}

/* Do A and B hold the same pointer (copies, or loads of the same place)? */
static bool same_value(tree a, tree b, int depth)
{
	gimple *da, *db;

	a = strip_copies(a);
	b = strip_copies(b);
	if (a == b)
		return true;
	if (!a || !b || depth > 8)
		return false;
	if (TREE_CODE(a) != SSA_NAME || TREE_CODE(b) != SSA_NAME)
		return same_ref(a, b, depth + 1);
	da = SSA_NAME_DEF_STMT(a);
	db = SSA_NAME_DEF_STMT(b);
	if (!da || !db || !gimple_assign_load_p(da) || !gimple_assign_load_p(db) ||
	    !gimple_assign_single_p(da) || !gimple_assign_single_p(db))
		return false;
	return same_ref(gimple_assign_rhs1(da), gimple_assign_rhs1(db), depth + 1);
}

static bool is_local_decl(tree fndecl, tree decl)
{
	return decl && DECL_P(decl) && auto_var_in_fn_p(decl, fndecl);
}

/* Is pointer T the address of one of FNDECL's local variables? */
static bool points_to_local(tree fndecl, tree t)
{
	t = strip_copies(t);
	return t && TREE_CODE(t) == ADDR_EXPR &&
	       is_local_decl(fndecl, get_base_address(TREE_OPERAND(t, 0)));
}

/* ---- one function: which state is still held at its returns ---- */

struct site {
	gimple *stmt;			/* the acquiring call */
	const struct acquire *acq;
	tree object;			/* its first argument, or NULL */
	tree result;			/* what it returned, or NULL */
	tree *homes;			/* allocations: where they were stored */
	unsigned int n_homes;
};

/*
 * What one statement does to the state, worked out once before the
 * dataflow walks the function (again and again, until it settles).
 */
struct event {
	int acquires;			/* site of a reference or counter */
	int stores;			/* allocation site kept beyond the call */
	char *releases;			/* a release call's normalized name */
	bool to_vm_file;		/* a store into desc->vm_file */
};

struct fn_state {
	tree fndecl;
	function *fn;
	struct site *sites;
	unsigned int n_sites, sites_cap;
	struct mp_key_index site_of;	/* acquiring call -> sites[] */
	struct event *events;
	unsigned int n_events, events_cap;
	struct mp_key_index event_of;	/* statement -> events[] */
	unsigned int words;		/* a set of sites: this many words */
	unsigned long long *out;	/* per block: held at its end */
};

#define BIT(i) (1ULL << ((i) % 64))
#define WORD(i) ((i) / 64)

static int site_of_stmt(const struct fn_state *s, gimple *stmt)
{
	unsigned int i;

	if (!mp_key_index_get(&s->site_of, (uintptr_t)stmt, 0, &i))
		return -1;
	return i;
}

/* The allocation site pointer T comes from, or -1. */
static int allocation_of(const struct fn_state *s, tree t, int depth)
{
	gimple *def;
	unsigned int i;
	int site;

	t = strip_copies(t);
	if (!t || TREE_CODE(t) != SSA_NAME || depth > 8)
		return -1;
	def = SSA_NAME_DEF_STMT(t);
	if (def && gimple_code(def) == GIMPLE_PHI) {
		for (i = 0; i < gimple_phi_num_args(def); i++) {
			site = allocation_of(s, gimple_phi_arg_def(def, i), depth + 1);
			if (site >= 0)
				return site;
		}
		return -1;
	}
	if (def && is_gimple_assign(def) &&
	    gimple_assign_rhs_code(def) == POINTER_PLUS_EXPR)
		return allocation_of(s, gimple_assign_rhs1(def), depth + 1);
	site = def ? site_of_stmt(s, def) : -1;
	if (site >= 0 && s->sites[site].acq->kind == STATE_ALLOCATION)
		return site;
	return -1;
}

static void add_site(struct fn_state *s, gcall *call, const struct acquire *acq)
{
	struct site *site;

	MP_GROW(s->sites, s->n_sites, s->sites_cap);
	mp_key_index_put(&s->site_of, (uintptr_t)call, 0, s->n_sites);
	site = &s->sites[s->n_sites++];
	memset(site, 0, sizeof(*site));
	site->stmt = call;
	site->acq = acq;
	site->object = gimple_call_num_args(call) ? gimple_call_arg(call, 0) : NULL_TREE;
	site->result = gimple_call_lhs(call);
}

/* Stores of an allocation into memory that outlives the function. */
static int stored_allocation(const struct fn_state *s, gimple *stmt)
{
	tree lhs;

	if (!is_gimple_assign(stmt) || !gimple_assign_single_p(stmt))
		return -1;
	lhs = gimple_assign_lhs(stmt);
	if (TREE_CODE(lhs) == SSA_NAME ||
	    is_local_decl(s->fndecl, get_base_address(lhs)))
		return -1;
	return allocation_of(s, gimple_assign_rhs1(stmt), 0);
}

static struct event *event_for(struct fn_state *s, gimple *stmt)
{
	struct event *e;
	unsigned int i;

	if (mp_key_index_get(&s->event_of, (uintptr_t)stmt, 0, &i))
		return &s->events[i];
	MP_GROW(s->events, s->n_events, s->events_cap);
	mp_key_index_put(&s->event_of, (uintptr_t)stmt, 0, s->n_events);
	e = &s->events[s->n_events++];
	e->acquires = -1;
	e->stores = -1;
	e->releases = NULL;
	e->to_vm_file = false;
	return e;
}

static void collect_acquisitions(struct fn_state *s)
{
	basic_block bb;
	char name[128];

	FOR_EACH_BB_FN(bb, s->fn) {
		gimple_stmt_iterator si;

		for (si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si)) {
			const struct acquire *acq;
			gcall *call;

			if (!is_gimple_call(gsi_stmt(si)))
				continue;
			call = mp_as_call(gsi_stmt(si));
			callee_name(gimple_call_fndecl(call), name, sizeof(name));
			acq = *name ? find_acquire(name) : NULL;
			if (!acq || (acq->kind == STATE_COUNTER &&
				     (!gimple_call_num_args(call) ||
				      points_to_local(s->fndecl, gimple_call_arg(call, 0)))))
				continue;
			add_site(s, call, acq);
		}
	}
}

/* Releases, and where each allocation is kept (for kfree(dev->buf)). */
static void collect_events(struct fn_state *s)
{
	basic_block bb;
	char name[128];

	FOR_EACH_BB_FN(bb, s->fn) {
		gimple_stmt_iterator si;

		for (si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si)) {
			gimple *stmt = gsi_stmt(si);
			int site = site_of_stmt(s, stmt);
			struct site *a;

			if (site >= 0 && s->sites[site].acq->kind != STATE_ALLOCATION)
				event_for(s, stmt)->acquires = site;
			if (is_gimple_call(stmt)) {
				callee_name(gimple_call_fndecl(stmt), name, sizeof(name));
				if (*name && gimple_call_num_args(stmt) && is_release(name))
					event_for(s, stmt)->releases = xstrdup(name);
				continue;
			}
			site = stored_allocation(s, stmt);
			if (site < 0)
				continue;
			event_for(s, stmt)->stores = site;
			a = &s->sites[site];
			a->homes = XRESIZEVEC(tree, a->homes, a->n_homes + 1);
			a->homes[a->n_homes++] = gimple_assign_lhs(stmt);
		}
	}
}

/* Stores into desc->vm_file, from the statements' WRITE effects. */
static void collect_hand_overs(struct fn_state *s)
{
	const struct mp_fn_facts *f = mp_analysed_facts_of(s->fndecl);
	int vm_file;
	unsigned int i;

	if (!f || !f->pol)
		return;
	vm_file = mp_policy_field_index(f->pol, "vm_file");
	for (i = 0; vm_file >= 0 && i < f->n_effects; i++) {
		const struct mp_effect *e = &f->effects[i];

		if (e->kind == MP_EFFECT_WRITE && (e->fields & (1ULL << vm_file)) &&
		    gimple_assign_single_p(e->stmt))
			event_for(s, e->stmt)->to_vm_file = true;
	}
}

/* Is V the object SITE acquired (its argument, or what it returned)? */
static bool same_object(const struct site *site, tree v)
{
	return same_value(v, site->object, 0) ||
	       (site->result && same_value(v, site->result, 0));
}

/* Does a release with argument ARG undo SITE? */
static bool releases_site(const struct fn_state *s, unsigned int i, tree arg)
{
	const struct site *site = &s->sites[i];
	gimple *def;
	tree loaded;
	unsigned int h;

	if (site->acq->kind != STATE_ALLOCATION)
		return same_object(site, arg);
	if (allocation_of(s, arg, 0) == (int)i)
		return true;
	/* kfree(dev->buf) after dev->buf = kzalloc(...) */
	loaded = strip_copies(arg);
	def = loaded && TREE_CODE(loaded) == SSA_NAME ? SSA_NAME_DEF_STMT(loaded) : NULL;
	if (!def || !gimple_assign_load_p(def) || !gimple_assign_single_p(def))
		return false;
	for (h = 0; h < site->n_homes; h++) {
		if (same_ref(gimple_assign_rhs1(def), site->homes[h], 0))
			return true;
	}
	return false;
}

static void transfer(const struct fn_state *s, gimple *stmt,
		     unsigned long long *held)
{
	const struct event *e;
	unsigned int i, pos;

	if (!mp_key_index_get(&s->event_of, (uintptr_t)stmt, 0, &pos))
		return;
	e = &s->events[pos];
	if (e->acquires >= 0)
		held[WORD(e->acquires)] |= BIT(e->acquires);
	if (e->stores >= 0)
		held[WORD(e->stores)] |= BIT(e->stores);
	for (i = 0; e->releases && i < s->n_sites; i++) {
		if ((held[WORD(i)] & BIT(i)) && in_list(s->sites[i].acq->releases, e->releases) &&
		    releases_site(s, i, gimple_call_arg(stmt, 0)))
			held[WORD(i)] &= ~BIT(i);
	}
	/* A file stored into desc->vm_file is the core's to release. */
	for (i = 0; e->to_vm_file && i < s->n_sites; i++) {
		if (s->sites[i].acq->kind == STATE_REFERENCE &&
		    same_object(&s->sites[i], gimple_assign_rhs1(stmt)))
			held[WORD(i)] &= ~BIT(i);
	}
}

/*
 * Does taking edge E of a condition say RESULT is non-zero (1), zero (0),
 * or nothing (-1)?  Sees through casts, !x and (x != 0).
 */
static int edge_says(edge e, gimple *cond, tree result)
{
	enum tree_code code = gimple_cond_code(cond);
	tree lhs = gimple_cond_lhs(cond);
	bool nonzero_if_true;
	int depth;

	if (!integer_zerop(gimple_cond_rhs(cond)))
		return -1;
	if (code == NE_EXPR || code == LT_EXPR || code == GT_EXPR)
		nonzero_if_true = true;
	else if (code == EQ_EXPR || code == GE_EXPR || code == LE_EXPR)
		nonzero_if_true = false;
	else
		return -1;
	for (depth = 0; depth < 8; depth++) {
		gimple *def;
		enum tree_code c;

		lhs = strip_copies(lhs);
		if (lhs == result)
			break;
		def = TREE_CODE(lhs) == SSA_NAME ? SSA_NAME_DEF_STMT(lhs) : NULL;
		if (!def || !is_gimple_assign(def))
			return -1;
		c = gimple_assign_rhs_code(def);
		if (c == BIT_NOT_EXPR || c == TRUTH_NOT_EXPR) {
			nonzero_if_true = !nonzero_if_true;
		} else if ((c == EQ_EXPR || c == NE_EXPR) &&
			   integer_zerop(gimple_assign_rhs2(def))) {
			if (c == EQ_EXPR)
				nonzero_if_true = !nonzero_if_true;
		} else {
			return -1;
		}
		lhs = gimple_assign_rhs1(def);
	}
	if (lhs != result)
		return -1;
	return (e->flags & EDGE_TRUE_VALUE) ? nonzero_if_true : !nonzero_if_true;
}

/* HELD along edge E: conditional acquisitions that failed there are not. */
static void edge_held(const struct fn_state *s, edge e, unsigned long long *held)
{
	gimple_stmt_iterator gsi = gsi_last_bb(e->src);
	gimple *last = gsi_end_p(gsi) ? NULL : gsi_stmt(gsi);
	unsigned int i;

	memcpy(held, &s->out[e->src->index * s->words], s->words * sizeof(*held));
	if (!last || gimple_code(last) != GIMPLE_COND)
		return;
	for (i = 0; i < s->n_sites; i++) {
		const struct site *site = &s->sites[i];
		int says;

		if (site->acq->when == ALWAYS || !site->result)
			continue;
		says = edge_says(e, last, site->result);
		if ((site->acq->when == IF_NONZERO && says == 0) ||
		    (site->acq->when == IF_ZERO && says == 1))
			held[WORD(i)] &= ~BIT(i);
	}
}

/* Forward may-analysis over the CFG: the sites held on some path. */
static void held_at_exit(struct fn_state *s, unsigned long long *exit_held)
{
	function *fn = s->fn;
	unsigned long long *held = XNEWVEC(unsigned long long, s->words);
	unsigned long long *in_e = XNEWVEC(unsigned long long, s->words);
	int *rpo = XNEWVEC(int, n_basic_blocks_for_fn(fn));
	int n_rpo = pre_and_rev_post_order_compute_fn(fn, NULL, rpo, false);
	bool changed = true;
	edge e;
	edge_iterator ei;
	int i;
	unsigned int w;

	s->out = XCNEWVEC(unsigned long long,
			  (size_t)last_basic_block_for_fn(fn) * s->words);
	while (changed) {
		changed = false;
		for (i = 0; i < n_rpo; i++) {
			basic_block bb = BASIC_BLOCK_FOR_FN(fn, rpo[i]);
			gimple_stmt_iterator si;

			memset(held, 0, s->words * sizeof(*held));
			FOR_EACH_EDGE(e, ei, bb->preds) {
				if (e->src == ENTRY_BLOCK_PTR_FOR_FN(fn))
					continue;
				edge_held(s, e, in_e);
				for (w = 0; w < s->words; w++)
					held[w] |= in_e[w];
			}
			for (si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si))
				transfer(s, gsi_stmt(si), held);
			if (memcmp(held, &s->out[bb->index * s->words],
				   s->words * sizeof(*held))) {
				memcpy(&s->out[bb->index * s->words], held,
				       s->words * sizeof(*held));
				changed = true;
			}
		}
	}
	memset(exit_held, 0, s->words * sizeof(*exit_held));
	FOR_EACH_EDGE(e, ei, EXIT_BLOCK_PTR_FOR_FN(fn)->preds) {
		edge_held(s, e, in_e);
		for (w = 0; w < s->words; w++)
			exit_held[w] |= in_e[w];
	}
	free(rpo);
	free(in_e);
	free(held);
}

/* ---- reporting ---- */

enum where_state_goes { GOES_MAPPED, GOES_NOWHERE, GOES_UNKNOWN };

/* The called function as the source names it (kmalloc, not kmalloc_noprof). */
static char *shown_name(tree fndecl)
{
	const char *name = IDENTIFIER_POINTER(DECL_NAME(fndecl));
	size_t len = strlen(name);

	if (len > 7 && !strcmp(name + len - 7, "_noprof"))
		len -= 7;
	return xstrndup(name, len);
}

static void emit_stateful(const struct mp_finding *f)
{
	bool shown;

	if (f->variant == STATE_REFERENCE)
		shown = mp_report(f, "%qD takes a reference with %qs that outlives the mmap_prepare call",
				  f->fndecl, f->text);
	else if (f->variant == STATE_ALLOCATION)
		shown = mp_report(f, "%qD keeps memory from %qs beyond the mmap_prepare call",
				  f->fndecl, f->text);
	else
		shown = mp_report(f, "%qD increments a counter with %qs that outlives the mmap_prepare call",
				  f->fndecl, f->text);
	if (!shown)
		return;
	if (f->callee)
		inform(f->note_loc, "%qD is called here, from %qD, which prepares a mapping",
		       f->fndecl, f->callee);
	if (f->count == GOES_MAPPED)
		inform(f->loc,
		       "the mapping may still be merged or fail after mmap_prepare, which must be stateless; do this in %<vm_ops->mapped%>, which runs once the new mapping exists, or undo it on every path before returning");
	else if (f->count == GOES_NOWHERE)
		inform(f->loc,
		       "the mapping may still be merged or fail after mmap_prepare, which must be stateless; this kernel's %<struct vm_operations_struct%> has no %<mapped%> hook to do it in, so keep the driver on %<.mmap%> until it has one");
	else
		inform(f->loc,
		       "the mapping may still be merged or fail after mmap_prepare, which must be stateless; keep per-mapping state in %<vm_ops->mapped%> where the kernel has it, or undo it on every path before returning");
}

struct scope_fn {
	cgraph_node *node;
	tree root;		/* the hook or descriptor function */
	location_t via;		/* the call in ROOT that leads here */
};

static void report_site(const struct scope_fn *sf, const struct site *site)
{
	struct mp_finding f;
	int mapped = mp_unit_has_mapped_hook();

	memset(&f, 0, sizeof(f));
	f.rule = &mp_rule_stateful;
	/* kmalloc() and friends are macros: the call is where it is used. */
	f.loc = linemap_resolve_location(line_table,
					 mp_stmt_location(site->stmt, sf->node->decl),
					 LRK_MACRO_EXPANSION_POINT, NULL);
	f.fndecl = sf->node->decl;
	f.field = xstrdup(site->acq->name);
	f.text = shown_name(gimple_call_fndecl(site->stmt));
	f.variant = site->acq->kind;
	f.count = mapped > 0 ? GOES_MAPPED : mapped == 0 ? GOES_NOWHERE : GOES_UNKNOWN;
	if (sf->root != sf->node->decl) {
		f.callee = sf->root;
		f.note_loc = sf->via;
	}
	f.emit = emit_stateful;
	mp_finding_add(&f);
}

/* What to do with a site still held at some return of SF's function. */
typedef void (*held_fn)(const struct scope_fn *sf, const struct site *site,
			void *data);

static void report_held(const struct scope_fn *sf, const struct site *site,
			void *data)
{
	report_site(sf, site);
	(void)data;
}

static void check_scope_function(const struct scope_fn *sf, held_fn held,
				 void *data)
{
	struct fn_state s;
	unsigned long long *exit_held;
	unsigned int i;

	memset(&s, 0, sizeof(s));
	s.fndecl = sf->node->decl;
	s.fn = DECL_STRUCT_FUNCTION(s.fndecl);
	collect_acquisitions(&s);
	if (s.n_sites) {
		collect_events(&s);
		collect_hand_overs(&s);
		s.words = (s.n_sites + 63) / 64;
		exit_held = XNEWVEC(unsigned long long, s.words);
		held_at_exit(&s, exit_held);
		for (i = 0; i < s.n_sites; i++) {
			if (exit_held[WORD(i)] & BIT(i))
				held(sf, &s.sites[i], data);
		}
		free(exit_held);
	}
	for (i = 0; i < s.n_sites; i++)
		free(s.sites[i].homes);
	for (i = 0; i < s.n_events; i++)
		free(s.events[i].releases);
	free(s.sites);
	free(s.events);
	free(s.out);
	mp_key_index_clear(&s.site_of);
	mp_key_index_clear(&s.event_of);
}

/* ---- scope: hooks, descriptor functions, the static helpers they call ---- */

static bool has_desc_param(tree fndecl)
{
	tree parm;

	for (parm = DECL_ARGUMENTS(fndecl); parm; parm = DECL_CHAIN(parm)) {
		if (mp_is_desc_pointer_type(TREE_TYPE(parm)))
			return true;
	}
	return false;
}

static bool usable(cgraph_node *node)
{
	function *fn = DECL_STRUCT_FUNCTION(node->decl);

	return !node->alias && !node->thunk && node->has_gimple_body_p() &&
	       fn && fn->cfg && gimple_in_ssa_p(fn) && !mp_decl_is_core(node->decl);
}

/* A static function written in the unit's own source file, not a table
   function (which is judged by its name). */
static bool is_own_helper(cgraph_node *node)
{
	expanded_location loc = expand_location(DECL_SOURCE_LOCATION(node->decl));
	char name[128];

	if (TREE_PUBLIC(node->decl) || !usable(node) || !loc.file ||
	    !main_input_filename || strcmp(loc.file, main_input_filename))
		return false;
	callee_name(node->decl, name, sizeof(name));
	return !find_acquire(name) && !is_release(name);
}

static void add_scope(struct scope_fn **scope, unsigned int *n,
		      unsigned int *cap, struct mp_key_index *seen,
		      cgraph_node *node, tree root, location_t via)
{
	MP_GROW(*scope, *n, *cap);
	(*scope)[*n].node = node;
	(*scope)[*n].root = root;
	(*scope)[*n].via = via;
	mp_key_index_put(seen, DECL_UID(node->decl), 0, *n);
	(*n)++;
}

/* Adds the own helpers the scope's functions call, breadth first. */
static void close_scope(struct scope_fn **scope, unsigned int *n_scope,
			unsigned int *cap, struct mp_key_index *seen)
{
	unsigned int i, pos;

	/* Breadth first: a helper is the hook's that reaches it first. */
	for (i = 0; i < *n_scope; i++) {
		struct scope_fn *sc = *scope;
		cgraph_edge *e;

		for (e = sc[i].node->callees; e; e = e->next_callee) {
			location_t via = sc[i].via;

			if (!e->callee || !is_own_helper(e->callee) ||
			    mp_key_index_get(seen, DECL_UID(e->callee->decl), 0, &pos))
				continue;
			if (via == UNKNOWN_LOCATION)
				via = e->call_stmt ? gimple_location(e->call_stmt) :
				      DECL_SOURCE_LOCATION(sc[i].node->decl);
			add_scope(scope, n_scope, cap, seen, e->callee,
				  sc[i].root, via);
			sc = *scope;
		}
	}
}

static void check_unit(void)
{
	struct scope_fn *scope = NULL;
	unsigned int n = 0, cap = 0, i;
	struct mp_key_index seen = {};
	cgraph_node *node;

	table_init();
	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
		if (usable(node) && (mp_is_prepare_hook(node->decl) ||
				     has_desc_param(node->decl)))
			add_scope(&scope, &n, &cap, &seen, node, node->decl,
				  UNKNOWN_LOCATION);
	}
	close_scope(&scope, &n, &cap, &seen);
	for (i = 0; i < n; i++)
		check_scope_function(&scope[i], report_held, NULL);
	free(scope);
	mp_key_index_clear(&seen);
}

struct held_relay {
	mp_state_site_fn fn;
	void *data;
};

static void relay_held(const struct scope_fn *sf, const struct site *site,
		       void *data)
{
	const struct held_relay *r = (const struct held_relay *)data;

	r->fn(site->stmt, sf->node->decl, site->acq->name, r->data);
}

void mp_stateful_held_sites(tree root, mp_state_site_fn fn, void *data)
{
	struct scope_fn *scope = NULL;
	unsigned int n = 0, cap = 0, i;
	struct mp_key_index seen = {};
	struct held_relay relay = { fn, data };
	cgraph_node *node = cgraph_node::get(root);

	table_init();
	if (!node || !usable(node))
		return;
	add_scope(&scope, &n, &cap, &seen, node, root, UNKNOWN_LOCATION);
	close_scope(&scope, &n, &cap, &seen);
	for (i = 0; i < n; i++)
		check_scope_function(&scope[i], relay_held, &relay);
	free(scope);
	mp_key_index_clear(&seen);
}

struct mp_rule mp_rule_stateful = {
	.name = "stateful",
	.dflt = MP_ON,
	.summary =
		"state that outlives the hook (a reference, an allocation kept, a counter increase) not undone on some path",
	.check_unit = check_unit,
};
