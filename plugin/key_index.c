// SPDX-License-Identifier: GPL-2.0
/*
 * A map from a pair of 64-bit keys to a position in a caller's array.
 *
 * The unit-wide tables (ops objects by declaration and offset, callee
 * summaries by function and parameter) grow with the size of the unit; a
 * linear search in them made the plugin quadratic on units with many ops
 * objects or helpers.  Open addressing with linear probing, kept at most
 * half full, so a lookup is a few probes whatever the unit's size.
 */
#include "mmap_prepare.h"

#define MIN_SLOTS 64

static unsigned int hash_keys(unsigned long long a, unsigned long long b)
{
	unsigned long long h = a * 0x9e3779b97f4a7c15ull ^ (b + 0x632be59bd9b4e019ull);

	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 32;
	return (unsigned int)h;
}

static struct mp_key_slot *probe(const struct mp_key_index *ix, unsigned long long a,
				 unsigned long long b)
{
	unsigned int mask = ix->n_slots - 1;
	unsigned int i = hash_keys(a, b) & mask;

	while (ix->slots[i].used && (ix->slots[i].a != a || ix->slots[i].b != b))
		i = (i + 1) & mask;
	return &ix->slots[i];
}

bool mp_key_index_get(const struct mp_key_index *ix, unsigned long long a, unsigned long long b,
		      unsigned int *pos)
{
	const struct mp_key_slot *s;

	if (!ix->n_slots)
		return false;
	s = probe(ix, a, b);
	if (!s->used)
		return false;
	*pos = s->pos;
	return true;
}

static void grow(struct mp_key_index *ix)
{
	struct mp_key_slot *old = ix->slots;
	unsigned int n_old = ix->n_slots, i;

	ix->n_slots = n_old ? n_old * 2 : MIN_SLOTS;
	ix->slots = XCNEWVEC(struct mp_key_slot, ix->n_slots);
	for (i = 0; i < n_old; i++) {
		if (old[i].used)
			*probe(ix, old[i].a, old[i].b) = old[i];
	}
	free(old);
}

void mp_key_index_put(struct mp_key_index *ix, unsigned long long a, unsigned long long b,
		      unsigned int pos)
{
	struct mp_key_slot *s;

	if (2 * (ix->n_used + 1) > ix->n_slots)
		grow(ix);
	s = probe(ix, a, b);
	if (!s->used)
		ix->n_used++;
	s->used = true;
	s->a = a;
	s->b = b;
	s->pos = pos;
}

void mp_key_index_clear(struct mp_key_index *ix)
{
	free(ix->slots);
	memset(ix, 0, sizeof(*ix));
}
