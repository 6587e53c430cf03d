/* Allocations kept where they outlive the hook: in the descriptor's
   private_data, a global, the device.  Kept only in a local, or freed on
   every path (by the pointer or by where it was stored), is clean. */
/* { dg-do compile } */
#include "mp-state.h"

static void *last_buffer;

static int keep_prepare(struct vm_area_desc *desc)
{
	struct foo_dev *dev = desc->file->private_data;
	void *priv = kzalloc(64, GFP_KERNEL);	/* { dg-warning "'keep_prepare' keeps memory from 'kzalloc' beyond the mmap_prepare call .mmap-prepare-stateful" } */

	if (!priv)
		return -ENOMEM;
	desc->private_data = priv;
	last_buffer = kmalloc(16, GFP_KERNEL);	/* { dg-warning "keeps memory from 'kmalloc' .*mmap-prepare-stateful" } */
	dev->buf = vmalloc(4096);		/* { dg-warning "keeps memory from 'vmalloc' .*mmap-prepare-stateful" } */
	return 0;
}

static int local_prepare(struct vm_area_desc *desc)
{
	struct foo_dev *dev = desc->file->private_data;
	char *tmp = kzalloc(64, GFP_KERNEL);
	int ret;

	if (!tmp)
		return -ENOMEM;
	ret = tmp[0] ? -EINVAL : 0;
	kfree(tmp);
	dev->buf = kzalloc(32, GFP_KERNEL);
	if (!dev->ready) {
		kfree(dev->buf);
		return ret;
	}
	kfree(dev->buf);
	return ret;
}

/* Kept in a local object: not state of the mapping. */
struct holder { void *buf; };
void consume(struct holder *h);

static int boxed_prepare(struct vm_area_desc *desc)
{
	struct holder h;

	h.buf = kzalloc(16, GFP_KERNEL);
	consume(&h);
	return 0;
}

const struct file_operations boxed_fops = { .mmap_prepare = boxed_prepare };
const struct file_operations keep_fops = { .mmap_prepare = keep_prepare };
const struct file_operations local_fops = { .mmap_prepare = local_prepare };

/* { dg-message "do this in 'vm_ops->mapped'" "" { target *-*-* } 0 } */
