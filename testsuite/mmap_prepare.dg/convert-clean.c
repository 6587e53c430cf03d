/* deprecated-mmap: nothing to say where nothing is deprecated: an ops type
   without an mmap_prepare member (its .mmap has nowhere to go), an object
   that already uses .mmap_prepare, and the rule off (the default: the
   conversion analysis does not run, however convertible the body). */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-rules=+deprecated-mmap" } */
#include "mp-vma.h"

struct only_mmap_ops {
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
};

static int plain_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_pgoff = 0;
	return vm_iomap_memory(vma, 0x1000, PAGE_SIZE);
}

const struct only_mmap_ops only_ops = { .mmap = plain_mmap };

static int ok_prepare(struct vm_area_desc *desc)
{
	mmap_action_simple_ioremap(desc, 0x1000, PAGE_SIZE);
	return 0;
}

const struct file_operations new_fops = { .mmap_prepare = ok_prepare };
