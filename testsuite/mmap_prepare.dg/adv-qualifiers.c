/* Adversarial: volatile, _Atomic and bit-fields in action. */
/* { dg-do compile } */
#include "mp-ops.h"

int volatile_prepare(volatile struct vm_area_desc *desc)
{
	desc->start = 0;	/* { dg-warning "'volatile_prepare' writes immutable field 'start'.*mmap-prepare-immutable" } */
	return 0;
}

int atomic_prepare(struct vm_area_desc *desc)
{
	_Atomic unsigned long *p = (_Atomic unsigned long *)&desc->end;
	_Atomic unsigned long *q = (_Atomic unsigned long *)&desc->pgoff;

	*p = 3;		/* { dg-warning "'atomic_prepare' writes immutable field 'end'.*mmap-prepare-immutable" } */
	*q = 4;
	__atomic_fetch_add(&desc->start, 1, __ATOMIC_RELAXED);	/* { dg-warning "writes immutable field 'start'.*mmap-prepare-immutable" } */
	return 0;
}

int bitfield_prepare(struct vm_area_desc *desc)
{
	desc->action.hide_from_rmap_until_complete = 1;	/* { dg-warning "'bitfield_prepare' writes 'action.hide_from_rmap_until_complete'.*mmap-prepare-action" } */
	return 0;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
/* { dg-message "'action' is filled in only by the mmap_action_" "" { target *-*-* } 0 } */
