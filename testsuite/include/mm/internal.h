/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model of mm/internal.h in Linux 7.x: mm-private inline helpers that
 * carry out a descriptor's action after the hook ran.  Core by default.
 */
#ifndef MP_MM_INTERNAL_H
#define MP_MM_INTERNAL_H

#include "../mp-desc.h"

static inline int io_remap_prepare_model(struct vm_area_desc *desc,
					 unsigned long pfn)
{
	struct mmap_action *action = &desc->action;

	action->remap.start_pfn = pfn;
	action->type = MMAP_IO_REMAP_PFN;
	return 0;
}

/* Model of mm/vma.h's compat_set_vma_from_desc(): reads the write-only
   fields after the hook wrote them. */
static inline void *copy_out_model(const struct vm_area_desc *desc)
{
	return desc->private_data ? (void *)desc->vm_ops : NULL;
}

#endif
