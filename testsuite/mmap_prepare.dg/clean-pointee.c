/* Writing what a descriptor field points to is not writing the field. */
/* { dg-do compile } */
#include "mp-ops.h"

int pointee_prepare(struct vm_area_desc *desc)
{
	desc->mm->map_count = 1;
	desc->file->f_flags |= 2;
	desc->file->private_data = NULL;
	desc->vm_file->f_flags = 0;
	return 0;
}
