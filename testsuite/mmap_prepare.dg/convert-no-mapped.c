/* deprecated-mmap: with state, and a kernel whose vm_operations_struct has
   no mapped member, the hook is blocked (no-mapped-hook). */
/* { dg-do compile } */
/* { dg-options "-DMP_NO_MAPPED -fplugin-arg-mmap_prepare_plugin-rules=+deprecated-mmap" } */
#include "mp-vma.h"

static int ref_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct foo_dev *dev = file->private_data;

	vma->vm_private_data = dev;
	kref_get(&dev->ref);	/* { dg-message "'ref_mmap' cannot be converted as it is: this statement has no descriptor equivalent .no-mapped-hook." } */
	return 0;
}
const struct file_operations ref_fops = { .mmap = ref_mmap };	/* { dg-message "'ref_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
