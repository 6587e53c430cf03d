/* Compound literals, at file scope and in a function. */
/* { dg-do compile } */
#include "mp-ops.h"

static int c_mmap(struct file *f, struct vm_area_struct *vma) { return 0; }
static int c_prepare(struct vm_area_desc *desc) { return 0; }

struct miscdevice c_misc = {
	.name = "c",
	.fops = &(const struct file_operations){
		.mmap_prepare = c_prepare,	/* { dg-message "'.mmap_prepare' is also set here" } */
		.mmap = c_mmap,			/* { dg-warning "'compound literal' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
	},
};

int c_register(void)
{
	struct miscdevice m = {
		.fops = &(struct file_operations){ .mmap = c_mmap, .mmap_prepare = c_prepare }, /* { dg-warning "sets both '.mmap' and '.mmap_prepare'.*mmap-prepare-both-hooks" } */
	};
	/* { dg-message "'.mmap' is also set here" "" { target *-*-* } .-2 } */
	return misc_register(&m);
}
