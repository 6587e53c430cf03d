/* A kernel whose struct vm_operations_struct has no mapped hook: the
   state cannot move there, so the note says to stay on .mmap. */
/* { dg-do compile } */
/* { dg-options "-DMP_NO_MAPPED" } */
#include "mp-state.h"

static int old_prepare(struct vm_area_desc *desc)
{
	struct foo_dev *dev = desc->file->private_data;

	kref_get(&dev->ref);	/* { dg-warning "takes a reference with 'kref_get' .*mmap-prepare-stateful" } */
	return 0;
}

const struct file_operations old_fops = { .mmap_prepare = old_prepare };

/* { dg-message "has no 'mapped' hook to do it in, so keep the driver on '.mmap' until it has one" "" { target *-*-* } 0 } */
