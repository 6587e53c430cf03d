/* Assignments in one function, and an initializer with one hook plus an
   assignment of the other in another function of the unit. */
/* { dg-do compile } */
#include "mp-ops.h"

static int s_mmap(struct file *f, struct vm_area_struct *vma) { return 0; }
static int s_prepare(struct vm_area_desc *desc) { return 0; }

void setup_ops(struct file_operations *ops)
{
	ops->mmap = s_mmap;		/* { dg-message "'.mmap' is also set here" } */
	ops->read = NULL;
	ops->mmap_prepare = s_prepare;	/* { dg-warning "'.ops' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
}

static struct file_operations late_fops = {
	.mmap_prepare = s_prepare,	/* { dg-message "'.mmap_prepare' is also set here" } */
};

void late_init(void)
{
	late_fops.mmap = s_mmap;	/* { dg-warning "'late_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
}

const struct file_operations *late_get(void)
{
	return &late_fops;
}
