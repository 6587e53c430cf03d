/* Returning the descriptor from a function with external linkage lets
   it escape; from a static function it does not (the caller is
   checked instead, see clean-escape.c). */
/* { dg-do compile } */
#include "mp-ops.h"

struct vm_area_desc *export_desc(struct vm_area_desc *desc)
{
	return desc;		/* { dg-warning "'export_desc' returns a pointer into its 'struct vm_area_desc' from a function with external linkage .mmap-prepare-escape" } */
}

unsigned long *export_pgoff(struct vm_area_desc *desc)
{
	return &desc->pgoff;	/* { dg-warning "'export_pgoff' returns a pointer into its 'struct vm_area_desc'" } */
}

/* { dg-message "is valid only until the mmap_prepare hook returns" "" { target *-*-* } 0 } */
