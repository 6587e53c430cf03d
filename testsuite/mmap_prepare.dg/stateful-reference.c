/* References taken in an mmap_prepare hook and kept past it: the mapping
   may be merged or fail, so each is a leak.  Released on every path, or
   not taken because a conditional get failed, is clean. */
/* { dg-do compile } */
#include "mp-state.h"

static struct foo_dev *dev_of(struct vm_area_desc *desc)
{
	return desc->file->private_data;
}

static int ref_prepare(struct vm_area_desc *desc)
{
	struct foo_dev *dev = dev_of(desc);

	kref_get(&dev->ref);		/* { dg-warning "'ref_prepare' takes a reference with 'kref_get' that outlives the mmap_prepare call .mmap-prepare-stateful" } */
	pm_runtime_get_sync(&dev->dev);	/* { dg-warning "takes a reference with 'pm_runtime_get_sync' .*mmap-prepare-stateful" } */
	get_device(&dev->dev);		/* { dg-warning "takes a reference with 'get_device' .*mmap-prepare-stateful" } */
	if (!try_module_get(dev->owner))	/* { dg-warning "takes a reference with 'try_module_get' .*mmap-prepare-stateful" } */
		return -ENODEV;
	return 0;
}

/* Error unwinding: every path that took a reference drops it. */
static int unwind_prepare(struct vm_area_desc *desc)
{
	struct foo_dev *dev = dev_of(desc);
	int ret = 0;

	kref_get(&dev->ref);
	if (pm_runtime_resume_and_get(&dev->dev) < 0) {
		ret = -EINVAL;
		goto put_ref;
	}
	if (!dev->ready) {
		ret = -EAGAIN;
		goto put_pm;
	}
	desc->pgoff = 0;
put_pm:
	pm_runtime_put(&dev->dev);
put_ref:
	kref_put(&dev->ref, 0);
	return ret;
}

/* A conditional get that failed holds nothing on that path. */
static int tryget_prepare(struct vm_area_desc *desc)
{
	struct foo_dev *dev = dev_of(desc);

	if (!kref_get_unless_zero(&dev->ref))
		return -ENODEV;
	kref_put(&dev->ref, 0);
	if (pm_runtime_resume_and_get(&dev->dev))
		return -EINVAL;
	pm_runtime_put_autosuspend(&dev->dev);
	return 0;
}

/* Released on one path only: the other keeps it. */
static int half_prepare(struct vm_area_desc *desc)
{
	struct foo_dev *dev = dev_of(desc);

	get_device(&dev->dev);		/* { dg-warning "'half_prepare' takes a reference with 'get_device' .*mmap-prepare-stateful" } */
	if (desc->pgoff) {
		put_device(&dev->dev);
		return -EINVAL;
	}
	return 0;
}

/* A file handed to the core in vm_file is the core's to release. */
static int handover_prepare(struct vm_area_desc *desc)
{
	struct file *backing = dev_of(desc)->buf;

	get_file(backing);
	desc->vm_file = backing;
	return 0;
}

/* Not registered here, but it prepares a descriptor: in scope. */
int foo_prepare_desc(struct vm_area_desc *desc)
{
	get_device(&dev_of(desc)->dev);	/* { dg-warning "'foo_prepare_desc' takes a reference with 'get_device' .*mmap-prepare-stateful" } */
	return 0;
}

const struct file_operations ref_fops = { .mmap_prepare = ref_prepare };
const struct file_operations unwind_fops = { .mmap_prepare = unwind_prepare };
const struct file_operations tryget_fops = { .mmap_prepare = tryget_prepare };
const struct file_operations half_fops = { .mmap_prepare = half_prepare };
const struct file_operations handover_fops = { .mmap_prepare = handover_prepare };

/* { dg-message "do this in 'vm_ops->mapped', which runs once the new mapping exists" "" { target *-*-* } 0 } */
