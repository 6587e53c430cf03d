/* SPDX-License-Identifier: GPL-2.0 */
/* A header's macro that uses a VMA by name: a rewrite of the statement
   that uses it cannot reach it (convert.c, nc_header_macro_mmap). */
#define CV_PGOFF_PTR() ((void *)vma->vm_pgoff)
