/* State taken in a static helper two calls below the hook is the hook's:
   reported at the helper's statement, with a note at the hook's call.
   A helper that gives back what it took is clean. */
/* { dg-do compile } */
#include "mp-state.h"

static void grab(struct foo_dev *dev)
{
	kref_get(&dev->ref);			/* { dg-warning "'grab' takes a reference with 'kref_get' that outlives the mmap_prepare call .mmap-prepare-stateful" } */
	atomic_inc(&dev->mmap_count);		/* { dg-warning "'grab' increments a counter with 'atomic_inc' .*mmap-prepare-stateful" } */
}

static void setup(struct foo_dev *dev)
{
	grab(dev);
}

static void peek(struct foo_dev *dev)
{
	kref_get(&dev->ref);
	dev->ready = 1;
	kref_put(&dev->ref, 0);
}

static void check(struct foo_dev *dev)
{
	peek(dev);
}

static int helper_prepare(struct vm_area_desc *desc)
{
	struct foo_dev *dev = desc->file->private_data;

	check(dev);
	setup(dev);				/* { dg-message "'grab' is called here, from 'helper_prepare', which prepares a mapping" } */
	return 0;
}

const struct file_operations helper_fops = { .mmap_prepare = helper_prepare };

/* { dg-message "do this in 'vm_ops->mapped'" "" { target *-*-* } 0 } */
