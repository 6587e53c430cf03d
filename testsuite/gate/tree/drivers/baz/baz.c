// SPDX-License-Identifier: GPL-2.0
/* Another architecture's driver (CONFIG_BAZ depends on PPC): this x86
 * configuration does not build it, and it does not compile here. */
#include <asm/pmac_feature.h>
#include "mp-ops.h"

static int baz_mmap_prepare(struct vm_area_desc *desc)
{
	return 0;
}

const struct file_operations baz_fops = {
	.mmap_prepare = baz_mmap_prepare,
};
