/* Adversarial: a union overlaying the descriptor, written through the
   other member, from a union parameter and through a cast. */
/* { dg-do compile } */
#include "mp-ops.h"

union overlay {
	struct vm_area_desc d;
	unsigned long raw[16];
};

int overlay_param(union overlay *u)
{
	u->raw[2] = 0;	/* { dg-warning "'overlay_param' writes immutable field 'start'.*mmap-prepare-immutable" } */
	u->raw[4] = 0;	/* pgoff: permitted */
	return 0;
}

int overlay_cast(struct vm_area_desc *desc)
{
	union overlay *u = (union overlay *)desc;

	u->raw[3] = 0;	/* { dg-warning "'overlay_cast' writes immutable field 'end'.*mmap-prepare-immutable" } */
	return 0;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
