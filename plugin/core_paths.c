// SPDX-License-Identifier: GPL-2.0
/*
 * Core code builds descriptors and may write every field.  A function is
 * core when the file it is defined in matches an entry of the core= list.
 *
 * A relative entry matches at path-component boundaries anywhere in the
 * path, so in-tree ("mm/util.c"), O= ("../mm/util.c") and absolute
 * ("/src/linux/mm/util.c") spellings all match, and "drivers/xmm/util.c"
 * does not.  An absolute entry is a plain prefix.
 */
#include "mmap_prepare.h"

/* Does ENTRY match PATH starting exactly at PATH? */
static bool entry_matches_here(const char *entry, const char *path)
{
	size_t len = strlen(entry);

	if (strncmp(path, entry, len))
		return false;
	/* "mm/" is a directory prefix; "mm/util.c" must end a component. */
	return entry[len - 1] == '/' || path[len] == '\0' || path[len] == '/';
}

static bool entry_matches(const char *entry, const char *path)
{
	const char *p;

	if (entry[0] == '/')
		return !strncmp(path, entry, strlen(entry));
	if (entry[0] == '.' && entry[1] == '/')
		entry += 2;
	for (p = path; *p; p++) {
		if ((p == path || p[-1] == '/') && entry_matches_here(entry, p))
			return true;
	}
	return false;
}

bool mp_path_is_core(const char *path)
{
	unsigned int i;

	if (!path)
		return false;
	for (i = 0; i < mp_opts.n_core; i++) {
		if (entry_matches(mp_opts.core[i], path))
			return true;
	}
	return false;
}

bool mp_decl_is_core(tree fndecl)
{
	location_t loc = DECL_SOURCE_LOCATION(fndecl);

	/* A function written inside a macro belongs to the macro's file. */
	loc = linemap_resolve_location(line_table, loc,
				       LRK_SPELLING_LOCATION, NULL);
	return mp_path_is_core(LOCATION_FILE(loc));
}
