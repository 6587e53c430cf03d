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

static bool path_matches_core_list(const char *path)
{
	unsigned int i;

	for (i = 0; i < mp_opts.n_core; i++) {
		if (entry_matches(mp_opts.core[i], path))
			return true;
	}
	return false;
}

/*
 * Matching a path against the list costs thousands of instructions, and
 * it is asked for every function and initialized variable, almost always
 * about the same few file names (the line map's strings).  So the answers
 * are kept in a small direct-mapped cache keyed by the string's address;
 * a hit is confirmed against a copy of the string, so a caller's
 * short-lived buffer that reuses an address cannot get a stale answer.
 */
#define CORE_CACHE_SIZE 256

static struct {
	const char *key;
	char *copy;
	bool core;
} core_cache[CORE_CACHE_SIZE];

bool mp_path_is_core(const char *path)
{
	unsigned int slot;
	bool core;

	if (!path)
		return false;
	slot = ((uintptr_t)path >> 4) % CORE_CACHE_SIZE;
	if (core_cache[slot].key == path && !strcmp(core_cache[slot].copy, path))
		return core_cache[slot].core;
	core = path_matches_core_list(path);
	free(core_cache[slot].copy);
	core_cache[slot].key = path;
	core_cache[slot].copy = xstrdup(path);
	core_cache[slot].core = core;
	return core;
}

bool mp_decl_is_core(tree fndecl)
{
	location_t loc = DECL_SOURCE_LOCATION(fndecl);

	/* A function written inside a macro belongs to the macro's file. */
	loc = linemap_resolve_location(line_table, loc,
				       LRK_SPELLING_LOCATION, NULL);
	return mp_path_is_core(LOCATION_FILE(loc));
}
