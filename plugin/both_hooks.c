// SPDX-License-Identifier: GPL-2.0
/*
 * Rule mmap-prepare-both-hooks: .mmap and .mmap_prepare are mutually
 * exclusive; the kernel notices an ops object with both only at mmap()
 * time (WARN_ON_ONCE, -ENODEV).  One warning per object, at the hook
 * written second, with a note at the other (ops_objects.c collects them
 * from initializers and from assignments anywhere in the unit).
 */
#include "mmap_prepare.h"

static const char *const hook_names[MP_HOOK_COUNT] = {
	".mmap", ".mmap_prepare"
};

/* Where a hook given inside a macro is written: the macro's use. */
static location_t expansion_point(location_t loc)
{
	return linemap_resolve_location(line_table, loc,
					LRK_MACRO_EXPANSION_POINT, NULL);
}

static void emit_both(const struct mp_finding *f)
{
	if (!mp_report(f,
		       "%qs (%s) sets both %<.mmap%> and %<.mmap_prepare%>; the hooks are mutually exclusive and mmap() fails with -ENODEV",
		       f->text, f->text2))
		return;
	inform(f->note_loc, "%qs is also set here; drop %<.mmap%> and keep %<.mmap_prepare%>",
	       hook_names[f->variant]);
}

static void report_both(const struct mp_ops_object *o)
{
	struct mp_finding f;
	int second = MP_HOOK_MMAP_PREPARE, first;

	if (linemap_compare_locations(line_table,
				      expansion_point(o->loc[MP_HOOK_MMAP]),
				      expansion_point(o->loc[MP_HOOK_MMAP_PREPARE])) < 0)
		second = MP_HOOK_MMAP;
	first = 1 - second;

	memset(&f, 0, sizeof(f));
	f.rule = &mp_rule_both_hooks;
	f.loc = o->loc[second];
	f.field = xstrdup(hook_names[second] + 1);
	f.text = xstrdup(o->name);
	f.text2 = xstrdup(o->type_name);
	f.variant = first;
	f.note_loc = o->loc[first];
	f.compiled_out = o->compiled_out[second] != UNKNOWN_LOCATION ?
			 o->compiled_out[second] : o->compiled_out[first];
	f.emit = emit_both;
	mp_finding_add(&f);
}

static void check_unit(void)
{
	unsigned int i;

	for (i = 0; i < mp_ops_count(); i++) {
		const struct mp_ops_object *o = mp_ops_object(i);

		if (o->set[MP_HOOK_MMAP] && o->set[MP_HOOK_MMAP_PREPARE])
			report_both(o);
	}
}

struct mp_rule mp_rule_both_hooks = {
	.name = "both-hooks",
	.dflt = MP_ON,
	.summary =
		"an ops object (any struct with function-pointer members mmap and mmap_prepare) given both",
	.check_unit = check_unit,
};
