/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interfaces of the mmap_prepare checker.
 *
 * One file per responsibility:
 *   options.c        plugin arguments and rule switches
 *   core_paths.c     which source files are core code (exempt)
 *   policy.c         the field policy, derived from struct vm_area_desc
 *   pointer_track.c  which values point into a descriptor, per function
 *   locate_ref.c     where a memory reference lands
 *   callee_summary.c what visible callees do with their arguments
 *   desc_writes.c    immutable / action / unknown-field rules
 *   escape.c         escape rule
 *   write_only.c     write-only-read rule (path sensitive)
 *   ops_hooks.c      both-hooks and deprecated-mmap rules
 *   findings.c       collecting, de-duplicating and printing findings
 *   key_index.c      lookup of unit-wide tables by key (linear-time units)
 *   self_time.c      the plugin's own time (benchmark build only)
 *   check_pass.c     the GCC pass that drives the per-function checks
 */
#ifndef MMAP_PREPARE_H
#define MMAP_PREPARE_H

#include "mp_gcc_compat.h"

/* ---- rules and options (options.c) ---- */

enum mp_rule {
	MP_RULE_BOTH_HOOKS,
	MP_RULE_IMMUTABLE,
	MP_RULE_ACTION,
	MP_RULE_UNKNOWN_FIELD,
	MP_RULE_ESCAPE,
	MP_RULE_WRITE_ONLY_READ,
	MP_RULE_DEPRECATED_MMAP,
	MP_RULE_COUNT
};

struct mp_options {
	bool disable;
	bool werror;
	bool rule_on[MP_RULE_COUNT];
	bool rule_explicit[MP_RULE_COUNT];	/* named in rules= */
	char **core;				/* core path entries */
	unsigned int n_core;
	char **action_ok;			/* dotted action sub-fields */
	unsigned int n_action_ok;
	const char *report_path;
};

extern struct mp_options mp_opts;
extern const char *mp_plugin_name;

/* Full, stable rule name, e.g. "mmap-prepare-immutable". */
const char *mp_rule_name(enum mp_rule rule);
/* Parses -fplugin-arg-...; reports errors itself, false if any. */
bool mp_parse_options(int argc, struct plugin_argument *argv);
/* Switches the W=1 rules on when kbuild's KBUILD_EXTRA_WARN1 is defined;
   only the first call looks, while the macro table is still complete. */
void mp_apply_kbuild_extra_warn(void);
static inline bool mp_rule_on(enum mp_rule rule)
{
	return mp_opts.rule_on[rule];
}

/* ---- core code (core_paths.c) ---- */

bool mp_path_is_core(const char *path);
/* Is FNDECL defined in a core file (and so exempt from every rule)? */
bool mp_decl_is_core(tree fndecl);

/* ---- descriptor policy (policy.c) ---- */

enum mp_field_class {
	MP_FIELD_IMMUTABLE,
	MP_FIELD_MUTABLE,
	MP_FIELD_WRITE_ONLY,
	MP_FIELD_HELPER_OWNED,
	MP_FIELD_UNKNOWN,
};

#define MP_MAX_FIELDS 32
#define MP_MAX_ACTION_OK 16

struct mp_field {
	const char *name;
	HOST_WIDE_INT bitpos;
	HOST_WIDE_INT bitsize;
	enum mp_field_class cls;
	location_t loc;			/* the member's declaration */
	unsigned int type_uid;		/* TYPE_UID of its main variant */
};

struct mp_range {
	HOST_WIDE_INT lo;
	HOST_WIDE_INT size;
};

struct mp_policy {
	int generation;			/* 1, 2 or 3 (SPEC section 2) */
	HOST_WIDE_INT size;		/* bits */
	unsigned int n_fields;
	struct mp_field fields[MP_MAX_FIELDS];
	unsigned int n_action_ok;
	struct mp_range action_ok[MP_MAX_ACTION_OK];	/* absolute bits */
	char permitted[256];		/* "pgoff, vm_file, ..." */
};

typedef unsigned long long mp_field_mask;

/* Is TYPE (any variant) struct vm_area_desc? */
bool mp_is_desc_type(tree type);
/* Is TYPE a pointer to struct vm_area_desc? */
bool mp_is_desc_pointer_type(tree type);
/* Policy of the unit's complete descriptor type, or NULL if it has none. */
const struct mp_policy *mp_unit_policy(void);
/* PLUGIN_FINISH_TYPE: builds the policy when the descriptor completes. */
void mp_policy_finish_type(tree type);
/* Fields overlapping bits [lo, lo + size); size < 0 means "to the end". */
mp_field_mask mp_policy_fields_in(const struct mp_policy *pol,
				  HOST_WIDE_INT lo, HOST_WIDE_INT size);
/* Is [lo, lo + size) inside one action-ok sub-field (by offset)? */
bool mp_policy_action_ok_range(const struct mp_policy *pol,
			       HOST_WIDE_INT lo, HOST_WIDE_INT size);
/* Is the dotted path below "action" (e.g. "remap.size") action-ok? */
bool mp_policy_action_ok_path(const char *subpath);
const char *mp_field_class_name(enum mp_field_class cls);

/* ---- values derived from a descriptor (pointer_track.c) ---- */

/*
 * What the plugin knows about one value: whether it may point into a
 * tracked object (a descriptor, or in summary mode the parameter being
 * summarised), at which bit offset, and whether it surely points to a
 * local object of the function.
 */
struct mp_pt {
	bool visited;
	bool tracked;
	bool off_known;
	bool local;
	HOST_WIDE_INT off;		/* bits from the object's start */
};

enum mp_track_mode {
	MP_TRACK_DESCRIPTORS,		/* every struct vm_area_desc */
	MP_TRACK_PARAM,			/* one pointer parameter */
};

struct mp_slot {
	tree decl;
	HOST_WIDE_INT off;		/* -1: anywhere in decl */
	struct mp_pt val;
};

struct mp_fn_track {
	function *fn;
	tree fndecl;
	enum mp_track_mode mode;
	tree tracked_parm;
	const struct mp_policy *pol;
	struct mp_pt *ssa;
	unsigned int n_ssa;
	struct mp_slot *slots;
	unsigned int n_slots;
	struct mp_pt ret;
	bool relevant;			/* something tracked was seen */
	bool changed;
	bool unsettled;			/* values did not settle (a bug) */
};

enum mp_place_kind {
	MP_PLACE_TRACKED,		/* inside a descriptor / the object */
	MP_PLACE_LOCAL,			/* a local object of the function */
	MP_PLACE_GLOBAL,		/* a global or static object */
	MP_PLACE_UNKNOWN,		/* through a pointer we know nothing of */
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

void mp_track_function(struct mp_fn_track *t, function *fn,
		       enum mp_track_mode mode, tree parm);
void mp_track_release(struct mp_fn_track *t);
struct mp_pt mp_track_value(struct mp_fn_track *t, tree op);
/* locate_ref.c */
bool mp_is_reference(tree ref);
void mp_locate_ref(struct mp_fn_track *t, tree ref, struct mp_place *place);
/* Builtins that write memory at their first argument: length argument
   index, or -1 if the call is not one of them. */
int mp_memory_writer_len_arg(gcall *call);
/* Builtins whose result is their first argument. */
bool mp_returns_first_arg(gcall *call);

/* ---- interprocedural summaries (callee_summary.c) ---- */

/* May FNDECL write through (or let escape) its pointer parameter IDX? */
bool mp_callee_may_write_param(tree fndecl, unsigned int idx);
/* What a visible static function returns, in descriptor terms. */
struct mp_pt mp_static_return(tree fndecl);
void mp_summaries_reset(void);

/* ---- rules over one function ---- */

void mp_check_desc_writes(struct mp_fn_track *t);	/* desc_writes.c */
void mp_check_escapes(struct mp_fn_track *t);		/* escape.c */
void mp_check_write_only_reads(struct mp_fn_track *t);	/* write_only.c */

/* ---- ops objects (ops_hooks.c) ---- */

void mp_ops_finish_decl(tree decl);
void mp_ops_scan_function(function *fn);
void mp_ops_report(void);

/* ---- the plugin's own time (self_time.c) ---- */

/*
 * Around each entry point (callbacks, the pass).  Only the benchmark's
 * build (-DMP_SELF_TIME, see self_time.c) times anything.
 */
#ifdef MP_SELF_TIME
void mp_self_time_start(void);
void mp_self_time_enter(void);
void mp_self_time_leave(void);
#else
static inline void mp_self_time_start(void) {}
static inline void mp_self_time_enter(void) {}
static inline void mp_self_time_leave(void) {}
#endif

/* ---- unit-wide tables by key (key_index.c) ---- */

struct mp_key_slot {
	uint64_t a, b;
	unsigned int pos;
	bool used;
};

/* Zero-initialized is empty. */
struct mp_key_index {
	struct mp_key_slot *slots;
	unsigned int n_slots, n_used;
};

bool mp_key_index_get(const struct mp_key_index *ix, uint64_t a, uint64_t b,
		      unsigned int *pos);
void mp_key_index_put(struct mp_key_index *ix, uint64_t a, uint64_t b,
		      unsigned int pos);
void mp_key_index_clear(struct mp_key_index *ix);

/* Room for N + 1 elements in *ARRAY (capacity *CAP), doubling: appending
   one element at a time stays linear. */
#define MP_GROW(array, n, cap)						\
	do {								\
		if ((n) + 1 > (cap)) {					\
			(cap) = (cap) ? 2 * (cap) : 16;			\
			(array) = XRESIZEVEC(__typeof__(*(array)), (array), (cap)); \
		}							\
	} while (0)

/* ---- identifiers the plugin compares against (mmap_prepare_plugin.c) ---- */

/* Registered as GC roots: GCC frees identifiers nothing references. */
extern tree mp_id_vm_area_desc;
extern tree mp_id_mmap;
extern tree mp_id_mmap_prepare;

/* ---- the pass (check_pass.c) ---- */

void mp_register_pass(void);

/* ---- findings (findings.c) ---- */

#define MP_MAX_NOTES 3

struct mp_note {
	location_t loc;
	char *text;
};

struct mp_finding {
	enum mp_rule rule;
	location_t loc;
	char *function;			/* may be NULL */
	char *field;			/* may be NULL */
	char *message;
	unsigned int n_notes;
	struct mp_note notes[MP_MAX_NOTES];
};

/* Queues a finding; takes ownership of its strings; drops duplicates. */
void mp_finding_add(struct mp_finding *f);
/* Sorts the queued findings by location and prints them. */
void mp_findings_flush(void);
/* Name of FNDECL for messages. */
const char *mp_decl_name(tree decl);
/* Best location of STMT, falling back to the function's. */
location_t mp_stmt_location(gimple *stmt, tree fndecl);

#endif /* MMAP_PREPARE_H */
