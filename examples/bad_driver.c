// SPDX-License-Identifier: GPL-2.0
/*
 * ringbuf: shares a physically contiguous kernel ring buffer with user
 * space.  A producer in the kernel appends records, readers mmap() the
 * whole buffer read-only and follow head/tail themselves.
 *
 * DELIBERATELY BROKEN: this is a half-done conversion from .mmap to
 * .mmap_prepare that commits each default-on rule of the mmap_prepare
 * plugin exactly once.  Every mistake is marked "BUG (rule)"; the
 * findings are listed in expected.txt, good_driver.c is the fix.
 */

/*
 * Built as if against a later kernel whose struct vm_area_desc has a
 * member Linux 7.2 lacks (see include/linux/mm_types.h), so that the
 * driver can show mmap-prepare-unknown-field too.
 */
#define EXAMPLE_NEXT_KERNEL_DESC

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

/* The last mapping set up, so that release can report on it. */
static struct vm_area_desc *ringbuf_last_map;

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

/* The old hook, kept "until the new one has seen some testing". */
static int ringbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ringbuf *rb = file->private_data;

	if (vma->vm_pgoff || vma->vm_end - vma->vm_start > RINGBUF_SIZE)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start,
			       virt_to_phys(rb) >> PAGE_SHIFT,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int ringbuf_mmap_prepare(struct vm_area_desc *desc)
{
	struct ringbuf *rb = desc->file->private_data;
	struct mmap_action remap = {
		.type			= MMAP_REMAP_PFN,
		.remap.start		= desc->start,
		.remap.start_pfn	= virt_to_phys(rb) >> PAGE_SHIFT,
		.remap.size		= RINGBUF_SIZE,
		.remap.pgprot		= desc->page_prot,
	};

	if (desc->pgoff)
		return -EINVAL;

	/*
	 * BUG (immutable): the old hook refused an oversized mapping; this
	 * one "helpfully" shortens it.  The core has already reserved
	 * [start, end) and does not expect the hook to move it.
	 */
	if (vma_desc_size(desc) > RINGBUF_SIZE)
		desc->end = desc->start + RINGBUF_SIZE;

	vma_desc_set_flag(desc, VMA_DONTEXPAND_BIT);
	vma_desc_set_flag(desc, VMA_DONTDUMP_BIT);
	desc->vm_ops = &ringbuf_vm_ops;
	desc->private_data = rb;

	/*
	 * BUG (action): the old hook's remap_pfn_range() call, translated
	 * by hand into the action built above.  The helpers own the action
	 * (the core validates what they write): mmap_action_remap_full()
	 * is the call to make.
	 */
	desc->action = remap;

	/*
	 * BUG (unknown-field): a member this kernel's rules may not let a
	 * hook set, and which the plugin's policy does not know.
	 */
	desc->map_order = RINGBUF_ORDER;

	/*
	 * BUG (escape): the descriptor lives on the stack of the core's
	 * mmap code and is gone when this hook returns; ringbuf_release()
	 * then reads a dead stack frame.
	 */
	ringbuf_last_map = desc;
	return 0;
}

static int ringbuf_release(struct inode *inode, struct file *file)
{
	if (ringbuf_last_map && ringbuf_last_map->file == file)
		ringbuf_last_map = NULL;
	return 0;
}

/*
 * BUG (both-hooks): .mmap and .mmap_prepare are mutually exclusive;
 * can_mmap_file() warns once and every mmap() fails with -ENODEV.
 */
static const struct file_operations ringbuf_fops = {
	.owner		= THIS_MODULE,
	.open		= ringbuf_open,
	.release	= ringbuf_release,
	.mmap		= ringbuf_mmap,
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
MODULE_DESCRIPTION("Kernel ring buffer shared through mmap (half converted)");
