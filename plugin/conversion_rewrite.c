// SPDX-License-Identifier: GPL-2.0
/*
 * One statement's uses of the VMA rewritten as uses of the descriptor,
 * for deprecated-mmap's conversion advice: the rows of SPEC's mapping
 * (vma->vm_pgoff to desc->pgoff, vm_flags_set(vma, VM_IO) to
 * vma_desc_set_flags(desc, VMA_IO_BIT), generic_file_mmap() to
 * generic_file_mmap_prepare(), ...), on the statement as code on one
 * line (mp_src_statement_text()).  Anything the rewriter does not
 * understand fails the whole statement: its note then says to rewrite it
 * by hand, never a guess.  Only helpers and bits the unit declares are
 * written (conversion_unit.c).
 */
#include "conversion.h"

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
	if (strncmp(p, w, n) || mp_is_ident_char(p[n]))
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
	while (mp_is_ident_char(p[n]))
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
static const char *flag_mask(const char *p, bool list, struct mp_text *out,
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
		if (!mp_conv_have_bit(bit))
			return NULL;
		mp_text_puts(out, ", ");
		mp_text_puts(out, bit);
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

/* VMA->FIELD at P (P after the VMA's name); appends its replacement. */
static const char *member(struct mp_rewriter *rw, const char *p, struct mp_text *out)
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
		mp_text_puts(out, mp_conv_declared(MP_H_DESC_SIZE) ? "vma_desc_size(desc)" :
			     "(desc->end - desc->start)");
		return r;
	}
	/* vma->vm_flags & VM_A, & (VM_A | VM_B) */
	if (!strcmp(field, "vm_flags")) {
		struct mp_text m = {};

		r = punct(q, "&");
		if (r && !punct(q, "&&"))
			r = flag_mask(r, false, &m, &n);
		else
			r = NULL;
		/* (vma->vm_flags & M) == X is a test only when X is 0 */
		if (r && (p = punct(r, ")")) && (punct(p, "==") || punct(p, "!=")) &&
		    !word(punct(p, "==") ? punct(p, "==") : punct(p, "!="), "0"))
			r = NULL;
		if (!r || !mp_conv_declared(n > 1 ? MP_H_TEST_ANY : MP_H_TEST)) {
			free(m.buf);
			rw->failed = true;
			return q;
		}
		mp_text_puts(out, n > 1 ? "vma_desc_test_any(desc" : "vma_desc_test(desc");
		mp_text_puts(out, m.buf);
		mp_text_puts(out, ")");
		free(m.buf);
		return r;
	}
	if (!strcmp(field, "vm_file")) {
		/* Written: the mapped file (vm_file); read: the file mapped. */
		r = punct(q, "=");
		mp_text_puts(out, r && !punct(q, "==") ? "desc->vm_file" : "desc->file");
		return q;
	}
	for (i = 0; i < ARRAY_SIZE(fields); i++) {
		if (!strcmp(field, fields[i].vma)) {
			mp_text_puts(out, fields[i].desc);
			return q;
		}
	}
	rw->failed = true;
	return q;
}

/* "(VMA)" at P: the text after it. */
static const char *vma_only_args(struct mp_rewriter *rw, const char *p)
{
	const char *q = punct(p, "(");

	q = q ? word(q, rw->vma) : NULL;
	return q ? punct(q, ")") : NULL;
}

/* A call of the mapping at P (after its name): its replacement. */
static const char *mapped_call(struct mp_rewriter *rw, const char *name,
			       const char *p, struct mp_text *out)
{
	const char *q;
	char first[64];
	unsigned int n;

	if (!strcmp(name, "vma_pages") && mp_conv_declared(MP_H_DESC_PAGES) &&
	    (q = vma_only_args(rw, p))) {
		mp_text_puts(out, "vma_desc_pages(desc)");
		return q;
	}
	if (!strcmp(name, "vma_set_anonymous") && mp_conv_declared(MP_H_SET_ANONYMOUS) &&
	    (q = vma_only_args(rw, p))) {
		mp_text_puts(out, "vma_desc_set_anonymous(desc)");
		return q;
	}
	if ((!strcmp(name, "vm_flags_set") && mp_conv_declared(MP_H_SET_FLAGS)) ||
	    (!strcmp(name, "vm_flags_clear") && mp_conv_declared(MP_H_CLEAR_FLAGS))) {
		struct mp_text m = {};

		q = punct(p, "(");
		q = q ? word(q, rw->vma) : NULL;
		q = q ? punct(q, ",") : NULL;
		q = q ? flag_mask(q, true, &m, &n) : NULL;
		q = q ? punct(q, ")") : NULL;
		if (q) {
			mp_text_puts(out, name[9] == 's' ? "vma_desc_set_flags(desc" :
			      "vma_desc_clear_flags(desc");
			mp_text_puts(out, m.buf);
			mp_text_puts(out, ")");
		}
		free(m.buf);
		return q;
	}
	/* vm_flags_mod(vma, set, clear): both updates */
	if (!strcmp(name, "vm_flags_mod") && mp_conv_declared(MP_H_SET_FLAGS) &&
	    mp_conv_declared(MP_H_CLEAR_FLAGS)) {
		struct mp_text set = {}, clear = {};

		q = punct(p, "(");
		q = q ? word(q, rw->vma) : NULL;
		q = q ? punct(q, ",") : NULL;
		q = q ? flag_mask(q, true, &set, &n) : NULL;
		q = q ? punct(q, ",") : NULL;
		q = q ? flag_mask(q, true, &clear, &n) : NULL;
		q = q ? punct(q, ")") : NULL;
		if (q) {
			rw->split = true;
			mp_text_puts(out, "vma_desc_set_flags(desc");
			mp_text_puts(out, set.buf);
			mp_text_puts(out, "); vma_desc_clear_flags(desc");
			mp_text_puts(out, clear.buf);
			mp_text_puts(out, ")");
		}
		free(set.buf);
		free(clear.buf);
		return q;
	}
	if ((!strcmp(name, "generic_file_mmap") &&
	     mp_conv_declared(MP_H_GENERIC_MMAP)) ||
	    (!strcmp(name, "generic_file_readonly_mmap") &&
	     mp_conv_declared(MP_H_GENERIC_RO_MMAP))) {
		q = punct(p, "(");
		q = q ? ident(q, first, sizeof(first)) : NULL;
		q = q ? punct(q, ",") : NULL;
		q = q ? word(q, rw->vma) : NULL;
		q = q ? punct(q, ")") : NULL;
		if (q) {
			mp_text_puts(out, name);
			mp_text_puts(out, "_prepare(desc)");
		}
		return q;
	}
	return NULL;
}

/* STMT (one line of code) with its uses of RW's VMA rewritten, or NULL. */
char *mp_rewrite(struct mp_rewriter *rw, const char *stmt)
{
	struct mp_text out = {};
	const char *p = stmt;
	char name[128];

	mp_text_puts(&out, "");
	rw->failed = false;
	rw->split = false;
	while (*p && !rw->failed) {
		const char *q;

		if ((ISALPHA(*p) || *p == '_') && (p == stmt || !mp_is_ident_char(p[-1]))) {
			q = ident(p, name, sizeof(name));
			if (!q) {
				rw->failed = true;
				break;
			}
			if (!strcmp(name, rw->vma)) {
				if (punct(q, "->")) {
					p = member(rw, q, &out);
				} else if (rw->bare_ok) {
					mp_text_puts(&out, "desc");
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
			mp_text_put(&out, p, q - p);
			p = q;
			continue;
		}
		mp_text_put(&out, p, 1);
		p++;
	}
	if (rw->failed) {
		free(out.buf);
		return NULL;
	}
	return out.buf;
}

/* The arguments of the call of NAME in STMT, each as code, or false. */
bool mp_call_args(const char *stmt, const char *name, char **args,
		  unsigned int max, unsigned int *n)
{
	const char *p = stmt, *a;
	int depth = 0;

	for (;; p++) {
		p = strstr(p, name);
		if (!p)
			return false;
		if ((p == stmt || !mp_is_ident_char(p[-1])) && punct(p + strlen(name), "("))
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

/* Is STMT "NAME(...);" or "return NAME(...);", the call and nothing else? */
bool mp_only_call(const char *stmt, const char *name)
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
