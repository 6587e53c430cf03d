// SPDX-License-Identifier: GPL-2.0
/*
 * Rule mmap-prepare-immutable: any store that may change a field the
 * hook must not touch (mm, start, end, and file from G2 on).
 *
 * A store is anything that lowers to a GIMPLE memory write (=, compound
 * assignment, ++/--, struct assignment), an asm output, a mem* or atomic
 * builtin over a range of the descriptor, or the address of a field
 * handed to a callee parameter that is neither pointer-to-const nor
 * proven read-only (effects.c).  Which fields a store covers comes from
 * bit offsets, so casts and constant offsets are judged like member
 * accesses; a store whose offset is unknown may change any of them.
 */
#include "mmap_prepare.h"
#include "desc_write_report.h"

static void emit_immutable(const struct mp_finding *f)
{
	const struct mp_policy *pol = mp_unit_policy();

	if (!mp_report_desc_write(f))
		return;
	if (f->count > 1)
		inform(f->note_loc, "%s are immutable: mmap_prepare hooks may change only %s",
		       f->text2, pol->permitted);
	else
		inform(f->note_loc, "%s is immutable: mmap_prepare hooks may change only %s",
		       f->text2, pol->permitted);
}

static void emit_unknown_offset(const struct mp_finding *f)
{
	const struct mp_policy *pol = mp_unit_policy();
	bool shown;

	if (f->variant != MP_WRITE_ADDRESS)
		shown = mp_report(f,
				  "%qD writes %qs at an offset the plugin cannot determine; it may change immutable fields",
				  f->fndecl, "struct vm_area_desc");
	else if (f->callee)
		shown = mp_report(f,
				  "%qD passes a pointer into %qs at an offset the plugin cannot determine to %qD; it may change immutable fields",
				  f->fndecl, "struct vm_area_desc", f->callee);
	else
		shown = mp_report(f,
				  "%qD passes a pointer into %qs at an offset the plugin cannot determine to a function pointer; it may change immutable fields",
				  f->fndecl, "struct vm_area_desc");
	if (shown)
		inform(f->loc,
		       "cannot prove this store leaves protected fields alone; write the permitted fields (%s) by name",
		       pol->permitted);
}

static void check_write(const struct mp_fn_facts *facts,
			const struct mp_effect *e)
{
	const struct mp_policy *pol = facts->pol;
	unsigned int count, first = 0;
	struct mp_finding f;
	char *names;

	mp_desc_write_finding(&f, &mp_rule_immutable, facts, e);
	if (!e->range_known) {
		f.field = xstrdup("?");
		f.emit = emit_unknown_offset;
		mp_finding_add(&f);
		return;
	}
	names = mp_field_list(pol, e->fields, MP_FIELD_IMMUTABLE, &count, &first);
	if (!count) {
		free(names);
		return;
	}
	if (count == 1 && e->spelled) {
		char *quoted = mp_quote(e->spelled);

		f.text = xasprintf("immutable field %s", quoted);
		f.field = xstrdup(e->spelled);
		free(quoted);
	} else {
		f.text = xasprintf("immutable field%s %s", count > 1 ? "s" : "",
				   names);
		f.field = xstrdup(pol->fields[first].name);
	}
	f.text2 = names;
	f.count = count;
	f.note_loc = pol->fields[first].loc;
	f.emit = emit_immutable;
	mp_finding_add(&f);
}

static void check_function(const struct mp_fn_facts *facts)
{
	mp_for_each_judged_write(facts, check_write);
}

struct mp_rule mp_rule_immutable = {
	.name = "immutable",
	.dflt = MP_ON,
	.summary = "any store that may change mm, file (G2+), start or end",
	.check_function = check_function,
};
