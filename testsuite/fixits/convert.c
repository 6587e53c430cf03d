// SPDX-License-Identifier: GPL-2.0
/*
 * deprecated-mmap's conversion as fix-its: the hooks whose conversion is
 * mechanical and certain (cv_*) are converted by the patch; the others
 * (nc_*) keep .mmap and get no fix-it at all.
 */
#include "mp-vma.h"
#include "convert-macros.h"

static const struct vm_operations_struct cv_vm_ops;

/* Statements over several lines; the file parameter still used. */
static int cv_remap_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long pfn = 0x1000 + file->f_flags;

	if ((vma->vm_flags & VM_SHARED) != 0)
		return -EPERM;
	vma->vm_ops = &cv_vm_ops;
	vm_flags_set(vma, VM_IO | VM_DONTEXPAND);
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return remap_pfn_range(vma, vma->vm_start, pfn,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

/* A declaration over two lines; the file parameter unused. */
static int cv_simple_mmap(struct file *file,
			  struct vm_area_struct *vma)
{
	vma->vm_pgoff = 0;
	vma->vm_private_data = (void *)0;
	return 0;
}

/* The file parameter used only by a statement that goes. */
static int cv_generic_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &cv_vm_ops;
	return generic_file_mmap(file, vma);
}

/* The file's local before a line that stays, then one that changes (the
   order of GCC's patch). */
void cv_file_accessed(struct file *file);
static int cv_accessed_mmap(struct file *file, struct vm_area_struct *vma)
{
	cv_file_accessed(file);
	vma->vm_ops = &cv_vm_ops;

	return 0;
}

static const struct file_operations cv_remap_fops = {
	.owner		= 0,
	.mmap		= cv_remap_mmap,
};
static const struct file_operations cv_simple_fops = { .mmap = &cv_simple_mmap };
static const struct file_operations cv_generic_fops = {
	.mmap		= cv_generic_mmap,
};
/* The kernel's own hook: its _prepare twin. */
static const struct file_operations cv_kernel_fops = {
	.mmap		= generic_file_mmap,
};

/* mapped: state to move to vm_ops->mapped */
static int nc_mapped_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct foo_dev *dev = file->private_data;

	pm_runtime_get_sync(&dev->dev);
	vma->vm_ops = &cv_vm_ops;
	return 0;
}

/* blocked: a per-page insert */
static int nc_blocked_mmap(struct file *file, struct vm_area_struct *vma)
{
	return vm_insert_page(vma, vma->vm_start, 0);
}

/* a statement to rewrite by hand */
static int nc_by_hand_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long mask = file->f_flags ? VM_IO : VM_PFNMAP;

	vm_flags_set(vma, mask);
	vma->vm_pgoff = 0;
	return 0;
}

/* a prototype: renaming the definition alone would break it */
static int nc_proto_mmap(struct file *file, struct vm_area_struct *vma);
static int nc_proto_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_pgoff = 0;
	return 0;
}

/* given to two objects */
static int nc_twice_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_pgoff = 0;
	return 0;
}

/* given through a macro */
static int nc_macro_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_pgoff = 0;
	return 0;
}
#define NC_MMAP nc_macro_mmap

/* a macro of this file that names the VMA */
#define NC_CLEAR_PGOFF() (vma->vm_pgoff = 0)
static int nc_own_macro_mmap(struct file *file, struct vm_area_struct *vma)
{
	NC_CLEAR_PGOFF();
	vma->vm_private_data = (void *)0;
	return 0;
}

/* ... or spells its name, in a statement the rewrite changes elsewhere */
#define NC_VMA vma
static int nc_own_alias_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_private_data = (void *)NC_VMA->vm_start;
	return 0;
}

/* two statements for one, where one statement is all C allows */
static int nc_split_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (file->f_flags)
		vm_flags_mod(vma, VM_IO, VM_PFNMAP);
	return 0;
}

/* not static */
int nc_public_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_pgoff = 0;
	return 0;
}

/* a macro of a header that names the VMA */
static int nc_header_macro_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_private_data = CV_PGOFF_PTR();
	return 0;
}

/* a comment inside a statement: the replacement would lose it */
static int nc_comment_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_private_data = /* none yet */
		(void *)0;
	return 0;
}

/* the remap's result kept: "ret = " has no replacement */
static int nc_ret_mmap(struct file *file, struct vm_area_struct *vma)
{
	int ret;

	ret = remap_pfn_range(vma, vma->vm_start, 0x1000,
			      vma->vm_end - vma->vm_start, vma->vm_page_prot);
	return ret;
}

/* "desc" already names something in the body */
static int nc_desc_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long desc = 0;

	vma->vm_pgoff = desc;
	return 0;
}

/* the new name is taken */
int nc_taken_mmap_prepare(struct vm_area_desc *d);
static int nc_taken_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_pgoff = 0;
	return 0;
}

/* a local the conversion would leave unused (the remap of the whole VMA) */
static int nc_unused_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;

	return remap_pfn_range(vma, vma->vm_start, 0x1000,
			       size, vma->vm_page_prot);
}

/* not "static int NAME(" */
static inline int nc_inline_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_pgoff = 0;
	return 0;
}

/* the file's local would go after a '{' that has code beside it */
static int nc_one_line_mmap(struct file *file, struct vm_area_struct *vma) { vma->vm_pgoff = file->f_flags; return 0; }

/* the VMA left in a statement without a note */
static int nc_left_mmap(struct file *file, struct vm_area_struct *vma)
{
	(void)vma;
	vma->vm_pgoff = 0;
	return 0;
}

/* a helper given the VMA */
static void nc_helper(struct vm_area_struct *vma)
{
	vma->vm_pgoff = 0;
}

static int nc_helper_mmap(struct file *file, struct vm_area_struct *vma)
{
	nc_helper(vma);
	return 0;
}

static const struct file_operations nc_mapped_fops = { .mmap = nc_mapped_mmap };
static const struct file_operations nc_blocked_fops = { .mmap = nc_blocked_mmap };
static const struct file_operations nc_by_hand_fops = { .mmap = nc_by_hand_mmap };
static const struct file_operations nc_proto_fops = { .mmap = nc_proto_mmap };
static const struct file_operations nc_twice_fops = { .mmap = nc_twice_mmap };
static const struct file_operations nc_twice2_fops = { .mmap = nc_twice_mmap };
static const struct file_operations nc_macro_fops = { .mmap = NC_MMAP };
static const struct file_operations nc_own_macro_fops = { .mmap = nc_own_macro_mmap };
static const struct file_operations nc_split_fops = { .mmap = nc_split_mmap };
const struct file_operations nc_public_fops = { .mmap = nc_public_mmap };
const struct file_operations nc_more_fops[] = {
	{ .mmap = nc_header_macro_mmap },
	{ .mmap = nc_comment_mmap },
	{ .mmap = nc_ret_mmap },
	{ .mmap = nc_desc_mmap },
	{ .mmap = nc_taken_mmap },
	{ .mmap = nc_inline_mmap },
	{ .mmap = nc_one_line_mmap },
	{ .mmap = nc_left_mmap },
	{ .mmap = nc_helper_mmap },
	{ .mmap = nc_own_alias_mmap },
	{ .mmap = nc_unused_mmap },
};
static const struct file_operations cv_accessed_fops = { .mmap = cv_accessed_mmap };

const struct file_operations *cv_pick(int i)
{
	switch (i) {
	case 0: return &cv_remap_fops;
	case 1: return &cv_simple_fops;
	case 2: return &cv_generic_fops;
	case 3: return &cv_kernel_fops;
	case 13: return &cv_accessed_fops;
	case 4: return &nc_mapped_fops;
	case 5: return &nc_blocked_fops;
	case 6: return &nc_by_hand_fops;
	case 7: return &nc_proto_fops;
	case 8: return &nc_twice_fops;
	case 9: return &nc_twice2_fops;
	case 10: return &nc_macro_fops;
	case 11: return &nc_own_macro_fops;
	default: return &nc_split_fops;
	}
}
