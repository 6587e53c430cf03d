/* Scope is decided by type: static helpers, hooks of other ops types
   and descriptors inside other structures are all checked. */
/* { dg-do compile } */
#include "mp-ops.h"

struct wrapper {
	int id;
	struct vm_area_desc desc;
};

static void fix_range(struct vm_area_desc *d, unsigned long len)
{
	d->end = d->start + len;	/* { dg-warning "'fix_range' writes immutable field 'end' .*mmap-prepare-immutable" } */
}

static int uio_prepare(struct uio_info *info, struct vm_area_desc *desc)
{
	desc->start = 0;		/* { dg-warning "'uio_prepare' writes immutable field 'start' .*mmap-prepare-immutable" } */
	return 0;
}

static void through_void(void *p)
{
	((struct vm_area_desc *)p)->mm = NULL;	/* { dg-warning "'through_void' writes immutable field 'mm' .*mmap-prepare-immutable" } */
}

void wrapped(struct wrapper *w)
{
	w->desc.start = 0;		/* { dg-warning "'wrapped' writes immutable field 'start' .*mmap-prepare-immutable" } */
	w->id = 1;
}

static int helper_prepare(struct vm_area_desc *desc)
{
	fix_range(desc, 4096);
	through_void(desc);
	return 0;
}

struct uio_info helper_uio = { .name = "x", .mmap_prepare = uio_prepare };
const struct file_operations helper_fops = { .mmap_prepare = helper_prepare };

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
