/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Small questions about trees answered as plain integers: where a
 * reference or a member lies, how big a type is.  GCC's own answers
 * (bit_position(), mem_ref_offset(), ...) build trees or wide ints, and
 * the plugin asks many of these while walking types and statements.
 */
#ifndef MP_TREE_H
#define MP_TREE_H

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

/*
 * What SSA name T is defined from when its definition is a plain
 * assignment or a conversion (x = y, x = 16, x = (long)y, x = p->f), or
 * NULL_TREE: one step back along a value's definitions.
 */
static inline tree mp_assigned_from(tree t)
{
	gimple *def;

	if (TREE_CODE(t) != SSA_NAME)
		return NULL_TREE;
	def = SSA_NAME_DEF_STMT(t);
	if (!def || !is_gimple_assign(def) ||
	    !(gimple_assign_single_p(def) ||
	      CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def))))
		return NULL_TREE;
	return gimple_assign_rhs1(def);
}

/*
 * The name of TYPE's main variant (struct file, or a typedef's name for an
 * anonymous struct) as an IDENTIFIER_NODE, or NULL_TREE.
 */
static inline tree mp_type_tag(tree type)
{
	tree name = TYPE_NAME(TYPE_MAIN_VARIANT(type));

	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	return name && TREE_CODE(name) == IDENTIFIER_NODE ? name : NULL_TREE;
}

#endif /* MP_TREE_H */
