/* Not state: balanced locking, file_accessed(), flag stores, reads, the
   mmap_action_*() helpers.  Not in scope: the same acquisitions in a
   vm_ops->mapped function, in a function unrelated to descriptors, and
   in core code. */
/* { dg-do compile } */
#include "mp-state.h"
#include "linux/mm.h"

static int quiet_prepare(struct vm_area_desc *desc)
{
	struct foo_dev *dev = desc->file->private_data;

	mutex_lock(&dev->lock);
	dev->ready = 1;
	file_accessed(desc->file);
	desc->pgoff = dev->ready;
	mutex_unlock(&dev->lock);
	core_remap(desc, 1);
	return 0;
}

static int foo_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
		      const struct file *file, void **vm_private_data)
{
	struct foo_dev *dev = file->private_data;

	kref_get(&dev->ref);
	pm_runtime_get_sync(&dev->dev);
	atomic_inc(&dev->mmap_count);
	*vm_private_data = kzalloc(64, GFP_KERNEL);
	return 0;
}

const struct vm_operations_struct foo_vm_ops = { .mapped = foo_mapped };

void foo_open(struct foo_dev *dev)
{
	kref_get(&dev->ref);
	atomic_inc(&dev->mmap_count);
	dev->buf = kzalloc(64, GFP_KERNEL);
}

const struct file_operations quiet_fops = { .mmap_prepare = quiet_prepare };
