/* G1 (as first merged): no vm_file member, 'file' is mutable. */
/* { dg-do compile } */
/* { dg-options "-DMP_GEN=1" } */
#include "mp-ops.h"

int g1_prepare(struct vm_area_desc *desc, struct file *f)
{
	desc->file = f;
	desc->vm_flags |= 1;
	desc->start = 0;	/* { dg-warning "'g1_prepare' writes immutable field 'start' .*mmap-prepare-immutable" } */
	return 0;
}

/* { dg-message "'start' is immutable: mmap_prepare hooks may change only pgoff, file, vm_flags, page_prot, vm_ops, private_data" "" { target *-*-* } 0 } */
