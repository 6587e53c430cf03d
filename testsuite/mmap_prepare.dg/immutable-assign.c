/* Plain assignments to immutable fields of a G3 descriptor. */
/* { dg-do compile } */
#include "mp-ops.h"

int assign_prepare(struct vm_area_desc *desc, struct file *f)
{
	desc->start = 0;	/* { dg-warning "'assign_prepare' writes immutable field 'start' of 'struct vm_area_desc' .mmap-prepare-immutable" } */
	desc->end = 4096;	/* { dg-warning "writes immutable field 'end' .*mmap-prepare-immutable" } */
	desc->mm = NULL;	/* { dg-warning "writes immutable field 'mm' .*mmap-prepare-immutable" } */
	desc->file = f;		/* { dg-warning "writes immutable field 'file' .*mmap-prepare-immutable" } */
	desc->pgoff = 0;
	return 0;
}

/* { dg-message "'start' is immutable: mmap_prepare hooks may change only pgoff, vm_file, vma_flags, page_prot, vm_ops, private_data" "" { target *-*-* } 0 } */
/* { dg-message "'end' is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
/* { dg-message "'mm' is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
/* { dg-message "'file' is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
