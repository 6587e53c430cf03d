/* deprecated-mmap is opt-in: without rules=+deprecated-mmap a .mmap hook,
   however convertible, gets no finding and no note. */
/* { dg-do compile } */
#include "mp-vma.h"

static int plain_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_pgoff = 0;
	return vm_iomap_memory(vma, 0x1000, PAGE_SIZE);
}

const struct file_operations old_fops = { .mmap = plain_mmap };
