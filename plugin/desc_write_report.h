/* SPDX-License-Identifier: GPL-2.0 */
/* Shared by the descriptor-write rules; see desc_write_report.c. */
#ifndef MP_DESC_WRITE_REPORT_H
#define MP_DESC_WRITE_REPORT_H

/* Every WRITE effect except initializations and clobbers. */
bool mp_is_judged_write(const struct mp_effect *e);
/* Calls CHECK on each of them in FACTS. */
void mp_for_each_judged_write(const struct mp_fn_facts *facts,
			      void (*check)(const struct mp_fn_facts *facts,
					    const struct mp_effect *e));
/*
 * The fields of class CLS in MASK, in GCC's quotes: "'mm', 'start'";
 * how many, and the first one's index.
 */
char *mp_field_list(const struct mp_policy *pol, mp_field_mask mask,
		    enum mp_field_class cls, unsigned int *count,
		    unsigned int *first);
/* A finding of RULE about write E of FACTS' function. */
void mp_desc_write_finding(struct mp_finding *f, const struct mp_rule *rule,
			   const struct mp_fn_facts *facts,
			   const struct mp_effect *e);
/*
 * The warning: F->text is what is written ("immutable field 'start'"),
 * F->count how many fields.  True if shown.
 */
bool mp_report_desc_write(const struct mp_finding *f);

#endif /* MP_DESC_WRITE_REPORT_H */
