// SPDX-License-Identifier: GPL-2.0
/*
 * Rule mmap-prepare-deprecated-mmap (opt-in): an ops object that gives
 * .mmap and no .mmap_prepare, for tree-wide conversion reports.  An
 * object with both hooks is mmap-prepare-both-hooks' finding instead.
 *
 * Its notes say how the .mmap function converts (mmap_conversion.c), and
 * its report= record carries the class, the blocker and the helper
 * (docs/rules.md).
 */
#include "mmap_prepare.h"

static char *record_members(const struct mp_conversion *c)
{
	char *hook = mp_json_quote(c->hook ? IDENTIFIER_POINTER(DECL_NAME(c->hook)) : NULL);
	char *blocker = mp_json_quote(c->cls == MP_CONV_BLOCKED ? c->blocker : NULL);
	char *helper = mp_json_quote(c->helper);
	char *line = c->cls == MP_CONV_BLOCKED ?
		     xasprintf("%d", LOCATION_LINE(c->blocker_loc)) : xstrdup("null");
	char *out = xasprintf(",\"hook\":%s,\"conversion\":\"%s\",\"blocker\":%s,\"blocker_line\":%s,\"helper\":%s",
			      hook, mp_conversion_class_name(c->cls), blocker,
			      line, helper);

	free(hook);
	free(blocker);
	free(helper);
	free(line);
	return out;
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
	conv_inform(c, MP_FIXIT_INIT, f->note_loc,
		    "and give it as %<.mmap_prepare = %s_prepare,%>",
		    IDENTIFIER_POINTER(DECL_NAME(c->hook)));
}

static void emit_deprecated(const struct mp_finding *f)
{
	struct mp_finding g = *f;
	struct mp_conversion c;

	mp_conversion_classify(f->callee, &c);
	/* The notes show them; the record lists them all. */
	mp_conversion_fixits(&c, f->note_loc);
	g.fixes = c.fixes;
	g.n_fixes = c.n_fixes;
	g.record_extra = record_members(&c);
	if (mp_report(&g,
		      "%qs (%s) provides the deprecated %<.mmap%> hook and no %<.mmap_prepare%>",
		      f->text, f->text2)) {
		inform(f->note_loc,
		       "convert it to %<.mmap_prepare%>, which receives a %qs (see Documentation/filesystems/mmap_prepare.rst)",
		       "struct vm_area_desc");
		emit_notes(f, &c);
	}
	free(g.record_extra);
	mp_conversion_release(&c);
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
		f.emit = emit_deprecated;
		mp_finding_add(&f);
	}
}

struct mp_rule mp_rule_deprecated_mmap = {
	.name = "deprecated-mmap",
	.dflt = MP_OPT_IN,
	.summary = "an ops object with .mmap and no .mmap_prepare",
	.check_unit = check_unit,
};
