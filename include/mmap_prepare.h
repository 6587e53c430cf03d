/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interfaces of the mmap_prepare checker, shared by its files.
 *
 * One file per responsibility:
 *   mmap_prepare_plugin.c  plugin_init, the front-end callbacks
 *   options.c              plugin arguments
 *   rules.c                the rule table (from mp_rule_list.h), help text
 *   check_pass.c           the GCC pass: collect over the unit, then check
 *   core_paths.c           which source files are core code (exempt)
 *   policy.c               the field policy, from struct vm_area_desc
 *   ops_objects.c          ops objects and the hooks they are given
 *   findings.c             queueing, sorting, printing, JSON records
 *   plain_text.c           a finding's message as plain text (JSON)
 *   key_index.c            unit-wide tables by key
 *
 * The analysis (its internals are in plugin/analysis.h, private to it):
 *   unit_analysis.c        every function, callees first; the facts
 *   compiled_out.c         branches a constant condition compiles out
 *   call_graph.c           strongly connected components, callees first
 *   callee_summary.c       may a callee write through a parameter
 *   pointer_track.c        which values point into a descriptor
 *   locate_ref.c           where a memory reference lands
 *   effects.c              what each statement does to a descriptor
 *
 * The rules, one file each (the table is include/mp_rule_list.h):
 *   both_hooks.c deprecated_mmap.c immutable.c action.c unknown_field.c
 *   escape.c write_only_read.c unchecked.c, and desc_write_report.c
 *   which the three descriptor-write rules share; mmap_conversion.c says
 *   how a .mmap hook converts, for deprecated_mmap.c, with the files its
 *   internals (plugin/conversion.h, private to them) list.
 */
#ifndef MMAP_PREPARE_H
#define MMAP_PREPARE_H

#include "mp_gcc_compat.h"
#include "mp_tree.h"

/* ---- rules (rules.c, mp_rule_list.h) ---- */

enum mp_rule_default {
	MP_ON,			/* on unless rules= turns it off */
	MP_W1,			/* on under kbuild's W=1 */
	MP_OPT_IN,		/* only when rules= names it */
};

struct mp_fn_facts;

/*
 * A rule, defined in its own file and listed in mp_rule_list.h.  The pass
 * first analyses the whole unit, then calls check_function (if any) for
 * every function that handles a descriptor, then check_unit (if any).
 */
struct mp_rule {
	const char *name;		/* short name, "immutable" */
	enum mp_rule_default dflt;
	const char *summary;		/* what it reports, one line */
	void (*check_function)(const struct mp_fn_facts *facts);
	void (*check_unit)(void);
	/*
	 * Set by mp_rules_init(): the stable name ("mmap-prepare-immutable",
	 * also the rule's anchor in docs/rules.md) and the order.
	 */
	const char *full_name;
	unsigned int order;		/* position in mp_rule_list.h */
	/* set by the options */
	bool on;
	bool named;			/* named in rules= */
};

#define MP_RULE(x) extern struct mp_rule mp_rule_##x;
#include "mp_rule_list.h"
#undef MP_RULE

/* Every rule, in mp_rule_list.h's order. */
extern struct mp_rule *const mp_rules[];
extern const unsigned int mp_rule_count;

/* Names and numbers the rules; before anything else uses them. */
void mp_rules_init(void);
/* Rule by short or full name, or NULL. */
struct mp_rule *mp_rule_lookup(const char *name);
/* "both-hooks, immutable, ..." (static storage). */
const char *mp_rule_names(void);
/* The plugin's help text, rules included (static storage). */
const char *mp_help_text(void);

/* ---- options (options.c) ---- */

struct mp_options {
	bool disable;
	bool werror;
	char **core;				/* core path entries */
	unsigned int n_core;
	char **action_ok;			/* dotted action sub-fields */
	unsigned int n_action_ok;
	const char *report_path;
	char **acquire;				/* NAME[?]/RELEASE[/RELEASE...] */
	unsigned int n_acquire;
	unsigned long sweep_limit;		/* tests only; 0: the lattice's */
};

extern struct mp_options mp_opts;
extern const char *mp_plugin_name;
/* The default core= list, ':' separated, for the help text. */
extern const char *const mp_default_core;

/* Parses -fplugin-arg-...; reports errors itself, false if any. */
bool mp_parse_options(int argc, struct plugin_argument *argv);
/*
 * Switches the W=1 rules on when kbuild's KBUILD_EXTRA_WARN1 is defined;
 * only the first call looks, while the macro table is still complete.
 */
void mp_apply_kbuild_extra_warn(void);

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

/* A set of fields, one bit each: a descriptor has a dozen members. */
typedef unsigned long long mp_field_mask;
#define MP_MAX_FIELDS ((unsigned int)(sizeof(mp_field_mask) * CHAR_BIT))

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
	struct mp_range *action_ok;	/* absolute bits, one per action-ok */
	char *permitted;		/* "pgoff, vm_file, ..." */
};

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
/* Index of the field named NAME in POL, or -1. */
int mp_policy_field_index(const struct mp_policy *pol, const char *name);
/*
 * Does the unit's struct vm_operations_struct have a mapped member: 1 yes,
 * 0 no, -1 the unit does not define the type.
 */
int mp_unit_has_mapped_hook(void);

/* ---- what each statement does to a descriptor (the analysis) ---- */

enum mp_place_kind {
	MP_PLACE_TRACKED,		/* inside a descriptor / the object */
	MP_PLACE_LOCAL,			/* a local object of the function */
	MP_PLACE_GLOBAL,		/* a global or static object */
	MP_PLACE_UNKNOWN,		/* through a pointer we know nothing of */
};

enum mp_effect_kind {
	MP_EFFECT_WRITE,		/* may write bits of a descriptor */
	MP_EFFECT_READ,			/* loads bits of a descriptor */
	MP_EFFECT_CALL_ARG,		/* a call is given a pointer into one */
	MP_EFFECT_POINTER_STORE,	/* such a pointer is stored in memory */
	MP_EFFECT_RETURN,		/* such a pointer is returned */
	MP_EFFECT_ASM_INPUT,		/* an asm is given such a pointer */
};

enum mp_write_how {
	/* =, op=, ++, asm output, struct copy, __atomic_* / __sync_* */
	MP_WRITE_STORE,
	/* memset, memcpy, memmove ... */
	MP_WRITE_BUILTIN,
	/* &field given to a callee that may write it */
	MP_WRITE_ADDRESS,
};

struct mp_effect {
	enum mp_effect_kind kind;
	gimple *stmt;			/* NULL in compiled-out facts */
	location_t loc;			/* the statement's */
	/*
	 * In compiled-out facts: the constant condition (if, switch) whose
	 * branch holds the statement; UNKNOWN_LOCATION otherwise.
	 */
	location_t compiled_out;
	/* WRITE and READ: the bits concerned */
	bool range_known;
	HOST_WIDE_INT lo;		/* bits from the descriptor's start */
	HOST_WIDE_INT size;		/* bits; -1 means "to the end" */
	mp_field_mask fields;		/* fields overlapping them */
	/* "action.remap.size" as the source names it, or NULL */
	const char *spelled;
	/* WRITE */
	enum mp_write_how how;
	bool initialization;		/* initializes a declared descriptor */
	bool clobber;			/* end of a variable's lifetime */
	/* WRITE by ADDRESS and CALL_ARG: the callee (NULL: a pointer) */
	tree callee;
	/* WRITE by ADDRESS and CALL_ARG: the argument's index */
	unsigned int arg;
	/* CALL_ARG */
	bool readonly_param;		/* declared pointer-to-const */
	bool callee_may_write;		/* not proven read-only (checks only) */
	bool callee_may_keep;		/* a visible callee keeps it (checks) */
	bool memory_writer;		/* the call is a mem* builtin */
	/* POINTER_STORE: where the pointer goes */
	enum mp_place_kind dest;
	tree dest_decl;			/* base declaration, or NULL */
	bool dest_local_decl;		/* ... and it is a local one */
};

/*
 * One function that handles a descriptor: its effects in statement order,
 * grouped by basic block.  Valid until the pass ends.
 *
 * Compiled-out facts are the effects of the statements of a function's
 * compiled-out branches (compiled_out.c), in source order, with no
 * control flow: FN and the block arrays are NULL.
 */
struct mp_fn_facts {
	tree fndecl;
	function *fn;
	const struct mp_policy *pol;
	bool unsettled;			/* the analysis did not finish */
	bool compiled_out;
	struct mp_effect *effects;
	unsigned int n_effects;
	unsigned int *bb_first;		/* by block index: first effect */
	unsigned int *bb_count;		/* by block index: how many */
};

/* Analyses every function of the unit, callees first. */
void mp_analyse_unit(void);
/* The functions that handle a descriptor and are not core code. */
unsigned int mp_analysed_count(void);
const struct mp_fn_facts *mp_analysed_function(unsigned int i);
/* The facts of FNDECL, or NULL if it handles no descriptor. */
const struct mp_fn_facts *mp_analysed_facts_of(tree fndecl);
void mp_analysis_release(void);
/* Where effect E's statement is, falling back to the function's. */
location_t mp_effect_location(const struct mp_effect *e, tree fndecl);

/* ---- branches the configuration compiles out (compiled_out.c) ---- */

/* The pass that sees them, before GCC's CFG drops them. */
void mp_register_compiled_out_pass(void);
/*
 * Settles what the unit analysis knows (visible callees' summaries) in
 * the compiled-out facts; after mp_analyse_unit().
 */
void mp_compiled_out_finish(void);
/*
 * mmap-prepare-stateful's part (stateful.c): the compiled-out statements
 * STMTS[0..N) of FNDECL, each with its constant condition.
 */
void mp_stateful_compiled_out(tree fndecl, gimple **stmts, unsigned int n,
			      const location_t *origin);
unsigned int mp_compiled_out_count(void);
const struct mp_fn_facts *mp_compiled_out_facts(unsigned int i);
void mp_compiled_out_release(void);

/* ---- ops objects (ops_objects.c) ---- */

enum mp_hook { MP_HOOK_MMAP, MP_HOOK_MMAP_PREPARE, MP_HOOK_COUNT };

struct mp_ops_object {
	char *name;			/* "foo_fops", "tbl[1]", "*ops" */
	char *type_name;		/* "struct file_operations" */
	bool set[MP_HOOK_COUNT];
	location_t loc[MP_HOOK_COUNT];	/* where each hook is given */
	/* ... in a branch compiled out by this constant condition */
	location_t compiled_out[MP_HOOK_COUNT];
	/*
	 * The function an initializer (not an assignment) gives the hook
	 * as its value, or NULL: for the fix-it, which removes the
	 * designated initializer ".mmap = FN,".
	 */
	char *init_fn[MP_HOOK_COUNT];
	/* DECL_UID of the function given, 0 if the value is not one */
	unsigned int fn_uid[MP_HOOK_COUNT];
};

/* PLUGIN_FINISH_DECL: hooks given by an initializer. */
void mp_ops_finish_decl(tree decl);
/* Hooks given by assignments in FN. */
void mp_ops_scan_function(function *fn);
/*
 * ... by the compiled-out statements STMTS[0..N) of a lowered body (the
 * constant condition of each in COMPILED_OUT[i]).
 */
void mp_ops_scan_compiled_out(gimple **stmts, unsigned int n,
			      const location_t *compiled_out);
/* Was FNDECL given to an mmap_prepare member (of any struct type)? */
bool mp_is_prepare_hook(tree fndecl);
/* Does struct TYPE have both an mmap and an mmap_prepare hook member? */
bool mp_is_ops_type(tree type);
unsigned int mp_ops_count(void);
const struct mp_ops_object *mp_ops_object(unsigned int i);
void mp_ops_release(void);

/* ---- state, as mmap-prepare-stateful defines it (stateful.c) ---- */

typedef void (*mp_state_site_fn)(gimple *stmt, tree fndecl,
				 const char *acquisition, void *data);
/*
 * Calls FN for every acquisition (a reference, a kept allocation, a
 * counter increase) in ROOT, or in the static functions of the unit's own
 * file it calls, transitively, that is still held at some return of its
 * function: state in the sense of mmap-prepare-stateful.  ACQUISITION is
 * the table's name ("kref_get"); FNDECL the function of STMT.
 */
void mp_stateful_held_sites(tree root, mp_state_site_fn fn, void *data);

/* ---- how a .mmap hook converts (mmap_conversion.c, conversion_*.c) ---- */

enum mp_conv_class {
	MP_CONV_UNKNOWN,		/* no body in the unit */
	MP_CONV_CONVERTIBLE,
	MP_CONV_MAPPED,			/* ... with vm_ops->mapped */
	MP_CONV_BLOCKED,
};

/* One edit of a line of the hook's file (plugin/conversion.h). */
struct mp_conv_edit;

/* One statement to write instead (TEXT: code), or to move (MOVE). */
struct mp_conv_note {
	location_t loc;
	char *text;			/* code to paste, or NULL */
	const char *what;		/* for MOVE: the acquisition */
	bool move_to_mapped;
	bool by_hand;			/* no code: rewrite by hand */
	bool parameter;			/* a helper's VMA parameter */
	/*
	 * TEXT replaces the statement exactly, by these edits of its
	 * lines (none: not exactly, so the hook gets no fix-its).
	 */
	struct mp_conv_edit *edits;
	unsigned int n_edits;
};

/*
 * A fix-it: replace the range [start, finish] (both inclusive, on one
 * line) by TEXT, or insert TEXT before START when FINISH is
 * UNKNOWN_LOCATION.  NOTE says which diagnostic shows it: an index into
 * the conversion's notes, or one of MP_FIXIT_*.
 */
struct mp_fixit {
	location_t start, finish;
	char *text;
	int note;
};

#define MP_FIXIT_DECL		(-1)	/* "declare it as" */
#define MP_FIXIT_PROLOGUE	(-2)	/* "and begin it with" */
#define MP_FIXIT_INIT		(-3)	/* "and give it as" / "write .mmap_prepare" */

struct mp_conversion {
	enum mp_conv_class cls;
	tree hook;			/* the .mmap function, or NULL */
	const char *blocker;		/* stable kind, docs/rules.md */
	location_t blocker_loc;
	char *blocker_what;		/* the callee or member, or NULL */
	const char *helper;		/* main replacement helper, or NULL */
	char *signature;		/* the mmap_prepare hook's declaration */
	char *prologue;			/* "struct file *file = desc->file;" */
	struct mp_conv_note *notes;	/* by source position */
	unsigned int n_notes, notes_cap;
	/*
	 * Blocked only by handing the VMA to public functions of other
	 * units (vme_master_mmap()): their names, and the class and helper
	 * the hook has once they take the descriptor.
	 */
	const char **callees;
	unsigned int n_callees, callees_cap;
	enum mp_conv_class cls_with_callees;
	const char *helper_with_callees;
	/* a use of the VMA is written in a macro's definition */
	bool hidden_use;
	/* The whole conversion as fix-its, or none (mp_conversion_fixits) */
	struct mp_fixit *fixes;
	unsigned int n_fixes;
};

/* PLUGIN_FINISH_DECL, PLUGIN_PRE_GENERICIZE and PLUGIN_FINISH_TYPE,
   while the rule is on: the helpers and VMA_*_BIT numbers the unit
   declares. */
void mp_conversion_finish_decl(tree decl);
void mp_conversion_finish_function(tree fndecl);
void mp_conversion_finish_type(tree type);
/*
 * Has FNDECL the type of the mmap member of an ops type the unit
 * declares (one with mmap_prepare too)?  A public such function is a
 * .mmap hook other units may register.
 */
bool mp_conversion_is_mmap_hook_type(tree fndecl);
/*
 * Is FNDECL a public function, not of mm/, that other units may hand
 * their VMA to (vme_master_mmap())?  Classified where it is defined.
 */
bool mp_conversion_is_vma_function(tree fndecl);
/* Classifies HOOK (the function given to .mmap, or NULL); the analysis
   must still be alive (during the pass). */
void mp_conversion_classify(tree hook, struct mp_conversion *c);
/*
 * The fix-its that make the conversion (C classified, its .mmap given
 * at INIT, the value's location) into c->fixes: all of them when the
 * whole conversion is mechanical and its text reads back exactly, else
 * none (docs/rules.md lists the conditions).
 */
void mp_conversion_fixits(struct mp_conversion *c, location_t init);
void mp_conversion_release(struct mp_conversion *c);
/* "convertible", "mapped", "blocked", "unknown". */
const char *mp_conversion_class_name(enum mp_conv_class cls);
/* The FUNCTION_DECL whose DECL_UID is UID, or NULL (a symtab walk). */
tree mp_function_by_uid(unsigned int uid);

/* ---- unit-wide tables by key (key_index.c) ---- */

struct mp_key_slot {
	unsigned long long a, b;
	unsigned int pos;
	bool used;
};

/* Zero-initialized is empty. */
struct mp_key_index {
	struct mp_key_slot *slots;
	unsigned int n_slots, n_used;
};

bool mp_key_index_get(const struct mp_key_index *ix, unsigned long long a, unsigned long long b,
		      unsigned int *pos);
void mp_key_index_put(struct mp_key_index *ix, unsigned long long a, unsigned long long b,
		      unsigned int pos);
void mp_key_index_clear(struct mp_key_index *ix);

/*
 * Room for N + 1 elements in *ARRAY (capacity *CAP), doubling: appending
 * one element at a time stays linear.
 */
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
extern tree mp_id_vm_area_struct;	/* the .mmap hook's VMA */
extern tree mp_id_file;

/* ---- the pass (check_pass.c) ---- */

void mp_register_pass(void);

/* ---- findings (findings.c, plain_text.c) ---- */

/*
 * A finding is queued while the unit is analysed and printed at the end,
 * sorted by position, once per rule and position.  It keeps what its
 * rule's emit function needs to print it through GCC's diagnostic
 * functions (format directives, quoting, colour); trees stay valid until
 * the pass ends.
 */
struct mp_finding {
	const struct mp_rule *rule;
	location_t loc;			/* as the statement has it */
	location_t where;		/* resolved: the macro's use */
	tree fndecl;			/* the function, or NULL */
	tree callee;			/* the function given an address */
	char *field;			/* for messages and records, or NULL */
	char *text;			/* rule-specific, owned, or NULL */
	char *text2;			/* rule-specific, owned, or NULL */
	char *text3;			/* rule-specific, owned, or NULL */
	unsigned int count;		/* rule-specific */
	int variant;			/* rule-specific */
	location_t note_loc;
	/* The constant condition whose compiled-out branch it is in, or
	   UNKNOWN_LOCATION. */
	location_t compiled_out;
	/*
	 * A fix-it hint: replace the source range [fix_start, fix_finish]
	 * (both inclusive, on one line) by fix_text ("" removes it; owned).
	 * fix_start is UNKNOWN_LOCATION when the finding has none.
	 */
	location_t fix_start, fix_finish;
	char *fix_text;
	/*
	 * More fix-its, for the record only ("fixes", a list): the
	 * finding's notes show them (not owned).
	 */
	const struct mp_fixit *fixes;
	unsigned int n_fixes;
	void (*emit)(const struct mp_finding *f);
	/*
	 * Rule-specific members appended to the report= record, as JSON
	 * (",\"key\":value..."), owned, or NULL.
	 */
	char *record_extra;
};

/* Queues F (shallow copy; takes ownership of its strings). */
void mp_finding_add(const struct mp_finding *f);
/* Sorts the queued findings by location, prints them, empties the queue. */
void mp_findings_flush(void);
/*
 * Called by mp_report() once a finding was shown: the macro-expansion
 * note and the JSON record (TEXT: the message as plain text, owned).
 */
void mp_finding_shown(const struct mp_finding *f, char *text);
/* Best location of STMT, falling back to the function's. */
location_t mp_stmt_location(gimple *stmt, tree fndecl);
/*
 * The message of a diagnostic as plain text, for JSON records: the
 * subset of GCC's directives the plugin uses (%s %d %u %qs %qD %< %>).
 */
char *mp_plain_text(const char *gmsgid, ...) ATTRIBUTE_GCC_DIAG(1, 2);
/* S in GCC's quotes, as %qs would print it (xmalloc'ed). */
char *mp_quote(const char *s);
/* S as a JSON string, or null for NULL (xmalloc'ed). */
char *mp_json_quote(const char *s);

/*
 * Adds F's fix-it hint (if any) to RICHLOC, the finding's location.
 * GCC checks it further: one it cannot apply is dropped with all others.
 */
void mp_finding_fixits(const struct mp_finding *f, rich_location *richloc);
/* Adds fix-it X to RICHLOC. */
void mp_fixit_add(const struct mp_fixit *x, rich_location *richloc);
/*
 * The location of column COL (1-based bytes) of line LINE in the file of
 * NEAR, a location in the same line map (an ordinary one), checked to
 * read back as exactly that place; false if it cannot be made.
 */
bool mp_line_column_location(location_t near, int line, int col,
			     location_t *out);

/*
 * Prints finding F as a warning (an error under the werror option) with
 * GCC's format directives, its rule appended in brackets, and its fix-it
 * hint, and records it.  An opt-in rule reports (tree-wide conversion
 * reports) and must never break a build, also where a subsystem forces
 * -Werror: its findings are notes.  True if it was shown.  The format
 * must be a literal, so GCC checks it.
 */
#define mp_report(f, gmsgid, ...)					\
	({								\
		const struct mp_finding *mp_f_ = (f);			\
		rich_location mp_rl_(line_table, mp_f_->where);	\
		bool mp_shown_ = true;					\
									\
		mp_finding_fixits(mp_f_, &mp_rl_);			\
		if (mp_f_->rule->dflt == MP_OPT_IN)			\
			inform(&mp_rl_, gmsgid " [%s]", __VA_ARGS__,	\
			       mp_f_->rule->full_name);			\
		else							\
			MP_DIAGNOSE_RICH(mp_shown_, &mp_rl_, mp_opts.werror, \
					 mp_f_->rule->full_name, gmsgid, \
					 __VA_ARGS__);			\
		if (mp_shown_)						\
			mp_finding_shown(mp_f_,				\
					 mp_plain_text(gmsgid, __VA_ARGS__)); \
		mp_shown_;						\
	})

#endif /* MMAP_PREPARE_H */
