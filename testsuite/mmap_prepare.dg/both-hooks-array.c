/* Each array element is its own ops object. */
/* { dg-do compile } */
#include "mp-ops.h"

static int r_mmap(struct file *f, struct vm_area_struct *vma) { return 0; }
static int r_prepare(struct vm_area_desc *desc) { return 0; }

const struct file_operations fops_table[] = {
	{ .mmap_prepare = r_prepare },
	{ .mmap = r_mmap },
	{ .mmap_prepare = r_prepare,	/* { dg-message "'.mmap_prepare' is also set here" } */
	  .mmap = r_mmap },		/* { dg-warning "'fops_table.2.' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
};
