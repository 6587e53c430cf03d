/* Atomic counters raised for the mapping in the hook: raised again on
   every merge and failed mmap().  A local counter, or one lowered again
   on the same path, is clean. */
/* { dg-do compile } */
#include "mp-state.h"

static atomic_t mappings;

static int count_prepare(struct vm_area_desc *desc)
{
	struct foo_dev *dev = desc->file->private_data;

	atomic_inc(&dev->mmap_count);		/* { dg-warning "'count_prepare' increments a counter with 'atomic_inc' that outlives the mmap_prepare call .mmap-prepare-stateful" } */
	if (atomic_inc_return(&mappings) > 8)	/* { dg-warning "increments a counter with 'atomic_inc_return' .*mmap-prepare-stateful" } */
		return -EAGAIN;
	atomic_long_inc(&dev->pages);		/* { dg-warning "increments a counter with 'atomic_long_inc' .*mmap-prepare-stateful" } */
	return 0;
}

static int balanced_prepare(struct vm_area_desc *desc)
{
	struct foo_dev *dev = desc->file->private_data;
	atomic_t local = { 0 };

	atomic_inc(&local);
	atomic_inc(&dev->mmap_count);
	desc->pgoff = dev->ready;
	atomic_dec(&dev->mmap_count);
	atomic_long_inc(&dev->pages);
	atomic_long_dec(&dev->pages);
	return 0;
}

const struct file_operations count_fops = { .mmap_prepare = count_prepare };
const struct file_operations balanced_fops = { .mmap_prepare = balanced_prepare };

/* { dg-message "do this in 'vm_ops->mapped'" "" { target *-*-* } 0 } */
