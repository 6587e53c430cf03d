// SPDX-License-Identifier: GPL-2.0
/*
 * How a .mmap hook converts to .mmap_prepare, for the opt-in rule
 * mmap-prepare-deprecated-mmap (docs/rules.md has the classes, the
 * blocker kinds and the statement mapping).
 *
 * The hook's struct vm_area_struct * parameter is followed with the
 * analysis' summary mode (copies, casts, locals; analysis.h), and every
 * statement that uses the VMA is judged: it has a descriptor equivalent,
 * or it blocks the conversion.  A static function of the unit the VMA is
 * passed to is judged the same way, recursively.  State is what
 * mmap-prepare-stateful calls state (mp_stateful_held_sites()).
 *
 * The replacement of each statement is written from its source text: the
 * statement is read back from the file and its uses of the VMA rewritten
 * (vma->vm_pgoff to desc->pgoff, vm_flags_set(vma, VM_IO) to
 * vma_desc_set_flags(desc, VMA_IO_BIT), ...).  A statement the rewriter
 * does not understand gets no code, only a note to rewrite it by hand.
 * Only helpers the unit declares are suggested: their declarations, and
 * the VMA_*_BIT enumerators, are recorded while the front end parses.
 */
#include "analysis.h"

/* ---- what the unit declares ---- */

enum helper_id {
	H_GENERIC_MMAP, H_GENERIC_RO_MMAP, H_REMAP, H_REMAP_FULL, H_IOREMAP,
	H_IOREMAP_FULL, H_SIMPLE_IOREMAP, H_DESC_PAGES, H_DESC_SIZE,
	H_SET_ANONYMOUS, H_SET_FLAGS, H_CLEAR_FLAGS, H_TEST, H_TEST_ANY,
	H_COUNT
};

/*
 * The helpers, as functions (declared, or defined static inline) or, for
 * the variadic flag helpers (and vma_desc_test(), a function in 7.2),
 * also as macros.  Macros are looked up while the front end still parses:
 * identifiers are purged by the first collection after it.
 */
static const struct {
	const char *name;
	bool macro;			/* may also be a macro */
} helpers[H_COUNT] = {
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

static bool declared[H_COUNT];

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
	for (i = 0; i < H_COUNT; i++) {
		if (!strcmp(name, helpers[i].name))
			declared[i] = true;
	}
}

/* Does FNDECL take a struct vm_area_struct *? */
static bool has_vma_param(tree fndecl);

/*
 * The names of the locals of each function that takes a VMA, from its
 * body as parsed (optimization drops them later): a fix-it must not
 * leave one unused.
 */
struct fn_locals {
	unsigned int uid;
	char **names;
	unsigned int n, cap;
};
static struct fn_locals *locals;
static unsigned int n_locals, locals_cap;

static tree collect_locals(tree *tp, int *walk_subtrees, void *data)
{
	struct fn_locals *l = (struct fn_locals *)data;
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

static const struct fn_locals *locals_of(tree fndecl)
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
	if (!parse_in || !has_vma_param(fndecl))
		return;
	MP_GROW(locals, n_locals, locals_cap);
	memset(&locals[n_locals], 0, sizeof(locals[0]));
	locals[n_locals].uid = DECL_UID(fndecl);
	walk_tree_without_duplicates(&DECL_SAVED_TREE(fndecl), collect_locals,
				     &locals[n_locals]);
	n_locals++;
	for (i = 0; i < H_COUNT; i++) {
		if (helpers[i].macro && !declared[i])
			declared[i] = cpp_defined(parse_in,
						  (const unsigned char *)helpers[i].name,
						  strlen(helpers[i].name));
	}
}

/* A growing string. */
struct text {
	char *buf;
	size_t len, cap;
};

static void put(struct text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		t->cap = 2 * (t->len + n + 1);
		t->buf = XRESIZEVEC(char, t->buf, t->cap);
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len] = '\0';
}

static void puts_(struct text *t, const char *s)
{
	put(t, s, strlen(s));
}

/*
 * The function types of the ops types' mmap members, as text ("i32s
 * (struct file *, struct vm_area_struct *)"): kept as plain data, the
 * trees need not outlive the front end.
 */
static char **hook_types;
static unsigned int n_hook_types, hook_types_cap;

/* Appends TYPE's key to OUT; false if it has no stable one. */
static bool type_key(tree type, struct text *out)
{
	char buf[16];
	tree name;

	type = TYPE_MAIN_VARIANT(type);
	switch (TREE_CODE(type)) {
	case VOID_TYPE:
		puts_(out, "void");
		return true;
	case INTEGER_TYPE:
	case BOOLEAN_TYPE:
		snprintf(buf, sizeof(buf), "%c%u", TYPE_UNSIGNED(type) ? 'u' : 's',
			 TYPE_PRECISION(type));
		puts_(out, buf);
		return true;
	case POINTER_TYPE:
		if (!type_key(TREE_TYPE(type), out))
			return false;
		puts_(out, "*");
		return true;
	case RECORD_TYPE:
	case UNION_TYPE:
		name = mp_type_tag(type);
		if (!name)
			return false;
		puts_(out, "struct ");
		puts_(out, IDENTIFIER_POINTER(name));
		return true;
	default:
		return false;
	}
}

/* FNTYPE's key (xmalloc'd), or NULL. */
static char *function_type_key(tree fntype)
{
	struct text t = { NULL, 0, 0 };
	tree a;
	bool ok;

	if (TREE_CODE(fntype) != FUNCTION_TYPE)
		return NULL;
	ok = type_key(TREE_TYPE(fntype), &t);
	puts_(&t, "(");
	for (a = TYPE_ARG_TYPES(fntype); ok && a && a != void_list_node;
	     a = TREE_CHAIN(a)) {
		ok = type_key(TREE_VALUE(a), &t);
		puts_(&t, ",");
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

	if (!n_hook_types || !has_vma_param(fndecl))
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

static bool have_bit(const char *name)
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

/* ---- source text ---- */

struct src_file {
	char *name;
	char *text;
	/* per byte: 1 code, 2 literal, 0 comment, 3 directive */
	char *code;
	size_t len;
	size_t *line_start;		/* by line number - 1 */
	unsigned int n_lines;
};

/* The files read, for the unit (a compiler process compiles one). */
static struct src_file *files;
static unsigned int n_files, files_cap;

/*
 * Marks comments, strings, character constants and directives as not
 * code (directives apart: a macro there may name a function).
 */
static void mark_code(struct src_file *f)
{
	size_t i = 0;
	bool line_start = true;

	f->code = XNEWVEC(char, f->len + 1);
	memset(f->code, 1, f->len + 1);
	while (i < f->len) {
		char c = f->text[i];

		if (line_start && c == '#') {
			while (i < f->len && f->text[i] != '\n') {
				if (f->text[i] == '\\' && i + 1 < f->len)
					f->code[i++] = 3;
				f->code[i++] = 3;
			}
			continue;
		}
		if (c == '\n')
			line_start = true;
		else if (c != ' ' && c != '\t')
			line_start = false;
		if (c == '/' && i + 1 < f->len && f->text[i + 1] == '*') {
			size_t j = i + 2;

			while (j + 1 < f->len && !(f->text[j] == '*' && f->text[j + 1] == '/'))
				j++;
			j = MIN(j + 2, f->len);
			memset(f->code + i, 0, j - i);
			i = j;
			continue;
		}
		if (c == '/' && i + 1 < f->len && f->text[i + 1] == '/') {
			while (i < f->len && f->text[i] != '\n')
				f->code[i++] = 0;
			continue;
		}
		if (c == '"' || c == '\'') {
			/* Literals are kept, but their bytes are not syntax. */
			size_t j = i + 1;

			while (j < f->len && f->text[j] != c && f->text[j] != '\n') {
				if (f->text[j] == '\\')
					j++;
				j++;
			}
			j = MIN(j + 1, f->len);
			memset(f->code + i, 2, j - i);
			i = j;
			continue;
		}
		i++;
	}
}

static struct src_file *source(const char *name)
{
	struct src_file *f;
	unsigned int i;
	FILE *in;
	long len;
	size_t pos;

	for (i = 0; i < n_files; i++) {
		if (!strcmp(files[i].name, name))
			return files[i].text ? &files[i] : NULL;
	}
	MP_GROW(files, n_files, files_cap);
	f = &files[n_files++];
	memset(f, 0, sizeof(*f));
	f->name = xstrdup(name);
	in = fopen(name, "rb");
	if (!in)
		return NULL;
	if (fseek(in, 0, SEEK_END) || (len = ftell(in)) < 0 ||
	    fseek(in, 0, SEEK_SET)) {
		fclose(in);
		return NULL;
	}
	f->text = XNEWVEC(char, len + 1);
	f->len = fread(f->text, 1, len, in);
	f->text[f->len] = '\0';
	fclose(in);
	mark_code(f);
	f->line_start = XNEWVEC(size_t, f->len + 2);
	f->line_start[f->n_lines++] = 0;
	for (pos = 0; pos < f->len; pos++) {
		if (f->text[pos] == '\n')
			f->line_start[f->n_lines++] = pos + 1;
	}
	return f;
}

/* Byte offset of LOC (its spelling) in its file, or false. */
/* The file and offset of LOC resolved as KIND says (false: unreadable). */
static bool offset_resolved(location_t loc, enum location_resolution_kind kind,
			    struct src_file **file, size_t *off)
{
	expanded_location e;
	struct src_file *f;
	size_t pos;

	loc = linemap_resolve_location(line_table, loc, kind, NULL);
	e = expand_location(loc);
	if (!e.file || e.line <= 0 || e.column <= 0)
		return false;
	f = source(e.file);
	if (!f || (unsigned int)e.line > f->n_lines)
		return false;
	pos = f->line_start[e.line - 1] + e.column - 1;
	if (pos >= f->len)
		return false;
	*file = f;
	*off = pos;
	return true;
}

static bool offset_of(location_t loc, struct src_file **file, size_t *off)
{
	return offset_resolved(loc, LRK_MACRO_EXPANSION_POINT, file, off);
}

static bool is_ident_char(char c)
{
	return ISALNUM(c) || c == '_';
}

/* Bytes [S, E) of F as code on one line: comments and directives
   dropped, white space collapsed. */
static char *code_text(struct src_file *f, size_t s, size_t e)
{
	char *out, *p;
	bool space = false;

	out = p = XNEWVEC(char, e - s + 1);
	for (; s < e; s++) {
		char c = f->text[s];

		if (!f->code[s] || f->code[s] == 3 || (f->code[s] == 1 && ISSPACE(c))) {
			space = true;
			continue;
		}
		if (space && p != out)
			*p++ = ' ';
		space = false;
		*p++ = c;
	}
	*p = '\0';
	return out;
}

/*
 * The statement around OFF, as code on one line (code_text): from after
 * the previous ';', '{' or '}' (*START) to its ';' (included) or its
 * block's '{' (excluded) (*END, exclusive; END may be NULL).
 */
static char *statement_text(struct src_file *f, size_t off, size_t *start,
			    size_t *end)
{
	size_t s = off, e;
	int depth = 0;

	while (s > 0) {
		char c = f->text[s - 1];

		if (f->code[s - 1] == 1 && (c == ';' || c == '{' || c == '}'))
			break;
		s--;
	}
	*start = s;
	for (e = s; e < f->len; e++) {
		char c = f->text[e];

		if (f->code[e] != 1)
			continue;
		if (c == '(')
			depth++;
		else if (c == ')')
			depth--;
		else if (depth <= 0 && (c == '{' || c == '}'))
			break;
		else if (depth <= 0 && c == ';') {
			e++;
			break;
		}
	}
	if (end)
		*end = e;
	return code_text(f, s, e);
}

/* ---- rewriting a statement's uses of the VMA ---- */


static const char *skip_spaces(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

/* If P starts with the identifier WORD (whole), the text after it. */
static const char *word(const char *p, const char *w)
{
	size_t n = strlen(w);

	p = skip_spaces(p);
	if (strncmp(p, w, n) || is_ident_char(p[n]))
		return NULL;
	return p + n;
}

/* If P starts with the punctuation TOK, the text after it. */
static const char *punct(const char *p, const char *tok)
{
	size_t n = strlen(tok);

	p = skip_spaces(p);
	return strncmp(p, tok, n) ? NULL : p + n;
}

/* An identifier at P, copied to OUT (size SIZE); the text after it. */
static const char *ident(const char *p, char *out, size_t size)
{
	size_t n = 0;

	p = skip_spaces(p);
	if (!ISALPHA(*p) && *p != '_')
		return NULL;
	while (is_ident_char(p[n]))
		n++;
	if (n >= size)
		return NULL;
	memcpy(out, p, n);
	out[n] = '\0';
	return p + n;
}

/*
 * A mask of VM_* flags at P ("VM_IO", "(VM_IO | VM_DONTEXPAND)", "VM_IO |
 * VM_PFNMAP" up to END_CH when given) as ", VMA_IO_BIT, ..." into OUT;
 * the text after it, or NULL if it is anything else or a bit is not
 * declared.
 */
static const char *flag_mask(const char *p, bool list, struct text *out,
			     unsigned int *n)
{
	const char *q = skip_spaces(p);
	bool paren = *q == '(';
	char name[96], bit[128];

	if (paren)
		q++;
	for (*n = 0;;) {
		q = ident(q, name, sizeof(name));
		if (!q || strncmp(name, "VM_", 3))
			return NULL;
		snprintf(bit, sizeof(bit), "VMA_%s_BIT", name + 3);
		if (!have_bit(bit))
			return NULL;
		puts_(out, ", ");
		puts_(out, bit);
		(*n)++;
		if (!punct(q, "|") || punct(q, "||") || (!paren && !list))
			break;
		q = punct(q, "|");
	}
	if (paren) {
		q = punct(q, ")");
		if (!q)
			return NULL;
	}
	return q;
}

struct rewriter {
	const char *vma;		/* the VMA's name in this function */
	bool bare_ok;			/* the VMA itself may become desc */
	bool failed;
	bool split;			/* one call became two statements */
};

/* VMA->FIELD at P (P after the VMA's name); appends its replacement. */
static const char *member(struct rewriter *rw, const char *p, struct text *out)
{
	static const struct {
		const char *vma, *desc;
	} fields[] = {
		{ "vm_ops", "desc->vm_ops" },
		{ "vm_private_data", "desc->private_data" },
		{ "vm_page_prot", "desc->page_prot" },
		{ "vm_pgoff", "desc->pgoff" },
		{ "vm_start", "desc->start" },
		{ "vm_end", "desc->end" },
	};
	char field[64];
	const char *q = ident(punct(p, "->"), field, sizeof(field));
	unsigned int i, n;
	const char *r;

	if (!q) {
		rw->failed = true;
		return p;
	}
	/* vma->vm_end - vma->vm_start */
	if (!strcmp(field, "vm_end") && (r = punct(q, "-")) && !punct(q, "->") &&
	    (r = word(r, rw->vma)) && (r = punct(r, "->")) && (r = word(r, "vm_start"))) {
		puts_(out, declared[H_DESC_SIZE] ? "vma_desc_size(desc)" :
		      "(desc->end - desc->start)");
		return r;
	}
	/* vma->vm_flags & VM_A, & (VM_A | VM_B) */
	if (!strcmp(field, "vm_flags")) {
		struct text m = {};

		r = punct(q, "&");
		if (r && !punct(q, "&&"))
			r = flag_mask(r, false, &m, &n);
		else
			r = NULL;
		/* (vma->vm_flags & M) == X is a test only when X is 0 */
		if (r && (p = punct(r, ")")) && (punct(p, "==") || punct(p, "!=")) &&
		    !word(punct(p, "==") ? punct(p, "==") : punct(p, "!="), "0"))
			r = NULL;
		if (!r || !declared[n > 1 ? H_TEST_ANY : H_TEST]) {
			free(m.buf);
			rw->failed = true;
			return q;
		}
		puts_(out, n > 1 ? "vma_desc_test_any(desc" : "vma_desc_test(desc");
		puts_(out, m.buf);
		puts_(out, ")");
		free(m.buf);
		return r;
	}
	if (!strcmp(field, "vm_file")) {
		/* Written: the mapped file (vm_file); read: the file mapped. */
		r = punct(q, "=");
		puts_(out, r && !punct(q, "==") ? "desc->vm_file" : "desc->file");
		return q;
	}
	for (i = 0; i < ARRAY_SIZE(fields); i++) {
		if (!strcmp(field, fields[i].vma)) {
			puts_(out, fields[i].desc);
			return q;
		}
	}
	rw->failed = true;
	return q;
}

/* "(VMA)" at P: the text after it. */
static const char *vma_only_args(struct rewriter *rw, const char *p)
{
	const char *q = punct(p, "(");

	q = q ? word(q, rw->vma) : NULL;
	return q ? punct(q, ")") : NULL;
}

/* A call of the mapping at P (after its name): its replacement. */
static const char *mapped_call(struct rewriter *rw, const char *name,
			       const char *p, struct text *out)
{
	const char *q;
	char first[64];
	unsigned int n;

	if (!strcmp(name, "vma_pages") && declared[H_DESC_PAGES] &&
	    (q = vma_only_args(rw, p))) {
		puts_(out, "vma_desc_pages(desc)");
		return q;
	}
	if (!strcmp(name, "vma_set_anonymous") && declared[H_SET_ANONYMOUS] &&
	    (q = vma_only_args(rw, p))) {
		puts_(out, "vma_desc_set_anonymous(desc)");
		return q;
	}
	if ((!strcmp(name, "vm_flags_set") && declared[H_SET_FLAGS]) ||
	    (!strcmp(name, "vm_flags_clear") && declared[H_CLEAR_FLAGS])) {
		struct text m = {};

		q = punct(p, "(");
		q = q ? word(q, rw->vma) : NULL;
		q = q ? punct(q, ",") : NULL;
		q = q ? flag_mask(q, true, &m, &n) : NULL;
		q = q ? punct(q, ")") : NULL;
		if (q) {
			puts_(out, name[9] == 's' ? "vma_desc_set_flags(desc" :
			      "vma_desc_clear_flags(desc");
			puts_(out, m.buf);
			puts_(out, ")");
		}
		free(m.buf);
		return q;
	}
	/* vm_flags_mod(vma, set, clear): both updates */
	if (!strcmp(name, "vm_flags_mod") && declared[H_SET_FLAGS] &&
	    declared[H_CLEAR_FLAGS]) {
		struct text set = {}, clear = {};

		q = punct(p, "(");
		q = q ? word(q, rw->vma) : NULL;
		q = q ? punct(q, ",") : NULL;
		q = q ? flag_mask(q, true, &set, &n) : NULL;
		q = q ? punct(q, ",") : NULL;
		q = q ? flag_mask(q, true, &clear, &n) : NULL;
		q = q ? punct(q, ")") : NULL;
		if (q) {
			rw->split = true;
			puts_(out, "vma_desc_set_flags(desc");
			puts_(out, set.buf);
			puts_(out, "); vma_desc_clear_flags(desc");
			puts_(out, clear.buf);
			puts_(out, ")");
		}
		free(set.buf);
		free(clear.buf);
		return q;
	}
	if ((!strcmp(name, "generic_file_mmap") && declared[H_GENERIC_MMAP]) ||
	    (!strcmp(name, "generic_file_readonly_mmap") && declared[H_GENERIC_RO_MMAP])) {
		q = punct(p, "(");
		q = q ? ident(q, first, sizeof(first)) : NULL;
		q = q ? punct(q, ",") : NULL;
		q = q ? word(q, rw->vma) : NULL;
		q = q ? punct(q, ")") : NULL;
		if (q) {
			puts_(out, name);
			puts_(out, "_prepare(desc)");
		}
		return q;
	}
	return NULL;
}

/* STMT (one line of code) with its uses of RW's VMA rewritten, or NULL. */
static char *rewrite(struct rewriter *rw, const char *stmt)
{
	struct text out = {};
	const char *p = stmt;
	char name[128];

	puts_(&out, "");
	rw->failed = false;
	rw->split = false;
	while (*p && !rw->failed) {
		const char *q;

		if ((ISALPHA(*p) || *p == '_') && (p == stmt || !is_ident_char(p[-1]))) {
			q = ident(p, name, sizeof(name));
			if (!q) {
				rw->failed = true;
				break;
			}
			if (!strcmp(name, rw->vma)) {
				if (punct(q, "->")) {
					p = member(rw, q, &out);
				} else if (rw->bare_ok) {
					puts_(&out, "desc");
					p = q;
				} else {
					rw->failed = true;
				}
				continue;
			}
			if (punct(q, "(")) {
				const char *r = mapped_call(rw, name, q, &out);

				if (r) {
					p = r;
					continue;
				}
			}
			put(&out, p, q - p);
			p = q;
			continue;
		}
		put(&out, p, 1);
		p++;
	}
	if (rw->failed) {
		free(out.buf);
		return NULL;
	}
	return out.buf;
}

/* The arguments of the call of NAME in STMT, each as code, or false. */
static bool call_args(const char *stmt, const char *name, char **args,
		      unsigned int max, unsigned int *n)
{
	const char *p = stmt, *a;
	int depth = 0;

	for (;; p++) {
		p = strstr(p, name);
		if (!p)
			return false;
		if ((p == stmt || !is_ident_char(p[-1])) && punct(p + strlen(name), "("))
			break;
	}
	p = punct(p + strlen(name), "(");
	*n = 0;
	for (a = p; *p; p++) {
		if (*p == '(' || *p == '[' || *p == '{') {
			depth++;
		} else if ((*p == ',' && !depth) || ((*p == ')') && !depth)) {
			if (*n == max)
				return false;
			while (*a == ' ')
				a++;
			args[*n] = xstrndup(a, p - a);
			while (*args[*n] && args[*n][strlen(args[*n]) - 1] == ' ')
				args[*n][strlen(args[*n]) - 1] = '\0';
			(*n)++;
			if (*p == ')')
				return true;
			a = p + 1;
		} else if (*p == ')' || *p == ']' || *p == '}') {
			depth--;
		}
	}
	return false;
}

/* ---- fix-its: the statements' replacements as edits of their lines ---- */

struct mp_conv_edit {
	int line;			/* 1-based */
	int col, end;			/* 1-based bytes, END exclusive */
	char *text;
	location_t near;		/* in the same line map (for the fix-it) */
	int note;			/* the diagnostic: struct mp_fixit's */
};

static void add_edit(struct mp_conv_edit **edits, unsigned int *n, int line,
		     int col, int end, char *text, location_t near)
{
	*edits = XRESIZEVEC(struct mp_conv_edit, *edits, *n + 1);
	(*edits)[*n].line = line;
	(*edits)[*n].col = col;
	(*edits)[*n].end = end;
	(*edits)[*n].text = text;
	(*edits)[*n].near = near;
	(*edits)[*n].note = 0;
	(*n)++;
}

static void free_edits(struct mp_conv_edit **edits, unsigned int *n)
{
	unsigned int i;

	for (i = 0; i < *n; i++)
		free((*edits)[i].text);
	free(*edits);
	*edits = NULL;
	*n = 0;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* 0-based index of the line of offset OFF in F. */
static unsigned int line_index(const struct src_file *f, size_t off)
{
	unsigned int lo = 0, hi = f->n_lines;

	while (hi - lo > 1) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (f->line_start[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Is line L (0-based) of F white space only? */
static bool blank_line(const struct src_file *f, unsigned int l)
{
	size_t p = f->line_start[l];

	while (p < f->len && f->text[p] != '\n' && ISSPACE(f->text[p]))
		p++;
	return p == f->len || f->text[p] == '\n';
}

/* End of the line of OFF: its newline (or the file's end). */
static size_t line_end(const struct src_file *f, size_t off)
{
	unsigned int i = line_index(f, off);

	return i + 1 < f->n_lines ? f->line_start[i + 1] - 1 : f->len;
}

/*
 * The code of [S, E) of F without the blanks and comments around it, in
 * [*FROM, *TO); false unless that is plain code: no comment, directive
 * or line continuation inside, which a replacement would lose.
 */
static bool code_span(const struct src_file *f, size_t s, size_t e,
		      size_t *from, size_t *to)
{
	size_t i;

	while (s < e && (f->code[s] == 0 || f->code[s] == 3 ||
			 (f->code[s] == 1 && ISSPACE(f->text[s]))))
		s++;
	while (e > s && f->code[e - 1] == 1 && ISSPACE(f->text[e - 1]))
		e--;
	if (s == e)
		return false;
	for (i = s; i < e; i++) {
		if (f->code[i] == 0 || f->code[i] == 3 ||
		    (f->code[i] == 1 && f->text[i] == '\\'))
			return false;
	}
	*from = s;
	*to = e;
	return true;
}

/*
 * The statements of TEXT ("a; b;"): the offsets where each after the
 * first starts, in AT[0..MAX); their number (0 if more than MAX).
 */
static unsigned int split_statements(const char *text, size_t *at,
				     unsigned int max)
{
	unsigned int n = 0;
	int depth = 0;
	char quote = 0;
	size_t i;

	for (i = 0; text[i]; i++) {
		char c = text[i];

		if (quote) {
			if (c == '\\' && text[i + 1])
				i++;
			else if (c == quote)
				quote = 0;
		} else if (c == '"' || c == '\'') {
			quote = c;
		} else if (c == '(' || c == '[' || c == '{') {
			depth++;
		} else if (c == ')' || c == ']' || c == '}') {
			depth--;
		} else if (c == ';' && !depth && text[i + 1] == ' ') {
			if (n == max)
				return 0;
			at[n++] = i + 2;
		}
	}
	return n;
}

/*
 * Edits replacing [FROM, TO) of F by TEXT: on the first line, or one
 * statement of TEXT a line when it spans enough lines (indented as the
 * first); what is left of the old text removed (the lines stay).
 */
static void replace_edits(struct mp_conv_edit **edits, unsigned int *n,
			  const struct src_file *f, size_t from, size_t to,
			  const char *text, location_t near)
{
	unsigned int l = line_index(f, from), last = line_index(f, to - 1), k;
	size_t ls = f->line_start[l], at[8];
	unsigned int pieces = 0;
	size_t i;

	/* one a line only where the first line holds nothing before it */
	for (i = ls; i < from && is_blank(f->text[i]); i++)
		;
	if (last > l && i == from)
		pieces = split_statements(text, at, MIN(last - l, ARRAY_SIZE(at)));

	if (l == last) {
		size_t e = line_end(f, from), j;
		unsigned int k2 = i == from ? split_statements(text, at, ARRAY_SIZE(at)) : 0;

		for (j = to; j < e && is_blank(f->text[j]); j++)
			;
		/*
		 * The last statement on a line of its own, inserted before
		 * the next line, which has code (keep_diff_order()) and no
		 * other edit starting where the insertion is: it is indented
		 * or the block's end.
		 */
		if (k2 && j == e && l + 1 < f->n_lines && !blank_line(f, l + 1) &&
		    (ISSPACE(f->text[f->line_start[l + 1]]) ||
		     f->text[f->line_start[l + 1]] == '}')) {
			size_t cut = at[k2 - 1];
			char *rest = XNEWVEC(char, from - ls + strlen(text + cut) + 2);

			memcpy(rest, f->text + ls, from - ls);
			strcpy(rest + (from - ls), text + cut);
			strcat(rest, "\n");
			add_edit(edits, n, l + 1, from - ls + 1, to - ls + 1,
				 xstrndup(text, cut - 1), near);
			add_edit(edits, n, l + 2, 1, 1, rest, near);
			return;
		}
		add_edit(edits, n, l + 1, from - ls + 1, to - ls + 1,
			 xstrdup(text), near);
		return;
	}
	add_edit(edits, n, l + 1, from - ls + 1, line_end(f, from) - ls + 1,
		 pieces ? xstrndup(text, at[0] - 1) : xstrdup(text), near);
	for (k = 0, l++; l <= last; l++, k++) {
		size_t s = f->line_start[l];
		size_t e = l == last ? to : line_end(f, s);
		char *piece = xstrdup("");

		if (k < pieces) {
			size_t len = (k + 1 < pieces ? at[k + 1] - 1 : strlen(text)) - at[k];

			free(piece);
			piece = XNEWVEC(char, from - ls + len + 1);
			memcpy(piece, f->text + ls, from - ls);	/* the indentation */
			memcpy(piece + (from - ls), text + at[k], len);
			piece[from - ls + len] = '\0';
		}
		if (e > s || *piece)
			add_edit(edits, n, l + 1, 1, e - s + 1, piece, near);
		else
			free(piece);
	}
}

/*
 * Edits replacing statement [FROM, TO) of F (plain code, code_span) by
 * its rewrite TEXT with RW: line by line when each line's code rewrites
 * on its own to the same text (the layout stays), else replace_edits.
 */
static void rewrite_edits(struct mp_conv_note *n, struct rewriter *rw,
			  const struct src_file *f, size_t from, size_t to,
			  const char *text)
{
	unsigned int l = line_index(f, from), last = line_index(f, to - 1), i;
	struct text joined = {};
	struct mp_conv_edit *edits = NULL;
	unsigned int n_edits = 0;
	bool ok = true;

	for (i = l; ok && i <= last && l != last; i++) {
		size_t s = MAX(from, f->line_start[i]);
		size_t e = i == last ? to : line_end(f, s), cs, ce;
		char *frag, *out;

		if (!code_span(f, s, e, &cs, &ce))
			continue;		/* a blank line */
		frag = code_text((struct src_file *)f, cs, ce);
		out = rewrite(rw, frag);
		ok = out != NULL;
		if (ok) {
			if (joined.len)
				puts_(&joined, " ");
			puts_(&joined, out);
			if (strcmp(out, frag))
				add_edit(&edits, &n_edits, i + 1,
					 cs - f->line_start[i] + 1,
					 ce - f->line_start[i] + 1, out, n->loc);
			else
				free(out);
		}
		free(frag);
	}
	if (l == last || !ok || !joined.buf || strcmp(joined.buf, text)) {
		free_edits(&edits, &n_edits);
		replace_edits(&edits, &n_edits, f, from, to, text, n->loc);
	}
	free(joined.buf);
	n->edits = edits;
	n->n_edits = n_edits;
}

/*
 * Is the use of the VMA (named VMA) at LOC written in a macro's
 * definition (one that names VMA itself) rather than in the function's
 * text or a macro's argument there?  Rewriting the statement's text
 * would not reach it.
 */
static bool written_in_macro(location_t loc, const char *vma)
{
	struct src_file *f;
	size_t p, n = strlen(vma);

	if (!linemap_location_from_macro_expansion_p(line_table, loc))
		return false;
	if (!offset_resolved(loc, LRK_SPELLING_LOCATION, &f, &p))
		return true;
	if (f->code[p] == 1)
		return false;
	/* the directive, continuation lines included */
	while (p > 0 && f->text[p - 1] != '\n')
		p--;
	for (; p + n <= f->len && f->code[p] == 3; p++) {
		if (!memcmp(f->text + p, vma, n) &&
		    (p == 0 || !is_ident_char(f->text[p - 1])) &&
		    !is_ident_char(f->text[p + n]))
			return true;
	}
	return false;
}

/* ---- judging the statements that use the VMA ---- */

#define MAX_DEPTH 4

/* A VMA member at bits [lo, lo + size) of TYPE: its name, or NULL. */
static const char *member_at(tree type, HOST_WIDE_INT lo, HOST_WIDE_INT size,
			     HOST_WIDE_INT base)
{
	tree f;

	if (!type || !RECORD_OR_UNION_TYPE_P(type))
		return NULL;
	for (f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f)) {
		HOST_WIDE_INT pos, bits;

		if (TREE_CODE(f) != FIELD_DECL || !mp_field_bit_position(f, &pos))
			continue;
		pos += base;
		bits = DECL_SIZE(f) && tree_fits_shwi_p(DECL_SIZE(f)) ?
		       tree_to_shwi(DECL_SIZE(f)) : -1;
		if (lo < pos || bits < 0 || (size >= 0 && lo + size > pos + bits) ||
		    (size < 0 && lo != pos))
			continue;
		if (!DECL_NAME(f)) {
			const char *inner = member_at(TREE_TYPE(f), lo, size, pos);

			if (inner)
				return inner;
			continue;
		}
		return IDENTIFIER_POINTER(DECL_NAME(f));
	}
	return NULL;
}

static bool name_in(const char *name, const char *const *list)
{
	for (; *list; list++) {
		if (!strcmp(name, *list))
			return true;
	}
	return false;
}

static const char *const read_ok[] = {
	"vm_start", "vm_end", "vm_pgoff", "vm_file", "vm_page_prot", "vm_flags",
	NULL
};
static const char *const write_ok[] = {
	"vm_ops", "vm_private_data", "vm_page_prot", "vm_pgoff", "vm_file", NULL
};
static const char *const per_page[] = {
	"vm_insert_page", "vm_insert_pages", "vm_map_pages", "vm_map_pages_zero",
	"vmf_insert_pfn", "vmf_insert_pfn_prot", "vmf_insert_mixed",
	"vm_insert_pfn", "vmf_insert_page", NULL
};
static const char *const zaps[] = {
	"zap_vma_ptes", "zap_page_range_single", "zap_vma_range", NULL
};
static const char *const remaps[] = {
	"remap_pfn_range", "io_remap_pfn_range", "vm_iomap_memory", NULL
};
static const char *const no_helper[] = {
	"remap_vmalloc_range", "remap_vmalloc_range_partial", NULL
};
/* Calls the rewriter maps (when the unit declares their replacement). */
static const char *const rewritten_calls[] = {
	"vm_flags_set", "vm_flags_clear", "vm_flags_mod", "vma_pages",
	"vma_set_anonymous",
	"generic_file_mmap", "generic_file_readonly_mmap", NULL
};

/*
 * Is FNDECL a function other units may hand their VMA to (see
 * takes_vma_publicly below)?  Public, returning int (the signature the
 * notes suggest), with a VMA parameter; not one of the kernel's own VMA
 * functions the mapping knows, nor the rest of mm/: hooks call those,
 * they are not conversion work.
 */
bool mp_conversion_is_vma_function(tree fndecl)
{
	tree ret = TREE_TYPE(TREE_TYPE(fndecl));
	const char *name = IDENTIFIER_POINTER(DECL_NAME(fndecl));
	const char *file = LOCATION_FILE(DECL_SOURCE_LOCATION(fndecl));
	const char *const *lists[] = { per_page, zaps, remaps, no_helper,
				       rewritten_calls };
	unsigned int i;

	/* A kernel with the descriptor: the functions have somewhere to go. */
	if (!mp_unit_policy() || !TREE_PUBLIC(fndecl) || !has_vma_param(fndecl) ||
	    TREE_CODE(ret) != INTEGER_TYPE || TYPE_UNSIGNED(ret) ||
	    TYPE_PRECISION(ret) != INT_TYPE_SIZE || mp_decl_is_core(fndecl))
		return false;
	if (!file || !strncmp(file, "mm/", 3) || strstr(file, "/mm/"))
		return false;
	for (i = 0; i < ARRAY_SIZE(lists); i++) {
		if (name_in(name, lists[i]))
			return false;
	}
	return true;
}

struct judge {
	struct mp_conversion *c;
	int depth;
	/* the first blocker, by position in the hook */
	expanded_location first;
	bool blocked;
	/* the first call deferred to a public function of another unit */
	expanded_location first_deferred;
	location_t deferred_loc;
	const char *deferred_name;
	/* statements already given a note: file offsets */
	struct mp_key_index noted;
};

static bool before(expanded_location a, expanded_location b)
{
	return a.line < b.line || (a.line == b.line && a.column < b.column);
}

static void block(struct judge *j, location_t where, location_t in_hook,
		  const char *kind, const char *what)
{
	expanded_location e = expand_location(in_hook);

	if (j->blocked && !before(e, j->first))
		return;
	j->blocked = true;
	j->first = e;
	j->c->blocker = kind;
	j->c->blocker_loc = where;
	free(j->c->blocker_what);
	j->c->blocker_what = what ? xstrdup(what) : NULL;
}

static void add_note(struct mp_conversion *c, location_t loc, char *text,
		     bool by_hand)
{
	struct mp_conv_note *n;

	MP_GROW(c->notes, c->n_notes, c->notes_cap);
	n = &c->notes[c->n_notes++];
	memset(n, 0, sizeof(*n));
	/* at the statement, not inside a macro it uses (pgprot_noncached()) */
	n->loc = linemap_resolve_location(line_table, loc,
					  LRK_MACRO_EXPANSION_POINT, NULL);
	n->text = text;
	n->by_hand = by_hand;
}

/* The statement at LOC gets no rewriting note. */
static void mark_noted(struct judge *j, location_t loc)
{
	struct src_file *f;
	size_t off, start;

	if (!offset_of(loc, &f, &off))
		return;
	free(statement_text(f, off, &start, NULL));
	mp_key_index_put(&j->noted, (uintptr_t)f, start, 0);
}

/* A note rewriting the statement at LOC, once per statement. */
static void note_rewrite(struct judge *j, struct rewriter *rw, location_t loc)
{
	struct src_file *f;
	size_t off, start, end, from, to;
	unsigned int pos;
	char *stmt, *text;
	bool exact;

	if (!offset_of(loc, &f, &off)) {
		add_note(j->c, loc, NULL, true);
		return;
	}
	stmt = statement_text(f, off, &start, &end);
	if (mp_key_index_get(&j->noted, (uintptr_t)f, start, &pos)) {
		free(stmt);
		return;
	}
	mp_key_index_put(&j->noted, (uintptr_t)f, start, 0);
	text = rewrite(rw, stmt);
	/* The VMA under another name (a local copy): nothing was rewritten. */
	if (text && !strcmp(text, stmt)) {
		free(text);
		text = NULL;
	}
	/*
	 * Exact, for a fix-it, unless a call became two statements where
	 * one is not certain to be allowed (if (x) vm_flags_mod(...);).
	 */
	exact = text && (!rw->split || !strncmp(stmt, "vm_flags_mod(", 13));
	free(stmt);
	add_note(j->c, loc, text, !text);
	if (exact && code_span(f, start, end, &from, &to))
		rewrite_edits(&j->c->notes[j->c->n_notes - 1], rw, f, from, to,
			      text);
}

static const char *callee_name(tree callee)
{
	return callee && DECL_NAME(callee) ? IDENTIFIER_POINTER(DECL_NAME(callee)) : NULL;
}

/* Is BB inside a loop (reaches itself)? */
static bool in_loop(function *fn, basic_block bb)
{
	auto_vec<basic_block> work;
	bitmap_head seen;
	bool found = false;
	edge e;
	edge_iterator ei;

	bitmap_initialize(&seen, NULL);
	work.safe_push(bb);
	while (!work.is_empty() && !found) {
		basic_block b = work.pop();

		FOR_EACH_EDGE(e, ei, b->succs) {
			if (e->dest == bb)
				found = true;
			else if (e->dest != EXIT_BLOCK_PTR_FOR_FN(fn) &&
				 bitmap_set_bit(&seen, e->dest->index))
				work.safe_push(e->dest);
		}
	}
	bitmap_clear(&seen);
	return found;
}

/* Does a statement that uses the VMA (other than STMT) follow STMT? */
static bool vma_used_after(const struct mp_fn_facts *facts, gimple *stmt)
{
	basic_block bb = gimple_bb(stmt);
	auto_vec<basic_block> work;
	bitmap_head later;
	bool used = false;
	unsigned int i;
	edge e;
	edge_iterator ei;
	gimple_stmt_iterator si;

	bitmap_initialize(&later, NULL);
	/* blocks after STMT's */
	work.safe_push(bb);
	while (!work.is_empty()) {
		basic_block b = work.pop();

		FOR_EACH_EDGE(e, ei, b->succs) {
			if (e->dest != EXIT_BLOCK_PTR_FOR_FN(facts->fn) &&
			    bitmap_set_bit(&later, e->dest->index))
				work.safe_push(e->dest);
		}
	}
	for (i = 0; i < facts->n_effects && !used; i++) {
		gimple *s = facts->effects[i].stmt;
		basic_block sb = gimple_bb(s);

		if (s == stmt)
			continue;
		if (bitmap_bit_p(&later, sb->index)) {
			used = true;
		} else if (sb == bb) {
			/* later in the same block? */
			for (si = gsi_for_stmt(stmt); !gsi_end_p(si); gsi_next(&si)) {
				if (gsi_stmt(si) == s)
					used = true;
			}
		}
	}
	bitmap_clear(&later);
	return used;
}

/* The load of a VMA member that OP's value comes from, through copies. */
static const char *loaded_member(const struct mp_fn_track *t, tree vma_type,
				 tree op)
{
	unsigned int depth;

	for (depth = 0; depth < 8 && op && TREE_CODE(op) == SSA_NAME; depth++) {
		gimple *def = SSA_NAME_DEF_STMT(op);
		tree rhs;
		struct mp_place place;

		if (!def || !is_gimple_assign(def))
			return NULL;
		rhs = gimple_assign_rhs1(def);
		if (gimple_assign_load_p(def) && gimple_assign_single_p(def)) {
			mp_locate_ref(t, rhs, &place);
			if (place.kind != MP_PLACE_TRACKED || !place.range_known)
				return NULL;
			return member_at(vma_type, place.lo, place.size, 0);
		}
		op = mp_assigned_from(op);
	}
	return NULL;
}

/* Is OP vma->vm_end - vma->vm_start (through copies and a local)? */
static bool whole_size(const struct mp_fn_track *t, tree vma_type, tree op)
{
	unsigned int depth;

	for (depth = 0; depth < 8 && op && TREE_CODE(op) == SSA_NAME; depth++) {
		gimple *def = SSA_NAME_DEF_STMT(op);
		const char *a, *b;

		if (!def || !is_gimple_assign(def))
			return false;
		if (gimple_assign_rhs_code(def) == MINUS_EXPR) {
			a = loaded_member(t, vma_type, gimple_assign_rhs1(def));
			b = loaded_member(t, vma_type, gimple_assign_rhs2(def));
			return a && b && !strcmp(a, "vm_end") && !strcmp(b, "vm_start");
		}
		op = mp_assigned_from(op);
	}
	return false;
}

/* Is TYPE a pointer to struct NAME? */
static bool is_pointer_to_struct(tree type, const char *name)
{
	tree id;

	if (!type || !POINTER_TYPE_P(type) ||
	    TREE_CODE(TREE_TYPE(type)) != RECORD_TYPE)
		return false;
	id = mp_type_tag(TREE_TYPE(type));
	return id && !strcmp(IDENTIFIER_POINTER(id), name);
}

static bool is_vma_pointer_type(tree type)
{
	return is_pointer_to_struct(type, "vm_area_struct");
}

static bool has_vma_param(tree fndecl)
{
	tree parm;

	for (parm = DECL_ARGUMENTS(fndecl); parm; parm = DECL_CHAIN(parm)) {
		if (is_vma_pointer_type(TREE_TYPE(parm)))
			return true;
	}
	return false;
}

/* Is STMT "NAME(...);" or "return NAME(...);", the call and nothing else? */
static bool only_call(const char *stmt, const char *name)
{
	const char *p = word(stmt, "return");
	int depth = 0;

	p = word(p ? p : stmt, name);
	p = p ? punct(p, "(") : NULL;
	for (depth = 1; p && *p && depth; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
	}
	return p && !depth && !strcmp(skip_spaces(p), ";");
}

/*
 * remap_pfn_range(vma, addr, pfn, size, prot) and friends, the last use
 * of the VMA: the matching mmap_action_*() call, or a blocker.
 */
static void judge_remap(struct judge *j, struct rewriter *rw,
			const struct mp_fn_track *t, const struct mp_fn_facts *facts,
			gcall *call, location_t in_hook)
{
	const char *name = callee_name(gimple_call_fndecl(call));
	location_t loc = mp_stmt_location(call, t->fndecl);
	bool io = !strcmp(name, "io_remap_pfn_range");
	bool simple = !strcmp(name, "vm_iomap_memory");
	tree vma_type = TREE_TYPE(TREE_TYPE(t->tracked_parm));
	struct src_file *f;
	size_t off, start, end, from, to;
	char *stmt = NULL, *args[5] = {}, *conv[5] = {};
	unsigned int n = 0, i;
	bool whole = false, ret;
	enum helper_id h;
	struct text out = {};

	if (in_loop(t->fn, gimple_bb(call))) {
		block(j, loc, in_hook, "per-page-insert", name);
		return;
	}
	if (vma_used_after(facts, call)) {
		block(j, loc, in_hook, "remap-not-final", name);
		return;
	}
	if (!simple && gimple_call_num_args(call) == 5) {
		const char *s = loaded_member(t, vma_type, gimple_call_arg(call, 1));

		whole = s && !strcmp(s, "vm_start") &&
			whole_size(t, vma_type, gimple_call_arg(call, 3));
	}
	h = simple ? H_SIMPLE_IOREMAP : io ? (whole ? H_IOREMAP_FULL : H_IOREMAP) :
	    whole ? H_REMAP_FULL : H_REMAP;
	if (!declared[h]) {
		block(j, loc, in_hook, "no-descriptor-helper", name);
		return;
	}
	if (!j->c->helper)
		j->c->helper = helpers[h].name;
	/* The replacement, from the call's source text. */
	if (offset_of(loc, &f, &off))
		stmt = statement_text(f, off, &start, &end);
	if (!stmt || !call_args(stmt, name, args, 5, &n) ||
	    n != (simple ? 3u : 5u)) {
		add_note(j->c, loc, NULL, true);
		goto out;
	}
	rw->bare_ok = false;
	for (i = 1; i < n; i++) {
		conv[i] = rewrite(rw, args[i]);
		if (!conv[i]) {
			add_note(j->c, loc, NULL, true);
			goto out;
		}
	}
	ret = !strncmp(stmt, "return ", 7);
	if (!simple && strcmp(conv[4], "desc->page_prot")) {
		puts_(&out, "desc->page_prot = ");
		puts_(&out, conv[4]);
		puts_(&out, "; ");
	}
	puts_(&out, helpers[h].name);
	puts_(&out, "(desc");
	if (simple) {
		puts_(&out, ", ");
		puts_(&out, conv[1]);
		puts_(&out, ", ");
		puts_(&out, conv[2]);
	} else if (whole) {
		puts_(&out, ", ");
		puts_(&out, conv[2]);
	} else {
		for (i = 1; i < 4; i++) {
			puts_(&out, ", ");
			puts_(&out, conv[i]);
		}
	}
	puts_(&out, ");");
	if (ret)
		puts_(&out, " return 0;");
	add_note(j->c, loc, out.buf, false);
	/* The replacement is the statement's when it is only the call. */
	if (only_call(stmt, name) && code_span(f, start, end, &from, &to)) {
		struct mp_conv_note *nt = &j->c->notes[j->c->n_notes - 1];

		replace_edits(&nt->edits, &nt->n_edits, f, from, to, out.buf,
			      nt->loc);
	}
out:
	for (i = 0; i < 5; i++) {
		free(args[i]);
		free(conv[i]);
	}
	free(stmt);
}

static void judge_function(struct judge *j, tree fndecl, tree parm,
			   location_t call_in_hook);

/*
 * Is parameter IDX of CALLEE, a public function, a VMA?  Other units may
 * call it too, so it is not converted with the hook: it is classified on
 * its own where it is defined (deprecated_mmap.c; vme_master_mmap() in
 * drivers/staging/vme_user/vme.c), and the hook converts if it does: the
 * dashboard joins the two.
 */
static bool takes_vma_publicly(tree callee, unsigned int idx)
{
	tree a = TYPE_ARG_TYPES(TREE_TYPE(callee));
	unsigned int i;

	if (!TREE_PUBLIC(callee))
		return false;
	for (i = 0; a && a != void_list_node && i < idx; i++)
		a = TREE_CHAIN(a);
	return a && a != void_list_node && is_vma_pointer_type(TREE_VALUE(a));
}

/* The VMA handed to NAME, a public function (see above). */
static void defer(struct judge *j, location_t where, location_t in_hook,
		  const char *name)
{
	struct mp_conversion *c = j->c;
	expanded_location e = expand_location(in_hook);
	unsigned int i;

	if (!j->deferred_name || before(e, j->first_deferred)) {
		j->first_deferred = e;
		j->deferred_loc = where;
		j->deferred_name = name;
	}
	for (i = 0; i < c->n_callees; i++) {
		if (!strcmp(c->callees[i], name))
			return;
	}
	MP_GROW(c->callees, c->n_callees, c->callees_cap);
	c->callees[c->n_callees++] = name;
}

/* A call the VMA is given to (argument IDX): mapped, recursed, or blocked. */
static void judge_call(struct judge *j, struct rewriter *rw,
		       const struct mp_fn_track *t, const struct mp_fn_facts *facts,
		       gcall *call, unsigned int idx, location_t in_hook)
{
	tree callee = gimple_call_fndecl(call);
	const char *name = callee_name(callee);
	location_t loc = mp_stmt_location(call, t->fndecl);
	tree parm;
	unsigned int i;

	if (!name) {
		block(j, loc, in_hook, "vma-passed-to-callee", NULL);
		return;
	}
	if (name_in(name, per_page)) {
		block(j, loc, in_hook, "per-page-insert", name);
		return;
	}
	if (name_in(name, zaps)) {
		block(j, loc, in_hook, "zap", name);
		return;
	}
	if (name_in(name, no_helper)) {
		block(j, loc, in_hook, "no-descriptor-helper", name);
		return;
	}
	if (name_in(name, remaps) && idx == 0) {
		judge_remap(j, rw, t, facts, call, in_hook);
		return;
	}
	if (name_in(name, rewritten_calls)) {
		/* generic_file_mmap_prepare() is the main one of the two */
		if (!strcmp(name, "generic_file_mmap") &&
		    (!j->c->helper || j->c->helper == helpers[H_GENERIC_RO_MMAP].name))
			j->c->helper = helpers[H_GENERIC_MMAP].name;
		if (!strcmp(name, "generic_file_readonly_mmap") && !j->c->helper)
			j->c->helper = helpers[H_GENERIC_RO_MMAP].name;
		rw->bare_ok = false;
		note_rewrite(j, rw, loc);
		if (j->c->notes[j->c->n_notes - 1].by_hand &&
		    (!strncmp(name, "generic_", 8) || !strcmp(name, "vma_set_anonymous")))
			block(j, loc, in_hook, "no-descriptor-helper", name);
		return;
	}
	/* A static function of the unit that takes the VMA: judged itself. */
	for (parm = DECL_ARGUMENTS(callee), i = 0; parm && i < idx;
	     parm = DECL_CHAIN(parm), i++)
		;
	if (!TREE_PUBLIC(callee) && parm && is_vma_pointer_type(TREE_TYPE(parm)) &&
	    mp_visible_body(callee) && !mp_decl_is_core(callee) &&
	    j->depth < MAX_DEPTH) {
		bool was = j->blocked;

		j->depth++;
		judge_function(j, callee, parm, in_hook);
		j->depth--;
		if (!j->blocked || was) {
			rw->bare_ok = true;
			note_rewrite(j, rw, loc);
		}
		return;
	}
	if (takes_vma_publicly(callee, idx)) {
		defer(j, loc, in_hook, name);
		return;
	}
	block(j, loc, in_hook, "vma-passed-to-callee", name);
}

/* Effects of one statement of T's function: judged together. */
/*
 * The member of the VMA whose address is argument ARG of CALL
 * (&vma->vm_page_prot), or NULL: the callee's parameter is a pointer to
 * the member's own type, so the callee sees that member and no other,
 * and the statement converts as the member does (&desc->page_prot).  The
 * parameter's type, not the argument's: GIMPLE drops the conversion to
 * void *.
 */
static const char *passed_member(const struct mp_fn_track *t, tree vma_type,
				 gcall *call, unsigned int arg)
{
	tree fntype = gimple_call_fntype(call), a, pointee = NULL_TREE;
	struct mp_pt v = mp_value_of(t, gimple_call_arg(call, arg));
	unsigned int i;

	a = fntype ? TYPE_ARG_TYPES(fntype) : NULL_TREE;
	for (i = 0; a && i < arg; i++)
		a = TREE_CHAIN(a);
	if (a && a != void_list_node && POINTER_TYPE_P(TREE_VALUE(a)))
		pointee = TREE_TYPE(TREE_VALUE(a));

	/* void is incomplete: a void * callee may reach the whole VMA */
	if (!v.off_known || v.off <= 0 || !pointee || !COMPLETE_TYPE_P(pointee) ||
	    !tree_fits_shwi_p(TYPE_SIZE(pointee)))
		return NULL;
	return member_at(vma_type, v.off, tree_to_shwi(TYPE_SIZE(pointee)), 0);
}

static void judge_statement(struct judge *j, struct rewriter *rw,
			    const struct mp_fn_track *t,
			    const struct mp_fn_facts *facts, unsigned int first,
			    unsigned int last, location_t call_in_hook)
{
	gimple *stmt = facts->effects[first].stmt;
	location_t loc = mp_stmt_location(stmt, t->fndecl);
	location_t in_hook = call_in_hook != UNKNOWN_LOCATION ? call_in_hook : loc;
	tree vma_type = TREE_TYPE(TREE_TYPE(t->tracked_parm));
	bool rewrite_it = false;
	unsigned int i;

	/* A call given the VMA itself decides for the whole statement. */
	for (i = first; i < last; i++) {
		const struct mp_effect *e = &facts->effects[i];

		if (e->kind == MP_EFFECT_CALL_ARG && is_gimple_call(stmt) &&
		    !gimple_call_internal_p(stmt)) {
			struct mp_pt v = mp_value_of(t, gimple_call_arg(stmt, e->arg));

			if (v.off_known && v.off == 0) {
				judge_call(j, rw, t, facts, mp_as_call(stmt), e->arg, in_hook);
				return;
			}
		}
	}
	for (i = first; i < last; i++) {
		const struct mp_effect *e = &facts->effects[i];
		const char *m = e->range_known ?
				member_at(vma_type, e->lo, e->size, 0) : NULL;

		switch (e->kind) {
		case MP_EFFECT_READ:
			if (m && !strcmp(m, "vm_mm"))
				block(j, loc, in_hook, "vma-mm", m);
			else if (!m || !name_in(m, read_ok))
				block(j, loc, in_hook, "vma-field-read-unsupported", m);
			else
				rewrite_it = true;
			break;
		case MP_EFFECT_WRITE:
			if (e->clobber)
				break;
			if (!m || !name_in(m, write_ok) || e->how == MP_WRITE_BUILTIN)
				block(j, loc, in_hook, "vma-field-write-unsupported", m);
			else
				rewrite_it = true;
			break;
		case MP_EFFECT_CALL_ARG:
			/* &vma->member: as the member */
			if (!m)
				m = passed_member(t, vma_type, mp_as_call(stmt), e->arg);
			if (!m || !name_in(m, write_ok))
				block(j, loc, in_hook, "vma-passed-to-callee",
				      callee_name(e->callee));
			else
				rewrite_it = true;
			break;
		case MP_EFFECT_POINTER_STORE:
			if (!e->dest_local_decl && e->dest != MP_PLACE_LOCAL)
				block(j, loc, in_hook, "vma-escapes", NULL);
			break;
		case MP_EFFECT_RETURN:
		case MP_EFFECT_ASM_INPUT:
			block(j, loc, in_hook, "vma-escapes", NULL);
			break;
		default:
			break;
		}
	}
	if (rewrite_it) {
		rw->bare_ok = false;
		note_rewrite(j, rw, loc);
	}
}

/*
 * Calls that store their result into a VMA member or read one as an
 * argument, by value (pgprot_t is a struct: vma->vm_page_prot =
 * pgprot_noncached(vma->vm_page_prot)): the effects do not list them.
 */
static void judge_aggregates(struct judge *j, struct rewriter *rw,
			     const struct mp_fn_track *t, location_t call_in_hook)
{
	tree vma_type = TREE_TYPE(TREE_TYPE(t->tracked_parm));
	basic_block bb;

	FOR_EACH_BB_FN(bb, t->fn) {
		gimple_stmt_iterator si;

		for (si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si)) {
			gimple *stmt = gsi_stmt(si);
			location_t loc = mp_stmt_location(stmt, t->fndecl);
			location_t in_hook = call_in_hook != UNKNOWN_LOCATION ?
					     call_in_hook : loc;
			tree lhs;
			unsigned int i;
			bool use = false, bad_write = false, hidden = false;
			const char *m = NULL;
			struct mp_place place;

			if (!is_gimple_call(stmt))
				continue;
			lhs = gimple_call_lhs(stmt);
			if (lhs && TREE_CODE(lhs) != SSA_NAME && mp_is_reference(lhs)) {
				mp_locate_ref(t, lhs, &place);
				if (place.kind == MP_PLACE_TRACKED) {
					hidden |= EXPR_HAS_LOCATION(lhs) &&
						  written_in_macro(EXPR_LOCATION(lhs), rw->vma);
					m = place.range_known ?
					    member_at(vma_type, place.lo, place.size, 0) : NULL;
					use = true;
					bad_write = !m || !name_in(m, write_ok);
				}
			}
			for (i = 0; i < gimple_call_num_args(stmt); i++) {
				tree arg = gimple_call_arg(stmt, i);

				if (!mp_is_reference(arg))
					continue;
				mp_locate_ref(t, arg, &place);
				if (place.kind != MP_PLACE_TRACKED)
					continue;
				use = true;
				hidden |= EXPR_HAS_LOCATION(arg) &&
					  written_in_macro(EXPR_LOCATION(arg), rw->vma);
			}
			if (hidden)
				j->c->hidden_use = true;
			if (bad_write)
				block(j, loc, in_hook, "vma-field-write-unsupported", m);
			else if (use) {
				rw->bare_ok = false;
				note_rewrite(j, rw, loc);
			}
		}
	}
}

static void judge_function(struct judge *j, tree fndecl, tree parm,
			   location_t call_in_hook)
{
	function *fn = mp_visible_body(fndecl);
	struct mp_fn_track t;
	struct mp_fn_facts facts;
	struct rewriter rw = {};
	unsigned int i, k;

	if (!fn)
		return;
	rw.vma = DECL_NAME(parm) ? IDENTIFIER_POINTER(DECL_NAME(parm)) : "";
	mp_track_function(&t, fn, MP_TRACK_PARAM, parm, NULL);
	if (t.unsettled) {
		block(j, DECL_SOURCE_LOCATION(fndecl),
		      call_in_hook != UNKNOWN_LOCATION ? call_in_hook :
		      DECL_SOURCE_LOCATION(fndecl), "unanalysable", NULL);
		mp_track_release(&t);
		return;
	}
	mp_effects_build(&facts, &t, mp_callee_may_write_param,
			 mp_callee_may_keep_param, NULL);
	/* The arguments of a remap call are the call's replacement's. */
	for (i = 0; i < facts.n_effects; i++) {
		const struct mp_effect *e = &facts.effects[i];

		if (written_in_macro(e->loc, rw.vma))
			j->c->hidden_use = true;

		if (e->kind == MP_EFFECT_CALL_ARG && e->callee &&
		    name_in(callee_name(e->callee), remaps))
			mark_noted(j, mp_stmt_location(e->stmt, fndecl));
	}
	for (i = 0; i < facts.n_effects; i = k) {
		for (k = i + 1; k < facts.n_effects &&
		     facts.effects[k].stmt == facts.effects[i].stmt; k++)
			;
		judge_statement(j, &rw, &t, &facts, i, k, call_in_hook);
	}
	judge_aggregates(j, &rw, &t, call_in_hook);
	/* A converted helper takes the descriptor. */
	if (j->depth > 0) {
		add_note(j->c, DECL_SOURCE_LOCATION(parm),
			 xstrdup("struct vm_area_desc *desc"), false);
		j->c->notes[j->c->n_notes - 1].parameter = true;
	}
	mp_effects_release(&facts);
	mp_track_release(&t);
}

/* ---- the hook ---- */

static bool is_file_pointer_type(tree type)
{
	return is_pointer_to_struct(type, "file");
}

static bool parm_used(function *fn, tree parm)
{
	tree def = ssa_default_def(fn, parm);

	return def && !has_zero_uses(def);
}

/* The source text of parameter PARM's declaration ("unsigned int minor"). */
static char *parm_text(tree parm)
{
	struct src_file *f;
	size_t off, s, e;
	char *out;

	if (!offset_of(DECL_SOURCE_LOCATION(parm), &f, &off))
		return NULL;
	for (s = off; s > 0 && !(f->code[s - 1] == 1 &&
				 (f->text[s - 1] == '(' || f->text[s - 1] == ','));
	     s--)
		;
	for (e = off; e < f->len && is_ident_char(f->text[e]); e++)
		;
	while (s < e && ISSPACE(f->text[s]))
		s++;
	out = xstrndup(f->text + s, e - s);
	for (s = 0; out[s]; s++) {
		if (ISSPACE(out[s]))
			out[s] = ' ';
	}
	return out;
}

/*
 * The mmap_prepare hook's declaration: the same name with _prepare, the
 * VMA parameter as the descriptor, the file parameter gone (its value is
 * desc->file: the prologue).
 */
static void signature(struct mp_conversion *c, tree hook, function *fn)
{
	const char *name = IDENTIFIER_POINTER(DECL_NAME(hook));
	struct text out = {};
	bool first = true;
	tree parm;

	puts_(&out, TREE_PUBLIC(hook) ? "int " : "static int ");
	puts_(&out, name);
	puts_(&out, "_prepare(");
	for (parm = DECL_ARGUMENTS(hook); parm; parm = DECL_CHAIN(parm)) {
		char *text;

		if (is_file_pointer_type(TREE_TYPE(parm))) {
			if (DECL_NAME(parm) && parm_used(fn, parm) && !c->prologue)
				c->prologue = xasprintf("struct file *%s = desc->file;",
							IDENTIFIER_POINTER(DECL_NAME(parm)));
			continue;
		}
		if (!first)
			puts_(&out, ", ");
		first = false;
		if (is_vma_pointer_type(TREE_TYPE(parm))) {
			puts_(&out, "struct vm_area_desc *desc");
			continue;
		}
		text = parm_text(parm);
		puts_(&out, text ? text : "?");
		free(text);
	}
	puts_(&out, ")");
	c->signature = out.buf;
}

struct state_walk {
	struct mp_conversion *c;
};

static void state_site(gimple *stmt, tree fndecl, const char *acquisition,
		       void *data)
{
	struct mp_conversion *c = ((struct state_walk *)data)->c;
	location_t loc = linemap_resolve_location(line_table,
						  mp_stmt_location(stmt, fndecl),
						  LRK_MACRO_EXPANSION_POINT, NULL);

	add_note(c, loc, NULL, false);
	c->notes[c->n_notes - 1].move_to_mapped = true;
	c->notes[c->n_notes - 1].what = acquisition;
}

static int compare_notes(const void *pa, const void *pb)
{
	const struct mp_conv_note *a = (const struct mp_conv_note *)pa;
	const struct mp_conv_note *b = (const struct mp_conv_note *)pb;
	expanded_location ea = expand_location(a->loc), eb = expand_location(b->loc);

	if (ea.line != eb.line)
		return ea.line < eb.line ? -1 : 1;
	if (ea.column != eb.column)
		return ea.column < eb.column ? -1 : 1;
	return a < b ? -1 : a > b;
}

static void block_at_deferred(struct mp_conversion *c, const struct judge *j)
{
	c->blocker = "vma-passed-to-callee";
	c->blocker_loc = j->deferred_loc;
	free(c->blocker_what);
	c->blocker_what = xstrdup(j->deferred_name);
}

void mp_conversion_classify(tree hook, struct mp_conversion *c)
{
	struct judge j;
	struct state_walk sw = { c };
	function *fn;
	tree parm;
	unsigned int i, n_state = 0;
	const char *name;

	memset(c, 0, sizeof(*c));
	c->hook = hook;
	c->cls = MP_CONV_UNKNOWN;
	if (!hook)
		return;
	name = IDENTIFIER_POINTER(DECL_NAME(hook));
	fn = mp_visible_body(hook);
	if (!fn) {
		/* The kernel's own .mmap functions convert by name. */
		if (!strcmp(name, "generic_file_mmap") && declared[H_GENERIC_MMAP])
			c->helper = helpers[H_GENERIC_MMAP].name;
		else if (!strcmp(name, "generic_file_readonly_mmap") &&
			 declared[H_GENERIC_RO_MMAP])
			c->helper = helpers[H_GENERIC_RO_MMAP].name;
		if (c->helper)
			c->cls = MP_CONV_CONVERTIBLE;
		return;
	}
	for (parm = DECL_ARGUMENTS(hook); parm; parm = DECL_CHAIN(parm)) {
		if (is_vma_pointer_type(TREE_TYPE(parm)))
			break;
	}
	if (!parm)
		return;
	memset(&j, 0, sizeof(j));
	j.c = c;
	judge_function(&j, hook, parm, UNKNOWN_LOCATION);
	mp_key_index_clear(&j.noted);
	signature(c, hook, fn);
	if (j.blocked) {
		/* The first blocker by position, a deferred call included. */
		if (j.deferred_name && before(j.first_deferred, j.first))
			block_at_deferred(c, &j);
		c->n_callees = 0;
		c->cls = MP_CONV_BLOCKED;
		c->helper = NULL;
		return;
	}
	mp_stateful_held_sites(hook, state_site, &sw);
	for (i = 0; i < c->n_notes; i++)
		n_state += c->notes[i].move_to_mapped;
	c->cls = n_state ? MP_CONV_MAPPED : MP_CONV_CONVERTIBLE;
	if (n_state && mp_unit_has_mapped_hook() == 0) {
		c->cls = MP_CONV_BLOCKED;
		c->helper = NULL;
		c->blocker = "no-mapped-hook";
		for (i = 0; i < c->n_notes; i++) {
			if (c->notes[i].move_to_mapped) {
				c->blocker_loc = c->notes[i].loc;
				break;
			}
		}
	}
	if (c->n_notes > 1)
		qsort(c->notes, c->n_notes, sizeof(c->notes[0]), compare_notes);
	if (c->cls == MP_CONV_BLOCKED) {
		c->n_callees = 0;
	} else if (c->n_callees) {
		/* Blocked here; what it is once the callees convert too. */
		c->cls_with_callees = c->cls;
		c->helper_with_callees = c->helper;
		c->cls = MP_CONV_BLOCKED;
		c->helper = NULL;
		block_at_deferred(c, &j);
	}
}

void mp_conversion_release(struct mp_conversion *c)
{
	unsigned int i;

	for (i = 0; i < c->n_notes; i++) {
		free(c->notes[i].text);
		free_edits(&c->notes[i].edits, &c->notes[i].n_edits);
	}
	free(c->notes);
	for (i = 0; i < c->n_fixes; i++)
		free(c->fixes[i].text);
	free(c->fixes);
	free(c->signature);
	free(c->prologue);
	free(c->blocker_what);
	free(c->callees);
	memset(c, 0, sizeof(*c));
}

/* ---- the conversion as fix-its ---- */

/* Is identifier NAME written at P of F, as code or in a directive? */
static bool ident_at(const struct src_file *f, size_t p, const char *name)
{
	size_t n = strlen(name);

	return p + n <= f->len && (f->code[p] == 1 || f->code[p] == 3) &&
	       !memcmp(f->text + p, name, n) &&
	       (p == 0 || !is_ident_char(f->text[p - 1])) &&
	       (p + n == f->len || !is_ident_char(f->text[p + n]));
}

/* How many times identifier NAME occurs in S. */
static unsigned int text_count_ident(const char *s, const char *name)
{
	size_t n = strlen(name);
	unsigned int count = 0;
	const char *p;

	for (p = s; (p = strstr(p, name)); p++) {
		if ((p == s || !is_ident_char(p[-1])) && !is_ident_char(p[n]))
			count++;
	}
	return count;
}

/* Byte offset of edit E's start in F. */
static size_t edit_offset(const struct src_file *f, const struct mp_conv_edit *e)
{
	return f->line_start[e->line - 1] + e->col - 1;
}

static const struct src_file *sort_file;

static int compare_edits(const void *pa, const void *pb)
{
	const struct mp_conv_edit *a = (const struct mp_conv_edit *)pa;
	const struct mp_conv_edit *b = (const struct mp_conv_edit *)pb;
	size_t x = edit_offset(sort_file, a), y = edit_offset(sort_file, b);

	return x < y ? -1 : x > y;
}

/* Is offset P inside (or at the end of) one of EDITS[0..N)? */
static bool in_edit(const struct src_file *f, const struct mp_conv_edit *edits,
		    unsigned int n, size_t p)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		size_t s = edit_offset(f, &edits[i]);

		if (p >= s && p < s + (edits[i].end - edits[i].col))
			return true;
	}
	return false;
}

/*
 * ".mmap = [&]NAME" at V (NAME's or the '&''s offset) of F, the
 * designator after '{' or ',' and NAME before ',' or '}': the edits that
 * make it ".mmap_prepare = [&]NAME_prepare", and NAME's offset in *AT.
 */
static bool initializer_edits(const struct src_file *f, size_t v, const char *name,
			      location_t near, struct mp_conv_edit **edits,
			      unsigned int *n, size_t *at)
{
	size_t len = strlen(name), p = v, q, dot;
	unsigned int l;

	if (p < f->len && f->text[p] == '&' && f->code[p] == 1)
		for (p++; p < f->len && is_blank(f->text[p]); p++)
			;
	if (!ident_at(f, p, name) || f->code[p] != 1)
		return false;
	for (q = p + len; q < f->len && f->code[q] == 1 && ISSPACE(f->text[q]); q++)
		;
	if (q == f->len || f->code[q] != 1 || (f->text[q] != ',' && f->text[q] != '}'))
		return false;
	for (q = v; q > 0 && is_blank(f->text[q - 1]); q--)
		;
	if (q == 0 || f->text[q - 1] != '=' || f->code[q - 1] != 1)
		return false;
	for (q--; q > 0 && is_blank(f->text[q - 1]); q--)
		;
	if (q < 5 || memcmp(f->text + q - 5, ".mmap", 5) || f->code[q - 5] != 1)
		return false;
	dot = q - 5;
	for (q = dot; q > 0 && f->code[q - 1] == 1 && ISSPACE(f->text[q - 1]); q--)
		;
	if (q == 0 || f->code[q - 1] != 1 ||
	    (f->text[q - 1] != '{' && f->text[q - 1] != ','))
		return false;
	l = line_index(f, dot);
	add_edit(edits, n, l + 1, dot - f->line_start[l] + 1,
		 dot - f->line_start[l] + 6, xstrdup(".mmap_prepare"), near);
	add_edit(edits, n, l + 1, p - f->line_start[l] + 1,
		 p + len - f->line_start[l] + 1, concat(name, "_prepare", NULL), near);
	(*edits)[*n - 2].note = (*edits)[*n - 1].note = MP_FIXIT_INIT;
	*at = p;
	return true;
}

/* The code OPEN at Q of F: the offset of its matching CLOSE, or F's length. */
static size_t matching(const struct src_file *f, size_t q, char open, char close)
{
	int depth = 0;

	for (; q < f->len; q++) {
		if (f->code[q] != 1)
			continue;
		depth += f->text[q] == open;
		depth -= f->text[q] == close;
		if (!depth)
			break;
	}
	return q;
}

/*
 * "static int NAME(...)" at D (NAME's offset) of F, up to its body's
 * '{': [*FROM, *TO) the declaration, *BRACE the '{' and *CLOSE its '}'.
 */
static bool definition_text(const struct src_file *f, size_t d, const char *name,
			    size_t *from, size_t *to, size_t *brace, size_t *close)
{
	size_t ls = f->line_start[line_index(f, d)], q = d, a, b;

	for (; q > ls && is_blank(f->text[q - 1]); q--)
		;
	if (q == d || q < ls + 3 || memcmp(f->text + q - 3, "int", 3))
		return false;
	for (q -= 3; q > ls && is_blank(f->text[q - 1]); q--)
		;
	if (q < ls + 6 || memcmp(f->text + q - 6, "static", 6))
		return false;
	*from = q - 6;
	for (q = *from; q > ls && is_blank(f->text[q - 1]); q--)
		;
	if (q != ls)
		return false;
	for (q = d + strlen(name); q < f->len && ISSPACE(f->text[q]); q++)
		;
	if (q == f->len || f->text[q] != '(' || f->code[q] != 1)
		return false;
	q = matching(f, q, '(', ')');
	if (q == f->len)
		return false;
	*to = q + 1;
	if (!code_span(f, *from, *to, &a, &b) || a != *from || b != *to)
		return false;
	/* blanks and comments (which stay) to the '{' */
	for (q = *to; q < f->len && (f->code[q] == 0 ||
				     (f->code[q] == 1 && ISSPACE(f->text[q]))); q++)
		;
	if (q == f->len || f->text[q] != '{' || f->code[q] != 1)
		return false;
	*brace = q;
	*close = q = matching(f, q, '{', '}');
	return q < f->len;
}

/*
 * Does the body [FROM, TO) of F use a macro that F defines and whose
 * definition names one of NAMES[0..N) (the parameters that go)?
 */
static bool uses_own_macro(const struct src_file *f, size_t from, size_t to,
			   const char *const *names, unsigned int n)
{
	unsigned int l, i;

	for (l = 0; l < f->n_lines; l++) {
		size_t p = f->line_start[l], e, m;
		char macro[128];
		bool names_one = false;

		while (p < f->len && is_blank(f->text[p]))
			p++;
		if (p == f->len || f->text[p] != '#' || f->code[p] != 3)
			continue;
		for (p++; p < f->len && is_blank(f->text[p]); p++)
			;
		if (!ident_at(f, p, "define"))
			continue;
		for (p += 6; p < f->len && is_blank(f->text[p]); p++)
			;
		for (m = 0; p + m < f->len && is_ident_char(f->text[p + m]); m++)
			;
		if (!m || m >= sizeof(macro))
			continue;
		memcpy(macro, f->text + p, m);
		macro[m] = '\0';
		for (e = p + m; e < f->len && f->code[e] == 3; e++) {
			for (i = 0; i < n; i++)
				names_one |= names[i] && ident_at(f, e, names[i]);
		}
		for (e = from; names_one && e < to; e++) {
			if (f->code[e] == 1 && ident_at(f, e, macro))
				return true;
		}
	}
	return false;
}

/* Occurrences of identifier NAME in [FROM, TO) of F, their offsets in AT[0..MAX). */
static unsigned int find_ident(const struct src_file *f, size_t from, size_t to,
			       const char *name, size_t *at, unsigned int max)
{
	unsigned int n = 0;
	size_t p;

	for (p = from; p < to; p++) {
		if (f->text[p] == name[0] && ident_at(f, p, name)) {
			if (n < max)
				at[n] = p;
			n++;
		}
	}
	return n;
}

/*
 * GCC's -fdiagnostics-generate-patch prints a run of edited lines as all
 * their old text, then all their new text; a line that only gets a line
 * inserted before it is printed in the new text, as context, after the
 * old text of the lines below it, and the patch does not apply.  Such a
 * line followed by an edited one gets an edit that leaves it as it is.
 * False if it has nothing to edit.
 */
static bool keep_diff_order(const struct src_file *f, struct mp_conv_edit **edits,
			    unsigned int *n)
{
	unsigned int i, k, count = *n;

	for (i = 0; i < count; i++) {
		const struct mp_conv_edit e = (*edits)[i];
		bool edited = false, next = false;
		size_t s, t;

		if (e.end != e.col)
			continue;
		for (k = 0; k < *n; k++) {
			edited |= (*edits)[k].line == e.line && (*edits)[k].end != (*edits)[k].col;
			next |= (*edits)[k].line == e.line + 1;
		}
		if (edited || !next)
			continue;
		if (blank_line(f, e.line - 1))
			return false;
		s = f->line_start[e.line - 1];
		t = line_end(f, s);
		while (ISSPACE(f->text[s]))
			s++;
		while (ISSPACE(f->text[t - 1]))
			t--;
		add_edit(edits, n, e.line, s - f->line_start[e.line - 1] + 1,
			 t - f->line_start[e.line - 1] + 1, xstrndup(f->text + s, t - s),
			 e.near);
		(*edits)[*n - 1].note = e.note;
	}
	return true;
}

/* Is what ends before END of S (from START) a member access, "." or "->"? */
static bool after_member_op(const char *start, const char *end)
{
	while (end > start && ISSPACE(end[-1]))
		end--;
	return end > start && (end[-1] == '.' ||
			       (end[-1] == '>' && end - 1 > start && end[-2] == '-'));
}

/* Uses of the variable NAME in S: the identifier, not as a member. */
static unsigned int text_count_var(const char *s, const char *name)
{
	size_t n = strlen(name);
	unsigned int count = 0;
	const char *p;

	for (p = s; (p = strstr(p, name)); p++) {
		if ((p == s || !is_ident_char(p[-1])) && !is_ident_char(p[n]) &&
		    !after_member_op(s, p))
			count++;
	}
	return count;
}

/*
 * Does one of the locals L lose its last use but its declaration to
 * EDITS[0..N) of the body [FROM, TO) of F (GCC would warn it unused: an
 * error under CONFIG_WERROR)?  remap_pfn_range(..., size, ...) with
 * "size = vma->vm_end - vma->vm_start" becomes mmap_action_remap_full().
 */
static bool local_left_unused(const struct src_file *f, size_t from, size_t to,
			      const struct mp_conv_edit *edits, unsigned int n,
			      const struct fn_locals *l)
{
	unsigned int k, i, before, after;
	size_t p;

	for (k = 0; l && k < l->n; k++) {
		const char *name = l->names[k];

		before = after = 0;
		for (p = from; p < to; p++) {
			if (f->text[p] != name[0] || !ident_at(f, p, name) ||
			    after_member_op(f->text + from, f->text + p))
				continue;
			before++;
			after += !in_edit(f, edits, n, p);
		}
		for (i = 0; i < n; i++)
			after += text_count_var(edits[i].text, name);
		if (before > 1 && after <= 1)
			return true;
	}
	return false;
}

/* EDITS[0..N) of F as C's fix-its, all or none. */
static bool make_fixits(struct mp_conversion *c, const struct src_file *f,
			struct mp_conv_edit *edits, unsigned int n)
{
	unsigned int i, k = 0;

	sort_file = f;
	qsort(edits, n, sizeof(edits[0]), compare_edits);
	/* In order and apart: an insertion shares its place with nothing. */
	for (i = 1; i < n; i++) {
		size_t prev_end = edit_offset(f, &edits[i - 1]) +
				  (edits[i - 1].end - edits[i - 1].col);
		size_t start = edit_offset(f, &edits[i]);

		if (start < prev_end ||
		    (start == prev_end && (edits[i].end == edits[i].col ||
					   edits[i - 1].end == edits[i - 1].col)))
			return false;
	}
	c->fixes = XCNEWVEC(struct mp_fixit, n);
	for (i = 0; i < n; i++) {
		const struct mp_conv_edit *e = &edits[i];
		struct mp_fixit *x = &c->fixes[k];
		location_t next;

		if (e->end == e->col && !*e->text)
			continue;
		x->finish = UNKNOWN_LOCATION;
		x->note = e->note;
		if (!mp_line_column_location(e->near, e->line, e->col, &x->start) ||
		    (e->end > e->col &&
		     (!mp_line_column_location(e->near, e->line, e->end - 1, &x->finish) ||
		      !mp_line_column_location(e->near, e->line, e->end, &next))))
			break;
		x->text = xstrdup(e->text);
		k++;
	}
	c->n_fixes = k;
	if (i < n) {
		for (i = 0; i < k; i++)
			free(c->fixes[i].text);
		free(c->fixes);
		c->fixes = NULL;
		c->n_fixes = 0;
		return false;
	}
	return true;
}

void mp_conversion_fixits(struct mp_conversion *c, location_t init)
{
	struct mp_conv_edit *edits = NULL;
	unsigned int n = 0, i, k;
	struct src_file *f, *fd;
	size_t v, d, at, decl_from, decl_to, brace, close, pos[3];
	const char *name, *vma = NULL, *file = NULL;
	location_t hook_loc;
	char *prepared = NULL;
	bool need_file = false;
	tree parm;

	if (c->cls != MP_CONV_CONVERTIBLE || !c->hook || c->hidden_use)
		return;
	init = get_pure_location(init);
	if (linemap_location_from_macro_expansion_p(line_table, init) ||
	    !offset_of(init, &f, &v))
		return;
	name = IDENTIFIER_POINTER(DECL_NAME(c->hook));
	if (!initializer_edits(f, v, name, init, &edits, &n, &at))
		return;
	prepared = concat(name, "_prepare", NULL);
	/* The kernel's own .mmap function: its _prepare twin, by name. */
	if (!c->signature) {
		if (c->helper && !strcmp(c->helper, prepared))
			make_fixits(c, f, edits, n);
		goto out;
	}
	/* A static function of this file, named only here and at .mmap */
	hook_loc = DECL_SOURCE_LOCATION(c->hook);
	if (TREE_PUBLIC(c->hook) || !main_input_filename ||
	    strcmp(f->name, main_input_filename) ||
	    linemap_location_from_macro_expansion_p(line_table, hook_loc) ||
	    !offset_of(hook_loc, &fd, &d) || fd != f || !ident_at(f, d, name) ||
	    find_ident(f, 0, f->len, name, pos, 3) != 2 ||
	    (pos[0] != d && pos[1] != d) || (pos[0] != at && pos[1] != at) ||
	    maybe_get_identifier(prepared) || find_ident(f, 0, f->len, prepared, pos, 1) ||
	    !definition_text(f, d, name, &decl_from, &decl_to, &brace, &close))
		goto out;
	for (parm = DECL_ARGUMENTS(c->hook); parm; parm = DECL_CHAIN(parm)) {
		const char *p = DECL_NAME(parm) ? IDENTIFIER_POINTER(DECL_NAME(parm)) : NULL;

		if (p && !strcmp(p, "desc"))
			goto out;
		if (is_vma_pointer_type(TREE_TYPE(parm)))
			vma = p;
		else if (is_file_pointer_type(TREE_TYPE(parm)))
			file = p;
	}
	if (!vma || find_ident(f, brace, close, "desc", pos, 1))
		goto out;
	{
		const char *gone[2] = { vma, file };

		if (uses_own_macro(f, brace, close, gone, 2))
			goto out;
	}
	/*
	 * Every note is a statement's exact replacement, in the body (by
	 * hand, moved to vm_ops->mapped, a helper's parameter: no edits).
	 */
	for (i = 0; i < c->n_notes; i++) {
		const struct mp_conv_note *nt = &c->notes[i];

		if (!nt->n_edits)
			goto out;
		for (k = 0; k < nt->n_edits; k++) {
			const struct mp_conv_edit *e = &nt->edits[k];
			size_t s = f->line_start[e->line - 1] + e->col - 1;

			if (s <= brace || s + (e->end - e->col) > close)
				goto out;
			add_edit(&edits, &n, e->line, e->col, e->end, xstrdup(e->text),
				 e->near);
			edits[n - 1].note = i;
			need_file |= file && text_count_ident(e->text, file);
		}
	}
	k = n;
	replace_edits(&edits, &n, f, decl_from, decl_to, c->signature, hook_loc);
	for (; k < n; k++)
		edits[k].note = MP_FIXIT_DECL;
	/* Nothing of the VMA left; the file parameter's name still used? */
	for (v = brace; v < close; v++) {
		if (f->text[v] == vma[0] && ident_at(f, v, vma) &&
		    !in_edit(f, edits, n, v))
			goto out;
		if (file && f->text[v] == file[0] && ident_at(f, v, file) &&
		    !in_edit(f, edits, n, v))
			need_file = true;
	}
	/*
	 * ... then a local, on a line of its own after the opening brace
	 * (before the first line that has code: keep_diff_order())
	 */
	if (need_file) {
		unsigned int l = line_index(f, brace) + 1;

		for (v = brace + 1; v < f->len && is_blank(f->text[v]); v++)
			;
		if (!c->prologue || v == f->len || f->text[v] != '\n')
			goto out;
		while (l < f->n_lines && blank_line(f, l))
			l++;
		if (l >= f->n_lines)
			goto out;
		add_edit(&edits, &n, l + 1, 1, 1,
			 concat("\t", c->prologue, "\n", NULL), hook_loc);
		edits[n - 1].note = MP_FIXIT_PROLOGUE;
	}
	if (!local_left_unused(f, brace, close, edits, n, locals_of(c->hook)) &&
	    keep_diff_order(f, &edits, &n))
		make_fixits(c, f, edits, n);
out:
	free(prepared);
	free_edits(&edits, &n);
}
