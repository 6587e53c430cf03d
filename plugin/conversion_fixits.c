// SPDX-License-Identifier: GPL-2.0
/*
 * deprecated-mmap's conversion as fix-its.  Each exact statement
 * replacement becomes edits of its lines (keeping the layout where each
 * line rewrites on its own); a hook whose every change is exact, defined
 * and registered in this file, gets them all, with the new declaration,
 * the desc->file prologue and ".mmap_prepare = NAME_prepare", or none
 * (docs/rules.md lists when none are offered).  GCC prints the patch
 * (-fdiagnostics-generate-patch); the records carry the same edits.
 */
#include "conversion.h"

/* ---- a statement's replacement as edits of its lines ---- */

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

void mp_conv_free_edits(struct mp_conv_edit **edits, unsigned int *n)
{
	unsigned int i;

	for (i = 0; i < *n; i++)
		free((*edits)[i].text);
	free(*edits);
	*edits = NULL;
	*n = 0;
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
void mp_conv_replace_edits(struct mp_conv_edit **edits, unsigned int *n,
			   const struct mp_src_file *f, size_t from, size_t to,
			   const char *text, location_t near)
{
	unsigned int l = mp_src_line_index(f, from), last = mp_src_line_index(f, to - 1), k;
	size_t ls = f->line_start[l], at[8];
	unsigned int pieces = 0;
	size_t i;

	/* one a line only where the first line holds nothing before it */
	for (i = ls; i < from && mp_is_blank(f->text[i]); i++)
		;
	if (last > l && i == from)
		pieces = split_statements(text, at, MIN(last - l, ARRAY_SIZE(at)));

	if (l == last) {
		size_t e = mp_src_line_end(f, from), j;
		unsigned int k2 = i == from ? split_statements(text, at, ARRAY_SIZE(at)) : 0;

		for (j = to; j < e && mp_is_blank(f->text[j]); j++)
			;
		/*
		 * The last statement on a line of its own, inserted before
		 * the next line, which has code (keep_diff_order()) and no
		 * other edit starting where the insertion is: it is indented
		 * or the block's end.
		 */
		if (k2 && j == e && l + 1 < f->n_lines && !mp_src_blank_line(f, l + 1) &&
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
	add_edit(edits, n, l + 1, from - ls + 1, mp_src_line_end(f, from) - ls + 1,
		 pieces ? xstrndup(text, at[0] - 1) : xstrdup(text), near);
	for (k = 0, l++; l <= last; l++, k++) {
		size_t s = f->line_start[l];
		size_t e = l == last ? to : mp_src_line_end(f, s);
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
void mp_conv_rewrite_edits(struct mp_conv_note *n, struct mp_rewriter *rw,
			   const struct mp_src_file *f, size_t from, size_t to,
			   const char *text)
{
	unsigned int l = mp_src_line_index(f, from), last = mp_src_line_index(f, to - 1), i;
	struct mp_text joined = {};
	struct mp_conv_edit *edits = NULL;
	unsigned int n_edits = 0;
	bool ok = true;

	for (i = l; ok && i <= last && l != last; i++) {
		size_t s = MAX(from, f->line_start[i]);
		size_t e = i == last ? to : mp_src_line_end(f, s), cs, ce;
		char *frag, *out;

		if (!mp_src_code_span(f, s, e, &cs, &ce))
			continue;		/* a blank line */
		frag = mp_src_code_text((struct mp_src_file *)f, cs, ce);
		out = mp_rewrite(rw, frag);
		ok = out != NULL;
		if (ok) {
			if (joined.len)
				mp_text_puts(&joined, " ");
			mp_text_puts(&joined, out);
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
		mp_conv_free_edits(&edits, &n_edits);
		mp_conv_replace_edits(&edits, &n_edits, f, from, to, text, n->loc);
	}
	free(joined.buf);
	n->edits = edits;
	n->n_edits = n_edits;
}

/* ---- the conversion as fix-its, all or none ---- */

/* Is identifier NAME written at P of F, as code or in a directive? */
static bool ident_at(const struct mp_src_file *f, size_t p, const char *name)
{
	size_t n = strlen(name);

	return p + n <= f->len && (f->code[p] == 1 || f->code[p] == 3) &&
	       !memcmp(f->text + p, name, n) &&
	       (p == 0 || !mp_is_ident_char(f->text[p - 1])) &&
	       (p + n == f->len || !mp_is_ident_char(f->text[p + n]));
}

/* How many times identifier NAME occurs in S. */
static unsigned int text_count_ident(const char *s, const char *name)
{
	size_t n = strlen(name);
	unsigned int count = 0;
	const char *p;

	for (p = s; (p = strstr(p, name)); p++) {
		if ((p == s || !mp_is_ident_char(p[-1])) && !mp_is_ident_char(p[n]))
			count++;
	}
	return count;
}

/* Byte offset of edit E's start in F. */
static size_t edit_offset(const struct mp_src_file *f, const struct mp_conv_edit *e)
{
	return f->line_start[e->line - 1] + e->col - 1;
}

static const struct mp_src_file *sort_file;

static int compare_edits(const void *pa, const void *pb)
{
	const struct mp_conv_edit *a = (const struct mp_conv_edit *)pa;
	const struct mp_conv_edit *b = (const struct mp_conv_edit *)pb;
	size_t x = edit_offset(sort_file, a), y = edit_offset(sort_file, b);

	return x < y ? -1 : x > y;
}

/* Is offset P inside (or at the end of) one of EDITS[0..N)? */
static bool in_edit(const struct mp_src_file *f, const struct mp_conv_edit *edits,
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
static bool initializer_edits(const struct mp_src_file *f, size_t v, const char *name,
			      location_t near, struct mp_conv_edit **edits,
			      unsigned int *n, size_t *at)
{
	size_t len = strlen(name), p = v, q, dot;
	unsigned int l;

	if (p < f->len && f->text[p] == '&' && f->code[p] == 1)
		for (p++; p < f->len && mp_is_blank(f->text[p]); p++)
			;
	if (!ident_at(f, p, name) || f->code[p] != 1)
		return false;
	for (q = p + len; q < f->len && f->code[q] == 1 && ISSPACE(f->text[q]); q++)
		;
	if (q == f->len || f->code[q] != 1 || (f->text[q] != ',' && f->text[q] != '}'))
		return false;
	for (q = v; q > 0 && mp_is_blank(f->text[q - 1]); q--)
		;
	if (q == 0 || f->text[q - 1] != '=' || f->code[q - 1] != 1)
		return false;
	for (q--; q > 0 && mp_is_blank(f->text[q - 1]); q--)
		;
	if (q < 5 || memcmp(f->text + q - 5, ".mmap", 5) || f->code[q - 5] != 1)
		return false;
	dot = q - 5;
	for (q = dot; q > 0 && f->code[q - 1] == 1 && ISSPACE(f->text[q - 1]); q--)
		;
	if (q == 0 || f->code[q - 1] != 1 ||
	    (f->text[q - 1] != '{' && f->text[q - 1] != ','))
		return false;
	l = mp_src_line_index(f, dot);
	add_edit(edits, n, l + 1, dot - f->line_start[l] + 1,
		 dot - f->line_start[l] + 6, xstrdup(".mmap_prepare"), near);
	add_edit(edits, n, l + 1, p - f->line_start[l] + 1,
		 p + len - f->line_start[l] + 1, concat(name, "_prepare", NULL), near);
	(*edits)[*n - 2].note = (*edits)[*n - 1].note = MP_FIXIT_INIT;
	*at = p;
	return true;
}

/* The code OPEN at Q of F: the offset of its matching CLOSE, or F's length. */
static size_t matching(const struct mp_src_file *f, size_t q, char open, char close)
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
static bool definition_text(const struct mp_src_file *f, size_t d, const char *name,
			    size_t *from, size_t *to, size_t *brace, size_t *close)
{
	size_t ls = f->line_start[mp_src_line_index(f, d)], q = d, a, b;

	for (; q > ls && mp_is_blank(f->text[q - 1]); q--)
		;
	if (q == d || q < ls + 3 || memcmp(f->text + q - 3, "int", 3))
		return false;
	for (q -= 3; q > ls && mp_is_blank(f->text[q - 1]); q--)
		;
	if (q < ls + 6 || memcmp(f->text + q - 6, "static", 6))
		return false;
	*from = q - 6;
	for (q = *from; q > ls && mp_is_blank(f->text[q - 1]); q--)
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
	if (!mp_src_code_span(f, *from, *to, &a, &b) || a != *from || b != *to)
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
static bool uses_own_macro(const struct mp_src_file *f, size_t from, size_t to,
			   const char *const *names, unsigned int n)
{
	unsigned int l, i;

	for (l = 0; l < f->n_lines; l++) {
		size_t p = f->line_start[l], e, m;
		char macro[128];
		bool names_one = false;

		while (p < f->len && mp_is_blank(f->text[p]))
			p++;
		if (p == f->len || f->text[p] != '#' || f->code[p] != 3)
			continue;
		for (p++; p < f->len && mp_is_blank(f->text[p]); p++)
			;
		if (!ident_at(f, p, "define"))
			continue;
		for (p += 6; p < f->len && mp_is_blank(f->text[p]); p++)
			;
		for (m = 0; p + m < f->len && mp_is_ident_char(f->text[p + m]); m++)
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
static unsigned int find_ident(const struct mp_src_file *f, size_t from, size_t to,
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
static bool keep_diff_order(const struct mp_src_file *f, struct mp_conv_edit **edits,
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
		if (mp_src_blank_line(f, e.line - 1))
			return false;
		s = f->line_start[e.line - 1];
		t = mp_src_line_end(f, s);
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
		if ((p == s || !mp_is_ident_char(p[-1])) && !mp_is_ident_char(p[n]) &&
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
static bool local_left_unused(const struct mp_src_file *f, size_t from, size_t to,
			      const struct mp_conv_edit *edits, unsigned int n,
			      const struct mp_fn_locals *l)
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
static bool make_fixits(struct mp_conversion *c, const struct mp_src_file *f,
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
	struct mp_src_file *f, *fd;
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
	    !mp_src_offset_of(init, &f, &v))
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
	    !mp_src_offset_of(hook_loc, &fd, &d) || fd != f || !ident_at(f, d, name) ||
	    find_ident(f, 0, f->len, name, pos, 3) != 2 ||
	    (pos[0] != d && pos[1] != d) || (pos[0] != at && pos[1] != at) ||
	    maybe_get_identifier(prepared) || find_ident(f, 0, f->len, prepared, pos, 1) ||
	    !definition_text(f, d, name, &decl_from, &decl_to, &brace, &close))
		goto out;
	for (parm = DECL_ARGUMENTS(c->hook); parm; parm = DECL_CHAIN(parm)) {
		const char *p = DECL_NAME(parm) ? IDENTIFIER_POINTER(DECL_NAME(parm)) : NULL;

		if (p && !strcmp(p, "desc"))
			goto out;
		if (mp_is_vma_pointer_type(TREE_TYPE(parm)))
			vma = p;
		else if (mp_is_file_pointer_type(TREE_TYPE(parm)))
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
	mp_conv_replace_edits(&edits, &n, f, decl_from, decl_to, c->signature, hook_loc);
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
		unsigned int l = mp_src_line_index(f, brace) + 1;

		for (v = brace + 1; v < f->len && mp_is_blank(f->text[v]); v++)
			;
		if (!c->prologue || v == f->len || f->text[v] != '\n')
			goto out;
		while (l < f->n_lines && mp_src_blank_line(f, l))
			l++;
		if (l >= f->n_lines)
			goto out;
		add_edit(&edits, &n, l + 1, 1, 1,
			 concat("\t", c->prologue, "\n", NULL), hook_loc);
		edits[n - 1].note = MP_FIXIT_PROLOGUE;
	}
	if (!local_left_unused(f, brace, close, edits, n, mp_conv_locals_of(c->hook)) &&
	    keep_diff_order(f, &edits, &n))
		make_fixits(c, f, edits, n);
out:
	free(prepared);
	mp_conv_free_edits(&edits, &n);
}
