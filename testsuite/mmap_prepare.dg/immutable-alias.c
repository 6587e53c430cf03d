/* Stores through pointers derived from the descriptor: member
   addresses, casts, constant offsets, copies, static helpers. */
/* { dg-do compile } */
#include "mp-ops.h"

static unsigned long *end_of(struct vm_area_desc *d)
{
	return &d->end;
}

int alias_prepare(struct vm_area_desc *desc, int flag)
{
	unsigned long *p = &desc->start;
	unsigned long *q;
	char *base = (char *)desc;

	*p = 0;					/* { dg-warning "'alias_prepare' writes immutable field 'start' .*mmap-prepare-immutable" } */
	q = flag ? &desc->end : &desc->end;
	q[0] = 1;				/* { dg-warning "writes immutable field 'end' .*mmap-prepare-immutable" } */
	*(unsigned long *)(base + __builtin_offsetof(struct vm_area_desc, start)) = 2;	/* { dg-warning "writes immutable field 'start' .*mmap-prepare-immutable" } */
	((unsigned long *)desc)[3] = 3;		/* { dg-warning "writes immutable field 'end' .*mmap-prepare-immutable" } */
	*end_of(desc) = 4;			/* { dg-warning "writes immutable field 'end' .*mmap-prepare-immutable" } */
	*(struct mm_struct **)desc = NULL;	/* { dg-warning "writes immutable field 'mm' .*mmap-prepare-immutable" } */
	*(unsigned long *)((unsigned long)desc + 32) = 5;
	return 0;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
