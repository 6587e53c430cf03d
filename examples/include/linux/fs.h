/* SPDX-License-Identifier: GPL-2.0 */
/* struct file and struct file_operations, reduced (include/linux/fs.h). */
#ifndef _EXAMPLE_LINUX_FS_H
#define _EXAMPLE_LINUX_FS_H

#include <linux/types.h>

struct inode;
struct module;
struct vm_area_struct;
struct vm_area_desc;

struct file {
	unsigned int f_flags;
	struct inode *f_inode;
	void *private_data;
};

struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *file, loff_t off, int whence);
	long (*read)(struct file *file, char *buf, size_t len, loff_t *ppos);
	long (*write)(struct file *file, const char *buf, size_t len,
		      loff_t *ppos);
	/* Deprecated: gets the half-built VMA itself. */
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
	/* Since 6.16; mutually exclusive with .mmap. */
	int (*mmap_prepare)(struct vm_area_desc *desc);
};

#endif /* _EXAMPLE_LINUX_FS_H */
