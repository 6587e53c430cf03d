/* What sanitizer, FORTIFY and 32-bit builds hand the plugin.
   - memory writers known by what they are: KASAN+FORTIFY's
     __underlying_memcpy (assembler name memcpy), the sanitizers'
     __asan_memset, --wrap's __real_memmove, a renamed copy;
   - a length kept in a local is a constant at every level: the field is
     written, not "the rest of the struct";
   - UBSAN's checks are internal functions that only look;
   - a negative constant offset (w[-1]) is negative on -m32 too. */
/* { dg-do compile } */
/* { dg-options "-fsanitize=null,alignment,object-size,bounds,shift" } */
#include "mp-ops.h"

extern void *__underlying_memcpy(void *p, const void *q, size_t n) __asm__("memcpy");
extern void *__asan_memset(void *p, int c, size_t n);
extern void *__real_memmove(void *p, const void *q, size_t n);
extern void *fortified_copy(void *p, const void *q, size_t n) __asm__("memcpy");

int fortify_prepare(struct vm_area_desc *desc, const unsigned long *src)
{
	size_t n = sizeof(desc->end);
	size_t ok = sizeof(desc->pgoff);
	unsigned long *p = &desc->start, *w = &desc->pgoff;
	unsigned long seen = *p + (*p >> 3);

	__underlying_memcpy(&desc->start, src, sizeof(desc->start));	/* { dg-warning "writes immutable field 'start' .*mmap-prepare-immutable" } */
	__asan_memset(&desc->end, 0, n);		/* { dg-warning "writes immutable field 'end' .*mmap-prepare-immutable" } */
	__real_memmove(&desc->start, src, 1);		/* { dg-warning "writes immutable field 'start' .*mmap-prepare-immutable" } */
	fortified_copy(&desc->end, src, sizeof(desc->end));	/* { dg-warning "writes immutable field 'end' .*mmap-prepare-immutable" } */
	__asan_memset(&desc->pgoff, 0, ok);
	w[-1] = seen;					/* { dg-warning "writes immutable field 'end' .*mmap-prepare-immutable" } */
	return 0;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
