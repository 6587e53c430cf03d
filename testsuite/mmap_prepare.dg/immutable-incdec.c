/* ++ and -- in every position. */
/* { dg-do compile } */
#include "mp-ops.h"

int incdec_prepare(struct vm_area_desc *desc)
{
	desc->start++;		/* { dg-warning "'incdec_prepare' writes immutable field 'start' .*mmap-prepare-immutable" } */
	--desc->end;		/* { dg-warning "writes immutable field 'end' .*mmap-prepare-immutable" } */
	return desc->pgoff++;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
