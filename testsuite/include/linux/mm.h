/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model of core code in include/linux/mm.h: these helpers build and fill
 * descriptors and may write every field.  The plugin's default core list
 * names include/linux/mm.h, so nothing here is reported, not even when
 * the helpers are inlined into a driver.
 */
#ifndef MP_LINUX_MM_H
#define MP_LINUX_MM_H

#include "../mp-desc.h"

struct vm_area_struct;
struct file;
/* A VMA function of mm/util.c: the kernel's own, it takes no descriptor. */
void vma_set_file(struct vm_area_struct *vma, struct file *file);

static inline void core_desc_init(struct vm_area_desc *desc, unsigned long start,
				  unsigned long end)
{
	desc->start = start;
	desc->end = end;
	desc->action.type = MMAP_NOTHING;
}

static inline void core_remap(struct vm_area_desc *desc, unsigned long pfn)
{
	struct mmap_action *action = &desc->action;

	action->type = MMAP_REMAP_PFN;
	action->remap.start = desc->start;
	action->remap.start_pfn = pfn;
	action->remap.size = desc->end - desc->start;
}

/* A helper that core code declares: it owns desc->action. */
void mmap_action_fill(struct mmap_action *action, unsigned long pfn);

#endif
