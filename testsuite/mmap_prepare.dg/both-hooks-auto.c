/* An automatic (on-stack) ops object initialised with both hooks. */
/* { dg-do compile } */
#include "mp-ops.h"

static int a_mmap(struct file *f, struct vm_area_struct *vma) { return 0; }
static int a_prepare(struct vm_area_desc *desc) { return 0; }

int register_auto(void)
{
	struct file_operations fops = {
		.mmap = a_mmap,			/* { dg-message "'.mmap' is also set here" } */
		.mmap_prepare = a_prepare,	/* { dg-warning "'fops' .struct file_operations. sets both '.mmap' and '.mmap_prepare'.*mmap-prepare-both-hooks" } */
	};
	struct miscdevice misc = { .name = "auto", .fops = &fops };

	return misc_register(&misc);
}
