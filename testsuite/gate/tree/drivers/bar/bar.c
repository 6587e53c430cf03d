// SPDX-License-Identifier: GPL-2.0
/* An old driver with a known finding, accepted in the baseline. */
#include "mp-ops.h"

static int bar_mmap_prepare(struct vm_area_desc *desc)
{
	desc->end = desc->start + 4096;
	return 0;
}

const struct file_operations bar_fops = {
	.mmap_prepare = bar_mmap_prepare,
};
