/* SPDX-License-Identifier: GPL-2.0 */
/* Enough of include/linux/module.h for a driver to look like one. */
#ifndef _EXAMPLE_LINUX_MODULE_H
#define _EXAMPLE_LINUX_MODULE_H

struct module;
extern struct module __this_module;
#define THIS_MODULE	(&__this_module)

#define __init
#define __exit

#define module_init(fn)							\
	int init_module(void) __attribute__((alias(#fn)))
#define module_exit(fn)							\
	void cleanup_module(void) __attribute__((alias(#fn)))
#define MODULE_LICENSE(l)						\
	static const char __module_license[]				\
		__attribute__((used, section(".modinfo"))) = "license=" l
#define MODULE_DESCRIPTION(d)						\
	static const char __module_description[]			\
		__attribute__((used, section(".modinfo"))) = "description=" d

#endif /* _EXAMPLE_LINUX_MODULE_H */
