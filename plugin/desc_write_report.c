// SPDX-License-Identifier: GPL-2.0
/*
 * What the three descriptor-write rules (immutable.c, action.c,
 * unknown_field.c) share: which writes they judge, the list of fields a
 * write covers, and the first line of their diagnostics, which says how
 * the function writes ("writes ...", "passes the address of ... to").
 */
#include "mmap_prepare.h"
#include "desc_write_report.h"

bool mp_is_judged_write(const struct mp_effect *e)
{
	return e->kind == MP_EFFECT_WRITE && !e->initialization && !e->clobber;
}

void mp_for_each_judged_write(const struct mp_fn_facts *facts,
			      void (*check)(const struct mp_fn_facts *facts,
					    const struct mp_effect *e))
{
	unsigned int i;

	if (!facts->pol)
		return;		/* no complete descriptor: no fields to judge */
	for (i = 0; i < facts->n_effects; i++) {
		if (mp_is_judged_write(&facts->effects[i]))
			check(facts, &facts->effects[i]);
	}
}

char *mp_field_list(const struct mp_policy *pol, mp_field_mask mask,
		    enum mp_field_class cls, unsigned int *count,
		    unsigned int *first)
{
	char *out = xstrdup("");
	unsigned int i;

	*count = 0;
	for (i = 0; i < pol->n_fields; i++) {
		char *quoted, *next;

		if (!(mask & (1ULL << i)) || pol->fields[i].cls != cls)
			continue;
		quoted = mp_quote(pol->fields[i].name);
		next = xasprintf("%s%s%s", out, *count ? ", " : "", quoted);
		free(quoted);
		free(out);
		out = next;
		if (!(*count)++)
			*first = i;
	}
	return out;
}

void mp_desc_write_finding(struct mp_finding *f, const struct mp_rule *rule,
			   const struct mp_fn_facts *facts,
			   const struct mp_effect *e)
{
	memset(f, 0, sizeof(*f));
	f->rule = rule;
	f->loc = mp_effect_location(e, facts->fndecl);
	f->compiled_out = e->compiled_out;
	f->fndecl = facts->fndecl;
	f->callee = e->callee;
	f->variant = e->how;
}

bool mp_report_desc_write(const struct mp_finding *f)
{
	const char *it = f->count > 1 ? "them" : "it";

	if (f->variant != MP_WRITE_ADDRESS)
		return mp_report(f, "%qD writes %s of %qs", f->fndecl, f->text,
				 "struct vm_area_desc");
	if (f->callee)
		return mp_report(f,
				 "%qD passes the address of %s of %qs to %qD, which may write %s",
				 f->fndecl, f->text, "struct vm_area_desc",
				 f->callee, it);
	return mp_report(f,
			 "%qD passes the address of %s of %qs to a function pointer, which may write %s",
			 f->fndecl, f->text, "struct vm_area_desc", it);
}
