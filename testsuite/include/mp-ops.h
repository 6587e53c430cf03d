/* SPDX-License-Identifier: GPL-2.0 */
/* Ops types that carry mmap and mmap_prepare hooks. */
#ifndef MP_OPS_H
#define MP_OPS_H

#include "mp-desc.h"

struct vm_area_struct;
struct inode;

struct file_operations {
	void *owner;
	long (*read)(struct file *f, char *buf, size_t n, long long *pos);
	long (*write)(struct file *f, const char *buf, size_t n, long long *pos);
	int (*mmap)(struct file *f, struct vm_area_struct *vma);
	int (*open)(struct inode *inode, struct file *f);
	int (*mmap_prepare)(struct vm_area_desc *desc);
	int (*release)(struct inode *inode, struct file *f);
};

struct uio_info;
struct uio_info {
	const char *name;
	int (*mmap)(struct uio_info *info, struct vm_area_struct *vma);
	int (*mmap_prepare)(struct uio_info *info, struct vm_area_desc *desc);
};

/* Only mmap: not an ops type for the both-hooks rule. */
struct fb_ops {
	int (*mmap)(void *info, struct vm_area_struct *vma);
};

struct miscdevice {
	int minor;
	const char *name;
	const struct file_operations *fops;
};

int misc_register(struct miscdevice *misc);

#endif
