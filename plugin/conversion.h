/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals of deprecated-mmap's conversion advice, shared by its files
 * only.  The rule sees the result through struct mp_conversion
 * (mmap_prepare.h), never this.
 *
 * Layers, each using only the ones above it:
 *   conversion_unit.c     what the unit declares: the descriptor helpers,
 *                         the VMA_*_BIT numbers, the hook types, the
 *                         locals of the functions that take a VMA
 *   conversion_source.c   the unit's source files as text: offsets,
 *                         statements, lines, code versus comments
 *   conversion_rewrite.c  one statement's uses of the VMA rewritten as
 *                         uses of the descriptor (the mapping's rows)
 *   mmap_conversion.c     the hook classified statement by statement
 *   conversion_fixits.c   the replacements as edits, and as fix-its
 */
#ifndef MP_CONVERSION_H
#define MP_CONVERSION_H

#include "analysis.h"

/* ---- what the unit declares (conversion_unit.c) ---- */

/* The descriptor helpers a suggestion may use. */
enum mp_conv_helper {
	MP_H_GENERIC_MMAP, MP_H_GENERIC_RO_MMAP, MP_H_REMAP, MP_H_REMAP_FULL,
	MP_H_IOREMAP, MP_H_IOREMAP_FULL, MP_H_SIMPLE_IOREMAP, MP_H_DESC_PAGES,
	MP_H_DESC_SIZE, MP_H_SET_ANONYMOUS, MP_H_SET_FLAGS, MP_H_CLEAR_FLAGS,
	MP_H_TEST, MP_H_TEST_ANY,
	MP_H_COUNT
};

/* Does the unit declare helper H (a function, or a macro for some)? */
bool mp_conv_declared(enum mp_conv_helper h);
const char *mp_conv_helper_name(enum mp_conv_helper h);
/* Does the unit declare the enumerator NAME ("VMA_IO_BIT")? */
bool mp_conv_have_bit(const char *name);

/*
 * The names of the locals of a function that takes a VMA, from its body
 * as parsed (optimization drops them later): a fix-it must not leave one
 * unused.
 */
struct mp_fn_locals {
	unsigned int uid;
	char **names;
	unsigned int n, cap;
};

const struct mp_fn_locals *mp_conv_locals_of(tree fndecl);

/* Is TYPE a pointer to the struct whose tag is TAG (an mp_id_*)? */
bool mp_is_pointer_to_struct(tree type, tree tag);
/* Does FNDECL take a struct vm_area_struct *? */
bool mp_has_vma_param(tree fndecl);

static inline bool mp_is_vma_pointer_type(tree type)
{
	return mp_is_pointer_to_struct(type, mp_id_vm_area_struct);
}

static inline bool mp_is_file_pointer_type(tree type)
{
	return mp_is_pointer_to_struct(type, mp_id_file);
}

/* ---- text (conversion_source.c) ---- */

/* A growing string; starts as { NULL, 0, 0 }, buf is xmalloc'd. */
struct mp_text {
	char *buf;
	size_t len, cap;
};

void mp_text_put(struct mp_text *t, const char *s, size_t n);
void mp_text_puts(struct mp_text *t, const char *s);

static inline bool mp_is_ident_char(char c)
{
	return ISALNUM(c) || c == '_';
}

static inline bool mp_is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* A source file of the unit, read once. */
struct mp_src_file {
	char *name;
	char *text;
	/* per byte: 1 code, 2 literal, 0 comment, 3 directive */
	char *code;
	size_t len;
	size_t *line_start;		/* by line number - 1 */
	unsigned int n_lines;
};

/* The file and offset of LOC resolved as KIND says (false: unreadable). */
bool mp_src_offset_resolved(location_t loc, enum location_resolution_kind kind,
			    struct mp_src_file **file, size_t *off);
/* ... at its macro expansion point: the statement's place. */
bool mp_src_offset_of(location_t loc, struct mp_src_file **file, size_t *off);
char *mp_src_code_text(const struct mp_src_file *f, size_t s, size_t e);
char *mp_src_statement_text(const struct mp_src_file *f, size_t off,
			    size_t *start, size_t *end);
unsigned int mp_src_line_index(const struct mp_src_file *f, size_t off);
bool mp_src_blank_line(const struct mp_src_file *f, unsigned int l);
size_t mp_src_line_end(const struct mp_src_file *f, size_t off);
bool mp_src_code_span(const struct mp_src_file *f, size_t s, size_t e,
		      size_t *from, size_t *to);

/* ---- rewriting a statement (conversion_rewrite.c) ---- */

struct mp_rewriter {
	const char *vma;		/* the VMA's name in this function */
	bool bare_ok;			/* the VMA itself may become desc */
	bool failed;
	bool split;			/* one call became two statements */
};

char *mp_rewrite(struct mp_rewriter *rw, const char *stmt);
bool mp_call_args(const char *stmt, const char *name, char **args,
		  unsigned int max, unsigned int *n);
bool mp_only_call(const char *stmt, const char *name);

/* ---- edits of the source (conversion_fixits.c) ---- */

struct mp_conv_edit {
	int line;			/* 1-based */
	int col, end;			/* 1-based bytes, END exclusive */
	char *text;
	location_t near;		/* in the same line map (for the fix-it) */
	int note;			/* the diagnostic: struct mp_fixit's */
};

void mp_conv_free_edits(struct mp_conv_edit **edits, unsigned int *n);
void mp_conv_replace_edits(struct mp_conv_edit **edits, unsigned int *n,
			   const struct mp_src_file *f, size_t from, size_t to,
			   const char *text, location_t near);
void mp_conv_rewrite_edits(struct mp_conv_note *n, struct mp_rewriter *rw,
			   const struct mp_src_file *f, size_t from, size_t to,
			   const char *text);

#endif /* MP_CONVERSION_H */
