/* deprecated-mmap: each blocker kind; the note names the first blocking
   statement (by position) and its kind. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-rules=+deprecated-mmap" } */
#include "mp-vma.h"

static const struct vm_operations_struct b_vm_ops;
struct priv { struct vm_area_struct *vma; };
struct vm_area_struct *last_vma;

/* vma-escapes: stored where it outlives the call (after a fine statement) */
static int esc_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct priv *p = file->private_data;
	struct vm_area_struct *v = vma;		/* a local copy is fine */

	v->vm_ops = &b_vm_ops;
	p->vma = v;		/* { dg-message "'esc_mmap' cannot be converted as it is: this statement has no descriptor equivalent .vma-escapes." } */
	last_vma = vma;
	return 0;
}
const struct file_operations esc_fops = { .mmap = esc_mmap };	/* { dg-message "'esc_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* vma-passed-to-callee: a function that needs a VMA */
static int callee_mmap(struct file *file, struct vm_area_struct *vma)
{
	foo_track_vma(vma);	/* { dg-message "'callee_mmap' cannot be converted as it is: this statement has no descriptor equivalent .vma-passed-to-callee: 'foo_track_vma'." } */
	return 0;	/* { dg-message "'callee_mmap' is convertible once 'foo_track_vma' takes a 'struct vm_area_desc .' instead" "" { target *-*-* } .-1 } */
}
const struct file_operations callee_fops = { .mmap = callee_mmap };	/* { dg-message "'callee_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* per-page-insert: vm_insert_page() */
static int page_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long i;

	for (i = 0; i < vma_pages(vma); i++)
		if (vm_insert_page(vma, vma->vm_start + i * PAGE_SIZE, 0)) /* { dg-message "'page_mmap' cannot be converted as it is: this statement has no descriptor equivalent .per-page-insert: 'vm_insert_page'." } */
			return -EAGAIN;
	return 0;
}
const struct file_operations page_fops = { .mmap = page_mmap };	/* { dg-message "'page_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* per-page-insert: a remap call in a loop */
static int loop_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long off;

	for (off = 0; off < vma->vm_end - vma->vm_start; off += PAGE_SIZE)
		remap_pfn_range(vma, vma->vm_start + off, off, PAGE_SIZE, vma->vm_page_prot); /* { dg-message "'loop_mmap' cannot be converted as it is: this statement has no descriptor equivalent .per-page-insert: 'remap_pfn_range'." } */
	return 0;
}
const struct file_operations loop_fops = { .mmap = loop_mmap };	/* { dg-message "'loop_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* zap */
static int zap_mmap(struct file *file, struct vm_area_struct *vma)
{
	zap_vma_ptes(vma, vma->vm_start, PAGE_SIZE); /* { dg-message "'zap_mmap' cannot be converted as it is: this statement has no descriptor equivalent .zap: 'zap_vma_ptes'." } */
	return 0;
}
const struct file_operations zap_fops = { .mmap = zap_mmap };	/* { dg-message "'zap_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* remap-not-final: the VMA is used after the remap */
static int late_mmap(struct file *file, struct vm_area_struct *vma)
{
	int ret = remap_pfn_range(vma, vma->vm_start, 5, PAGE_SIZE, vma->vm_page_prot); /* { dg-message "'late_mmap' cannot be converted as it is: this statement has no descriptor equivalent .remap-not-final: 'remap_pfn_range'." } */

	vma->vm_ops = &b_vm_ops;
	return ret;
}
const struct file_operations late_fops = { .mmap = late_mmap };	/* { dg-message "'late_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* vma-mm */
static int mm_mmap(struct file *file, struct vm_area_struct *vma)
{
	return vma->vm_mm->map_count > 3 ? -EINVAL : 0; /* { dg-message "'mm_mmap' cannot be converted as it is: this statement has no descriptor equivalent .vma-mm: 'vm_mm'." } */
}
const struct file_operations mm_fops = { .mmap = mm_mmap };	/* { dg-message "'mm_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* vma-field-read-unsupported: a member the descriptor has not */
static int read_mmap(struct file *file, struct vm_area_struct *vma)
{
	return vma->anon_vma ? -EINVAL : 0; /* { dg-message "'read_mmap' cannot be converted as it is: this statement has no descriptor equivalent .vma-field-read-unsupported: 'anon_vma'." } */
}
const struct file_operations read_fops = { .mmap = read_mmap };	/* { dg-message "'read_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* ... or has write-only: the private data */
static int priv_read_mmap(struct file *file, struct vm_area_struct *vma)
{
	return vma->vm_private_data ? -EINVAL : 0; /* { dg-message "'priv_read_mmap' cannot be converted as it is: this statement has no descriptor equivalent .vma-field-read-unsupported: 'vm_private_data'." } */
}
const struct file_operations priv_read_fops = { .mmap = priv_read_mmap };	/* { dg-message "'priv_read_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* vma-field-write-unsupported */
static int write_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_end = vma->vm_start + PAGE_SIZE; /* { dg-message "'write_mmap' cannot be converted as it is: this statement has no descriptor equivalent .vma-field-write-unsupported: 'vm_end'." } */
	return 0;
}
const struct file_operations write_fops = { .mmap = write_mmap };	/* { dg-message "'write_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* no-descriptor-helper: remap_vmalloc_range() */
static int vmalloc_mmap(struct file *file, struct vm_area_struct *vma)
{
	return remap_vmalloc_range(vma, file->private_data, 0); /* { dg-message "'vmalloc_mmap' cannot be converted as it is: this statement has no descriptor equivalent .no-descriptor-helper: 'remap_vmalloc_range'." } */
}
const struct file_operations vmalloc_fops = { .mmap = vmalloc_mmap };	/* { dg-message "'vmalloc_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* a static helper that blocks: the blocker is the helper's statement */
static int bad_helper(struct vm_area_struct *vma)
{
	vma->vm_ops = &b_vm_ops;
	zap_vma_ptes(vma, vma->vm_start, PAGE_SIZE); /* { dg-message "'helper_mmap' cannot be converted as it is: this statement has no descriptor equivalent .zap: 'zap_vma_ptes'." } */
	return 0;
}

static int helper_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_pgoff = 0;
	return bad_helper(vma);
}
const struct file_operations helper_fops = { .mmap = helper_mmap };	/* { dg-message "'helper_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* Of two blockers, the first in the source. */
static int two_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (file->f_flags)
		return vma->vm_mm->map_count; /* { dg-message "'two_mmap' cannot be converted as it is: this statement has no descriptor equivalent .vma-mm: 'vm_mm'." } */
	foo_track_vma(vma);
	return 0;
}
const struct file_operations two_fops = { .mmap = two_mmap };	/* { dg-message "'two_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* A public function given the VMA is not converted with the hook: other
   units may call it, it converts on its own (and is reported as such). */
int public_helper(struct vm_area_struct *vma) /* { dg-message "'public_helper' takes a VMA and is not static" } */
{ /* { dg-message "convert it to take a 'struct vm_area_desc .'" "" { target *-*-* } .-1 } */
  /* { dg-message "'public_helper' is convertible" "" { target *-*-* } .-2 } */
  /* { dg-message "declare it as 'int public_helper_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-3 } */
  /* { dg-message "and call 'public_helper_prepare' with the descriptor where 'public_helper' is called with a VMA" "" { target *-*-* } .-4 } */
	vma->vm_ops = &b_vm_ops;	/* { dg-message "write 'desc->vm_ops = &b_vm_ops;'" } */
	return 0;
}

static int public_mmap(struct file *file, struct vm_area_struct *vma)
{
	return public_helper(vma);	/* { dg-message "'public_mmap' cannot be converted as it is: this statement has no descriptor equivalent .vma-passed-to-callee: 'public_helper'." } */
	/* { dg-message "'public_mmap' is convertible once 'public_helper' takes" "" { target *-*-* } .-1 } */
}
const struct file_operations public_fops = { .mmap = public_mmap };	/* { dg-message "'public_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* unknown: the body is elsewhere; no note beyond the finding's */
extern int ext_mmap(struct file *file, struct vm_area_struct *vma);
const struct file_operations ext_fops = { .mmap = ext_mmap };	/* { dg-message "'ext_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* The address of a member is the member only when the callee takes a
   pointer to its type: as void * (and no length) it may reach the rest of
   the VMA; and a
   member with no descriptor equivalent (vm_flags) blocks as such. */
void foo_log_ptr(const void *p);
int foo_adjust_flags(unsigned long *flags);

static int voidaddr_mmap(struct file *file, struct vm_area_struct *vma)
{
	foo_log_ptr(&vma->vm_page_prot); /* { dg-message "'voidaddr_mmap' cannot be converted as it is: this statement has no descriptor equivalent .vma-passed-to-callee: 'foo_log_ptr'." } */
	return 0;
}
const struct file_operations voidaddr_fops = {
	.mmap = voidaddr_mmap,	/* { dg-message "'voidaddr_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

static int flagaddr_mmap(struct file *file, struct vm_area_struct *vma)
{
	return foo_adjust_flags((unsigned long *)&vma->vm_flags); /* { dg-message "'flagaddr_mmap' cannot be converted as it is: this statement has no descriptor equivalent .vma-passed-to-callee: 'foo_adjust_flags'." } */
}
const struct file_operations flagaddr_fops = {
	.mmap = flagaddr_mmap,	/* { dg-message "'flagaddr_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* The VMA given to a public function as something else than a VMA
   (a void *): blocked, and not a function that converts on its own. */
static int voidarg_mmap(struct file *file, struct vm_area_struct *vma)
{
	foo_log_ptr(vma); /* { dg-message "'voidarg_mmap' cannot be converted as it is: this statement has no descriptor equivalent .vma-passed-to-callee: 'foo_log_ptr'." } */
	return 0;
}
const struct file_operations voidarg_fops = {
	.mmap = voidarg_mmap,	/* { dg-message "'voidarg_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* An ops object nothing uses (pl111's on x86: no AMBA bus registers the
   driver): GCC drops it and its hook's symbol before the rule runs; the
   record still names the hook the initializer gives (check.py). */
extern int gone_mmap(struct file *file, struct vm_area_struct *vma);
static const struct file_operations gone_fops = {
	.mmap = gone_mmap,	/* { dg-message "'gone_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* vma-passed-to-callee: the kernel's own VMA function (core=), which will
   not take a descriptor: blocked, and no "convertible once" note (last in
   the file: the include moves no line above) */
#include "linux/mm.h"
static int setfile_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma_set_file(vma, file);	/* { dg-message "'setfile_mmap' cannot be converted as it is: this statement has no descriptor equivalent .vma-passed-to-callee: 'vma_set_file'." } */
	return 0;
}
const struct file_operations setfile_fops = { .mmap = setfile_mmap };	/* { dg-message "'setfile_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
