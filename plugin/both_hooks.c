// SPDX-License-Identifier: GPL-2.0
/*
 * Rule mmap-prepare-both-hooks: .mmap and .mmap_prepare are mutually
 * exclusive; the kernel notices an ops object with both only at mmap()
 * time (WARN_ON_ONCE, -ENODEV).  One warning per object, at the hook
 * written second, with a note at the other (ops_objects.c collects them
 * from initializers and from assignments anywhere in the unit).
 *
 * The warning carries a fix-it that removes ".mmap = FN," when the
 * source spells exactly that designated initializer on one line: read
 * back from the file the compiler read, and nothing else accepted
 * (macros, several lines, positional initializers, casts: no fix-it).
 */
#include "mmap_prepare.h"

static const char *const hook_names[MP_HOOK_COUNT] = {
	".mmap", ".mmap_prepare"
};

/* Where a hook given inside a macro is written: the macro's use. */
static location_t expansion_point(location_t loc)
{
	return linemap_resolve_location(line_table, loc,
					LRK_MACRO_EXPANSION_POINT, NULL);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_ident(char c)
{
	return ISIDNUM(c);
}

/* Can a designator follow C in an initializer list? */
static bool starts_element(char c)
{
	return c == '{' || c == ',';
}

/*
 * In LINE[0..LEN), around the value at offset V: "[&]FN" preceded by
 * ".mmap =" and followed by ",", each part separated by blanks only, the
 * designator at the start of the line or after '{' or ','.  Sets
 * [*FROM, *TO) to what removing it takes: the whole line's text when it
 * holds nothing else, else the designator through the blanks after the
 * comma (or, at the end of the line, the blanks before the designator
 * through the comma).  False if the text is anything else.
 */
static bool match_mmap_initializer(const char *line, size_t len, size_t v,
				   const char *fn, size_t *from, size_t *to)
{
	size_t n = strlen(fn), i = v, dot, end;
	bool alone_before, alone_after;

	/* the value */
	if (i < len && line[i] == '&')
		for (i++; i < len && is_blank(line[i]); i++)
			;
	if (i + n > len || memcmp(line + i, fn, n) ||
	    (i + n < len && is_ident(line[i + n])))
		return false;
	for (end = i + n; end < len && is_blank(line[end]); end++)
		;
	if (end == len || line[end] != ',')
		return false;
	end++;			/* past the comma */
	/* "=" and ".mmap" before it */
	for (i = v; i > 0 && is_blank(line[i - 1]); i--)
		;
	if (i == 0 || line[i - 1] != '=')
		return false;
	for (i--; i > 0 && is_blank(line[i - 1]); i--)
		;
	if (i < 5 || line[i - 5] != '.' || memcmp(line + i - 4, "mmap", 4))
		return false;
	dot = i - 5;
	for (i = dot; i > 0 && is_blank(line[i - 1]); i--)
		;
	if (i > 0 && !starts_element(line[i - 1]))
		return false;
	alone_before = i == 0;
	for (i = end; i < len && is_blank(line[i]); i++)
		;
	alone_after = i == len;
	if (alone_before && alone_after) {
		*from = 0;
		*to = len;
	} else if (alone_after) {
		for (*from = dot; *from > 0 && is_blank(line[*from - 1]); (*from)--)
			;
		*to = len;
	} else {
		*from = dot;
		*to = i;
	}
	/* Leave a CR line ending alone. */
	while (*to > *from && line[*to - 1] == '\r')
		(*to)--;
	return *to > *from;
}

/*
 * The location of column COL (1-based) of the line of LOC, checked to
 * read back as exactly that place.
 */
static bool column_location(location_t loc, int col, location_t *out)
{
	return mp_line_column_location(loc, LOCATION_LINE(loc), col, out);
}

/* The fix-it of object O: remove the initializer of its .mmap. */
static void add_fixit(struct mp_finding *f, const struct mp_ops_object *o)
{
	location_t loc = get_pure_location(o->loc[MP_HOOK_MMAP]), start, finish;
	const char *line;
	expanded_location x;
	size_t len, from, to;

	/* Given by an initializer, not from a macro. */
	if (!o->init_fn[MP_HOOK_MMAP] ||
	    linemap_location_from_macro_expansion_p(line_table, loc))
		return;
	x = expand_location(loc);
	if (!x.file || x.column <= 0)
		return;
	line = mp_source_line(x.file, x.line, &len);
	if (!line || (size_t)x.column > len ||
	    !match_mmap_initializer(line, len, x.column - 1,
				    o->init_fn[MP_HOOK_MMAP], &from, &to))
		return;
	if (!column_location(loc, from + 1, &start) ||
	    !column_location(loc, to, &finish))
		return;
	f->fix_start = start;
	f->fix_finish = finish;
	f->fix_text = xstrdup("");
}

static void emit_both(const struct mp_finding *f)
{
	if (!mp_report(f,
		       "%qs (%s) sets both %<.mmap%> and %<.mmap_prepare%>; the hooks are mutually exclusive and mmap() fails with -ENODEV",
		       f->text, f->text2))
		return;
	inform(f->note_loc, "%qs is also set here; drop %<.mmap%> and keep %<.mmap_prepare%>",
	       hook_names[f->variant]);
}

static void report_both(const struct mp_ops_object *o)
{
	struct mp_finding f;
	int second = MP_HOOK_MMAP_PREPARE, first;

	if (linemap_compare_locations(line_table,
				      expansion_point(o->loc[MP_HOOK_MMAP]),
				      expansion_point(o->loc[MP_HOOK_MMAP_PREPARE])) < 0)
		second = MP_HOOK_MMAP;
	first = 1 - second;

	memset(&f, 0, sizeof(f));
	f.rule = &mp_rule_both_hooks;
	f.loc = o->loc[second];
	f.field = xstrdup(hook_names[second] + 1);
	f.text = xstrdup(o->name);
	f.text2 = xstrdup(o->type_name);
	f.variant = first;
	f.note_loc = o->loc[first];
	f.compiled_out = o->compiled_out[second] != UNKNOWN_LOCATION ?
			 o->compiled_out[second] : o->compiled_out[first];
	f.emit = emit_both;
	add_fixit(&f, o);
	mp_finding_add(&f);
}

static void check_unit(void)
{
	unsigned int i;

	for (i = 0; i < mp_ops_count(); i++) {
		const struct mp_ops_object *o = mp_ops_object(i);

		if (o->set[MP_HOOK_MMAP] && o->set[MP_HOOK_MMAP_PREPARE])
			report_both(o);
	}
}

struct mp_rule mp_rule_both_hooks = {
	.name = "both-hooks",
	.dflt = MP_ON,
	.summary =
		"an ops object (any struct with function-pointer members mmap and mmap_prepare) given both",
	.check_unit = check_unit,
};
