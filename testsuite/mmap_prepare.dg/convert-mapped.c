/* deprecated-mmap: a body with state in the sense of mmap-prepare-stateful
   (a reference, a kept allocation, a counter, also in a static helper)
   converts with vm_ops->mapped; the notes say which statements move.
   State undone on every path is no state. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-rules=+deprecated-mmap" } */
#include "mp-vma.h"
/* (No hook on line 12: DejaGnu would take its notes for column 12 ones.) */

static const struct vm_operations_struct m_vm_ops;

/* stm: pm_runtime_get_sync() held */
static int ref_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'ref_mmap' is convertible with 'vm_ops->mapped': it has state" } */
{ /* { dg-message "declare it as 'static int ref_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
  /* { dg-message "and begin it with 'struct file .file = desc->file;'" "" { target *-*-* } .-2 } */
	struct foo_dev *dev = file->private_data;

	pm_runtime_get_sync(&dev->dev);	/* { dg-message "move this 'pm_runtime_get_sync' to 'vm_ops->mapped'" } */
	vma->vm_ops = &m_vm_ops;	/* { dg-message "write 'desc->vm_ops = &m_vm_ops;'" } */
	return 0;
}
const struct file_operations ref_fops = { .mmap = ref_mmap };	/* { dg-message "'ref_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
/* { dg-message "and give it as '.mmap_prepare = ref_mmap_prepare,'" "" { target *-*-* } .-2 } */

/* vme_user: an allocation kept in the private data, a counter, in a helper */
static int keep(struct foo_dev *dev, struct vm_area_struct *vma) /* { dg-message "declare this parameter as 'struct vm_area_desc .desc'" } */
{
	void *priv = kzalloc(16, GFP_KERNEL);	/* { dg-message "move this 'kzalloc' to 'vm_ops->mapped'" } */

	if (!priv)
		return -ENOMEM;
	vma->vm_private_data = priv;		/* { dg-message "write 'desc->private_data = priv;'" } */
	atomic_inc(&dev->mmap_count);		/* { dg-message "move this 'atomic_inc' to 'vm_ops->mapped'" } */
	return 0;
}

static int alloc_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'alloc_mmap' is convertible with 'vm_ops->mapped'" } */
{ /* { dg-message "declare it as 'static int alloc_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
  /* { dg-message "and begin it with 'struct file .file = desc->file;'" "" { target *-*-* } .-2 } */
	return keep(file->private_data, vma);	/* { dg-message "write 'return keep.file->private_data, desc.;'" } */
}
const struct file_operations alloc_fops = { .mmap = alloc_mmap };	/* { dg-message "'alloc_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
/* { dg-message "and give it as '.mmap_prepare = alloc_mmap_prepare,'" "" { target *-*-* } .-2 } */

/* Released on the error path and on success: no state. */
static int undone_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'undone_mmap' is convertible" } */
{ /* { dg-message "declare it as 'static int undone_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
  /* { dg-message "and begin it with 'struct file .file = desc->file;'" "" { target *-*-* } .-2 } */
	struct foo_dev *dev = file->private_data;

	kref_get(&dev->ref);
	if (vma->vm_pgoff) {			/* { dg-message "write 'if .desc->pgoff.'" } */
		kref_put(&dev->ref, 0);
		return -EINVAL;
	}
	kref_put(&dev->ref, 0);
	return 0;
}
const struct file_operations undone_fops = { .mmap = undone_mmap };	/* { dg-message "'undone_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
/* { dg-message "and give it as '.mmap_prepare = undone_mmap_prepare,'" "" { target *-*-* } .-2 } */
