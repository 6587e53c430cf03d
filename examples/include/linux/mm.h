/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The descriptor helpers of include/linux/mm.h.  This path is core code
 * for the plugin (its default core= list names include/linux/mm.h), so
 * these functions may write every descriptor field, action included,
 * and stay exempt when they are inlined into a driver.
 */
#ifndef _EXAMPLE_LINUX_MM_H
#define _EXAMPLE_LINUX_MM_H

#include <linux/types.h>
#include <linux/mm_types.h>

#define VMA_IO_BIT		14
#define VMA_DONTEXPAND_BIT	18
#define VMA_DONTDUMP_BIT	26

#define VM_FAULT_SIGBUS		0x0002

static inline unsigned long vma_desc_size(const struct vm_area_desc *desc)
{
	return desc->end - desc->start;
}

static inline unsigned long vma_desc_pages(const struct vm_area_desc *desc)
{
	return vma_desc_size(desc) >> PAGE_SHIFT;
}

static inline void vma_desc_set_flag(struct vm_area_desc *desc, int bit)
{
	desc->vma_flags.__vma_flags[bit / (8 * sizeof(long))] |=
		1UL << (bit % (8 * sizeof(long)));
}

/* Remap SIZE bytes at START to the PFNs from START_PFN once mapped. */
static inline void mmap_action_remap(struct vm_area_desc *desc,
				     unsigned long start,
				     unsigned long start_pfn,
				     unsigned long size)
{
	struct mmap_action *action = &desc->action;

	action->remap.start = start;
	action->remap.start_pfn = start_pfn;
	action->remap.size = size;
	action->remap.pgprot = desc->page_prot;
	action->type = MMAP_REMAP_PFN;
}

/* Remap the whole range of the mapping, starting at START_PFN. */
static inline void mmap_action_remap_full(struct vm_area_desc *desc,
					  unsigned long start_pfn)
{
	mmap_action_remap(desc, desc->start, start_pfn, vma_desc_size(desc));
}

static inline void mmap_action_ioremap_full(struct vm_area_desc *desc,
					    unsigned long start_pfn)
{
	mmap_action_remap_full(desc, start_pfn);
	desc->action.type = MMAP_IO_REMAP_PFN;
}

static inline void mmap_action_map_kernel_pages(struct vm_area_desc *desc,
						struct page **pages,
						unsigned long nr_pages)
{
	desc->action.map_kernel.start = desc->start;
	desc->action.map_kernel.pages = pages;
	desc->action.map_kernel.nr_pages = nr_pages;
	desc->action.map_kernel.pgoff = desc->pgoff;
	desc->action.type = MMAP_MAP_KERNEL_PAGES;
}

/* The deprecated .mmap path's way of doing the same. */
int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
		    unsigned long pfn, unsigned long size, pgprot_t prot);

#endif /* _EXAMPLE_LINUX_MM_H */
