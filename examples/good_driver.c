// SPDX-License-Identifier: GPL-2.0
/*
 * ringbuf: shares a physically contiguous kernel ring buffer with user
 * space.  A producer in the kernel appends records, readers mmap() the
 * whole buffer read-only and follow head/tail themselves.
 *
 * This is the driver correctly converted from .mmap to .mmap_prepare:
 * the hook only describes the mapping (flags, vm_ops, private_data) and
 * asks the core, through mmap_action_remap_full(), to remap the buffer
 * once the VMA exists.  Compare bad_driver.c, a half-done conversion.
 */
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>

#define RINGBUF_ORDER	4
#define RINGBUF_SIZE	(PAGE_SIZE << RINGBUF_ORDER)

struct ringbuf {
	unsigned long head;		/* next byte the producer writes */
	unsigned long tail;		/* oldest byte still valid */
	char data[];
};

static struct ringbuf *ringbuf;

/*
 * Every page is remapped before user space can touch the mapping, and
 * VMA_DONTEXPAND keeps mremap() from growing it: a fault is a bug.
 */
static int ringbuf_vm_fault(struct vm_fault *vmf)
{
	return VM_FAULT_SIGBUS;
}

static const struct vm_operations_struct ringbuf_vm_ops = {
	.fault		= ringbuf_vm_fault,
};

static int ringbuf_open(struct inode *inode, struct file *file)
{
	file->private_data = ringbuf;
	return 0;
}

static int ringbuf_mmap_prepare(struct vm_area_desc *desc)
{
	struct ringbuf *rb = desc->file->private_data;
	unsigned long pfn = virt_to_phys(rb) >> PAGE_SHIFT;

	/*
	 * The range belongs to the core, which has already chosen it: a
	 * mapping that does not fit is refused, not shortened.
	 */
	if (desc->pgoff || vma_desc_size(desc) > RINGBUF_SIZE)
		return -EINVAL;

	vma_desc_set_flag(desc, VMA_DONTEXPAND_BIT);
	vma_desc_set_flag(desc, VMA_DONTDUMP_BIT);
	desc->vm_ops = &ringbuf_vm_ops;
	desc->private_data = rb;

	/* The core remaps the buffer once the VMA exists. */
	mmap_action_remap_full(desc, pfn);
	/*
	 * Like drivers/char/mem.c, report a failed remap as -EAGAIN.  No
	 * helper sets error_override, so assigning it is allowed.
	 */
	desc->action.error_override = -EAGAIN;
	return 0;
}

static const struct file_operations ringbuf_fops = {
	.owner		= THIS_MODULE,
	.open		= ringbuf_open,
	.mmap_prepare	= ringbuf_mmap_prepare,
};

static struct miscdevice ringbuf_dev = {
	.minor		= MISC_DYNAMIC_MINOR,
	.name		= "ringbuf",
	.fops		= &ringbuf_fops,
};

static int __init ringbuf_init(void)
{
	int ret;

	ringbuf = (struct ringbuf *)__get_free_pages(GFP_KERNEL | __GFP_ZERO,
						     RINGBUF_ORDER);
	if (!ringbuf)
		return -ENOMEM;
	ret = misc_register(&ringbuf_dev);
	if (ret)
		free_pages((unsigned long)ringbuf, RINGBUF_ORDER);
	return ret;
}

static void __exit ringbuf_exit(void)
{
	misc_deregister(&ringbuf_dev);
	free_pages((unsigned long)ringbuf, RINGBUF_ORDER);
}

module_init(ringbuf_init);
module_exit(ringbuf_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Kernel ring buffer shared through mmap_prepare");
