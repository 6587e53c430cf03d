/* Adversarial: writes through function pointers and callbacks. */
/* { dg-do compile } */
#include "mp-ops.h"

typedef int (*desc_cb)(struct vm_area_desc *);

static void put(unsigned long *p)
{
	*p = 1;
}

static int cb_writer(struct vm_area_desc *d)
{
	d->mm = NULL;	/* { dg-warning "'cb_writer' writes immutable field 'mm'.*mmap-prepare-immutable" } */
	return 0;
}

int fnptr_prepare(struct vm_area_desc *desc)
{
	void (*f)(unsigned long *) = put;
	desc_cb cb = cb_writer;

	f(&desc->start);	/* { dg-warning "'fnptr_prepare' passes the address of immutable field 'start'.*mmap-prepare-immutable" } */
	return cb(desc);
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
