// SPDX-License-Identifier: GPL-2.0
/*
 * Rule mmap-prepare-action: 'action' is filled in only by the
 * mmap_action_*() helpers.  A store into it (or any part of it) is
 * reported, except into the sub-fields named by the action-ok option
 * (default error_override, which has no helper), and except the address
 * of 'action' handed to core code (the helpers live there).
 */
#include "mmap_prepare.h"
#include "desc_write_report.h"

/*
 * Functions that own the action member: the mmap_action_*() helpers,
 * which core code declares (include/linux/mm.h) or defines.  Judged by
 * where the function is declared, not by its name: a driver's own
 * mmap_action_foo() is the driver's.
 */
static bool callee_is_action_helper(tree callee)
{
	return callee && mp_decl_is_core(callee);
}

static bool write_allowed(const struct mp_fn_facts *facts,
			  const struct mp_effect *e)
{
	if (e->how == MP_WRITE_ADDRESS && callee_is_action_helper(e->callee))
		return true;
	/* Judge by the member the source names; union members overlap. */
	if (e->spelled && !strncmp(e->spelled, "action.", 7))
		return mp_policy_action_ok_path(e->spelled + 7);
	if (e->spelled)
		return false;
	return mp_policy_action_ok_range(facts->pol, e->lo, e->size);
}

/* " (sub-fields that may be set directly: 'error_override')" or "". */
static char *action_ok_clause(void)
{
	char *out = xstrdup("");
	unsigned int i;

	for (i = 0; i < mp_opts.n_action_ok; i++) {
		char *quoted = mp_quote(mp_opts.action_ok[i]);
		char *next = xasprintf("%s%s%s", out, i ? ", " : "", quoted);

		free(quoted);
		free(out);
		out = next;
	}
	if (*out) {
		char *clause = xasprintf(" (sub-fields that may be set directly: %s)",
					 out);

		free(out);
		out = clause;
	}
	return out;
}

static void emit_action(const struct mp_finding *f)
{
	char *ok;

	if (!mp_report_desc_write(f))
		return;
	ok = action_ok_clause();
	inform(f->note_loc,
	       "%qs is filled in only by the mmap_action_*() helpers (mmap_action_remap(), mmap_action_ioremap(), mmap_action_map_kernel_pages(), ...); call one of them instead%s",
	       "action", ok);
	free(ok);
}

static void check_write(const struct mp_fn_facts *facts,
			const struct mp_effect *e)
{
	unsigned int count, first = 0;
	struct mp_finding f;
	const char *shown;
	char *names;

	if (!e->range_known)
		return;		/* reported by mmap-prepare-immutable */
	names = mp_field_list(facts->pol, e->fields, MP_FIELD_HELPER_OWNED,
			      &count, &first);
	free(names);
	if (!count || write_allowed(facts, e))
		return;
	shown = e->spelled && !strncmp(e->spelled, "action", 6) ?
		e->spelled : "action";
	mp_desc_write_finding(&f, &mp_rule_action, facts, e);
	f.text = mp_quote(shown);
	f.field = xstrdup(shown);
	f.count = 1;
	f.note_loc = facts->pol->fields[first].loc;
	f.emit = emit_action;
	mp_finding_add(&f);
}

static void check_function(const struct mp_fn_facts *facts)
{
	mp_for_each_judged_write(facts, check_write);
}

struct mp_rule mp_rule_action = {
	.name = "action",
	.dflt = MP_ON,
	.summary =
		"a store into action outside the mmap_action_*() helpers, except action-ok sub-fields",
	.check_function = check_function,
};
