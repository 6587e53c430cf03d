/* Compound assignments read and write the field: still a write. */
/* { dg-do compile } */
#include "mp-ops.h"

int compound_prepare(struct vm_area_desc *desc)
{
	desc->end += 4096;	/* { dg-warning "'compound_prepare' writes immutable field 'end' .*mmap-prepare-immutable" } */
	desc->start |= 1;	/* { dg-warning "writes immutable field 'start' .*mmap-prepare-immutable" } */
	desc->end -= desc->start; /* { dg-warning "writes immutable field 'end' .*mmap-prepare-immutable" } */
	desc->pgoff += 1;
	return 0;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
