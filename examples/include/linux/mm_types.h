/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct mmap_action and struct vm_area_desc as in Linux 7.2
 * (include/linux/mm_types.h), reduced to what the examples need.
 */
#ifndef _EXAMPLE_LINUX_MM_TYPES_H
#define _EXAMPLE_LINUX_MM_TYPES_H

#include <linux/types.h>

struct mm_struct;
struct file;
struct page;
struct vm_fault;

struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;
	vm_flags_t vm_flags;
	pgoff_t vm_pgoff;
	struct file *vm_file;
	const struct vm_operations_struct *vm_ops;
	void *vm_private_data;
};

struct vm_operations_struct {
	void (*open)(struct vm_area_struct *vma);
	void (*close)(struct vm_area_struct *vma);
	/* Once a new mapping exists (7.x): where per-mapping state goes. */
	int (*mapped)(unsigned long start, unsigned long end, pgoff_t pgoff,
		      const struct file *file, void **vm_private_data);
	int (*fault)(struct vm_fault *vmf);
};

/* What the core does after a successful mmap_prepare hook. */
enum mmap_action_type {
	MMAP_NOTHING,		/* Mapping is complete, no further action. */
	MMAP_REMAP_PFN,		/* Remap PFN range. */
	MMAP_IO_REMAP_PFN,	/* I/O remap PFN range. */
	MMAP_SIMPLE_IO_REMAP,	/* I/O remap a physical range. */
	MMAP_MAP_KERNEL_PAGES,	/* Insert an array of kernel pages. */
};

/*
 * Filled in by the mmap_action_*() helpers in <linux/mm.h>, never by
 * hand: the core validates and applies it once the VMA exists.
 */
struct mmap_action {
	union {
		struct {
			unsigned long start;
			unsigned long start_pfn;
			unsigned long size;
			pgprot_t pgprot;
		} remap;
		struct {
			phys_addr_t start_phys_addr;
			unsigned long size;
		} simple_ioremap;
		struct {
			unsigned long start;
			struct page **pages;
			unsigned long nr_pages;
			pgoff_t pgoff;
		} map_kernel;
	};
	enum mmap_action_type type;

	/*
	 * If non-zero, replaces the error the action returns; no helper
	 * sets it, drivers assign it directly (drivers/char/mem.c does).
	 */
	int error_override;

	/* Keep the pages out of the rmap until the action has completed. */
	_Bool hide_from_rmap_until_complete :1;
};

/*
 * The state of a mapping under construction, handed to
 * file_operations.mmap_prepare before any VMA exists.
 */
struct vm_area_desc {
	/* Immutable state. */
	struct mm_struct *mm;
	struct file *file;		/* The file passed to mmap(). */
	unsigned long start;
	unsigned long end;

	/* Mutable fields: populated with initial state. */
	pgoff_t pgoff;
	struct file *vm_file;
	vma_flags_t vma_flags;
	pgprot_t page_prot;

	/* Write-only fields. */
	const struct vm_operations_struct *vm_ops;
	void *private_data;

	/* Take further action? */
	struct mmap_action action;

#ifdef EXAMPLE_NEXT_KERNEL_DESC
	/*
	 * NOT in Linux 7.2: a made-up member standing for whatever a later
	 * kernel adds.  The plugin's policy does not classify it, so a
	 * hook writing it is reported (mmap-prepare-unknown-field) until
	 * someone checks the kernel's rules for it and teaches the plugin.
	 */
	unsigned int map_order;
#endif
};

#endif /* _EXAMPLE_LINUX_MM_TYPES_H */
