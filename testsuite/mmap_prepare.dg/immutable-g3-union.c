/* G3 with vm_flags and vma_flags in an anonymous union: both are
   mutable, the immutable fields stay immutable. */
/* { dg-do compile } */
/* { dg-options "-DMP_G3_UNION" } */
#include "mp-ops.h"

int g3u_prepare(struct vm_area_desc *desc)
{
	desc->vm_flags |= 1;
	desc->vma_flags.__vma_flags[0] |= 2;
	desc->end = 0;		/* { dg-warning "'g3u_prepare' writes immutable field 'end' .*mmap-prepare-immutable" } */
	return 0;
}

/* { dg-message "'end' is immutable: mmap_prepare hooks may change only pgoff, vm_file, vm_flags, vma_flags, page_prot, vm_ops, private_data" "" { target *-*-* } 0 } */
