/* Heap memory, memory reachable from another argument and from the
   descriptor's own pointer fields all outlive the hook. */
/* { dg-do compile } */
#include "mp-ops.h"

struct job {
	struct vm_area_desc *desc;
	int id;
};

int heap_prepare(struct vm_area_desc *desc, struct job *other)
{
	struct job *j = kmalloc(sizeof(*j), 0);

	j->desc = desc;			/* { dg-warning "'heap_prepare' stores a pointer to its 'struct vm_area_desc' in memory that outlives the call .mmap-prepare-escape" } */
	other->desc = desc;		/* { dg-warning "stores a pointer to its 'struct vm_area_desc' in memory that outlives the call" } */
	desc->private_data = desc;	/* { dg-warning "stores a pointer to its 'struct vm_area_desc' in the descriptor's own fields" } */
	desc->file->private_data = &desc->pgoff; /* { dg-warning "stores a pointer to its 'struct vm_area_desc' in memory that outlives the call" } */
	return 0;
}

/* { dg-message "is valid only until the mmap_prepare hook returns" "" { target *-*-* } 0 } */
