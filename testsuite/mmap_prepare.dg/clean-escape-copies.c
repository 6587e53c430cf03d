/* Copies and asm that keep the descriptor pointer local, or copy only
   other members, do not make it escape. */
/* { dg-do compile } */
#include "mp-ops.h"

struct cc_holder { int tag; struct vm_area_desc *desc; };
static struct cc_holder cc_global;
static int cc_counter;

int cc_local_copy_prepare(struct vm_area_desc *desc)
{
	struct cc_holder h = { .tag = 1, .desc = desc }, h2;

	h2 = h;				/* local to local */
	cc_global.tag = h2.tag;		/* only the tag leaves */
	return 0;
}

int cc_other_struct_prepare(struct vm_area_desc *desc)
{
	struct cc_holder h = { .tag = 2, .desc = 0 };

	cc_global = h;			/* holds no descriptor pointer */
	return desc->pgoff != 0;
}

int cc_asm_prepare(struct vm_area_desc *desc)
{
	unsigned long v;

	asm volatile("" : "=r" (v) : "r" (desc));	/* register output */
	asm volatile("" : "+m" (cc_counter));		/* no pointer given */
	return v != 0;
}

/* Copying the other members, with memcpy() too, lets nothing escape. */
int cc_memcpy_prepare(struct vm_area_desc *desc)
{
	struct cc_holder h = { 1, desc }, h2;
	int tag;

	memcpy(&h2, &h, sizeof(h));
	memcpy(&tag, &h.tag, sizeof(tag));
	cc_global.tag = tag;
	return h2.tag;
}
