/* A derived pointer carried around a loop and through a local array. */
/* { dg-do compile } */
#include "mp-ops.h"

int loop_prepare(struct vm_area_desc *desc, int n)
{
	unsigned long *slots[2];
	unsigned long *p = &desc->pgoff;
	int i;

	slots[0] = &desc->end;
	slots[1] = &desc->pgoff;
	for (i = 0; i < n; i++)
		p = slots[1];
	*p = 0;
	*slots[0] = 1;		/* { dg-warning "'loop_prepare' writes immutable field 'end' .*mmap-prepare-immutable" } */
	return 0;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
