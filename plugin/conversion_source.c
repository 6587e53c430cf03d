// SPDX-License-Identifier: GPL-2.0
/*
 * The unit's source files as text, for deprecated-mmap's conversion
 * advice: a replacement is written from the statement's own text, and a
 * fix-it edits it.  Each file is read once and every byte marked code,
 * literal, comment or directive, so that the rewriter and the fix-its
 * never take a comment's words for code.  Also the growing string both
 * build their text in.
 */
#include "conversion.h"

/* ---- a growing string ---- */

void mp_text_put(struct mp_text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		t->cap = 2 * (t->len + n + 1);
		t->buf = XRESIZEVEC(char, t->buf, t->cap);
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len] = '\0';
}

void mp_text_puts(struct mp_text *t, const char *s)
{
	mp_text_put(t, s, strlen(s));
}

/* ---- source text ---- */

/* The files read, for the unit (a compiler process compiles one). */
static struct mp_src_file *files;
static unsigned int n_files, files_cap;

/*
 * Marks comments, strings, character constants and directives as not
 * code (directives apart: a macro there may name a function).
 */
static void mark_code(struct mp_src_file *f)
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

static struct mp_src_file *read_source(const char *name)
{
	struct mp_src_file *f;
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

bool mp_src_offset_resolved(location_t loc, enum location_resolution_kind kind,
			    struct mp_src_file **file, size_t *off)
{
	expanded_location e;
	struct mp_src_file *f;
	size_t pos;

	loc = linemap_resolve_location(line_table, loc, kind, NULL);
	e = expand_location(loc);
	if (!e.file || e.line <= 0 || e.column <= 0)
		return false;
	f = read_source(e.file);
	if (!f || (unsigned int)e.line > f->n_lines)
		return false;
	pos = f->line_start[e.line - 1] + e.column - 1;
	if (pos >= f->len)
		return false;
	*file = f;
	*off = pos;
	return true;
}

bool mp_src_offset_of(location_t loc, struct mp_src_file **file, size_t *off)
{
	return mp_src_offset_resolved(loc, LRK_MACRO_EXPANSION_POINT, file, off);
}

/* Bytes [S, E) of F as code on one line: comments and directives
   dropped, white space collapsed. */
char *mp_src_code_text(const struct mp_src_file *f, size_t s, size_t e)
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
char *mp_src_statement_text(const struct mp_src_file *f, size_t off,
			    size_t *start, size_t *end)
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
	return mp_src_code_text(f, s, e);
}

/* 0-based index of the line of offset OFF in F. */
unsigned int mp_src_line_index(const struct mp_src_file *f, size_t off)
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
bool mp_src_blank_line(const struct mp_src_file *f, unsigned int l)
{
	size_t p = f->line_start[l];

	while (p < f->len && f->text[p] != '\n' && ISSPACE(f->text[p]))
		p++;
	return p == f->len || f->text[p] == '\n';
}

/* End of the line of OFF: its newline (or the file's end). */
size_t mp_src_line_end(const struct mp_src_file *f, size_t off)
{
	unsigned int i = mp_src_line_index(f, off);

	return i + 1 < f->n_lines ? f->line_start[i + 1] - 1 : f->len;
}

/*
 * The code of [S, E) of F without the blanks and comments around it, in
 * [*FROM, *TO); false unless that is plain code: no comment, directive
 * or line continuation inside, which a replacement would lose.
 */
bool mp_src_code_span(const struct mp_src_file *f, size_t s, size_t e,
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
