/* The descriptor, or a pointer into it, stored in a global or static. */
/* { dg-do compile } */
#include "mp-ops.h"

struct vm_area_desc *last_desc;
static unsigned long *last_pgoff;

int global_prepare(struct vm_area_desc *desc)
{
	static struct vm_area_desc *cached;

	last_desc = desc;		/* { dg-warning "'global_prepare' stores a pointer to its 'struct vm_area_desc' in a global variable .mmap-prepare-escape" } */
	cached = desc;			/* { dg-warning "stores a pointer to its 'struct vm_area_desc' in a static variable .mmap-prepare-escape" } */
	last_pgoff = &desc->pgoff;	/* { dg-warning "stores a pointer to its 'struct vm_area_desc' in a global variable .mmap-prepare-escape" } */
	return cached != NULL;
}

/* { dg-message "is valid only until the mmap_prepare hook returns; keep the values you need" "" { target *-*-* } 0 } */
