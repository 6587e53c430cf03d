/* The second hook set in a loop over an array of ops objects: by index
   and through a pointer that steps over the array. */
/* { dg-do compile } */
#include "mp-ops.h"

int bl_prepare(struct vm_area_desc *desc);
int bl_mmap(struct file *f, struct vm_area_struct *vma);

struct bl_dev { int id; struct file_operations fops; };
static struct bl_dev bl_devs[4] = {
	[0 ... 3] = { .fops = { .mmap_prepare = bl_prepare } },	/* { dg-message "'.mmap_prepare' is also set here" } */
};
static struct file_operations bl_table[2] = {
	{ .mmap_prepare = bl_prepare },	/* { dg-message "'.mmap_prepare' is also set here" } */
	{ .mmap_prepare = bl_prepare },
};

void bl_by_index(void)
{
	int i;

	for (i = 0; i < 4; i++)
		bl_devs[i].fops.mmap = bl_mmap;	/* { dg-warning "sets both .*mmap-prepare-both-hooks" } */
}

void bl_by_pointer(void)
{
	struct file_operations *p;

	for (p = bl_table; p < bl_table + 2; p++)
		p->mmap = bl_mmap;		/* { dg-warning "'bl_table\\\[0\\\]' .struct file_operations. sets both .*mmap-prepare-both-hooks" } */
}
