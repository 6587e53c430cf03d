/* Reads of every field, and writes to local copies of their values. */
/* { dg-do compile } */
#include "mp-ops.h"

int check_size(unsigned long len);

int reads_prepare(struct vm_area_desc *desc)
{
	unsigned long s = desc->start;
	unsigned long e = desc->end;
	struct file *f = desc->file;
	struct mm_struct *mm = desc->mm;
	struct mmap_action act = desc->action;

	s++;
	e -= 4096;
	act.type = MMAP_REMAP_PFN;
	f = NULL;
	return check_size(e - s) + (mm != NULL) + (f != NULL) + act.type +
	       (int)desc->action.remap.size;
}
