/* asm outputs that name an immutable field. */
/* { dg-do compile } */
#include "mp-ops.h"

int asm_prepare(struct vm_area_desc *desc)
{
	asm volatile("" : "=m"(desc->start));	/* { dg-warning "'asm_prepare' writes immutable field 'start' .*mmap-prepare-immutable" } */
	asm volatile("" : "+r"(desc->end));	/* { dg-warning "writes immutable field 'end' .*mmap-prepare-immutable" } */
	asm volatile("" : "=m"(desc->pgoff));
	return 0;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
