/* Under W=1: reads after a write on every path are fine. */
/* { dg-do compile } */
/* { dg-options "-DKBUILD_EXTRA_WARN1" } */
#include "mp-ops.h"

extern const struct vm_operations_struct ops_a, ops_b;
int init_private(struct vm_area_desc *desc);

int wo_prepare(struct vm_area_desc *desc, int flag)
{
	if (flag)
		desc->vm_ops = &ops_a;
	else
		desc->vm_ops = &ops_b;
	desc->private_data = desc->file;
	return desc->vm_ops == &ops_a && desc->private_data != NULL;
}

static void set_private(struct vm_area_desc *desc, void *p)
{
	desc->private_data = p;
}

int wo_helper_prepare(struct vm_area_desc *desc)
{
	set_private(desc, desc->file);
	return desc->private_data != NULL;
}

int wo_call_prepare(struct vm_area_desc *desc)
{
	init_private(desc);
	return desc->private_data != NULL;
}
