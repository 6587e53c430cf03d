/* SPDX-License-Identifier: GPL-2.0 */
/* Reference counts, reduced (include/linux/kref.h). */
#ifndef _LINUX_KREF_H
#define _LINUX_KREF_H

struct kref {
	int refcount;
};

void kref_get(struct kref *kref);
int kref_put(struct kref *kref, void (*release)(struct kref *kref));

#endif
