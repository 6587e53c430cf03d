// SPDX-License-Identifier: GPL-2.0
/*
 * What the unit declares, for deprecated-mmap's conversion advice: a
 * suggestion names only helpers and VMA_*_BIT numbers the compiled kernel
 * has, so their declarations are recorded while the front end parses
 * (finish_decl, finish_function, finish_type).  Also the function types
 * of the ops types' mmap members (a public function of that type is a
 * hook for other units) and the locals of the functions that take a VMA
 * (a fix-it must not leave one unused).  All plain data: no tree
 * outlives the front end.
 */
#include "conversion.h"

/*
 * The helpers, as functions (declared, or defined static inline) or, for
 * the variadic flag helpers (and vma_desc_test(), a function in 7.2),
 * also as macros.  Macros are looked up while the front end still parses:
 * identifiers are purged by the first collection after it.
 */
static const struct {
	const char *name;
	bool macro;			/* may also be a macro */
} helpers[MP_H_COUNT] = {
	{ "generic_file_mmap_prepare", false },
	{ "generic_file_readonly_mmap_prepare", false },
	{ "mmap_action_remap", false },
	{ "mmap_action_remap_full", false },
	{ "mmap_action_ioremap", false },
	{ "mmap_action_ioremap_full", false },
	{ "mmap_action_simple_ioremap", false },
	{ "vma_desc_pages", false },
	{ "vma_desc_size", false },
	{ "vma_desc_set_anonymous", false },
	{ "vma_desc_set_flags", true },
	{ "vma_desc_clear_flags", true },
	{ "vma_desc_test", true },
	{ "vma_desc_test_any", true },
};

static bool declared[MP_H_COUNT];

bool mp_conv_declared(enum mp_conv_helper h)
{
	return declared[h];
}

const char *mp_conv_helper_name(enum mp_conv_helper h)
{
	return helpers[h].name;
}

struct vma_bit {
	char *name;			/* "VMA_IO_BIT" */
};
static struct vma_bit *bits;
static unsigned int n_bits, bits_cap;

/*
 * Called for every declaration the front end finishes (tens of thousands
 * in a kernel unit): one comparison rejects almost all of them.
 */
void mp_conversion_finish_decl(tree decl)
{
	const char *name;
	unsigned int i;

	if (TREE_CODE(decl) != FUNCTION_DECL || !DECL_NAME(decl))
		return;
	name = IDENTIFIER_POINTER(DECL_NAME(decl));
	if (name[0] != 'g' && name[0] != 'm' && name[0] != 'v')
		return;
	for (i = 0; i < MP_H_COUNT; i++) {
		if (!strcmp(name, helpers[i].name))
			declared[i] = true;
	}
}

static struct mp_fn_locals *locals;
static unsigned int n_locals, locals_cap;

static tree collect_locals(tree *tp, int *walk_subtrees, void *data)
{
	struct mp_fn_locals *l = (struct mp_fn_locals *)data;
	tree v;

	(void)walk_subtrees;
	if (TREE_CODE(*tp) != BIND_EXPR)
		return NULL_TREE;
	for (v = BIND_EXPR_VARS(*tp); v; v = DECL_CHAIN(v)) {
		if (TREE_CODE(v) == VAR_DECL && DECL_NAME(v)) {
			MP_GROW(l->names, l->n, l->cap);
			l->names[l->n++] = xstrdup(IDENTIFIER_POINTER(DECL_NAME(v)));
		}
	}
	return NULL_TREE;
}

const struct mp_fn_locals *mp_conv_locals_of(tree fndecl)
{
	unsigned int i;

	for (i = 0; i < n_locals; i++) {
		if (locals[i].uid == DECL_UID(fndecl))
			return &locals[i];
	}
	return NULL;
}

/*
 * A function definition.  The macro helpers are looked up at the
 * definitions that take a VMA (the .mmap hooks, after the headers), a
 * few hundred lookups at most per unit.
 */
void mp_conversion_finish_function(tree fndecl)
{
	unsigned int i;

	mp_conversion_finish_decl(fndecl);
	if (!parse_in || !mp_has_vma_param(fndecl))
		return;
	MP_GROW(locals, n_locals, locals_cap);
	memset(&locals[n_locals], 0, sizeof(locals[0]));
	locals[n_locals].uid = DECL_UID(fndecl);
	walk_tree_without_duplicates(&DECL_SAVED_TREE(fndecl), collect_locals,
				     &locals[n_locals]);
	n_locals++;
	for (i = 0; i < MP_H_COUNT; i++) {
		if (helpers[i].macro && !declared[i])
			declared[i] = cpp_defined(parse_in,
						  (const unsigned char *)helpers[i].name,
						  strlen(helpers[i].name));
	}
}

/*
 * The function types of the ops types' mmap members, as text ("i32s
 * (struct file *, struct vm_area_struct *)"): kept as plain data, the
 * trees need not outlive the front end.
 */
static char **hook_types;
static unsigned int n_hook_types, hook_types_cap;

/* Appends TYPE's key to OUT; false if it has no stable one. */
static bool type_key(tree type, struct mp_text *out)
{
	char buf[16];
	tree name;

	type = TYPE_MAIN_VARIANT(type);
	switch (TREE_CODE(type)) {
	case VOID_TYPE:
		mp_text_puts(out, "void");
		return true;
	case INTEGER_TYPE:
	case BOOLEAN_TYPE:
		snprintf(buf, sizeof(buf), "%c%u", TYPE_UNSIGNED(type) ? 'u' : 's',
			 TYPE_PRECISION(type));
		mp_text_puts(out, buf);
		return true;
	case POINTER_TYPE:
		if (!type_key(TREE_TYPE(type), out))
			return false;
		mp_text_puts(out, "*");
		return true;
	case RECORD_TYPE:
	case UNION_TYPE:
		name = mp_type_tag(type);
		if (!name)
			return false;
		mp_text_puts(out, "struct ");
		mp_text_puts(out, IDENTIFIER_POINTER(name));
		return true;
	default:
		return false;
	}
}

/* FNTYPE's key (xmalloc'd), or NULL. */
static char *function_type_key(tree fntype)
{
	struct mp_text t = { NULL, 0, 0 };
	tree a;
	bool ok;

	if (TREE_CODE(fntype) != FUNCTION_TYPE)
		return NULL;
	ok = type_key(TREE_TYPE(fntype), &t);
	mp_text_puts(&t, "(");
	for (a = TYPE_ARG_TYPES(fntype); ok && a && a != void_list_node;
	     a = TREE_CHAIN(a)) {
		ok = type_key(TREE_VALUE(a), &t);
		mp_text_puts(&t, ",");
	}
	/* A prototype, not varargs or an old-style definition. */
	if (ok && a == void_list_node)
		return t.buf;
	free(t.buf);
	return NULL;
}

static void note_hook_type(tree ops_type)
{
	tree f;
	char *key;
	unsigned int i;

	for (f = TYPE_FIELDS(ops_type); f; f = DECL_CHAIN(f)) {
		if (TREE_CODE(f) == FIELD_DECL && DECL_NAME(f) == mp_id_mmap)
			break;
	}
	key = f ? function_type_key(TREE_TYPE(TREE_TYPE(f))) : NULL;
	if (!key)
		return;
	for (i = 0; i < n_hook_types; i++) {
		if (!strcmp(hook_types[i], key)) {
			free(key);
			return;
		}
	}
	MP_GROW(hook_types, n_hook_types, hook_types_cap);
	hook_types[n_hook_types++] = key;
}

bool mp_conversion_is_mmap_hook_type(tree fndecl)
{
	char *key;
	unsigned int i;
	bool found = false;

	if (!n_hook_types || !mp_has_vma_param(fndecl))
		return false;
	key = function_type_key(TREE_TYPE(fndecl));
	for (i = 0; key && !found && i < n_hook_types; i++)
		found = !strcmp(hook_types[i], key);
	free(key);
	return found;
}

void mp_conversion_finish_type(tree type)
{
	tree v;

	if (TREE_CODE(type) == RECORD_TYPE && mp_is_ops_type(type)) {
		note_hook_type(type);
		return;
	}
	if (TREE_CODE(type) != ENUMERAL_TYPE)
		return;
	for (v = TYPE_VALUES(type); v; v = TREE_CHAIN(v)) {
		const char *name = IDENTIFIER_POINTER(TREE_PURPOSE(v));
		size_t len = strlen(name);

		if (strncmp(name, "VMA_", 4) || len < 9 ||
		    strcmp(name + len - 4, "_BIT"))
			continue;
		MP_GROW(bits, n_bits, bits_cap);
		bits[n_bits++].name = xstrdup(name);
	}
}

bool mp_conv_have_bit(const char *name)
{
	unsigned int i;

	for (i = 0; i < n_bits; i++) {
		if (!strcmp(bits[i].name, name))
			return true;
	}
	return false;
}

const char *mp_conversion_class_name(enum mp_conv_class cls)
{
	switch (cls) {
	case MP_CONV_CONVERTIBLE:
		return "convertible";
	case MP_CONV_MAPPED:
		return "mapped";
	case MP_CONV_BLOCKED:
		return "blocked";
	default:
		return "unknown";
	}
}

tree mp_function_by_uid(unsigned int uid)
{
	symtab_node *node;

	if (!uid)
		return NULL_TREE;
	FOR_EACH_SYMBOL(node) {
		if (TREE_CODE(node->decl) == FUNCTION_DECL &&
		    DECL_UID(node->decl) == uid)
			return node->decl;
	}
	return NULL_TREE;
}

bool mp_is_pointer_to_struct(tree type, tree tag)
{
	return type && POINTER_TYPE_P(type) &&
	       TREE_CODE(TREE_TYPE(type)) == RECORD_TYPE &&
	       mp_type_tag(TREE_TYPE(type)) == tag;
}

bool mp_has_vma_param(tree fndecl)
{
	tree parm;

	for (parm = DECL_ARGUMENTS(fndecl); parm; parm = DECL_CHAIN(parm)) {
		if (mp_is_vma_pointer_type(TREE_TYPE(parm)))
			return true;
	}
	return false;
}
