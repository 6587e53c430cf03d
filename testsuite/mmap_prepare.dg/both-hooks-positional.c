/* Positional initializers name the hooks by their place. */
/* { dg-do compile } */
#include "mp-ops.h"

static int p_mmap(struct file *f, struct vm_area_struct *vma) { return 0; }
static int p_prepare(struct vm_area_desc *desc) { return 0; }

const struct file_operations positional_fops = {
	NULL, NULL, NULL,
	p_mmap,		/* { dg-message "'.mmap' is also set here" } */
	NULL,
	p_prepare,	/* { dg-warning "'positional_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
};
