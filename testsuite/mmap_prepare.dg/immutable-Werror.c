/* -Werror makes the findings errors, as for any warning. */
/* { dg-do compile } */
/* { dg-options "-Werror" } */
#include "mp-ops.h"

int Werror_prepare(struct vm_area_desc *desc)
{
	desc->end = 0;		/* { dg-error "'Werror_prepare' writes immutable field 'end' .*mmap-prepare-immutable" } */
	return 0;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
