// SPDX-License-Identifier: GPL-2.0
/*
 * Rule mmap-prepare-deprecated-mmap (opt-in): an ops object that gives
 * .mmap and no .mmap_prepare, for tree-wide conversion reports.  An
 * object with both hooks is mmap-prepare-both-hooks' finding instead.
 *
 * Its notes say how the .mmap function converts (mmap_conversion.c), and
 * its report= record carries the class, the blocker and the helper
 * (docs/rules.md).  A public .mmap function whose ops object is in
 * another unit, and a public function other units hand their VMA to, are
 * reported where their body is, the one unit that can classify them.
 */
#include "mmap_prepare.h"
#include "analysis.h"

/*
 * struct mp_finding.variant: an ops object of the unit (HERE), a public
 * .mmap function whose ops object is in another unit (ELSEWHERE), or a
 * public function other units hand their VMA to (CALLEE).
 */
enum { HERE, ELSEWHERE, CALLEE };
static const char *const variant_names[] = { "here", "elsewhere", "callee" };

/* "null", or what the hook is once the functions it hands the VMA convert. */
static char *with_callees(const struct mp_conversion *c)
{
	char *names, *helper, *out;
	unsigned int i;

	if (!c->n_callees)
		return xstrdup("null");
	names = xstrdup("");
	for (i = 0; i < c->n_callees; i++) {
		char *q = mp_json_quote(c->callees[i]);
		char *joined = xasprintf("%s%s%s", names, i ? "," : "", q);

		free(q);
		free(names);
		names = joined;
	}
	helper = mp_json_quote(c->helper_with_callees);
	out = xasprintf("{\"callees\":[%s],\"conversion\":\"%s\",\"helper\":%s}",
			names, mp_conversion_class_name(c->cls_with_callees),
			helper);
	free(names);
	free(helper);
	return out;
}

static char *record_members(const struct mp_finding *f,
			    const struct mp_conversion *c)
{
	/*
	 * The function given to .mmap; else the name the initializer gave,
	 * when GCC removed the ops object as unused before the rule ran (a
	 * driver whose bus this configuration lacks), so that the dashboard
	 * can still join it to the function's body.
	 */
	char *hook = mp_json_quote(c->hook ? IDENTIFIER_POINTER(DECL_NAME(c->hook)) :
				   f->text3);
	char *blocker = mp_json_quote(c->cls == MP_CONV_BLOCKED ? c->blocker : NULL);
	char *helper = mp_json_quote(c->helper);
	char *line = c->cls == MP_CONV_BLOCKED ?
		     xasprintf("%d", LOCATION_LINE(c->blocker_loc)) : xstrdup("null");
	char *callees = with_callees(c);
	char *out = xasprintf(",\"hook\":%s,\"registered\":\"%s\",\"conversion\":\"%s\",\"blocker\":%s,\"blocker_line\":%s,\"helper\":%s,\"with_callees\":%s",
			      hook, variant_names[f->variant],
			      mp_conversion_class_name(c->cls), blocker,
			      line, helper, callees);

	free(callees);
	free(hook);
	free(blocker);
	free(helper);
	free(line);
	return out;
}

static const char *class_text(enum mp_conv_class cls)
{
	return cls == MP_CONV_MAPPED ? "convertible with vm_ops->mapped" :
	       "convertible";
}

/*
 * A note at LOC with those of the conversion's fix-its whose note is
 * WHICH (struct mp_fixit), so that each note shows its own change.
 */
#define conv_inform(c, which, loc, ...)					\
	do {								\
		rich_location rl_(line_table, (loc));			\
		unsigned int k_;					\
									\
		for (k_ = 0; k_ < (c)->n_fixes; k_++) {			\
			if ((c)->fixes[k_].note == (which))		\
				mp_fixit_add(&(c)->fixes[k_], &rl_);	\
		}							\
		inform(&rl_, __VA_ARGS__);				\
	} while (0)

static void emit_notes(const struct mp_finding *f, const struct mp_conversion *c)
{
	unsigned int i;

	if (c->cls == MP_CONV_UNKNOWN)
		return;
	if (c->cls == MP_CONV_BLOCKED) {
		if (c->blocker_what)
			inform(c->blocker_loc,
			       "%qD cannot be converted as it is: this statement has no descriptor equivalent (%s: %qs)",
			       c->hook, c->blocker, c->blocker_what);
		else
			inform(c->blocker_loc,
			       "%qD cannot be converted as it is: this statement has no descriptor equivalent (%s)",
			       c->hook, c->blocker);
		if (c->n_callees == 1)
			inform(c->blocker_loc,
			       "%qD is %s once %qs takes a %<struct vm_area_desc *%> instead (it is not static: it converts on its own)",
			       c->hook, class_text(c->cls_with_callees),
			       c->callees[0]);
		else if (c->n_callees > 1)
			inform(c->blocker_loc,
			       "%qD is %s once the %u public functions it hands the VMA to (%qs, ...) take a %<struct vm_area_desc *%> instead (they convert on their own)",
			       c->hook, class_text(c->cls_with_callees),
			       c->n_callees, c->callees[0]);
		return;
	}
	if (!c->signature) {
		conv_inform(c, MP_FIXIT_INIT, f->note_loc,
			    "%qD is convertible: write %<.mmap_prepare = %s,%>",
			    c->hook, c->helper);
		return;
	}
	if (c->cls == MP_CONV_MAPPED)
		inform(DECL_SOURCE_LOCATION(c->hook),
		       "%qD is convertible with %<vm_ops->mapped%>: it has state, which %<.mmap_prepare%> may not keep",
		       c->hook);
	else
		inform(DECL_SOURCE_LOCATION(c->hook), "%qD is convertible", c->hook);
	conv_inform(c, MP_FIXIT_DECL, DECL_SOURCE_LOCATION(c->hook),
		    "declare it as %<%s%>", c->signature);
	if (c->prologue)
		conv_inform(c, MP_FIXIT_PROLOGUE, DECL_SOURCE_LOCATION(c->hook),
			    "and begin it with %<%s%>", c->prologue);
	for (i = 0; i < c->n_notes; i++) {
		const struct mp_conv_note *n = &c->notes[i];

		if (n->move_to_mapped)
			inform(n->loc,
			       "move this %qs to %<vm_ops->mapped%>, which runs once the new mapping exists",
			       n->what);
		else if (n->parameter)
			inform(n->loc, "declare this parameter as %<%s%>", n->text);
		else if (n->by_hand)
			inform(n->loc, "rewrite this statement for the descriptor by hand");
		else
			conv_inform(c, (int)i, n->loc, "write %<%s%>", n->text);
	}
	if (f->variant == ELSEWHERE)
		inform(f->note_loc, "and register it as %<.mmap_prepare = %s_prepare,%> where %qD is registered",
		       IDENTIFIER_POINTER(DECL_NAME(c->hook)), c->hook);
	else if (f->variant == CALLEE)
		inform(f->note_loc, "and call %<%s_prepare%> with the descriptor where %qD is called with a VMA",
		       IDENTIFIER_POINTER(DECL_NAME(c->hook)), c->hook);
	else
		conv_inform(c, MP_FIXIT_INIT, f->note_loc,
			    "and give it as %<.mmap_prepare = %s_prepare,%>",
			    IDENTIFIER_POINTER(DECL_NAME(c->hook)));
}

static void emit_deprecated(const struct mp_finding *f)
{
	struct mp_finding g = *f;
	struct mp_conversion c;
	bool shown;

	mp_conversion_classify(f->callee, &c);
	/*
	 * The notes show the fix-its; the record lists them all.  Only for an
	 * ops object of the unit: the others' initializer is elsewhere.
	 */
	if (f->variant == HERE)
		mp_conversion_fixits(&c, f->note_loc);
	g.fixes = c.fixes;
	g.n_fixes = c.n_fixes;
	g.record_extra = record_members(f, &c);
	if (f->variant == ELSEWHERE)
		shown = mp_report(&g,
				  "%qs is a %<.mmap%> hook for other units to register (it is not static and has the type of %<.mmap%>)",
				  f->text);
	else if (f->variant == CALLEE)
		shown = mp_report(&g,
				  "%qs takes a VMA and is not static: other units' %<.mmap%> hooks may hand it theirs",
				  f->text);
	else
		shown = mp_report(&g,
				  "%qs (%s) provides the deprecated %<.mmap%> hook and no %<.mmap_prepare%>",
				  f->text, f->text2);
	if (shown) {
		if (f->variant == CALLEE)
			inform(f->note_loc,
			       "convert it to take a %qs, as %<.mmap_prepare%> hooks do (see Documentation/filesystems/mmap_prepare.rst)",
			       "struct vm_area_desc *");
		else
			inform(f->note_loc,
			       "convert it to %<.mmap_prepare%>, which receives a %qs (see Documentation/filesystems/mmap_prepare.rst)",
			       "struct vm_area_desc");
		emit_notes(f, &c);
	}
	free(g.record_extra);
	mp_conversion_release(&c);
}

/* Is FNDECL given to .mmap by an ops object of this unit? */
static bool registered_here(tree fndecl)
{
	unsigned int i;

	for (i = 0; i < mp_ops_count(); i++) {
		if (mp_ops_object(i)->fn_uid[MP_HOOK_MMAP] == DECL_UID(fndecl))
			return true;
	}
	return false;
}

/*
 * The functions only this unit can classify, as it has their bodies:
 * - a .mmap function that other units register: public, of the type of
 *   an ops type's mmap member, given to no .mmap here (ceph_mmap() is
 *   defined in fs/ceph/addr.c, its file_operations are in fs/ceph/file.c,
 *   whose record says "unknown");
 * - a public function that takes a VMA, which other units' hooks hand
 *   theirs to (vme_master_mmap() in drivers/staging/vme_user/vme.c, whose
 *   caller in vme_user.c is blocked until it converts).
 * The dashboard joins the records by name.
 */
static void check_functions_for_other_units(void)
{
	cgraph_node *node;

	FOR_EACH_DEFINED_FUNCTION(node) {
		tree decl = node->decl;
		struct mp_finding f;
		int variant;

		/* The type tests first: most functions take no VMA. */
		if (!TREE_PUBLIC(decl) || DECL_ARTIFICIAL(decl) || !DECL_NAME(decl))
			continue;
		if (mp_conversion_is_mmap_hook_type(decl))
			variant = ELSEWHERE;
		else if (mp_conversion_is_vma_function(decl))
			variant = CALLEE;
		else
			continue;
		if (!mp_visible_body(decl) || registered_here(decl))
			continue;
		memset(&f, 0, sizeof(f));
		f.rule = &mp_rule_deprecated_mmap;
		f.loc = DECL_SOURCE_LOCATION(decl);
		f.field = xstrdup("mmap");
		f.text = xstrdup(IDENTIFIER_POINTER(DECL_NAME(decl)));
		f.note_loc = f.loc;
		f.callee = decl;
		f.variant = variant;
		f.emit = emit_deprecated;
		mp_finding_add(&f);
	}
}

static void check_unit(void)
{
	unsigned int i;

	for (i = 0; i < mp_ops_count(); i++) {
		const struct mp_ops_object *o = mp_ops_object(i);
		struct mp_finding f;

		if (!o->set[MP_HOOK_MMAP] || o->set[MP_HOOK_MMAP_PREPARE])
			continue;
		memset(&f, 0, sizeof(f));
		f.rule = &mp_rule_deprecated_mmap;
		f.loc = o->loc[MP_HOOK_MMAP];
		f.field = xstrdup("mmap");
		f.text = xstrdup(o->name);
		f.text2 = xstrdup(o->type_name);
		f.note_loc = o->loc[MP_HOOK_MMAP];
		f.callee = mp_function_by_uid(o->fn_uid[MP_HOOK_MMAP]);
		if (o->init_fn[MP_HOOK_MMAP])
			f.text3 = xstrdup(o->init_fn[MP_HOOK_MMAP]);
		f.emit = emit_deprecated;
		mp_finding_add(&f);
	}
	check_functions_for_other_units();
}

struct mp_rule mp_rule_deprecated_mmap = {
	.name = "deprecated-mmap",
	.dflt = MP_OPT_IN,
	.summary = "an ops object with .mmap and no .mmap_prepare",
	.check_unit = check_unit,
};
