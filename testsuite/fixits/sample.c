// SPDX-License-Identifier: GPL-2.0
/*
 * A driver with both hooks in its ops objects: the fix-its remove each
 * ".mmap = FN," that is exactly that on one line; the one given through
 * a macro keeps its finding and gets no fix-it.
 */
#include "mp-ops.h"

static int smp_mmap(struct file *f, struct vm_area_struct *vma)
{
	return 0;
}

int smp_shared_mmap(struct file *f, struct vm_area_struct *vma)
{
	return 0;
}

static int smp_prepare(struct vm_area_desc *desc)
{
	return 0;
}

static const struct file_operations smp_fops = {
	.owner		= 0,
	.mmap		= smp_mmap,
	.mmap_prepare	= smp_prepare,
};

static const struct file_operations smp_line_fops = { .mmap = smp_shared_mmap, .mmap_prepare = smp_prepare };

static int smp_uio_mmap(struct uio_info *info, struct vm_area_struct *vma)
{
	return 0;
}

static int smp_uio_prepare(struct uio_info *info, struct vm_area_desc *desc)
{
	return 0;
}

struct uio_info smp_uio = {
	.name = "smp",
	.mmap_prepare = smp_uio_prepare,
	.mmap = &smp_uio_mmap,
};

#define SMP_MMAP smp_shared_mmap
static const struct file_operations smp_macro_fops = {
	.mmap		= SMP_MMAP,
	.mmap_prepare	= smp_prepare,
};

const struct file_operations *smp_pick(int i)
{
	return i ? &smp_fops : i > 1 ? &smp_line_fops : &smp_macro_fops;
}
