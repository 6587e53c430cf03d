/* Adversarial: pointer arithmetic in loops, variable offsets and mem*
   with computed sizes.  What cannot be placed is reported
   conservatively, never passed over. */
/* { dg-do compile } */
#include "mp-ops.h"

int loop_prepare(struct vm_area_desc *desc, int n)
{
	unsigned long *p = (unsigned long *)desc;
	int i;

	for (i = 0; i < n; i++)
		p[i] = 0;	/* { dg-warning "'loop_prepare' writes 'struct vm_area_desc' at an offset the plugin cannot determine.*mmap-prepare-immutable" } */
	return 0;
}

int walk_prepare(struct vm_area_desc *desc, int n)
{
	unsigned long *p = &desc->pgoff;

	while (n--)
		*p-- = 0;	/* { dg-warning "at an offset the plugin cannot determine.*mmap-prepare-immutable" } */
	return 0;
}

int offset_prepare(struct vm_area_desc *desc, long off)
{
	*(long *)((char *)desc + off) = 0;	/* { dg-warning "at an offset the plugin cannot determine.*mmap-prepare-immutable" } */
	return 0;
}

int size_prepare(struct vm_area_desc *desc, const void *src, unsigned long n)
{
	/* From pgoff on, an unbounded copy can reach 'action'. */
	__builtin_memcpy(&desc->pgoff, src, n);	/* { dg-warning "'size_prepare' writes 'action'.*mmap-prepare-action" } */
	return 0;
}

/* { dg-message "cannot prove this store leaves protected fields alone" "" { target *-*-* } 0 } */
/* { dg-message "'action' is filled in only by the mmap_action_" "" { target *-*-* } 0 } */
