/* both-hooks through aliases: the second hook assigned through a local
   pointer to the object, through a global pointer initialised with its
   address, or through a global pointer reloaded at every use. */
/* { dg-do compile } */
#include "mp-ops.h"

static int a_mmap(struct file *f, struct vm_area_struct *vma) { return 0; }
static int a_prepare(struct vm_area_desc *desc) { return 0; }

struct file_operations local_fops = {
	.mmap_prepare = a_prepare,	/* { dg-message "'.mmap_prepare' is also set here" } */
};
struct file_operations global_fops = {
	.mmap_prepare = a_prepare,	/* { dg-message "'.mmap_prepare' is also set here" } */
};
struct file_operations *global_ptr = &global_fops;
struct file_operations *runtime_ptr;

void through_local(void)
{
	struct file_operations *p = &local_fops;

	p->mmap = a_mmap;		/* { dg-warning "'local_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
}

void through_global(void)
{
	global_ptr->mmap = a_mmap;	/* { dg-warning "'global_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
}

void reloaded(void)
{
	runtime_ptr->mmap_prepare = a_prepare;	/* { dg-message "'.mmap_prepare' is also set here" } */
	runtime_ptr->mmap = a_mmap;		/* { dg-warning "'.runtime_ptr' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
}

/* Not the same object: one hook each. */
struct file_operations other_fops = { .mmap = a_mmap };

void different_objects(struct file_operations *q)
{
	q->mmap_prepare = a_prepare;
}
