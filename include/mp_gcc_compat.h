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

/* Byte offset of a MEM_REF as a plain integer. */
static inline HOST_WIDE_INT mp_mem_ref_offset_bytes(tree mem)
{
	poly_int64 off = mem_ref_offset(mem).force_shwi();
	HOST_WIDE_INT c;

	return off.is_constant(&c) ? c : 0;
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

#endif /* MP_GCC_COMPAT_H */
