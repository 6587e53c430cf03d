// SPDX-License-Identifier: GPL-2.0
/*
 * Findings are queued while the unit is analysed and printed at the end,
 * sorted by source position and with duplicates dropped, so that one
 * finding is reported once however many GIMPLE statements it lowers to.
 *
 * A finding inside a macro expansion is printed at the macro's use, with
 * a note at the spelling inside the macro, for which GCC adds its usual
 * "in expansion of macro" notes.
 */
#include "mmap_prepare.h"

struct queued {
	struct mp_finding f;
	location_t where;		/* resolved primary location */
	unsigned int seq;		/* arrival order, for stable sorting */
};

static struct queued *queue;
static unsigned int n_queue, queue_cap;

const char *mp_decl_name(tree decl)
{
	if (decl && DECL_NAME(decl))
		return IDENTIFIER_POINTER(DECL_NAME(decl));
	return "<anonymous>";
}

location_t mp_stmt_location(gimple *stmt, tree fndecl)
{
	location_t loc = gimple_location(stmt);

	if (LOCATION_LOCUS(loc) == UNKNOWN_LOCATION)
		loc = DECL_SOURCE_LOCATION(fndecl);
	return loc;
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
	unsigned int i;

	free(f->function);
	free(f->field);
	free(f->message);
	for (i = 0; i < f->n_notes; i++)
		free(f->notes[i].text);
}

void mp_finding_add(struct mp_finding *f)
{
	MP_GROW(queue, n_queue, queue_cap);
	queue[n_queue].f = *f;
	queue[n_queue].where = primary_location(f->loc);
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
	expanded_location ea = expand_location(a->where);
	expanded_location eb = expand_location(b->where);
	int c;

	c = compare_str(ea.file, eb.file);
	if (c)
		return a->where < b->where ? -1 : 1;
	if (ea.line != eb.line)
		return ea.line < eb.line ? -1 : 1;
	if (ea.column != eb.column)
		return ea.column < eb.column ? -1 : 1;
	if (a->f.rule != b->f.rule)
		return a->f.rule < b->f.rule ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/*
 * One rule, one place: one finding.  A single source store can lower to
 * several GIMPLE stores (desc->action = (struct mmap_action){...} writes
 * each member); the first, in statement order, speaks for all.
 */
static bool same_finding(const struct queued *a, const struct queued *b)
{
	expanded_location ea = expand_location(a->where);
	expanded_location eb = expand_location(b->where);

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
 * One JSON object per line.  The whole line goes out in one write() on
 * an O_APPEND descriptor, so parallel compilers never interleave.
 */
static void append_report(const struct queued *q)
{
	expanded_location e = expand_location(q->where);
	/* kbuild maps the source root away with -fmacro-prefix-map=SRC/=:
	   the same mapping makes report paths relative to the tree. */
	const char *file = e.file ? remap_macro_filename(e.file) : NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	int fd;

	if (!mem)
		return;
	if (file && file[0] == '.' && file[1] == '/')
		file += 2;
	fputs("{\"file\":", mem);
	json_string(mem, file);
	fprintf(mem, ",\"line\":%d,\"column\":%d,\"rule\":", e.line, e.column);
	json_string(mem, mp_rule_name(q->f.rule));
	fputs(",\"function\":", mem);
	json_string(mem, q->f.function);
	fputs(",\"field\":", mem);
	json_string(mem, q->f.field);
	fputs(",\"severity\":", mem);
	json_string(mem, mp_opts.werror ? "error" : "warning");
	fputs(",\"message\":", mem);
	json_string(mem, q->f.message);
	fputs("}\n", mem);
	fclose(mem);

	fd = open(mp_opts.report_path, O_WRONLY | O_APPEND | O_CREAT, 0644);
	if (fd < 0 || write(fd, buf, len) != (ssize_t)len)
		error("'-fplugin-arg-%s-report': cannot append to '%s': %s",
		      mp_plugin_name, mp_opts.report_path, xstrerror(errno));
	if (fd >= 0)
		close(fd);
	free(buf);
}

static void emit(const struct queued *q)
{
	const struct mp_finding *f = &q->f;
	location_t loc = get_pure_location(f->loc);
	bool shown;
	unsigned int i;
	/* The notes belong to the finding: JSON "children", SARIF
	   "relatedLocations". */
	auto_diagnostic_group group;

	shown = mp_diagnose_with_rule(q->where, mp_opts.werror,
				      mp_rule_name(f->rule), f->message);
	if (!shown)
		return;
	if (loc != q->where)
		inform(loc, "written in this macro expansion");
	for (i = 0; i < f->n_notes; i++)
		inform(f->notes[i].loc, "%s", f->notes[i].text);
	if (mp_opts.report_path)
		append_report(q);
}

void mp_findings_flush(void)
{
	unsigned int i;

	if (n_queue > 1)
		qsort(queue, n_queue, sizeof(queue[0]), compare_queued);
	for (i = 0; i < n_queue; i++) {
		if (!i || !same_finding(&queue[i - 1], &queue[i]))
			emit(&queue[i]);
	}
	for (i = 0; i < n_queue; i++)
		free_finding(&queue[i].f);
	free(queue);
	queue = NULL;
	n_queue = 0;
	queue_cap = 0;
}
