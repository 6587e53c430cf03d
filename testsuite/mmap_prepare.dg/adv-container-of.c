/* Adversarial: container_of back from a permitted field. */
/* { dg-do compile } */
#include "mp-ops.h"

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))

static int fix(unsigned long *pgoff)
{
	struct vm_area_desc *d = container_of(pgoff, struct vm_area_desc, pgoff);

	d->start = 0;	/* { dg-warning "'fix' writes immutable field 'start'.*mmap-prepare-immutable" } */
	return 0;
}

int container_prepare(struct vm_area_desc *desc)
{
	unsigned long *pg = &desc->pgoff;
	unsigned long *back = (unsigned long *)((char *)pg - 2 * sizeof(long));

	*back = 0;	/* { dg-warning "'container_prepare' writes immutable field 'start'.*mmap-prepare-immutable" } */
	return fix(&desc->pgoff);	/* { dg-warning "'container_prepare' passes the address of immutable field 'start' of 'struct vm_area_desc' to 'fix', which may write it .mmap-prepare-immutable" } */
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
