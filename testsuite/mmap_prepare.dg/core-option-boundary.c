/* A core entry matches at path-component boundaries only: "dg/core-
   option-boundary.c" is not "mmap_prepare.dg/core-option-boundary.c". */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-core=dg/core-option-boundary.c,prepare.dg/" } */
#include "mp-ops.h"

void not_core(struct vm_area_desc *desc)
{
	desc->start = 0;	/* { dg-warning "'not_core' writes immutable field 'start'.*mmap-prepare-immutable" } */
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
