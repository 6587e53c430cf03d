/* Recursive helpers: a cycle of static functions is summarised as a
   whole, to its least fixed point, whatever order the plugin visits the
   functions in.  A cycle that writes through the pointer is found; one
   that only reads it is clean; a recursive helper returning a pointer
   into the descriptor is followed to the caller's store. */
/* { dg-do compile } */
#include "mp-ops.h"

static unsigned long peek_a(unsigned long *p, int n);

static unsigned long peek_b(unsigned long *p, int n)
{
	return n ? peek_a(p, n - 1) : *p;
}

static unsigned long peek_a(unsigned long *p, int n)
{
	return n ? peek_b(p, n - 1) + *p : 0;
}

static void poke_c(unsigned long *p, int n);

static void poke_b(unsigned long *p, int n)
{
	if (n)
		poke_c(p, n - 1);
}

static void poke_c(unsigned long *p, int n)
{
	if (n)
		poke_b(p, n - 1);
	else
		*p = 0;
}

static unsigned long *pick(struct vm_area_desc *d, int n)
{
	return n ? pick(d, n - 1) : &d->end;
}

int recursion_prepare(struct vm_area_desc *desc, int n)
{
	unsigned long r = peek_a(&desc->start, n) + peek_b(&desc->end, n);

	poke_b(&desc->start, n);	/* { dg-warning "'recursion_prepare' passes the address of immutable field 'start' of 'struct vm_area_desc' to 'poke_b', which may write it .mmap-prepare-immutable" } */
	*pick(desc, n) = r;		/* { dg-warning "writes immutable field 'end' .*mmap-prepare-immutable" } */
	return 0;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
