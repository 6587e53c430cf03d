/* acquire= adds a kernel's own helpers to the table: a conditional one
   (?) holds nothing where it failed.  Its releases undo it. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-acquire=foo_get/foo_put/foo_put_async,foo_tryget?/foo_put" } */
#include "mp-state.h"

void foo_get(struct foo_dev *dev);
int foo_tryget(struct foo_dev *dev);
void foo_put(struct foo_dev *dev);

static int own_prepare(struct vm_area_desc *desc)
{
	struct foo_dev *dev = desc->file->private_data;

	foo_get(dev);			/* { dg-warning "takes a reference with 'foo_get' .*mmap-prepare-stateful" } */
	if (!foo_tryget(dev))
		return -ENODEV;
	foo_put(dev);
	return 0;
}

const struct file_operations own_fops = { .mmap_prepare = own_prepare };

/* { dg-message "do this in 'vm_ops->mapped'" "" { target *-*-* } 0 } */
