/* Only one hook per object; .mmap = NULL is not set; types with only
   .mmap are not ops types; deprecated-mmap is opt-in. */
/* { dg-do compile } */
#include "mp-ops.h"

static int o_mmap(struct file *f, struct vm_area_struct *vma) { return 0; }
static int o_prepare(struct vm_area_desc *desc) { return 0; }

const struct file_operations new_fops = {
	.mmap_prepare = o_prepare,
	.mmap = NULL,
};
const struct file_operations old_fops = { .mmap = o_mmap };
const struct fb_ops fb = { .mmap = (void *)o_mmap };
const struct file_operations pair[] = {
	{ .mmap = o_mmap },
	{ .mmap_prepare = o_prepare },
};

void set_one(struct file_operations *a, struct file_operations *b)
{
	a->mmap = o_mmap;
	b->mmap_prepare = o_prepare;
	a->mmap_prepare = NULL;
}
