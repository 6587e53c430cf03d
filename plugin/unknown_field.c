// SPDX-License-Identifier: GPL-2.0
/*
 * Rule mmap-prepare-unknown-field: a member the policy of this
 * descriptor generation does not name (a later kernel added it) is never
 * silently allowed; a store into it is reported.
 */
#include "mmap_prepare.h"
#include "desc_write_report.h"

static void emit_unknown_field(const struct mp_finding *f)
{
	const struct mp_policy *pol = mp_unit_policy();

	if (!mp_report_desc_write(f))
		return;
	inform(f->note_loc,
	       "generation G%d of %qs does not name %s; check Documentation/filesystems/mmap_prepare.rst before an mmap_prepare hook writes it, or teach the plugin",
	       pol->generation, "struct vm_area_desc", f->text2);
}

static void check_write(const struct mp_fn_facts *facts,
			const struct mp_effect *e)
{
	const struct mp_policy *pol = facts->pol;
	unsigned int count, first = 0;
	struct mp_finding f;
	char *names;

	if (!e->range_known)
		return;		/* reported by mmap-prepare-immutable */
	names = mp_field_list(pol, e->fields, MP_FIELD_UNKNOWN, &count, &first);
	if (!count) {
		free(names);
		return;
	}
	mp_desc_write_finding(&f, &mp_rule_unknown_field, facts, e);
	f.text = xasprintf("field%s %s, which the mmap_prepare policy does not classify,",
			   count > 1 ? "s" : "", names);
	f.text2 = names;
	f.field = xstrdup(pol->fields[first].name);
	f.count = count;
	f.note_loc = pol->fields[first].loc;
	f.emit = emit_unknown_field;
	mp_finding_add(&f);
}

static void check_function(const struct mp_fn_facts *facts)
{
	mp_for_each_judged_write(facts, check_write);
}

struct mp_rule mp_rule_unknown_field = {
	.name = "unknown-field",
	.dflt = MP_ON,
	.summary =
		"a store into a descriptor member the policy does not classify",
	.check_function = check_function,
};
