/* An ops object nested inside another structure. */
/* { dg-do compile } */
#include "mp-ops.h"

static int n_mmap(struct file *f, struct vm_area_struct *vma) { return 0; }
static int n_prepare(struct vm_area_desc *desc) { return 0; }

struct my_dev {
	int id;
	struct file_operations fops;
};

struct my_dev nested_dev = {
	.id = 1,
	.fops = {
		.mmap = n_mmap,			/* { dg-message "'.mmap' is also set here" } */
		.mmap_prepare = n_prepare,	/* { dg-warning "'nested_dev.fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
	},
};
