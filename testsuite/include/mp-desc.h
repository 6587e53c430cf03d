/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct vm_area_desc, generation by generation (SPEC section 2).
 * Select with -DMP_GEN=1, 2 or 3 (default), and -DMP_G3_UNION for the
 * G3 variant with vm_flags and vma_flags in an anonymous union.
 * -DMP_EXTRA_MEMBER adds a member no generation names.
 */
#ifndef MP_DESC_H
#define MP_DESC_H

#include "mp-types.h"
#include "mp-action.h"

#ifndef MP_GEN
#define MP_GEN 3
#endif

struct vm_area_desc {
#if MP_GEN == 1
	struct mm_struct *mm;
	unsigned long start;
	unsigned long end;
	pgoff_t pgoff;
	struct file *file;
	vm_flags_t vm_flags;
	pgprot_t page_prot;
	const struct vm_operations_struct *vm_ops;
	void *private_data;
#else
	/* Immutable state. */
	struct mm_struct *mm;
	struct file *file;
	unsigned long start;
	unsigned long end;

	/* Mutable fields. */
	pgoff_t pgoff;
	struct file *vm_file;
#if MP_GEN == 2
	vm_flags_t vm_flags;
#elif defined(MP_G3_UNION)
	union {
		vm_flags_t vm_flags;
		vma_flags_t vma_flags;
	};
#else
	vma_flags_t vma_flags;
#endif
	pgprot_t page_prot;

	/* Write-only fields. */
	const struct vm_operations_struct *vm_ops;
	void *private_data;

	/* Take further action? */
	struct mmap_action action;
#endif
#ifdef MP_EXTRA_MEMBER
	unsigned long mystery;
#endif
};

/* Helpers: in the kernel these live in include/linux/mm.h (core code). */
void mmap_action_remap(struct vm_area_desc *desc, unsigned long start,
		       unsigned long start_pfn, unsigned long size);
void mmap_action_remap_full(struct vm_area_desc *desc, unsigned long start_pfn);
void mmap_action_ioremap_full(struct vm_area_desc *desc, unsigned long start_pfn);
unsigned long vma_desc_size(const struct vm_area_desc *desc);
int generic_file_mmap_prepare(struct vm_area_desc *desc);

#endif
