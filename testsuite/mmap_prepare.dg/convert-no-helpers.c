/* deprecated-mmap: only helpers the unit declares are suggested.  Without
   the mmap_action_*() and vma_desc_*() helpers (an older kernel) a remap
   or a generic_file_mmap() call blocks (no-descriptor-helper), a flag
   update gets no code, and generic_file_mmap given directly is unknown. */
/* { dg-do compile } */
/* { dg-options "-DMP_NO_DESC_HELPERS -fplugin-arg-mmap_prepare_plugin-rules=+deprecated-mmap" } */
#include "mp-vma.h"

static int iomap_mmap(struct file *file, struct vm_area_struct *vma)
{
	return vm_iomap_memory(vma, 0x1000, PAGE_SIZE); /* { dg-message "'iomap_mmap' cannot be converted as it is: this statement has no descriptor equivalent .no-descriptor-helper: 'vm_iomap_memory'." } */
}
const struct file_operations iomap_fops = { .mmap = iomap_mmap };	/* { dg-message "'iomap_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

static int ro_mmap(struct file *file, struct vm_area_struct *vma)
{
	return generic_file_readonly_mmap(file, vma); /* { dg-message "'ro_mmap' cannot be converted as it is: this statement has no descriptor equivalent .no-descriptor-helper: 'generic_file_readonly_mmap'." } */
}
const struct file_operations ro_fops = { .mmap = ro_mmap };	/* { dg-message "'ro_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* VM_LOCKED has no VMA_*_BIT here: no code either. */
static int flags_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'flags_mmap' is convertible" } */
{ /* { dg-message "declare it as 'static int flags_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
	vm_flags_set(vma, VM_IO);	/* { dg-message "rewrite this statement for the descriptor by hand" } */
	return 0;
}
const struct file_operations flags_fops = { .mmap = flags_mmap };	/* { dg-message "'flags_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
/* { dg-message "and give it as '.mmap_prepare = flags_mmap_prepare,'" "" { target *-*-* } .-2 } */

const struct file_operations gen_fops = { .mmap = generic_file_readonly_mmap };	/* { dg-message "'gen_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
