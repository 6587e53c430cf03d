/* G2 (after the stacked-file change): 'file' became immutable and
   'vm_file' is the mutable one. */
/* { dg-do compile } */
/* { dg-options "-DMP_GEN=2" } */
#include "mp-ops.h"

int g2_prepare(struct vm_area_desc *desc, struct file *f)
{
	desc->vm_file = f;
	desc->vm_flags |= 1;
	desc->file = f;		/* { dg-warning "'g2_prepare' writes immutable field 'file' .*mmap-prepare-immutable" } */
	return 0;
}

/* { dg-message "'file' is immutable: mmap_prepare hooks may change only pgoff, vm_file, vm_flags, page_prot, vm_ops, private_data" "" { target *-*-* } 0 } */
