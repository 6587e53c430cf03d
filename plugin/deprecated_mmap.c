// SPDX-License-Identifier: GPL-2.0
/*
 * Rule mmap-prepare-deprecated-mmap (opt-in): an ops object that gives
 * .mmap and no .mmap_prepare, for tree-wide conversion reports.  An
 * object with both hooks is mmap-prepare-both-hooks' finding instead.
 */
#include "mmap_prepare.h"

static void emit_deprecated(const struct mp_finding *f)
{
	if (!mp_report(f,
		       "%qs (%s) provides the deprecated %<.mmap%> hook and no %<.mmap_prepare%>",
		       f->text, f->text2))
		return;
	inform(f->note_loc,
	       "convert it to %<.mmap_prepare%>, which receives a %qs (see Documentation/filesystems/mmap_prepare.rst)",
	       "struct vm_area_desc");
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
