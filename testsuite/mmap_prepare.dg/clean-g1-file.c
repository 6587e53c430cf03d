/* In G1 'file' is mutable: writing it is legal there. */
/* { dg-do compile } */
/* { dg-options "-DMP_GEN=1" } */
#include "mp-ops.h"

int g1_file_prepare(struct vm_area_desc *desc, struct file *replacement)
{
	desc->file = replacement;
	desc->pgoff = 0;
	desc->vm_flags |= 8;
	desc->private_data = replacement;
	return 0;
}
