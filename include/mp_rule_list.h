/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The rules of the mmap_prepare checker, one line each.
 *
 * This list is the single source of the rule enum, the rule table
 * (rules.c), the rules= option, the plugin's help text and the
 * unknown-rule error.  The gate's SARIF rule metadata, the rule tables of
 * README.md and docs/rules.md and the mutation list are checked against
 * the plugin's help text by testsuite/rules/check-rule-lists.py.
 *
 * MP_RULE(ID, name, default, ops, summary)
 *   ID       enum mp_rule value MP_RULE_<ID>; the order is the order in
 *            which findings at one source position are printed
 *   name     short name; the full, stable name is "mmap-prepare-<name>",
 *            which is also its anchor in docs/rules.md
 *   default  MP_ON, MP_W1 (on under kbuild's W=1) or MP_OPT_IN
 *   ops      the rule's entry points: struct mp_rule_ops mp_rule_<ops>,
 *            defined in the rule's own file
 *   summary  what it reports, one line
 */
MP_RULE(BOTH_HOOKS, "both-hooks", MP_ON, both_hooks,
	"an ops object (any struct with function-pointer members mmap and mmap_prepare) given both")
MP_RULE(IMMUTABLE, "immutable", MP_ON, immutable,
	"any store that may change mm, file (G2+), start or end")
MP_RULE(ACTION, "action", MP_ON, action,
	"a store into action outside the mmap_action_*() helpers, except action-ok sub-fields")
MP_RULE(UNKNOWN_FIELD, "unknown-field", MP_ON, unknown_field,
	"a store into a descriptor member the policy does not classify")
MP_RULE(ESCAPE, "escape", MP_ON, escape,
	"the descriptor (or a pointer into it) stored where it outlives the hook, or returned from an external function")
MP_RULE(WRITE_ONLY_READ, "write-only-read", MP_W1, write_only_read,
	"reading vm_ops or private_data before the function wrote it")
MP_RULE(DEPRECATED_MMAP, "deprecated-mmap", MP_OPT_IN, deprecated_mmap,
	"an ops object with .mmap and no .mmap_prepare")
MP_RULE(UNCHECKED, "unchecked", MP_ON, unchecked,
	"a function whose descriptor handling the plugin's analysis could not finish, and so did not check")
