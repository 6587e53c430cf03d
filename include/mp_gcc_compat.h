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

/*
 * GCC 16's diagnostics/sink.h (below) uses std::vector, which system.h
 * (included by gcc-plugin.h) provides only when asked.
 */
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
#include "diagnostics/file-cache.h"
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
 * GIMPLE's statement classes from a statement of that code: GCC's API
 * is C++ templates; the plugin's C calls these instead.
 */
static inline gassign *mp_as_assign(gimple *stmt)
{
	return as_a<gassign *>(stmt);
}

static inline gcall *mp_as_call(gimple *stmt)
{
	return as_a<gcall *>(stmt);
}

static inline gasm *mp_as_asm(gimple *stmt)
{
	return as_a<gasm *>(stmt);
}

static inline greturn *mp_as_return(gimple *stmt)
{
	return as_a<greturn *>(stmt);
}

/*
 * Line LINE of FILE as GCC's diagnostics read it (the source the
 * compiler saw, without the newline), or NULL; its length in *LEN.
 * GCC 14 moved the source cache into the diagnostic context (and GCC 16
 * into namespace diagnostics).
 */
static inline const char *mp_source_line(const char *file, int line,
					 size_t *len)
{
#if BUILDING_GCC_VERSION >= 14000
	auto span = global_dc->get_file_cache().get_source_line(file, line);
#else
	char_span span = location_get_source_line(file, line);
#endif

	if (!span)
		return NULL;
	*len = span.length();
	return span.get_buffer();
}

/*
 * MP_DIAGNOSE_RICH(SHOWN, RICHLOC, AS_ERROR, RULE, GMSGID, ...): as
 * error_at(RICHLOC, GMSGID " [%s]", ..., RULE) when AS_ERROR, else as
 * warning_at(RICHLOC, 0, ...); SHOWN is set true if it was shown (an
 * error always is).  RICHLOC is a rich_location *, which may carry
 * fix-it hints (-fdiagnostics-generate-patch, -fdiagnostics-parseable-
 * fixits, SARIF "fixes").  A macro, so that GMSGID stays a literal GCC
 * checks.
 */
#if BUILDING_GCC_VERSION >= 14000
#define MP_DIAGNOSE_RICH(shown, richloc, as_error, rule, gmsgid, ...)	\
	do {								\
		mp_rule_metadata mp_meta_(rule);			\
									\
		if (as_error) {						\
			error_meta((richloc), mp_meta_, gmsgid " [%s]",	\
				   __VA_ARGS__, (rule));		\
			(shown) = true;					\
		} else {						\
			(shown) = warning_meta((richloc), mp_meta_, 0,	\
					       gmsgid " [%s]",		\
					       __VA_ARGS__, (rule));	\
		}							\
	} while (0)
#else
#define MP_DIAGNOSE_RICH(shown, richloc, as_error, rule, gmsgid, ...)	\
	do {								\
		if (as_error) {						\
			error_at((richloc), gmsgid " [%s]", __VA_ARGS__,	\
				 (rule));				\
			(shown) = true;					\
		} else {						\
			(shown) = warning_at((richloc), 0, gmsgid " [%s]", \
					     __VA_ARGS__, (rule));	\
		}							\
	} while (0)
#endif

/* MP_DIAGNOSE(SHOWN, LOC, ...): MP_DIAGNOSE_RICH at a plain location. */
#define MP_DIAGNOSE(shown, loc, as_error, rule, gmsgid, ...)		\
	do {								\
		rich_location mp_richloc_(line_table, (loc));		\
									\
		MP_DIAGNOSE_RICH(shown, &mp_richloc_, as_error, rule,	\
				 gmsgid, __VA_ARGS__);			\
	} while (0)

#endif /* MP_GCC_COMPAT_H */
