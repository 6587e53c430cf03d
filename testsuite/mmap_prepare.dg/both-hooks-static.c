/* A static initializer with both hooks: one warning at the hook written
   second, a note at the other. */
/* { dg-do compile } */
#include "mp-ops.h"

static int foo_mmap(struct file *f, struct vm_area_struct *vma) { return 0; }
static int foo_mmap_prepare(struct vm_area_desc *desc) { return 0; }

static const struct file_operations foo_fops = {
	.mmap_prepare	= foo_mmap_prepare,	/* { dg-message "'.mmap_prepare' is also set here; drop '.mmap' and keep '.mmap_prepare'" } */
	.mmap		= foo_mmap,		/* { dg-warning "'foo_fops' .struct file_operations. sets both '.mmap' and '.mmap_prepare'; the hooks are mutually exclusive and mmap.. fails with -ENODEV .mmap-prepare-both-hooks" } */
};

const struct file_operations *get_fops(void)
{
	return &foo_fops;
}
