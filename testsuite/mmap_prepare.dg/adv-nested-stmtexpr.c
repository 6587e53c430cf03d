/* Adversarial: writes in nested functions and statement expressions. */
/* { dg-do compile } */
#include "mp-ops.h"

int stmtexpr_prepare(struct vm_area_desc *desc)
{
	return ({ desc->end = 1; 0; });	/* { dg-warning "'stmtexpr_prepare' writes immutable field 'end'.*mmap-prepare-immutable" } */
}

int nested_prepare(struct vm_area_desc *desc)
{
	void inner(void)
	{
		desc->start = 5;	/* { dg-warning "'inner' writes immutable field 'start'.*mmap-prepare-immutable" } */
	}
	inner();
	return 0;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
