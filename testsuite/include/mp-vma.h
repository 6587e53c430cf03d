/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct vm_area_struct and the .mmap-era interfaces as in Linux 7.2
 * (include/linux/mm_types.h, mm.h), with the mmap_prepare helpers the
 * deprecated-mmap rule suggests.  -DMP_NO_DESC_HELPERS leaves the
 * mmap_action_*() and vma_desc_*() helpers out (an older kernel).
 */
#ifndef MP_VMA_H
#define MP_VMA_H

#include "mp-state.h"

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define BIT(n) (1UL << (n))
#define EPERM 1
#define EIO 5

enum {
	VMA_READ_BIT = 0,
	VMA_WRITE_BIT = 1,
	VMA_SHARED_BIT = 3,
	VMA_MAYWRITE_BIT = 5,
	VMA_MAYSHARE_BIT = 7,
	VMA_PFNMAP_BIT = 10,
	VMA_IO_BIT = 14,
	VMA_SEQ_READ_BIT = 15,
	VMA_RAND_READ_BIT = 16,
	VMA_DONTCOPY_BIT = 17,
	VMA_DONTEXPAND_BIT = 18,
	VMA_DONTDUMP_BIT = 26,
};

#define INIT_VM_FLAG(name) BIT(VMA_ ## name ## _BIT)
#define VM_READ		INIT_VM_FLAG(READ)
#define VM_WRITE	INIT_VM_FLAG(WRITE)
#define VM_SHARED	INIT_VM_FLAG(SHARED)
#define VM_MAYWRITE	INIT_VM_FLAG(MAYWRITE)
#define VM_MAYSHARE	INIT_VM_FLAG(MAYSHARE)
#define VM_PFNMAP	INIT_VM_FLAG(PFNMAP)
#define VM_IO		INIT_VM_FLAG(IO)
#define VM_SEQ_READ	INIT_VM_FLAG(SEQ_READ)
#define VM_RAND_READ	INIT_VM_FLAG(RAND_READ)
#define VM_DONTCOPY	INIT_VM_FLAG(DONTCOPY)
#define VM_DONTEXPAND	INIT_VM_FLAG(DONTEXPAND)
#define VM_DONTDUMP	INIT_VM_FLAG(DONTDUMP)
/* Not a VMA_*_BIT in this model: no replacement to suggest. */
#define VM_LOCKED	0x2000UL

struct anon_vma;

struct vm_area_struct {
	union {
		struct {
			unsigned long vm_start;
			unsigned long vm_end;
		};
		void *vm_freeptr;
	};
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;
	union {
		const vm_flags_t vm_flags;
		vma_flags_t flags;
	};
	struct anon_vma *anon_vma;
	const struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff;
	struct file *vm_file;
	void *vm_private_data;
};

static inline void vm_flags_set(struct vm_area_struct *vma, vm_flags_t flags)
{
	vma->flags.__vma_flags[0] |= flags;
}

static inline void vm_flags_clear(struct vm_area_struct *vma, vm_flags_t flags)
{
	vma->flags.__vma_flags[0] &= ~flags;
}

static inline void vm_flags_mod(struct vm_area_struct *vma, vm_flags_t set,
				vm_flags_t clear)
{
	vma->flags.__vma_flags[0] = (vma->flags.__vma_flags[0] | set) & ~clear;
}

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

void vma_set_anonymous(struct vm_area_struct *vma);
int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
		    unsigned long pfn, unsigned long size, pgprot_t prot);
int io_remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
		       unsigned long pfn, unsigned long size, pgprot_t prot);
int vm_iomap_memory(struct vm_area_struct *vma, phys_addr_t start,
		    unsigned long len);
int remap_vmalloc_range(struct vm_area_struct *vma, void *addr,
			unsigned long pgoff);
int vm_insert_page(struct vm_area_struct *vma, unsigned long addr,
		   struct page *page);
void zap_vma_ptes(struct vm_area_struct *vma, unsigned long address,
		  unsigned long size);
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);
int generic_file_readonly_mmap(struct file *file, struct vm_area_struct *vma);
/* A macro, as on x86: the statement's location is inside its expansion. */
pgprot_t __pgprot_noncached(pgprot_t prot);
#define pgprot_noncached(prot) __pgprot_noncached(prot)
pgprot_t pgprot_writecombine(pgprot_t prot);
void foo_track_vma(struct vm_area_struct *vma);

#ifndef MP_NO_DESC_HELPERS
void mmap_action_ioremap(struct vm_area_desc *desc, unsigned long start,
			 unsigned long start_pfn, unsigned long size);
void mmap_action_simple_ioremap(struct vm_area_desc *desc,
				phys_addr_t start_phys_addr, unsigned long size);
unsigned long vma_desc_pages(const struct vm_area_desc *desc);
void vma_desc_set_anonymous(struct vm_area_desc *desc);
int generic_file_readonly_mmap_prepare(struct vm_area_desc *desc);
void vma_desc_set_flags_mask(struct vm_area_desc *desc, unsigned long mask);
void vma_desc_clear_flags_mask(struct vm_area_desc *desc, unsigned long mask);
int vma_desc_test_mask(const struct vm_area_desc *desc, unsigned long mask);
#define mk_vma_flags_2(...) (0UL)
#define vma_desc_set_flags(desc, ...) vma_desc_set_flags_mask(desc, mk_vma_flags_2(__VA_ARGS__))
#define vma_desc_clear_flags(desc, ...) vma_desc_clear_flags_mask(desc, mk_vma_flags_2(__VA_ARGS__))
#define vma_desc_test(desc, bit) vma_desc_test_mask(desc, BIT(bit))
#define vma_desc_test_any(desc, ...) vma_desc_test_mask(desc, mk_vma_flags_2(__VA_ARGS__))
#endif

#endif
