/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Just enough of the kernel's basic types for the examples.  These
 * headers model Linux 7.2; they are not the kernel's own and are kept
 * separate from testsuite/include so the examples stand alone.
 */
#ifndef _EXAMPLE_LINUX_TYPES_H
#define _EXAMPLE_LINUX_TYPES_H

typedef unsigned long size_t;
typedef long long loff_t;
typedef unsigned long pgoff_t;
typedef unsigned long vm_flags_t;
typedef unsigned long long phys_addr_t;

/* A struct, as on most architectures, so it cannot be mixed up with ints. */
typedef struct { unsigned long pgprot; } pgprot_t;

/*
 * 7.x replaced the vm_flags_t word with a bitmap; the plugin recognises
 * the third descriptor generation (G3) by the vma_flags member.
 */
#define NUM_VMA_FLAG_BITS	64
typedef struct {
	unsigned long __vma_flags[NUM_VMA_FLAG_BITS / (8 * sizeof(long))];
} vma_flags_t;

#define NULL		((void *)0)

#define EINVAL		22
#define ENODEV		19
#define ENOMEM		12
#define EAGAIN		11

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)

#endif /* _EXAMPLE_LINUX_TYPES_H */
