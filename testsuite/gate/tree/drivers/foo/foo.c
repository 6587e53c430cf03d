// SPDX-License-Identifier: GPL-2.0
/* A converted driver: clean at the base of the series. */
#include "mp-ops.h"

extern const struct vm_operations_struct foo_vm_ops;

static int foo_mmap_prepare(struct vm_area_desc *desc)
{
	desc->vm_ops = &foo_vm_ops;
	desc->private_data = desc->file->private_data;
	return 0;
}

const struct file_operations foo_fops = {
	.mmap_prepare = foo_mmap_prepare,
};
