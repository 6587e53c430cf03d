/* deprecated-mmap: a .mmap body whose analysis does not settle (sweeps
   capped by a test-only option) is blocked as unanalysable, never judged
   on half-computed values. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-sweep-limit=2 -fplugin-arg-mmap_prepare_plugin-rules=+deprecated-mmap" } */
#include "mp-vma.h"

static int chain_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'chain_mmap' cannot be converted as it is: this statement has no descriptor equivalent .unanalysable." } */
{
	unsigned long *a0 = &vma->vm_pgoff, *a1 = 0, *a2 = 0, *a3 = 0;
	int i;

	for (i = 0; i < (int)file->f_flags; i++) {
		a3 = a2;
		a2 = a1;
		a1 = a0;
	}
	if (a3)
		*a3 = 0;
	return 0;
}
const struct file_operations chain_fops = { .mmap = chain_mmap };	/* { dg-message "'chain_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
