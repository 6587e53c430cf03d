/* Adversarial: descriptors inside other structures and arrays. */
/* { dg-do compile } */
#include "mp-ops.h"

struct holder {
	int id;
	struct vm_area_desc desc;
};

struct pair {
	struct vm_area_desc descs[2];
};

int in_struct(struct holder *h)
{
	h->desc.end = 0;	/* { dg-warning "'in_struct' writes immutable field 'end'.*mmap-prepare-immutable" } */
	h->id = 1;
	return 0;
}

int in_array(struct pair *p, int i)
{
	p->descs[i].start = 0;	/* { dg-warning "'in_array' writes immutable field 'start'.*mmap-prepare-immutable" } */
	p->descs[1].pgoff = 0;
	return 0;
}

int whole_holder(struct holder *h, const struct holder *src)
{
	*h = *src;		/* { dg-warning "'whole_holder' writes immutable fields 'mm', 'file', 'start', 'end'.*mmap-prepare-immutable" } */
	/* { dg-warning "'whole_holder' writes 'action'.*mmap-prepare-action" "" { target *-*-* } .-1 } */
	return 0;
}

/* { dg-message "immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
/* { dg-message "'action' is filled in only by the mmap_action_" "" { target *-*-* } 0 } */
