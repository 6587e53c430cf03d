/* deprecated-mmap: every row of the statement mapping (docs/rules.md), a
   convertible .mmap body each, and the replacement the notes give. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-rules=+deprecated-mmap" } */
#include "mp-vma.h"

static const struct vm_operations_struct row_vm_ops;

/* vm_ops, vm_private_data, vm_page_prot, vm_pgoff, vm_file written */
static int fields_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'fields_mmap' is convertible" } */
{ /* { dg-message "declare it as 'static int fields_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
  /* { dg-message "and begin it with 'struct file .file = desc->file;'" "" { target *-*-* } .-2 } */
	vma->vm_ops = &row_vm_ops;		/* { dg-message "write 'desc->vm_ops = &row_vm_ops;'" } */
	vma->vm_private_data = file->private_data; /* { dg-message "write 'desc->private_data = file->private_data;'" } */
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot); /* { dg-message "write 'desc->page_prot = pgprot_noncached.desc->page_prot.;'" } */
	vma->vm_pgoff = 0;			/* { dg-message "write 'desc->pgoff = 0;'" } */
	vma->vm_file = file;			/* { dg-message "write 'desc->vm_file = file;'" } */
	return 0;
}
const struct file_operations fields_fops = {
	.mmap = fields_mmap,	/* { dg-message "'fields_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
	/* { dg-message "and give it as '.mmap_prepare = fields_mmap_prepare,'" "" { target *-*-* } .-2 } */

/* reads: vm_start, vm_end, vm_file, vm_pgoff; the size; vma_pages() */
static int reads_mmap(struct file *unused, struct vm_area_struct *vma) /* { dg-message "'reads_mmap' is convertible" } */
{ /* { dg-message "declare it as 'static int reads_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
	unsigned long size = vma->vm_end - vma->vm_start; /* { dg-message "write 'unsigned long size = vma_desc_size.desc.;'" } */
	unsigned long first = vma->vm_start;	/* { dg-message "write 'unsigned long first = desc->start;'" } */
	unsigned long last = vma->vm_end;	/* { dg-message "write 'unsigned long last = desc->end;'" } */
	struct file *f = vma->vm_file;		/* { dg-message "write 'struct file .f = desc->file;'" } */

	if (vma_pages(vma) > 16 || vma->vm_pgoff) /* { dg-message "write 'if .vma_desc_pages.desc. > 16 .. desc->pgoff. return -EINVAL;'" } */
		return -EINVAL;
	return size + first + last + (f != 0);
}
const struct file_operations reads_fops = {
	.mmap = reads_mmap,	/* { dg-message "'reads_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
	/* { dg-message "and give it as '.mmap_prepare = reads_mmap_prepare,'" "" { target *-*-* } .-2 } */

/* flags: set, clear, test one, test any */
static int flags_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'flags_mmap' is convertible" } */
{ /* { dg-message "declare it as 'static int flags_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
	if (vma->vm_flags & VM_WRITE)		/* { dg-message "write 'if .vma_desc_test.desc, VMA_WRITE_BIT.. return -EPERM;'" } */
		return -EPERM;
	if (!(vma->vm_flags & (VM_SHARED | VM_MAYSHARE))) /* { dg-message "write 'if ...vma_desc_test_any.desc, VMA_SHARED_BIT, VMA_MAYSHARE_BIT... return -EINVAL;'" } */
		return -EINVAL;
	vm_flags_set(vma, VM_IO | VM_DONTEXPAND | VM_DONTDUMP); /* { dg-message "write 'vma_desc_set_flags.desc, VMA_IO_BIT, VMA_DONTEXPAND_BIT, VMA_DONTDUMP_BIT.;'" } */
	vm_flags_clear(vma, VM_MAYWRITE);	/* { dg-message "write 'vma_desc_clear_flags.desc, VMA_MAYWRITE_BIT.;'" } */
	vm_flags_mod(vma, VM_SEQ_READ, VM_RAND_READ); /* { dg-message "write 'vma_desc_set_flags.desc, VMA_SEQ_READ_BIT.; vma_desc_clear_flags.desc, VMA_RAND_READ_BIT.;'" } */
	return 0;
}
const struct file_operations flags_fops = {
	.mmap = flags_mmap,	/* { dg-message "'flags_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
	/* { dg-message "and give it as '.mmap_prepare = flags_mmap_prepare,'" "" { target *-*-* } .-2 } */

/* remap_pfn_range() over the whole VMA, the size in a local */
static int remap_full_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'remap_full_mmap' is convertible" } */
{ /* { dg-message "declare it as 'static int remap_full_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
	unsigned long size = vma->vm_end - vma->vm_start; /* { dg-message "write 'unsigned long size = vma_desc_size.desc.;'" } */

	if (remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff, size, /* { dg-message "write 'mmap_action_remap_full.desc, desc->pgoff.;'" } */
			    vma->vm_page_prot))
		return -EAGAIN;
	return 0;
}
const struct file_operations remap_full_fops = {
	.mmap = remap_full_mmap,	/* { dg-message "'remap_full_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
	/* { dg-message "and give it as '.mmap_prepare = remap_full_mmap_prepare,'" "" { target *-*-* } .-2 } */

/* remap_pfn_range() over part of it */
static int remap_part_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'remap_part_mmap' is convertible" } */
{ /* { dg-message "declare it as 'static int remap_part_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
	return remap_pfn_range(vma, vma->vm_start + PAGE_SIZE, 42, PAGE_SIZE, vma->vm_page_prot); /* { dg-message "write 'mmap_action_remap.desc, desc->start . PAGE_SIZE, 42, PAGE_SIZE.; return 0;'" } */
}
const struct file_operations remap_part_fops = {
	.mmap = remap_part_mmap,	/* { dg-message "'remap_part_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
	/* { dg-message "and give it as '.mmap_prepare = remap_part_mmap_prepare,'" "" { target *-*-* } .-2 } */

/* io_remap_pfn_range() over the whole VMA, with its own page protection */
static int ioremap_full_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'ioremap_full_mmap' is convertible" } */
{ /* { dg-message "declare it as 'static int ioremap_full_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
	return io_remap_pfn_range(vma, vma->vm_start, 7, vma->vm_end - vma->vm_start, /* { dg-message "write 'desc->page_prot = pgprot_writecombine.desc->page_prot.; mmap_action_ioremap_full.desc, 7.; return 0;'" } */
				  pgprot_writecombine(vma->vm_page_prot));
}
const struct file_operations ioremap_full_fops = {
	.mmap = ioremap_full_mmap,	/* { dg-message "'ioremap_full_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
	/* { dg-message "and give it as '.mmap_prepare = ioremap_full_mmap_prepare,'" "" { target *-*-* } .-2 } */

/* io_remap_pfn_range() over part of it, in a uio_info hook */
static int ioremap_part_mmap(struct uio_info *info, struct vm_area_struct *vma) /* { dg-message "'ioremap_part_mmap' is convertible" } */
{ /* { dg-message "declare it as 'static int ioremap_part_mmap_prepare.struct uio_info .info, struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
	return io_remap_pfn_range(vma, vma->vm_start, 7, PAGE_SIZE, vma->vm_page_prot); /* { dg-message "write 'mmap_action_ioremap.desc, desc->start, 7, PAGE_SIZE.; return 0;'" } */
}
struct uio_info part_uio = {
	.mmap = ioremap_part_mmap,	/* { dg-message "'part_uio' .struct uio_info. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
	/* { dg-message "and give it as '.mmap_prepare = ioremap_part_mmap_prepare,'" "" { target *-*-* } .-2 } */

/* vm_iomap_memory() (hpet, open-dice, stm) */
static int iomap_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'iomap_mmap' is convertible" } */
{ /* { dg-message "declare it as 'static int iomap_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
  /* { dg-message "and begin it with 'struct file .file = desc->file;'" "" { target *-*-* } .-2 } */
	unsigned long addr = (unsigned long)file->private_data;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot); /* { dg-message "write 'desc->page_prot = pgprot_noncached.desc->page_prot.;'" } */
	return vm_iomap_memory(vma, addr, PAGE_SIZE); /* { dg-message "write 'mmap_action_simple_ioremap.desc, addr, PAGE_SIZE.; return 0;'" } */
}
const struct file_operations iomap_fops = {
	.mmap = iomap_mmap,	/* { dg-message "'iomap_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
	/* { dg-message "and give it as '.mmap_prepare = iomap_mmap_prepare,'" "" { target *-*-* } .-2 } */

/* generic_file_mmap() and generic_file_readonly_mmap(), called (9p) */
static int gen_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'gen_mmap' is convertible" } */
{ /* { dg-message "declare it as 'static int gen_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
  /* { dg-message "and begin it with 'struct file .file = desc->file;'" "" { target *-*-* } .-2 } */
	int ret;

	if (!file->f_flags)
		return generic_file_readonly_mmap(file, vma); /* { dg-message "write 'if ..file->f_flags. return generic_file_readonly_mmap_prepare.desc.;'" } */
	ret = generic_file_mmap(file, vma);	/* { dg-message "write 'ret = generic_file_mmap_prepare.desc.;'" } */
	if (!ret)
		vma->vm_ops = &row_vm_ops;	/* { dg-message "write 'if ..ret. desc->vm_ops = &row_vm_ops;'" } */
	return ret;
}
const struct file_operations gen_fops = {
	.mmap = gen_mmap,	/* { dg-message "'gen_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
	/* { dg-message "and give it as '.mmap_prepare = gen_mmap_prepare,'" "" { target *-*-* } .-2 } */

/* ... and given directly (most file systems) */
const struct file_operations direct_fops = {
	.mmap = generic_file_mmap,	/* { dg-message "'direct_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
	/* { dg-message "'generic_file_mmap' is convertible: write '.mmap_prepare = generic_file_mmap_prepare,'" "" { target *-*-* } .-2 } */
const struct file_operations direct_ro_fops = {
	.mmap = generic_file_readonly_mmap,	/* { dg-message "'direct_ro_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
	/* { dg-message "'generic_file_readonly_mmap' is convertible: write '.mmap_prepare = generic_file_readonly_mmap_prepare,'" "" { target *-*-* } .-2 } */

/* vma_set_anonymous() (/dev/zero) */
static int anon_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'anon_mmap' is convertible" } */
{ /* { dg-message "declare it as 'static int anon_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
	vma_set_anonymous(vma);			/* { dg-message "write 'vma_desc_set_anonymous.desc.;'" } */
	return 0;
}
const struct file_operations anon_fops = {
	.mmap = anon_mmap,	/* { dg-message "'anon_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
	/* { dg-message "and give it as '.mmap_prepare = anon_mmap_prepare,'" "" { target *-*-* } .-2 } */

/* a static helper given the VMA (relay): converted with it; an alias */
static int relay_buf(void *buf, struct vm_area_struct *vma) /* { dg-message "declare this parameter as 'struct vm_area_desc .desc'" } */
{
	vm_flags_set(vma, VM_DONTEXPAND);	/* { dg-message "write 'vma_desc_set_flags.desc, VMA_DONTEXPAND_BIT.;'" } */
	vma->vm_private_data = buf;		/* { dg-message "write 'desc->private_data = buf;'" } */
	return 0;
}

static int relay_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'relay_mmap' is convertible" } */
{ /* { dg-message "declare it as 'static int relay_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
  /* { dg-message "and begin it with 'struct file .file = desc->file;'" "" { target *-*-* } .-2 } */
	return relay_buf(file->private_data, vma); /* { dg-message "write 'return relay_buf.file->private_data, desc.;'" } */
}
const struct file_operations relay_fops = {
	.mmap = relay_mmap,	/* { dg-message "'relay_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
	/* { dg-message "and give it as '.mmap_prepare = relay_mmap_prepare,'" "" { target *-*-* } .-2 } */

/* A member read as an aggregate argument (pgprot_t by value). */
void row_log_prot(pgprot_t prot);

static int aggarg_mmap(struct file *unused, struct vm_area_struct *vma) /* { dg-message "'aggarg_mmap' is convertible" } */
{ /* { dg-message "declare it as 'static int aggarg_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
	row_log_prot(vma->vm_page_prot);	/* { dg-message "write 'row_log_prot.desc->page_prot.;'" } */
	vma->vm_pgoff = 0;			/* { dg-message "write 'desc->pgoff = 0;'" } */
	return 0;
}
const struct file_operations aggarg_fops = {
	.mmap = aggarg_mmap,	/* { dg-message "'aggarg_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
	/* { dg-message "and give it as '.mmap_prepare = aggarg_mmap_prepare,'" "" { target *-*-* } .-2 } */

/* mmap_mem: the address of a mapped member handed to a callee that takes
   a pointer to the member's type (upstream: &desc->page_prot). */
int row_prot_allowed(struct file *file, unsigned long pgoff, pgprot_t *prot);

static int protaddr_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'protaddr_mmap' is convertible" } */
{ /* { dg-message "declare it as 'static int protaddr_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
  /* { dg-message "and begin it with 'struct file .file = desc->file;'" "" { target *-*-* } .-2 } */
	if (!row_prot_allowed(file, vma->vm_pgoff, &vma->vm_page_prot)) /* { dg-message "write 'if .!row_prot_allowed.file, desc->pgoff, &desc->page_prot.. return -EINVAL;'" } */
		return -EINVAL;
	return 0;
}
const struct file_operations protaddr_fops = {
	.mmap = protaddr_mmap,	/* { dg-message "'protaddr_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
	/* { dg-message "and give it as '.mmap_prepare = protaddr_mmap_prepare,'" "" { target *-*-* } .-2 } */
