/* SPDX-License-Identifier: GPL-2.0 */
/* Kernel basics the descriptor models need. */
#ifndef MP_TYPES_H
#define MP_TYPES_H

typedef unsigned long pgoff_t;
typedef unsigned long vm_flags_t;
typedef unsigned long long phys_addr_t;
typedef unsigned long size_t;
typedef struct { unsigned long pgprot; } pgprot_t;
typedef struct { unsigned long __vma_flags[1]; } vma_flags_t;

#define NULL ((void *)0)
#define EAGAIN 11
#define EINVAL 22
#define ENODEV 19

struct mm_struct { int map_count; };
struct file { unsigned int f_flags; void *private_data; };
/* 7.x has mapped (where per-mapping state goes); -DMP_NO_MAPPED models 6.x. */
struct vm_operations_struct {
	int (*fault)(void *vmf);
#ifndef MP_NO_MAPPED
	int (*mapped)(unsigned long start, unsigned long end, pgoff_t pgoff,
		      const struct file *file, void **vm_private_data);
#endif
};
struct page;

void *kmalloc(size_t size, int flags);
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
void *memmove(void *dst, const void *src, size_t n);

#endif
