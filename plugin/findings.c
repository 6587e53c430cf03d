// SPDX-License-Identifier: GPL-2.0
/*
 * Findings are queued while the unit is analysed and printed at the end,
 * sorted by source position and with duplicates dropped, so that one
 * finding is reported once however many GIMPLE statements it lowers to.
 *
 * A finding inside a macro expansion is printed at the macro's use, with
 * a note at the spelling inside the macro, for which GCC adds its usual
 * "in expansion of macro" notes.
 *
 * Each rule prints its own findings (the finding's emit function) with
 * GCC's diagnostic functions and format directives.  While it does,
 * current_function_decl is the finding's function, so GCC prints its
 * usual "In function 'foo':" line before the first finding of each
 * function, as for its own warnings: in a kernel build log that is where
 * a reader looks for the function, and a finding printed at the end of
 * the unit would otherwise appear under whatever function GCC last
 * named.
 */
#include "mmap_prepare.h"

struct queued {
	struct mp_finding f;
	unsigned int seq;		/* arrival order, for stable sorting */
};

static struct queued *queue;
static unsigned int n_queue, queue_cap;

location_t mp_stmt_location(gimple *stmt, tree fndecl)
{
	location_t loc = gimple_location(stmt);

	if (LOCATION_LOCUS(loc) == UNKNOWN_LOCATION)
		loc = DECL_SOURCE_LOCATION(fndecl);
	return loc;
}

location_t mp_effect_location(const struct mp_effect *e, tree fndecl)
{
	if (LOCATION_LOCUS(e->loc) == UNKNOWN_LOCATION)
		return DECL_SOURCE_LOCATION(fndecl);
	return e->loc;
}

static location_t primary_location(location_t loc)
{
	loc = get_pure_location(loc);
	if (linemap_location_from_macro_expansion_p(line_table, loc))
		loc = linemap_resolve_location(line_table, loc,
					       LRK_MACRO_EXPANSION_POINT, NULL);
	return loc;
}

static void free_finding(struct mp_finding *f)
{
	free(f->field);
	free(f->text);
	free(f->text2);
	free(f->text3);
	free(f->fix_text);
	free(f->record_extra);
}

void mp_finding_add(const struct mp_finding *f)
{
	MP_GROW(queue, n_queue, queue_cap);
	queue[n_queue].f = *f;
	queue[n_queue].f.where = primary_location(f->loc);
	queue[n_queue].seq = n_queue;
	n_queue++;
}

static int compare_str(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

/* Position in the source, then rule, then arrival: duplicates end adjacent. */
static int compare_queued(const void *pa, const void *pb)
{
	const struct queued *a = (const struct queued *)pa;
	const struct queued *b = (const struct queued *)pb;
	expanded_location ea = expand_location(a->f.where);
	expanded_location eb = expand_location(b->f.where);
	int c;

	c = compare_str(ea.file, eb.file);
	if (c)
		return a->f.where < b->f.where ? -1 : 1;
	if (ea.line != eb.line)
		return ea.line < eb.line ? -1 : 1;
	if (ea.column != eb.column)
		return ea.column < eb.column ? -1 : 1;
	if (a->f.rule != b->f.rule)
		return a->f.rule->order < b->f.rule->order ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/*
 * One rule, one place: one finding.  A single source store can lower to
 * several GIMPLE stores (desc->action = (struct mmap_action){...} writes
 * each member); the first, in statement order, speaks for all.
 */
static bool same_finding(const struct queued *a, const struct queued *b)
{
	expanded_location ea = expand_location(a->f.where);
	expanded_location eb = expand_location(b->f.where);

	return a->f.rule == b->f.rule && ea.line == eb.line &&
	       ea.column == eb.column && !compare_str(ea.file, eb.file);
}

static void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; s && *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

/*
 * kbuild maps the source root away with -fmacro-prefix-map=SRC/=: the
 * same mapping makes report paths relative to the tree.
 */
static const char *relative_path(const char *file)
{
	if (!file)
		return NULL;
	file = remap_macro_filename(file);
	if (file[0] == '.' && file[1] == '/')
		file += 2;
	return file;
}

/*
 * One JSON object per line.  The whole line goes out in one write() on
 * an O_APPEND descriptor, so parallel compilers never interleave.
 */
static void append_report(const struct mp_finding *f, const char *message)
{
	expanded_location e = expand_location(f->where);
	const char *file = relative_path(e.file);
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	int fd;

	if (!mem) {
		error("%<-fplugin-arg-%s-report%>: cannot record a finding: %s",
		      mp_plugin_name, xstrerror(errno));
		return;
	}
	fputs("{\"file\":", mem);
	json_string(mem, file);
	fprintf(mem, ",\"line\":%d,\"column\":%d,\"rule\":", e.line, e.column);
	json_string(mem, f->rule->full_name);
	fputs(",\"function\":", mem);
	json_string(mem, f->fndecl && DECL_NAME(f->fndecl) ?
		    IDENTIFIER_POINTER(DECL_NAME(f->fndecl)) : NULL);
	fputs(",\"field\":", mem);
	json_string(mem, f->field);
	fputs(",\"severity\":", mem);
	json_string(mem, f->rule->dflt == MP_OPT_IN ? "note" :
		    mp_opts.werror ? "error" : "warning");
	fputs(",\"message\":", mem);
	json_string(mem, message);
	if (f->compiled_out != UNKNOWN_LOCATION)
		fputs(",\"compiled_out\":true", mem);
	if (f->fix_start != UNKNOWN_LOCATION) {
		expanded_location s = expand_location(f->fix_start);
		expanded_location x = expand_location(f->fix_finish);

		/* A fix-it's range is on one line; the end column is
		   exclusive, as in SARIF. */
		fputs(",\"fix\":{\"file\":", mem);
		json_string(mem, relative_path(s.file));
		fprintf(mem, ",\"line\":%d,\"column\":%d,\"end_column\":%d,\"replacement\":",
			s.line, s.column, x.column + 1);
		json_string(mem, f->fix_text ? f->fix_text : "");
		fputc('}', mem);
	}
	if (f->n_fixes) {
		unsigned int i;

		/* The same, one per fix-it; an insertion's range is empty. */
		fputs(",\"fixes\":[", mem);
		for (i = 0; i < f->n_fixes; i++) {
			const struct mp_fixit *x = &f->fixes[i];
			expanded_location s = expand_location(x->start);
			int end = x->finish == UNKNOWN_LOCATION ? s.column :
				  expand_location(x->finish).column + 1;

			fputs(i ? ",{\"file\":" : "{\"file\":", mem);
			json_string(mem, relative_path(s.file));
			fprintf(mem, ",\"line\":%d,\"column\":%d,\"end_column\":%d,\"replacement\":",
				s.line, s.column, end);
			json_string(mem, x->text);
			fputc('}', mem);
		}
		fputc(']', mem);
	}
	if (f->record_extra)
		fputs(f->record_extra, mem);
	fputs("}\n", mem);
	fclose(mem);

	fd = open(mp_opts.report_path, O_WRONLY | O_APPEND | O_CREAT, 0644);
	if (fd < 0 || write(fd, buf, len) != (ssize_t)len)
		error("%<-fplugin-arg-%s-report%>: cannot append to %qs: %s",
		      mp_plugin_name, mp_opts.report_path, xstrerror(errno));
	if (fd >= 0)
		close(fd);
	free(buf);
}

void mp_finding_fixits(const struct mp_finding *f, rich_location *richloc)
{
	source_range range;

	if (f->fix_start == UNKNOWN_LOCATION)
		return;
	range.m_start = f->fix_start;
	range.m_finish = f->fix_finish;
	richloc->add_fixit_replace(range, f->fix_text ? f->fix_text : "");
}

void mp_fixit_add(const struct mp_fixit *x, rich_location *richloc)
{
	source_range range;

	if (x->finish == UNKNOWN_LOCATION) {
		richloc->add_fixit_insert_before(x->start, x->text);
		return;
	}
	range.m_start = x->start;
	range.m_finish = x->finish;
	richloc->add_fixit_replace(range, x->text);
}

bool mp_line_column_location(location_t near, int line, int col,
			     location_t *out)
{
	const line_map_ordinary *map;
	expanded_location want, got;

	if (line <= 0 || col <= 0 || near <= BUILTINS_LOCATION ||
	    linemap_location_from_macro_expansion_p(line_table, near))
		return false;
	map = linemap_check_ordinary(linemap_lookup(line_table, near));
	if (!map || (linenum_type)line < ORDINARY_MAP_STARTING_LINE_NUMBER(map))
		return false;
	want = expand_location(near);
	*out = linemap_position_for_line_and_column(line_table, map, line, col);
	got = expand_location(*out);
	return got.file && want.file && !strcmp(got.file, want.file) &&
	       got.line == line && got.column == col;
}

char *mp_json_quote(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;

	if (!s)
		return xstrdup("null");
	mem = open_memstream(&buf, &len);
	if (!mem)
		return xstrdup("null");
	json_string(mem, s);
	fclose(mem);
	return buf;
}

void mp_finding_shown(const struct mp_finding *f, char *text)
{
	location_t loc = get_pure_location(f->loc);

	if (loc != f->where)
		inform(loc, "written in this macro expansion");
	if (f->compiled_out != UNKNOWN_LOCATION)
		inform(f->compiled_out,
		       "this branch is compiled out in this configuration (its condition is constant here); other configurations build it");
	if (mp_opts.report_path)
		append_report(f, text);
	free(text);
}

static void emit(const struct mp_finding *f)
{
	tree saved_fn = current_function_decl;
	location_t saved_loc = input_location;
	/*
	 * The notes belong to the finding: JSON "children", SARIF
	 * "relatedLocations".
	 */
	auto_diagnostic_group group;

	current_function_decl = f->fndecl;
	input_location = f->where;
	f->emit(f);
	current_function_decl = saved_fn;
	input_location = saved_loc;
}

void mp_findings_flush(void)
{
	unsigned int i;

	if (n_queue > 1)
		qsort(queue, n_queue, sizeof(queue[0]), compare_queued);
	for (i = 0; i < n_queue; i++) {
		if (!i || !same_finding(&queue[i - 1], &queue[i]))
			emit(&queue[i].f);
	}
	for (i = 0; i < n_queue; i++)
		free_finding(&queue[i].f);
	free(queue);
	queue = NULL;
	n_queue = 0;
	queue_cap = 0;
}
