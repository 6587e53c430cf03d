/* SPDX-License-Identifier: GPL-2.0 */
/* References, allocations, counters and locks, as the kernel spells them
   (7.x: kzalloc() is a macro for kzalloc_noprof()). */
#ifndef MP_STATE_H
#define MP_STATE_H

#include "mp-ops.h"

struct kref { int refcount; };
struct device { int usage; };
struct module;
struct mutex { int owner; };
typedef struct { int counter; } atomic_t;
typedef struct { long counter; } atomic_long_t;

void kref_get(struct kref *kref);
int kref_get_unless_zero(struct kref *kref);
int kref_put(struct kref *kref, void (*release)(struct kref *kref));
struct device *get_device(struct device *dev);
void put_device(struct device *dev);
int pm_runtime_get_sync(struct device *dev);
int pm_runtime_resume_and_get(struct device *dev);
int pm_runtime_put(struct device *dev);
int pm_runtime_put_autosuspend(struct device *dev);
int try_module_get(struct module *module);
void module_put(struct module *module);
struct file *get_file(struct file *f);
void fput(struct file *f);

void *kzalloc_noprof(size_t size, int flags);
#define kzalloc(size, flags) kzalloc_noprof(size, flags)
void *vmalloc_noprof(unsigned long size);
#define vmalloc(size) vmalloc_noprof(size)
void kfree(const void *p);
void vfree(const void *p);

void atomic_inc(atomic_t *v);
int atomic_inc_return(atomic_t *v);
void atomic_dec(atomic_t *v);
void atomic_long_inc(atomic_long_t *v);
void atomic_long_dec(atomic_long_t *v);

void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
void file_accessed(struct file *f);

#define GFP_KERNEL 0
#define ENOMEM 12

struct foo_dev {
	struct kref ref;
	struct device dev;
	struct module *owner;
	struct mutex lock;
	atomic_t mmap_count;
	atomic_long_t pages;
	void *buf;
	int ready;
};

#endif
