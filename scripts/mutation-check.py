#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Proves that the tests can fail: each mutant removes the code behind one
rule or store kind, rebuilds the plugin and runs the tests that cover it.
A mutant the tests do not notice ("survived") is a test gap.

A mutant names a file, the function (or macro) its code is in, and the
code itself; the code is matched token by token, whatever the spacing
and line breaks, and must occur exactly once in that function, so
reformatting the plugin does not break the list while a real change to
the code does (it is reported BROKEN).

Usage: scripts/mutation-check.py [--list] [MUTANT-ID ...]   (env CC)
  --list   print "id<TAB>rule<TAB>tests" for every mutant and exit
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import namedtuple

# rule: the rule whose findings the mutant removes ("-" for shared code);
# testsuite/rules/check-rule-lists.py requires one mutant per rule.
Mutant = namedtuple("Mutant", "ident rule file function code replacement tests")

M = Mutant
MUTANTS = [
    M("store-asm", "immutable", "effects.c", "asm_effects",
      "memory_store(b, as, out, &place);", ";", ["immutable-asm.c"]),
    M("store-builtin", "immutable", "locate_ref.c", "mp_memory_writer_len_arg",
      "switch (writer_kind(call)) {", "switch (NOT_A_WRITER) {",
      ["immutable-memset.c"]),
    M("writer-asm-name", "immutable", "locate_ref.c", "writer_kind",
      "kind = writer_by_name(IDENTIFIER_POINTER(DECL_ASSEMBLER_NAME_RAW(fndecl)));",
      ";", ["adv-fortify-ubsan.c"]),
    M("writer-prefixes", "immutable", "locate_ref.c", "writer_by_name",
      "name += len; break;", "break;", ["adv-fortify-ubsan.c"]),
    M("internal-calls-look", "immutable", "effects.c", "call_effects",
      "if (gimple_call_internal_p(call)) return;", "", ["adv-fortify-ubsan.c"]),
    M("constant-length", "immutable", "effects.c", "constant_length",
      "len = mp_defined_from(t, len);", "return false;", ["adv-fortify-ubsan.c"]),
    M("offset-sign", "-", "pointer_track.c", "pt_shift",
      "bytes = sext_hwi(bytes, prec);", ";", ["adv-fortify-ubsan.c"]),
    M("store-address-arg", "immutable", "effects.c", "call_effects",
      "address_arg_write(b, call, i, v);", "(void)v;",
      ["immutable-addr-arg.c", "action-assign.c"]),
    M("descriptor-cast", "immutable", "effects.c", "address_arg_write",
      "if (is_descriptor_cast(b->t, arg)) return;", "", ["adv-casts-bits.c"]),
    M("low-bits", "escape", "pointer_track.c", "eval_assign",
      "if (low_bits_mask(gimple_assign_rhs2(stmt)) || low_bits_mask(rhs1)) return mp_pt_nothing;",
      "", ["adv-casts-bits.c"]),
    M("readonly-proof", "-", "callee_summary.c", "mp_callee_may_write_param",
      "return !s || s->may_write[idx];", "return true;", ["clean-readonly-callee.c"]),
    M("scc-least-fixpoint", "-", "callee_summary.c", "may_write_in_scc",
      "return idx < s->n_params ? s->may_write[idx] : true;", "return true;",
      ["adv-recursion.c"]),
    M("escape-through-callee", "-", "effects.c", "writes_indirectly",
      "return !e->dest_local_decl;", "return false;", ["immutable-addr-arg.c"]),
    M("pointer-offsets", "-", "pointer_track.c", "pt_shift",
      "v.off += (negate ? -bytes : bytes) * BITS_PER_UNIT;", "(void)bytes;",
      ["immutable-alias.c"]),
    M("sweeps-to-fixpoint", "-", "pointer_track.c", "mp_track_function",
      "if (sweeps > MP_LATTICE_STEPS * ((unsigned long)t->n_ssa + t->n_slots + 1) ||",
      "if (sweeps >= 16 ||", ["immutable-loop-chain.c"]),
    M("local-slots", "-", "pointer_track.c", "transfer_store",
      "if ((v.tracked || v.local) && place.decl && place.base_local) slot_store(",
      "if (0) slot_store(", ["immutable-alias-loop.c"]),
    M("static-return", "-", "pointer_track.c", "eval_call",
      "return t->callee_return(fndecl);", "return mp_pt_nothing;",
      ["immutable-alias.c"]),
    M("type-root", "-", "pointer_track.c", "seed_of",
      "if (mp_is_desc_pointer_type(TREE_TYPE(name))) return mp_pt_tracked_at(0, true);",
      "", ["immutable-alias.c", "escape-global.c"]),
    M("initialization", "-", "effects.c", "is_initialization",
      "return base && TREE_CODE(base) == VAR_DECL &&",
      "return false && base && TREE_CODE(base) == VAR_DECL &&", ["clean-init.c"]),
    M("clobbers", "-", "desc_write_report.c", "mp_is_judged_write",
      "&& !e->clobber", "", ["immutable-local-desc.c"]),
    M("policy-g1-file", "-", "policy.c", None,
      '{ "file", MP_FIELD_MUTABLE },', '{ "file", MP_FIELD_IMMUTABLE },',
      ["clean-g1-file.c"]),
    M("policy-g2-file", "-", "policy.c", None,
      '{ "mm", MP_FIELD_IMMUTABLE }, { "file", MP_FIELD_IMMUTABLE }, '
      '{ "start", MP_FIELD_IMMUTABLE }, { "end", MP_FIELD_IMMUTABLE }, '
      '{ "pgoff", MP_FIELD_MUTABLE }, { "vm_file", MP_FIELD_MUTABLE }, '
      '{ "vm_flags", MP_FIELD_MUTABLE },',
      '{ "mm", MP_FIELD_IMMUTABLE }, { "file", MP_FIELD_MUTABLE }, '
      '{ "start", MP_FIELD_IMMUTABLE }, { "end", MP_FIELD_IMMUTABLE }, '
      '{ "pgoff", MP_FIELD_MUTABLE }, { "vm_file", MP_FIELD_MUTABLE }, '
      '{ "vm_flags", MP_FIELD_MUTABLE },', ["immutable-g2.c"]),
    M("anonymous-union", "-", "policy.c", "for_each_named_member",
      "if (!DECL_NAME(f) && RECORD_OR_UNION_TYPE_P(TREE_TYPE(f))) "
      "for_each_named_member(TREE_TYPE(f), pos, fn, data);",
      "if (0) ;", ["immutable-g3-union.c"]),
    M("type-decides", "-", "policy.c", "is_desc_record",
      "mp_type_tag(type) == mp_id_vm_area_desc;", "mp_type_tag(type) != NULL_TREE;",
      ["clean-other-struct.c"]),
    M("immutable", "immutable", "immutable.c", "check_write",
      "f.emit = emit_immutable; mp_finding_add(&f);", "f.emit = emit_immutable;",
      ["immutable-assign.c"]),
    M("unknown-offset", "immutable", "immutable.c", "check_write",
      "mp_finding_add(&f); return;", "return;", ["immutable-unknown-offset.c"]),
    M("unknown-field", "unknown-field", "unknown_field.c", "check_function",
      "mp_for_each_judged_write(facts, check_write);", ";", ["unknown-field.c"]),
    M("action", "action", "action.c", "check_function",
      "mp_for_each_judged_write(facts, check_write);", ";", ["action-assign.c"]),
    M("action-ok", "action", "action.c", "write_allowed",
      "return mp_policy_action_ok_path(e->spelled + 7);", "return false;",
      ["clean-action-helpers.c", "action-ok-option.c"]),
    M("action-helpers", "action", "action.c", "callee_is_action_helper",
      "return callee && mp_decl_is_core(callee);", "return false;",
      ["clean-action-helpers.c"]),
    M("escape-store", "escape", "escape.c", "check_function",
      "report(facts, e, ESCAPE_STORE);", ";",
      ["escape-global.c", "escape-heap.c"]),
    M("escape-atomic", "escape", "effects.c", "call_effects",
      "if (atomic) atomic_pointer_store(b, call);", "", ["escape-atomic.c"]),
    M("escape-call", "escape", "escape.c", "check_function",
      "report(facts, e, ESCAPE_CALL);", ";", ["escape-helper.c"]),
    M("keep-summary-calls", "escape", "effects.c", "mp_effects_may_keep",
      "!e->readonly_param && may_keep(e->callee, e->arg))", "false)",
      ["escape-helper.c"]),
    M("escape-return", "escape", "escape.c", "check_function",
      "report(facts, e, ESCAPE_RETURN);", ";", ["escape-return.c"]),
    M("escape-local", "escape", "escape.c", "check_function",
      "if (e->kind == MP_EFFECT_POINTER_STORE && !e->dest_local_decl && "
      "e->dest != MP_PLACE_LOCAL)",
      "if (e->kind == MP_EFFECT_POINTER_STORE)", ["clean-escape.c"]),
    M("stateful", "stateful", "stateful.c", "report_held",
      "report_site(sf, site);", ";", ["stateful-reference.c"]),
    M("stateful-release", "stateful", "stateful.c", "transfer",
      "releases_site(s, i, gimple_call_arg(stmt, 0))) held[WORD(i)] &= ~BIT(i);",
      "releases_site(s, i, gimple_call_arg(stmt, 0))) ;", ["stateful-reference.c"]),
    M("stateful-conditional", "stateful", "stateful.c", "edge_held",
      "held[WORD(i)] &= ~BIT(i);", ";", ["stateful-reference.c"]),
    M("stateful-handover", "stateful", "stateful.c", "collect_hand_overs",
      "event_for(s, e->stmt)->to_vm_file = true;", ";", ["stateful-reference.c"]),
    M("stateful-stored-free", "stateful", "stateful.c", "releases_site",
      "if (same_ref(gimple_assign_rhs1(def), site->homes[h], 0)) return true;",
      "", ["stateful-alloc.c"]),
    M("stateful-local-store", "stateful", "stateful.c", "stored_allocation",
      "is_local_decl(s->fndecl, get_base_address(lhs))", "false",
      ["stateful-alloc.c"]),
    M("stateful-local-counter", "stateful", "stateful.c", "collect_acquisitions",
      "points_to_local(s->fndecl, gimple_call_arg(call, 0))", "false",
      ["stateful-counter.c"]),
    M("stateful-helpers", "stateful", "stateful.c", "close_scope",
      "add_scope(scope, n_scope, cap, seen, e->callee, sc[i].root, via);", ";",
      ["stateful-helper.c"]),
    M("stateful-hooks-only", "stateful", "stateful.c", "check_unit",
      "if (usable(node) && (mp_is_prepare_hook(node->decl) || has_desc_param(node->decl)))",
      "if (usable(node) && mp_is_prepare_hook(node->decl))",
      ["stateful-reference.c"]),
    M("stateful-noprof", "stateful", "stateful.c", None,
      '"_noprof", "_node",', '"_node",', ["stateful-alloc.c"]),
    M("stateful-mapped-note", "stateful", "policy.c", "note_vm_operations",
      "unit_mapped_hook = 1;", ";", ["stateful-reference.c"]),
    M("acquire-option", "stateful", "stateful.c", "table_init",
      "a->name = normalized(item);", "a->name = xstrdup(\"\");", ["opt-acquire.c"]),
    M("write-only-read", "write-only-read", "write_only_read.c", "transfer",
      "report_read(s, e, field);", ";", ["write-only-read.c"]),
    M("write-only-paths", "write-only-read", "write_only_read.c", "block_in",
      "if (e->src == ENTRY_BLOCK_PTR_FOR_FN(s->facts->fn)) return 0;", "",
      ["write-only-read.c"]),
    M("write-only-calls", "write-only-read", "write_only_read.c", "transfer",
      "return s->write_only; default:", "return written; default:",
      ["clean-write-only.c"]),
    M("write-only-readers", "write-only-read", "write_only_read.c", "transfer",
      "if (e->readonly_param || !e->callee_may_write) return written;", "",
      ["write-only-read.c"]),
    M("kbuild-w1", "write-only-read", "options.c", "mp_apply_kbuild_extra_warn",
      "mp_rules[i]->on = w1;", "(void)w1;", ["write-only-read.c"]),
    M("unchecked", "unchecked", "unchecked.c", "check_function",
      "mp_finding_add(&f);", ";", ["unchecked.c"]),
    M("both-hooks", "both-hooks", "both_hooks.c", "check_unit",
      "report_both(o);", ";", ["both-hooks-static.c"]),
    # Fix-its (issue 15 item 3).
    M("fixit-both-hooks", "both-hooks", "both_hooks.c", "report_both",
      "add_fixit(&f, o);", ";", ["both-hooks-fixit.c"]),
    M("fixit-to-diagnostic", "-", "findings.c", "mp_finding_fixits",
      'richloc->add_fixit_replace(range, f->fix_text ? f->fix_text : "");', ";",
      ["both-hooks-fixit.c"]),
    M("fixit-whole-line", "both-hooks", "both_hooks.c", "match_mmap_initializer",
      "*from = 0;", "*from = dot;", ["both-hooks-fixit.c"]),
    M("fixit-trailing-comma", "both-hooks", "both_hooks.c", "match_mmap_initializer",
      "if (end == len || line[end] != ',') return false;",
      "if (end == len) return false;", ["both-hooks-no-fixit.c"]),
    M("fixit-designator-alone", "both-hooks", "both_hooks.c", "match_mmap_initializer",
      "if (i > 0 && !starts_element(line[i - 1])) return false;", "",
      ["both-hooks-no-fixit.c"]),
    M("ops-initializers", "both-hooks", "mmap_prepare_plugin.c", "finish_decl",
      "mp_ops_finish_decl(decl);", ";", ["both-hooks-static.c"]),
    M("ops-assignments", "both-hooks", "check_pass.c", "collect_unit",
      "mp_ops_scan_function(fn);", ";", ["both-hooks-assign.c"]),
    M("ops-through-pointer", "both-hooks", "ops_objects.c", "record_for_store",
      "pointer_to_decl(TREE_OPERAND(base, 0), &decl, &pos)", "false",
      ["both-hooks-alias.c"]),
    M("ops-reloaded-global", "both-hooks", "ops_objects.c", "record_for_store",
      "if (decl && DECL_NAME(decl)) {", "if (0) {", ["both-hooks-alias.c"]),
    M("ops-compound-literal", "both-hooks", "ops_objects.c", "walk_value",
      "if (TREE_CODE(inner) == COMPOUND_LITERAL_EXPR) "
      "inner = COMPOUND_LITERAL_EXPR_DECL(inner);", "", ["both-hooks-compound.c"]),
    M("ops-array", "both-hooks", "ops_objects.c", "walk_ctor",
      "else if (TREE_CODE(type) == ARRAY_TYPE) walk_array_ctor(w, ctor, type, off, name);",
      "", ["both-hooks-array.c"]),
    M("ops-nested", "both-hooks", "ops_objects.c", "walk_record_ctor",
      "walk_value(w, value, TREE_TYPE(field), sub_off, sub_name);",
      "(void)sub_off;", ["both-hooks-nested.c"]),
    M("ops-null-is-unset", "both-hooks", "ops_objects.c", "is_null_value",
      "STRIP_NOPS(value); return integer_zerop(value);", "return false;",
      ["clean-ops.c"]),
    M("deprecated-mmap", "deprecated-mmap", "deprecated_mmap.c", "check_unit",
      "mp_finding_add(&f);", ";", ["deprecated-mmap.c"]),
    # deprecated-mmap's conversion advice (mmap_conversion.c, conversion_*.c)
    M("conv-record", "deprecated-mmap", "deprecated_mmap.c", "emit_deprecated",
      "g.record_extra = record_members(f, &c);", "g.record_extra = NULL;",
      ["conversion/check.py"]),
    M("conv-hook-uid", "deprecated-mmap", "ops_objects.c", "set_hook",
      "r->obj.fn_uid[hook] = function_uid(value);", ";", ["convert-rows.c"]),
    M("conv-escape", "deprecated-mmap", "mmap_conversion.c", "judge_statement",
      'if (!e->dest_local_decl && e->dest != MP_PLACE_LOCAL) '
      'block(j, loc, in_hook, "vma-escapes", NULL);', ";", ["convert-blocked.c"]),
    M("conv-callee", "deprecated-mmap", "mmap_conversion.c", "judge_call",
      'block(j, loc, in_hook, "vma-passed-to-callee", name);', ";",
      ["convert-blocked.c"]),
    M("conv-per-page", "deprecated-mmap", "mmap_conversion.c", "judge_call",
      "if (name_in(name, per_page)) {", "if (0) {", ["convert-blocked.c"]),
    M("conv-zap", "deprecated-mmap", "mmap_conversion.c", "judge_call",
      "if (name_in(name, zaps)) {", "if (0) {", ["convert-blocked.c"]),
    M("conv-remap-loop", "deprecated-mmap", "mmap_conversion.c", "judge_remap",
      "if (in_loop(t->fn, gimple_bb(call))) {", "if (0) {", ["convert-blocked.c"]),
    M("conv-remap-final", "deprecated-mmap", "mmap_conversion.c", "judge_remap",
      "if (vma_used_after(facts, call)) {", "if (0) {", ["convert-blocked.c"]),
    M("conv-remap-whole", "deprecated-mmap", "mmap_conversion.c", "judge_remap",
      'whole = s && !strcmp(s, "vm_start") &&', "whole = false &&",
      ["convert-rows.c"]),
    M("conv-helper-declared", "deprecated-mmap", "mmap_conversion.c", "judge_remap",
      "if (!mp_conv_declared(h)) {", "if (0) {", ["convert-no-helpers.c"]),
    M("conv-vm-mm", "deprecated-mmap", "mmap_conversion.c", "judge_statement",
      'if (m && !strcmp(m, "vm_mm"))', "if (0)", ["convert-blocked.c"]),
    M("conv-read-fields", "deprecated-mmap", "mmap_conversion.c", "judge_statement",
      "else if (!m || !name_in(m, read_ok))", "else if (0)", ["convert-blocked.c"]),
    M("conv-write-fields", "deprecated-mmap", "mmap_conversion.c", "judge_statement",
      "if (!m || !name_in(m, write_ok) || e->how == MP_WRITE_BUILTIN)", "if (0)",
      ["convert-blocked.c"]),
    M("conv-helpers", "deprecated-mmap", "mmap_conversion.c", "judge_call",
      "judge_function(j, callee, parm, in_hook);", ";",
      ["convert-blocked.c", "convert-rows.c"]),
    M("conv-state", "deprecated-mmap", "mmap_conversion.c", "mp_conversion_classify",
      "mp_stateful_held_sites(hook, state_site, &sw);", ";", ["convert-mapped.c"]),
    M("conv-no-mapped-hook", "deprecated-mmap", "mmap_conversion.c",
      "mp_conversion_classify", "if (n_state && mp_unit_has_mapped_hook() == 0) {",
      "if (0) {", ["convert-no-mapped.c"]),
    M("conv-first-blocker", "deprecated-mmap", "mmap_conversion.c", "block",
      "if (j->blocked && !before(e, j->first)) return;", "", ["convert-blocked.c"]),
    M("conv-aggregates", "deprecated-mmap", "mmap_conversion.c", "judge_function",
      "judge_aggregates(j, &rw, &t, call_in_hook);", ";", ["convert-rows.c"]),
    M("conv-unsettled", "deprecated-mmap", "mmap_conversion.c", "judge_function",
      "if (t.unsettled) {", "if (0) {", ["convert-unanalysable.c"]),
    M("conv-flag-bits", "deprecated-mmap", "conversion_rewrite.c", "flag_mask",
      'snprintf(bit, sizeof(bit), "VMA_%s_BIT", name + 3);',
      'snprintf(bit, sizeof(bit), "VMA_%s", name + 3);', ["convert-rows.c"]),
    M("conv-size", "deprecated-mmap", "conversion_rewrite.c", "member",
      'if (!strcmp(field, "vm_end") && (r = punct(q, "-"))',
      'if (0 && (r = punct(q, "-"))', ["convert-rows.c"]),
    M("conv-generic-hook", "deprecated-mmap", "mmap_conversion.c",
      "mp_conversion_classify", 'if (!strcmp(name, "generic_file_mmap") && mp_conv_declared(MP_H_GENERIC_MMAP))',
      "if (0)", ["convert-rows.c"]),
    M("conv-macro-helpers", "deprecated-mmap", "conversion_unit.c",
      "mp_conversion_finish_function", "declared[i] = cpp_defined(parse_in,",
      "declared[i] = 0 && cpp_defined(parse_in,", ["convert-rows.c"]),
    M("conv-note-at-statement", "deprecated-mmap", "mmap_conversion.c", "add_note",
      "n->loc = linemap_resolve_location(line_table, loc, LRK_MACRO_EXPANSION_POINT, NULL);",
      "n->loc = loc;", ["convert-rows.c"]),
    M("conv-unchanged-by-hand", "deprecated-mmap", "mmap_conversion.c",
      "note_rewrite", "if (text && !strcmp(text, stmt)) {", "if (0) {",
      ["convert-by-hand.c"]),
    M("conv-flags-test-only-zero", "deprecated-mmap", "conversion_rewrite.c", "member",
      'if (r && (p = punct(r, ")")) &&', "if (0 &&", ["convert-by-hand.c"]),
    # Bodies whose ops object is in another unit; the member address row.
    M("conv-elsewhere", "deprecated-mmap", "deprecated_mmap.c", "check_unit",
      "check_functions_for_other_units();", ";", ["convert-elsewhere.c"]),
    M("conv-elsewhere-once", "deprecated-mmap", "deprecated_mmap.c",
      "check_functions_for_other_units", "registered_here(decl)", "false",
      ["convert-elsewhere.c"]),
    M("conv-hook-type", "deprecated-mmap", "conversion_unit.c",
      "mp_conversion_finish_type", "note_hook_type(type);", ";",
      ["convert-elsewhere.c"]),
    M("conv-hook-type-ops-only", "deprecated-mmap", "conversion_unit.c",
      "mp_conversion_finish_type",
      "if (TREE_CODE(type) == RECORD_TYPE && mp_is_ops_type(type)) {",
      "if (TREE_CODE(type) == RECORD_TYPE) {", ["convert-elsewhere-clean.c"]),
    M("conv-hook-type-params", "deprecated-mmap", "conversion_unit.c",
      "function_type_key", "ok = type_key(TREE_VALUE(a), &t);", "ok = true;",
      ["convert-elsewhere.c"]),
    M("conv-defer-public", "deprecated-mmap", "mmap_conversion.c", "judge_call",
      "if (takes_vma_publicly(callee, idx)) {", "if (0) {",
      ["convert-elsewhere.c"]),
    M("conv-defer-not-core", "deprecated-mmap", "mmap_conversion.c", "takes_vma_publicly",
      "&& !mp_decl_is_core(callee);", ";",
      ["convert-blocked.c"]),
    M("conv-callee-body", "deprecated-mmap", "deprecated_mmap.c",
      "check_functions_for_other_units",
      "else if (mp_conversion_is_vma_function(decl))", "else if (0)",
      ["convert-elsewhere.c"]),
    M("conv-callee-not-mm", "deprecated-mmap", "mmap_conversion.c",
      "mp_conversion_is_vma_function",
      'if (!file || !strncmp(file, "mm/", 3) || strstr(file, "/mm/"))',
      "if (!file)", ["convert-elsewhere.c"]),
    M("conv-callee-kernel", "deprecated-mmap", "mmap_conversion.c",
      "mp_conversion_is_vma_function", "if (!mp_unit_policy() ||", "if (",
      ["convert-elsewhere-clean.c"]),
    M("conv-callees-hard-blocker", "deprecated-mmap", "mmap_conversion.c",
      "mp_conversion_classify",
      "block_at_deferred(c, &j); c->n_callees = 0;", "block_at_deferred(c, &j);",
      ["conversion/check.py"]),
    M("conv-hook-name-of-dropped-ops", "deprecated-mmap", "deprecated_mmap.c",
      "check_unit", "f.text3 = xstrdup(o->init_fn[MP_HOOK_MMAP]);", ";",
      ["conversion/check.py"]),
    M("conv-member-address", "deprecated-mmap", "mmap_conversion.c",
      "judge_statement", "m = passed_member(t, vma_type, mp_as_call(stmt), e->arg);",
      ";", ["convert-rows.c"]),
    M("conv-member-address-param", "deprecated-mmap", "mmap_conversion.c",
      "passed_member", "pointee = TREE_TYPE(TREE_VALUE(a));",
      "pointee = TREE_TYPE(TREE_TYPE(gimple_call_arg(call, arg)));",
      ["convert-blocked.c"]),
    M("incomplete-desc", "escape", "unit_analysis.c", "mp_analyse_unit",
      "mp_analysis_release(); mp_call_graph_build();",
      "mp_analysis_release(); if (!mp_unit_policy()) return; mp_call_graph_build();",
      ["adv-incomplete-desc.c"]),
    M("core-exemption", "-", "unit_analysis.c", "analyse_scc",
      "core[m] = mp_decl_is_core(fndecl);", "core[m] = false;",
      ["clean-core.c", "clean-core-option.c"]),
    M("core-boundary", "-", "core_paths.c", "entry_matches",
      "if ((p == path || p[-1] == '/') && entry_matches_here(entry, p))",
      "if (entry_matches_here(entry, p))", ["core-option-boundary.c"]),
    M("one-report", "-", "findings.c", "mp_findings_flush",
      "if (!i || !same_finding(&queue[i - 1], &queue[i]))", "if (1)",
      ["action-compound-literal.c", "immutable-memset.c"]),
    M("macro-location", "-", "findings.c", "primary_location",
      "if (linemap_location_from_macro_expansion_p(line_table, loc)) "
      "loc = linemap_resolve_location(",
      "if (0) loc = linemap_resolve_location(", ["immutable-macro.c"]),
    M("opt-in-notes", "deprecated-mmap", "../include/mmap_prepare.h", "mp_report",
      "if (mp_f_->rule->dflt == MP_OPT_IN)", "if (0)", ["deprecated-mmap.c"]),
    M("werror", "-", "../include/mmap_prepare.h", "mp_report",
      "mp_opts.werror,", "false,", ["immutable-werror.c"]),
    M("option-validation", "-", "options.c", "mp_parse_options",
      '} else { error("unknown option', '} else if (0) { error("unknown option',
      ["opt-unknown-key.c"]),
    M("rule-validation", "-", "options.c", "parse_rules",
      "if (!rule) {", "if (!rule) { ok = true; continue;", ["opt-bad-rule.c"]),
    # Compiled-out branches (compiled_out.c and pre-SSA tracking).
    M("compiled-out-cond", "-", "compiled_out.c", "constant_condition",
      "return integer_zerop(r) ? 0 : 1;", "return -1;", ["compiled-out.c"]),
    M("compiled-out-switch", "-", "compiled_out.c", "constant_switch_label",
      "return CASE_LABEL(gimple_switch_default_label(sw));", "return NULL_TREE;",
      ["compiled-out.c"]),
    M("compiled-out-dropped-helper", "-", "compiled_out.c", "body_dropped",
      "return !TREE_PUBLIC(callee) && DECL_INITIAL(callee) && !mp_visible_body(callee);",
      "return false;", ["clean-compiled-out.c"]),
    M("compiled-out-callee-summary", "-", "compiled_out.c", "mp_compiled_out_finish",
      "ef->callee && !may_write(ef->callee, ef->arg)", "false",
      ["clean-compiled-out.c"]),
    M("compiled-out-note", "-", "findings.c", "mp_finding_shown",
      "if (f->compiled_out != UNKNOWN_LOCATION) inform(", "if (0) inform(",
      ["compiled-out.c"]),
    M("pre-ssa-variables", "-", "locate_ref.c", "mp_value_of",
      "v = mp_slots_value(t, op, 0, 0);", "v = mp_pt_nothing;", ["compiled-out.c"]),
    M("compiled-out-write-only-read", "write-only-read", "write_only_read.c",
      "check_compiled_out", "s->reporting = true;", ";", ["compiled-out.c"]),
    # Idioms from real code (issue 13 item 4).
    M("escape-struct-copy", "escape", "effects.c", "assign_effects",
      "copies_tracked_pointer(b, rhs)", "false", ["adv-escape-copies.c"]),
    M("escape-asm-output", "escape", "effects.c", "asm_effects",
      "if (place.kind != MP_PLACE_TRACKED) pointer_store(b, as, &place);", ";",
      ["adv-escape-copies.c"]),
    M("local-struct-copy", "-", "pointer_track.c", "transfer_store",
      "locate(t, rhs, &from); copy_slots(t, &from, &place);", "(void)from;", ["adv-escape-copies.c"]),
    M("pointer-array-any-element", "-", "locate_ref.c", "mp_slots_value",
      "(size > 0 && s->off > lo && s->off < lo + size)", "false",
      ["adv-index-bounds.c"]),
    M("pointer-array-store-any", "-", "pointer_track.c", "transfer_store",
      "if (place.range_known && place.size != mp_type_bits(TREE_TYPE(lhs))) place.range_known = false;",
      "", ["adv-index-bounds.c"]),
    M("member-bound", "-", "locate_ref.c", "member_bound",
      "v->bounded = true;", ";", ["clean-index-bounds.c"]),
    M("length-in-call", "-", "effects.c", "address_arg_write",
      "pointee = length_in_call(b->t, call, idx);", ";", ["clean-index-bounds.c"]),
    M("callee-write-ranges", "-", "callee_summary.c", "analyse_param",
      "ranges->known = *writes && mp_effects_write_ranges(&facts, may_write_in_scc, ranges->r, MP_MAX_WRITE_RANGES, &ranges->n);",
      "ranges->known = false;", ["adv-wrapper-callee.c"]),
    M("both-hooks-loop-pointer", "both-hooks", "ops_objects.c", "loop_pointer_to_decl",
      "return found;", "return false;", ["both-hooks-loop.c"]),
    M("escape-memcpy-bytes", "escape", "effects.c", "call_effects",
      "copied_pointer_store(b, call, len_arg);", ";", ["adv-escape-copies.c"]),
    M("parameter-in-memory", "-", "pointer_track.c", "mp_track_function",
      "seed_parameters_in_memory(t);", ";", ["adv-escape-copies.c"]),
    M("wide-load-copy", "-", "pointer_track.c", "transfer_store",
      "copy_slots(t, &from, &place); return;", "return;", ["adv-escape-copies.c"]),
    M("compiled-out-both-hooks", "-", "compiled_out.c", "analyse_compiled_out",
      "mp_ops_scan_compiled_out(dead, n, dead_origin);", ";", ["compiled-out.c"]),
    M("compiled-out-stateful", "stateful", "compiled_out.c", "analyse_compiled_out",
      "mp_stateful_compiled_out(fndecl, dead, n, dead_origin);", ";", ["compiled-out.c"]),
    M("compiled-out-stateful-release", "stateful", "stateful.c", "mp_stateful_compiled_out",
      "if (released) continue;", ";", ["compiled-out.c"]),
    M("store-call-result", "action", "effects.c", "stmt_effects",
      "call_result_store(b, mp_as_call(stmt));", ";", ["action-assign.c"]),
    # deprecated-mmap's conversion as fix-its (issue 15 item 3).  Not
    # mutated: the guards on the class, notes without edits, TREE_PUBLIC
    # and "static": each case they decline is declined again by another
    # (the VMA's name left in the body, the declaration's text).
    M("convfix", "deprecated-mmap", "deprecated_mmap.c", "emit_deprecated",
      "mp_conversion_fixits(&c, f->note_loc);", ";", ["convert-fixit.c"]),
    M("convfix-on-notes", "deprecated-mmap", "deprecated_mmap.c", "conv_inform",
      "mp_fixit_add(&(c)->fixes[k_], &rl_);", ";", ["convert-fixit.c"]),
    M("convfix-record", "deprecated-mmap", "findings.c", None,
      "if (f->n_fixes) {", "if (0) {", ["fixits/run.sh"]),
    M("convfix-insert", "deprecated-mmap", "findings.c", "mp_fixit_add",
      "richloc->add_fixit_insert_before(x->start, x->text); return;", "return;",
      ["convert-fixit.c"]),
    M("convfix-prologue", "deprecated-mmap", "conversion_fixits.c", "mp_conversion_fixits",
      "need_file = true;", ";", ["convert-fixit.c", "fixits/run.sh"]),
    M("convfix-prologue-unneeded", "deprecated-mmap", "conversion_fixits.c",
      "mp_conversion_fixits", "if (need_file) {", "if (file) {", ["fixits/run.sh"]),
    M("convfix-line-by-line", "deprecated-mmap", "conversion_fixits.c", "mp_conv_rewrite_edits",
      "if (l == last || !ok || !joined.buf || strcmp(joined.buf, text)) {", "if (1) {",
      ["convert-fixit.c"]),
    M("convfix-line-by-line-same", "deprecated-mmap", "conversion_fixits.c", "mp_conv_rewrite_edits",
      "if (l == last || !ok || !joined.buf || strcmp(joined.buf, text)) {",
      "if (l == last || !ok || !joined.buf) {", ["convert-fixit.c"]),
    M("convfix-statement-a-line", "deprecated-mmap", "conversion_fixits.c", "mp_conv_replace_edits",
      "pieces = split_statements(text, at, MIN(last - l, ARRAY_SIZE(at)));", ";",
      ["convert-fixit.c"]),
    M("convfix-last-statement-a-line", "deprecated-mmap", "conversion_fixits.c",
      "mp_conv_replace_edits", "if (k2 && j == e && l + 1 < f->n_lines &&", "if (0 &&",
      ["convert-fixit.c"]),
    M("convfix-diff-order", "deprecated-mmap", "conversion_fixits.c", "keep_diff_order",
      "if (edited || !next) continue;", "continue;", ["fixits/run.sh"]),
    M("convfix-local-unused", "deprecated-mmap", "conversion_fixits.c", "local_left_unused",
      "if (before > 1 && after <= 1) return true;", "", ["fixits/run.sh"]),
    M("convfix-hidden-use", "deprecated-mmap", "conversion_fixits.c", "mp_conversion_fixits",
      "if (c->cls != MP_CONV_CONVERTIBLE || !c->hook || c->hidden_use)",
      "if (c->cls != MP_CONV_CONVERTIBLE || !c->hook)", ["fixits/run.sh"]),
    M("convfix-own-macro", "deprecated-mmap", "conversion_fixits.c", "mp_conversion_fixits",
      "if (uses_own_macro(f, brace, close, gone, 2))", "if (0)", ["fixits/run.sh"]),
    M("convfix-named-once", "deprecated-mmap", "conversion_fixits.c", "mp_conversion_fixits",
      "find_ident(f, 0, f->len, name, pos, 3) != 2 || (pos[0] != d && pos[1] != d) || "
      "(pos[0] != at && pos[1] != at) ||", "", ["fixits/run.sh"]),
    M("convfix-name-taken", "deprecated-mmap", "conversion_fixits.c", "mp_conversion_fixits",
      "maybe_get_identifier(prepared) || find_ident(f, 0, f->len, prepared, pos, 1) ||",
      "", ["fixits/run.sh"]),
    M("convfix-desc-taken", "deprecated-mmap", "conversion_fixits.c", "mp_conversion_fixits",
      'if (!vma || find_ident(f, brace, close, "desc", pos, 1))', "if (!vma)",
      ["fixits/run.sh"]),
    M("convfix-brace-alone", "deprecated-mmap", "conversion_fixits.c", "mp_conversion_fixits",
      "if (!c->prologue || v == f->len || f->text[v] != '\\n') goto out;",
      "if (!c->prologue || v == f->len) goto out;", ["fixits/run.sh"]),
    M("convfix-vma-left", "deprecated-mmap", "conversion_fixits.c", "mp_conversion_fixits",
      "if (f->text[v] == vma[0] && ident_at(f, v, vma) && !in_edit(f, edits, n, v)) goto out;",
      "", ["fixits/run.sh"]),
    M("convfix-remap-only-call", "deprecated-mmap", "mmap_conversion.c", "judge_remap",
      "if (mp_only_call(stmt, name) && mp_src_code_span(f, start, end, &from, &to)) {",
      "if (mp_src_code_span(f, start, end, &from, &to)) {", ["fixits/run.sh"]),
    M("convfix-split-call", "deprecated-mmap", "mmap_conversion.c", "note_rewrite",
      'exact = text && (!rw->split || !strncmp(stmt, "vm_flags_mod(", 13));',
      "exact = text;", ["fixits/run.sh"]),
    M("convfix-comment", "deprecated-mmap", "conversion_source.c", "mp_src_code_span",
      "if (f->code[i] == 0 || f->code[i] == 3 || (f->code[i] == 1 && f->text[i] == '\\\\')) return false;",
      "", ["fixits/run.sh"]),
]

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOKEN = re.compile(r"[A-Za-z_]\w*|\d\w*|\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)'|->|&&|\|\||[-+*/%=!<>&|^]=|<<|>>|\+\+|--|\S")


def code_pattern(code):
    """CODE as a regex matching its tokens with any spacing between."""
    return re.compile(r"\s*".join(re.escape(t) for t in TOKEN.findall(code)))


def function_span(text, name):
    """Start and end of the definition of NAME (a function or a macro)."""
    m = re.search(r"^(?:[^\n;{}#]*[\s*])?%s\([^;{]*\)\s*\{" % re.escape(name),
                  text, re.M) or \
        re.search(r"^#define %s\(.*?(?<!\\)\n" % re.escape(name), text, re.M | re.S)
    if not m:
        return None
    if text[m.start()] == "#":
        return m.start(), m.end()
    depth, i = 0, m.end() - 1
    while i < len(text):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return m.start(), i + 1
        i += 1
    return None


def mutate(text, mutant):
    """TEXT with MUTANT applied, or an error string."""
    lo, hi = 0, len(text)
    if mutant.function:
        span = function_span(text, mutant.function)
        if not span:
            return None, f"function {mutant.function} not found"
        lo, hi = span
    found = list(code_pattern(mutant.code).finditer(text, lo, hi))
    if len(found) != 1:
        return None, f"code found {len(found)} times in {mutant.function or 'the file'}"
    m = found[0]
    return text[:m.start()] + mutant.replacement + text[m.end():], None


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, **kw)


def plugin_path(tree, cc):
    return run(["make", "-s", "--no-print-directory", "-C", tree, "CC=" + cc,
                "print-plugin"]).stdout.strip()


def try_mutant(tree, work, cc, mutant):
    """'killed', 'SURVIVED' or 'BROKEN', and a detail."""
    path = os.path.join(tree, "plugin", mutant.file)
    with open(path) as f:
        original = f.read()
    mutated, err = mutate(original, mutant)
    if err:
        return "BROKEN", err
    try:
        with open(path, "w") as f:
            f.write(mutated)
        r = run(["make", "-C", tree, "CC=" + cc, "all"])
        if r.returncode:
            return "BROKEN", "mutant does not build:\n" + r.stdout[-2000:]
        outdir = os.path.join(work, "out-" + mutant.ident)
        os.makedirs(outdir)
        fails = 0
        dg = [t for t in mutant.tests if t.endswith(".c")]
        if dg:
            run(["runtest", "--tool", "mmap_prepare", "--srcdir", ".",
                 "--outdir", outdir, "CC=" + cc, "PLUGIN=" + plugin_path(tree, cc),
                 "dg.exp=" + " ".join(dg)],
                cwd=os.path.join(tree, "testsuite"), env=dict(os.environ, MP_QUICK="1"))
            with open(os.path.join(outdir, "mmap_prepare.sum")) as f:
                fails = sum(1 for l in f if l.startswith(("FAIL:", "UNRESOLVED:", "XPASS:")))
        # Scripts (testsuite/conversion/check.py): their exit status.
        for script in (t for t in mutant.tests if not t.endswith(".c")):
            fails += run([os.path.join(tree, "testsuite", script)],
                         env=dict(os.environ, CC=cc,
                                  PLUGIN=plugin_path(tree, cc))).returncode != 0
        tests = ", ".join(mutant.tests)
        if fails:
            return "killed", f"({fails} failures in {tests})"
        return "SURVIVED", f"(no failure in {tests})"
    finally:
        with open(path, "w") as f:
            f.write(original)
        os.utime(path, None)	# older than the mutant's object


def main():
    args = sys.argv[1:]
    if args[:1] == ["--list"]:
        for m in MUTANTS:
            print(f"{m.ident}\t{m.rule}\t{' '.join(m.tests)}")
        return
    cc = os.environ.get("CC", "gcc")
    mutants = [m for m in MUTANTS if not args or m.ident in args]
    work = tempfile.mkdtemp(prefix="mp-mutants-")
    tree = os.path.join(work, "tree")
    shutil.copytree(ROOT, tree, symlinks=True,
                    ignore=shutil.ignore_patterns(".git", "out", "build"))
    # Build once so each mutant recompiles only the file it changes.
    r = run(["make", "-C", tree, "CC=" + cc, "all"])
    if r.returncode:
        print(r.stdout)
        sys.exit("mutation-check: the unmutated plugin does not build")
    killed = 0
    for mutant in mutants:
        verdict, detail = try_mutant(tree, work, cc, mutant)
        killed += verdict == "killed"
        print(f"{mutant.ident:24} {verdict:8} {detail}")
    shutil.rmtree(work)
    print(f"mutation-check: {killed} killed, {len(mutants) - killed} survived of {len(mutants)}")
    sys.exit(0 if killed == len(mutants) else 1)


if __name__ == "__main__":
    main()
