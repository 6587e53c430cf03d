/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GCC version-compatibility layer for the mmap_prepare checker.
 *
 * Every GCC header the plugin needs is included here, in the order GCC
 * requires, and every difference between the supported GCC releases
 * (11 to 16) is hidden behind a helper below.  Rule code includes only
 * "mmap_prepare.h" and never tests GCC_VERSION itself.
 */
#ifndef MP_GCC_COMPAT_H
#define MP_GCC_COMPAT_H

/* GCC 16's diagnostics/sink.h (below) uses std::vector, which system.h
   (included by gcc-plugin.h) provides only when asked. */
#define INCLUDE_VECTOR
#include "gcc-plugin.h"
#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "tm.h"
#include "line-map.h"
#include "input.h"
#include "tree.h"
#include "memmodel.h"
#include "function.h"
#include "basic-block.h"
#include "intl.h"
#include "ggc.h"
#include "hash-map.h"
#include "hash-set.h"
#include "cgraph.h"
/* c-common.h must precede diagnostic-core.h (format checking). */
#include "c-family/c-common.h"
#include "c-family/c-pragma.h"
#include "diagnostic.h"
#include "diagnostic-core.h"
#include "tree-pass.h"
#include "context.h"
#include "stringpool.h"
#include "attribs.h"
#include "stor-layout.h"
#include "fold-const.h"
#include "tree-ssa-alias.h"
#include "gimple-expr.h"
#include "gimple.h"
#include "gimple-iterator.h"
#include "tree-cfg.h"
#include "tree-ssa-operands.h"
#include "tree-phinodes.h"
#include "gimple-ssa.h"
#include "ssa-iterators.h"
#include "tree-ssa.h"
#include "tree-vrp.h"
#include "tree-ssanames.h"
#include "tree-dfa.h"
#include "cfganal.h"
#include "builtins.h"
#include "file-prefix-map.h"
#if BUILDING_GCC_VERSION >= 16000
#include "diagnostics/metadata.h"
#include "diagnostics/sarif-sink.h"
#elif BUILDING_GCC_VERSION >= 14000
#include "diagnostic-metadata.h"
#include "diagnostic-format-sarif.h"
#endif

#if BUILDING_GCC_VERSION < 11000
#error "the mmap_prepare checker supports GCC 11 and later"
#endif

/* The plugin's entry points must stay visible under -fvisibility=hidden. */
#ifndef __visible
#define __visible __attribute__((visibility("default")))
#endif

/* Bit offset/size of a reference as plain integers; false if unknown. */
static inline bool mp_ref_extent(tree ref, tree *base, HOST_WIDE_INT *bitpos,
				 HOST_WIDE_INT *bitsize)
{
	poly_int64 pos, size, max_size;
	bool reverse;

	*base = get_ref_base_and_extent(ref, &pos, &size, &max_size, &reverse);
	/*
	 * Both outputs are always set.  On targets whose poly_int has more
	 * than one coefficient (aarch64: SVE vector lengths) a position can
	 * be non-constant; is_constant() then leaves its argument unset.
	 */
	if (!known_size_p(max_size) || !max_size.is_constant(bitsize))
		*bitsize = -1;
	if (!pos.is_constant(bitpos)) {
		*bitpos = 0;
		return false;
	}
	return true;
}

/*
 * Byte offset of a MEM_REF as a plain integer.  The offset operand is an
 * INTEGER_CST of pointer type: sign-extend its low word from the pointer
 * precision, as mem_ref_offset() does, without its wide-int arithmetic
 * (which would import three more symbols from cc1; see the Makefile).
 */
static inline HOST_WIDE_INT mp_mem_ref_offset_bytes(tree mem)
{
	tree off = TREE_OPERAND(mem, 1);
	unsigned int prec;

	if (TREE_CODE(off) != INTEGER_CST)
		return 0;
	prec = TYPE_PRECISION(TREE_TYPE(off));
	if (prec == 0 || prec > HOST_BITS_PER_WIDE_INT)
		return 0;
	return sext_hwi((HOST_WIDE_INT)TREE_INT_CST_LOW(off), prec);
}

/*
 * FIELD's bit position when it is a constant.  bit_position() and
 * int_bit_position() build trees or wide ints for this; the plugin asks
 * for many positions while walking types and initializers.
 */
static inline bool mp_field_bit_position(tree field, HOST_WIDE_INT *pos)
{
	tree bytes = DECL_FIELD_OFFSET(field), bits = DECL_FIELD_BIT_OFFSET(field);

	if (!bytes || !bits || !tree_fits_shwi_p(bytes) || !tree_fits_shwi_p(bits) ||
	    tree_to_shwi(bytes) < 0 ||
	    tree_to_shwi(bytes) > HOST_WIDE_INT_MAX / BITS_PER_UNIT - tree_to_shwi(bits))
		return false;
	*pos = tree_to_shwi(bytes) * BITS_PER_UNIT + tree_to_shwi(bits);
	return true;
}

/* Size in bits of a complete type, or -1. */
static inline HOST_WIDE_INT mp_type_bits(tree type)
{
	if (!type || !COMPLETE_TYPE_P(type) || !tree_fits_shwi_p(TYPE_SIZE(type)))
		return -1;
	return tree_to_shwi(TYPE_SIZE(type));
}

/* Callers iterate SSA names with this so the macro spelling stays here. */
#define MP_FOR_EACH_SSA_NAME(i, name, fn) FOR_EACH_SSA_NAME(i, name, fn)

/*
 * A finding: "TEXT [RULE]" as a warning, or an error, with no -W option.
 *
 * GCC's SARIF output names a diagnostic's rule ("ruleId") after its -W
 * option, and after its kind ("warning", "error") when it has none.  From
 * GCC 14 a diagnostic's metadata may add to its SARIF result object, and
 * the findings use that to carry RULE as the ruleId.  GCC 13 has no such
 * hook, GCC 11 and 12 no SARIF output: there RULE is in the message only.
 * The message text is the same with every GCC, and GCC's JSON output
 * (13 to 15) has RULE in the message only.
 *
 * diagnostic_metadata::add_rule() is not used: GCC's SARIF and JSON
 * output ignore such rules, and its text output would print RULE again
 * after the message (-fdiagnostics-show-rules, on by default).
 */
#if BUILDING_GCC_VERSION >= 14000
#if BUILDING_GCC_VERSION >= 16000
typedef diagnostics::metadata mp_diagnostic_metadata;
typedef diagnostics::sarif_object mp_sarif_object;
#else
typedef diagnostic_metadata mp_diagnostic_metadata;
typedef sarif_object mp_sarif_object;
#endif

class mp_rule_metadata final : public mp_diagnostic_metadata {
public:
	mp_rule_metadata(const char *rule) : m_rule(rule)
	{
	}
	/* Called once per SARIF result, after GCC has set its ruleId. */
	void maybe_add_sarif_properties(mp_sarif_object &result) const final override
	{
		result.set_string("ruleId", m_rule);
	}

private:
	const char *m_rule;
};
#endif

/*
 * As error_at(LOC, "%s [%s]", TEXT, RULE) when AS_ERROR, else as
 * warning_at(LOC, 0, ...).  True if it was shown (an error always is).
 */
static inline bool mp_diagnose_with_rule(location_t loc, bool as_error,
					 const char *rule, const char *text)
{
#if BUILDING_GCC_VERSION >= 14000
	rich_location richloc(line_table, loc);
	mp_rule_metadata meta(rule);

	if (as_error) {
		error_meta(&richloc, meta, "%s [%s]", text, rule);
		return true;
	}
	return warning_meta(&richloc, meta, 0, "%s [%s]", text, rule);
#else
	if (as_error) {
		error_at(loc, "%s [%s]", text, rule);
		return true;
	}
	return warning_at(loc, 0, "%s [%s]", text, rule);
#endif
}

#endif /* MP_GCC_COMPAT_H */
