/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The rules of the mmap_prepare checker, one line each, in the order in
 * which findings at one source position are printed.
 *
 * MP_RULE(x) names struct mp_rule mp_rule_x, which the rule's own file
 * defines: its name, default, one-line summary and entry points.  This
 * list and those definitions are the single source of the rule table
 * (rules.c), the rules= option, the plugin's help text and the
 * unknown-rule error.  The gate's SARIF rule metadata, the rule tables
 * of README.md and docs/rules.md and the mutation list are checked
 * against the plugin's help text by testsuite/rules/check-rule-lists.py.
 */
MP_RULE(both_hooks)
MP_RULE(immutable)
MP_RULE(action)
MP_RULE(unknown_field)
MP_RULE(escape)
MP_RULE(stateful)
MP_RULE(write_only_read)
MP_RULE(deprecated_mmap)
MP_RULE(unchecked)
