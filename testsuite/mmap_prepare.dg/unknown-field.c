/* A member no generation names is never silently allowed. */
/* { dg-do compile } */
/* { dg-options "-DMP_EXTRA_MEMBER" } */
#include "mp-ops.h"

int unknown_prepare(struct vm_area_desc *desc)
{
	unsigned long m = desc->mystery;

	desc->mystery = m + 1;	/* { dg-warning "'unknown_prepare' writes field 'mystery', which the mmap_prepare policy does not classify, of 'struct vm_area_desc' .mmap-prepare-unknown-field" } */
	*(&desc->mystery) = 0;	/* { dg-warning "writes field 'mystery'.*mmap-prepare-unknown-field" } */
	return 0;
}

/* { dg-message "generation G3 of 'struct vm_area_desc' does not name 'mystery'" "" { target *-*-* } 0 } */
