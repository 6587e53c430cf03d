/* Addresses of immutable fields handed to parameters that only read:
   pointer-to-const, or a visible callee the plugin proves read-only. */
/* { dg-do compile } */
#include "mp-ops.h"

unsigned long ext_peek(const unsigned long *p);

static unsigned long peek(unsigned long *p)
{
	return *p + 1;
}

static unsigned long peek_twice(unsigned long *p)
{
	return peek(p) + *p;
}

static int print_range(unsigned long *s, unsigned long *e)
{
	return *e > *s;
}

int readonly_prepare(struct vm_area_desc *desc)
{
	return ext_peek(&desc->start) + peek(&desc->end) +
	       peek_twice(&desc->start) + print_range(&desc->start, &desc->end);
}
