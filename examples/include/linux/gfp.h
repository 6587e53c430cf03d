/* SPDX-License-Identifier: GPL-2.0 */
/* Page allocation, reduced (include/linux/gfp.h). */
#ifndef _EXAMPLE_LINUX_GFP_H
#define _EXAMPLE_LINUX_GFP_H

#include <linux/types.h>

#define GFP_KERNEL	0x0cc0u
#define __GFP_ZERO	0x0100u

unsigned long __get_free_pages(unsigned int gfp_mask, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);

#endif /* _EXAMPLE_LINUX_GFP_H */
