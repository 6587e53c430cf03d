/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _EXAMPLE_LINUX_IO_H
#define _EXAMPLE_LINUX_IO_H

#include <linux/types.h>

phys_addr_t virt_to_phys(const volatile void *address);

#endif /* _EXAMPLE_LINUX_IO_H */
