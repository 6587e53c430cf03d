// SPDX-License-Identifier: GPL-2.0
/*
 * The rule table, built from include/mp_rule_list.h and the rules'
 * own definitions, and what is derived from it: rule lookup by name,
 * the list of names in errors, and the plugin's help text (which
 * testsuite/rules/ compares with the gate, the docs and the mutation
 * list).
 */
#include "mmap_prepare.h"

struct mp_rule *const mp_rules[] = {
#define MP_RULE(x) &mp_rule_##x,
#include "mp_rule_list.h"
#undef MP_RULE
};

const unsigned int mp_rule_count = ARRAY_SIZE(mp_rules);

void mp_rules_init(void)
{
	unsigned int i;

	for (i = 0; i < mp_rule_count; i++) {
		mp_rules[i]->full_name = xasprintf("mmap-prepare-%s",
						   mp_rules[i]->name);
		mp_rules[i]->order = i;
	}
}

struct mp_rule *mp_rule_lookup(const char *name)
{
	unsigned int i;

	if (!strncmp(name, "mmap-prepare-", 13))
		name += 13;
	for (i = 0; i < mp_rule_count; i++) {
		if (!strcmp(name, mp_rules[i]->name))
			return mp_rules[i];
	}
	return NULL;
}

const char *mp_rule_names(void)
{
	static char *names;
	unsigned int i;

	if (names)
		return names;
	names = xstrdup("");
	for (i = 0; i < mp_rule_count; i++) {
		char *next = xasprintf("%s%s%s", names, i ? ", " : "",
				       mp_rules[i]->name);

		free(names);
		names = next;
	}
	return names;
}

static const char *default_word(enum mp_rule_default dflt)
{
	switch (dflt) {
	case MP_ON:
		return "on";
	case MP_W1:
		return "W=1";
	default:
		return "opt-in";
	}
}

/*
 * One line per rule, "rule mmap-prepare-NAME (DEFAULT): SUMMARY", so that
 * scripts can read the table from gcc -v --help -fplugin=...
 */
const char *mp_help_text(void)
{
	static char *help;
	unsigned int i;

	if (help)
		return help;
	help = xasprintf("check mmap_prepare hooks and struct vm_area_desc writes\n"
			 "disable\t\tload but check nothing (per-object opt-out)\n"
			 "rules=LIST\tenable/disable rules: +deprecated-mmap,-action\n"
			 "core=LIST\t':' or ',' separated core paths (replaces %s)\n"
			 "action-ok=LIST\taction sub-fields drivers may set (default error_override)\n"
			 "werror\t\treport this plugin's findings as errors\n"
			 "report=FILE\tappend one JSON object per finding to FILE\n"
			 "acquire=LIST\tmore acquisitions for the stateful rule: get_foo/put_foo,try_foo?/put_foo\n"
			 "sweep-limit=N\tfor tests: stop the analysis of a function after N sweeps\n"
			 "w1\t\tthe W=1 rules on, as under kbuild's W=1\n"
			 "id=BUILD-ID\tthis plugin's GNU build id, for compiler caches (checked)\n",
			 mp_default_core);
	for (i = 0; i < mp_rule_count; i++) {
		char *next = xasprintf("%srule %s (%s): %s\n", help,
				       mp_rules[i]->full_name,
				       default_word(mp_rules[i]->dflt),
				       mp_rules[i]->summary);

		free(help);
		help = next;
	}
	return help;
}
