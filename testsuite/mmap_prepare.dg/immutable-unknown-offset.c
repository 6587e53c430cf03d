/* A store at an offset the plugin cannot compute is reported
   conservatively rather than guessed about. */
/* { dg-do compile } */
#include "mp-ops.h"

int offset_prepare(struct vm_area_desc *desc, int i)
{
	((char *)desc)[i] = 0;	/* { dg-warning "'offset_prepare' writes 'struct vm_area_desc' at an offset the plugin cannot determine; it may change immutable fields .mmap-prepare-immutable" } */
	/* { dg-message "cannot prove this store leaves protected fields alone" "" { target *-*-* } .-1 } */
	desc->vma_flags.__vma_flags[i] = 0;
	return 0;
}
