/* deprecated-mmap: a statement the rewriter cannot turn into code gets a
   note to rewrite it by hand, never wrong code; the hook stays
   convertible.  (x & (A | B)) == A is not vma_desc_test_any(); a mask in
   a variable names no bits. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-rules=+deprecated-mmap" } */
#include "mp-vma.h"

static int exact_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'exact_mmap' is convertible" } */
{ /* { dg-message "declare it as 'static int exact_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
  /* { dg-message "and begin it with 'struct file .file = desc->file;'" "" { target *-*-* } .-2 } */
	unsigned long mask = file->f_flags ? VM_IO : VM_PFNMAP;

	if ((vma->vm_flags & (VM_WRITE | VM_MAYWRITE)) == VM_WRITE) /* { dg-message "rewrite this statement for the descriptor by hand" } */
		return -EINVAL;
	if ((vma->vm_flags & VM_SHARED) != 0)	/* { dg-message "write 'if ..vma_desc_test.desc, VMA_SHARED_BIT.. != 0. return -EPERM;'" } */
		return -EPERM;
	vm_flags_set(vma, mask);		/* { dg-message "rewrite this statement for the descriptor by hand" } */
	return 0;
}
const struct file_operations exact_fops = { .mmap = exact_mmap };	/* { dg-message "'exact_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
/* { dg-message "and give it as '.mmap_prepare = exact_mmap_prepare,'" "" { target *-*-* } .-2 } */
