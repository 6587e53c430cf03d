/* The address of an immutable field handed to a callee that may write
   through it: an external function, a visible one that writes, one that
   lets the pointer escape, and a function pointer. */
/* { dg-do compile } */
#include "mp-ops.h"

void ext_fill(unsigned long *p);
static void set_one(unsigned long *p)
{
	*p = 1;
}
static unsigned long **stash;
static void keep(unsigned long *p)
{
	*stash = p;
}
static void forward(unsigned long *p)
{
	ext_fill(p);
}

int addr_prepare(struct vm_area_desc *desc, void (*cb)(unsigned long *))
{
	ext_fill(&desc->start);		/* { dg-warning "'addr_prepare' passes the address of immutable field 'start' of 'struct vm_area_desc' to 'ext_fill', which may write it .mmap-prepare-immutable" } */
	set_one(&desc->end);		/* { dg-warning "passes the address of immutable field 'end' .* to 'set_one'" } */
	keep(&desc->start);		/* { dg-warning "passes the address of immutable field 'start' .* to 'keep'" } */
	/* { dg-warning "'addr_prepare' passes a pointer to its 'struct vm_area_desc' to 'keep', which keeps it where it outlives the call .mmap-prepare-escape" "" { target *-*-* } .-1 } */
	forward(&desc->end);		/* { dg-warning "passes the address of immutable field 'end' .* to 'forward'" } */
	cb(&desc->start);		/* { dg-warning "passes the address of immutable field 'start' .* to a function pointer" } */
	ext_fill(&desc->pgoff);
	return 0;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
/* { dg-message "valid only until the mmap_prepare hook returns" "" { target *-*-* } 0 } */
