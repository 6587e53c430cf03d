/* deprecated-mmap's conversion as fix-its, each on the note that says
   the change (-fdiagnostics-parseable-fixits): the declaration through
   its ')', the prologue (a line of its own after the '{'), each
   statement (line by line where its rewrite is; one statement a line
   where a call becomes two), the .mmap initializer; the kernel's own
   hook becomes its _prepare twin.  Every fix-it is listed here: another
   one is an excess error.  (A comment inside a statement or declaration
   stops the fix-its: the hooks' notes are given by line number.) */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-rules=+deprecated-mmap -fdiagnostics-parseable-fixits" } */
#include "mp-vma.h"
static const struct vm_operations_struct fx_vm_ops;

static int fx_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long pfn = 0x1000 + file->f_flags;

	if ((vma->vm_flags & VM_SHARED) != 0)
		return -EPERM;
	vma->vm_ops = &fx_vm_ops;
	return remap_pfn_range(vma, vma->vm_start, pfn,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}
/* { dg-message "'fx_mmap' is convertible" "" { target *-*-* } 14 } */
/* { dg-message "declare it as 'static int fx_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } 14 } */
/* { dg-message "and begin it with 'struct file .file = desc->file;'" "" { target *-*-* } 14 } */
/* { dg-message "write 'if ..vma_desc_test.desc, VMA_SHARED_BIT.. != 0. return -EPERM;'" "" { target *-*-* } 18 } */
/* { dg-message "write 'desc->vm_ops = &fx_vm_ops;'" "" { target *-*-* } 20 } */
/* { dg-message "write 'mmap_action_remap_full.desc, pfn.; return 0;'" "" { target *-*-* } 21 } */
/* { dg-fixit "14:1-14:66" "static int fx_mmap_prepare(struct vm_area_desc *desc)" } */
/* { dg-fixit "16:1-16:1" "\tstruct file *file = desc->file;\n" } */
/* { dg-fixit "18:2-18:39" "if ((vma_desc_test(desc, VMA_SHARED_BIT)) != 0)" } */
/* { dg-fixit "20:2-20:27" "desc->vm_ops = &fx_vm_ops;" } */
/* { dg-fixit "21:2-21:49" "mmap_action_remap_full(desc, pfn);" } */
/* { dg-fixit "22:1-22:59" "\treturn 0;" } */
const struct file_operations fx_fops = { .owner = 0, .mmap = fx_mmap, };	/* { dg-message "'fx_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
/* { dg-message "and give it as '.mmap_prepare = fx_mmap_prepare,'" "" { target *-*-* } .-2 } */
/* { dg-fixit "36:54-36:59" ".mmap_prepare" } */
/* { dg-fixit "36:62-36:69" "fx_mmap_prepare" } */

static int fx_two_mmap(struct file *file,
		       struct vm_area_struct *vma)
{
	vma->vm_pgoff = 0;
	vma->vm_private_data = (void *)(vma->vm_end -
					vma->vm_start);
	return 0;
}
/* { dg-message "'fx_two_mmap' is convertible" "" { target *-*-* } 42 } */
/* { dg-message "declare it as 'static int fx_two_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } 42 } */
/* { dg-message "write 'desc->pgoff = 0;'" "" { target *-*-* } 45 } */
/* { dg-message "write 'desc->private_data = .void ...vma_desc_size.desc..;'" "" { target *-*-* } 46 } */
/* { dg-fixit "42:1-42:42" "static int fx_two_mmap_prepare(struct vm_area_desc *desc)" } */
/* { dg-fixit "43:1-43:37" "" } */
/* { dg-fixit "45:2-45:20" "desc->pgoff = 0;" } */
/* vma->vm_end - vma->vm_start over two lines: no line rewrites alone */
/* { dg-fixit "46:2-46:47" "desc->private_data = (void *)(vma_desc_size(desc));" } */
/* { dg-fixit "47:1-47:21" "" } */
static const struct file_operations fx_two_fops = {
	.mmap		= &fx_two_mmap,	/* { dg-message "'fx_two_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
/* { dg-message "and give it as '.mmap_prepare = fx_two_mmap_prepare,'" "" { target *-*-* } .-2 } */
/* { dg-fixit "61:2-61:7" ".mmap_prepare" } */
/* { dg-fixit "61:12-61:23" "fx_two_mmap_prepare" } */

const struct file_operations fx_kernel_fops = { .mmap = generic_file_mmap };	/* { dg-message "'fx_kernel_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
/* { dg-message "'generic_file_mmap' is convertible: write '.mmap_prepare = generic_file_mmap_prepare,'" "" { target *-*-* } .-2 } */
/* { dg-fixit "67:49-67:54" ".mmap_prepare" } */
/* { dg-fixit "67:57-67:74" "generic_file_mmap_prepare" } */
const void *fx_all[] = { &fx_two_fops };

/* A call that becomes two statements on one line: the last one goes on a
   line of its own, inserted before the next. */
static int fx_one_mmap(struct file *file, struct vm_area_struct *vma)
{
	return vm_iomap_memory(vma, 0x1000, PAGE_SIZE);
}
/* { dg-message "'fx_one_mmap' is convertible" "" { target *-*-* } 76 } */
/* { dg-message "declare it as 'static int fx_one_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } 76 } */
/* { dg-message "write 'mmap_action_simple_ioremap.desc, 0x1000, PAGE_SIZE.; return 0;'" "" { target *-*-* } 78 } */
/* { dg-fixit "76:1-76:70" "static int fx_one_mmap_prepare(struct vm_area_desc *desc)" } */
/* { dg-fixit "78:2-78:49" "mmap_action_simple_ioremap(desc, 0x1000, PAGE_SIZE);" } */
/* { dg-fixit "79:1-79:1" "\treturn 0;\n" } */
const struct file_operations fx_one_fops = { .mmap = fx_one_mmap };	/* { dg-message "'fx_one_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
/* { dg-message "and give it as '.mmap_prepare = fx_one_mmap_prepare,'" "" { target *-*-* } .-2 } */
/* { dg-fixit "86:46-86:51" ".mmap_prepare" } */
/* { dg-fixit "86:54-86:65" "fx_one_mmap_prepare" } */
