/* A cast of the descriptor handed to a callee is the descriptor itself
   (checked on its own, or by its visible body); a pointer's low bits are
   a number, not the pointer; an alignment mask keeps the pointer. */
/* { dg-do compile } */
#include "mp-ops.h"

void log_object(void *obj);
static unsigned long tag;
static void *kept;

static void poke_object(void *obj)
{
	((struct vm_area_desc *)obj)->start = 0;	/* { dg-warning "'poke_object' writes immutable field 'start' .*mmap-prepare-immutable" } */
}

int casts_prepare(struct vm_area_desc *desc)
{
	void *obj = desc;

	log_object((void *)desc);
	log_object(obj);
	poke_object(desc);
	tag = (unsigned long)desc & 63;
	kept = (void *)((unsigned long)desc & ~63UL);	/* { dg-warning "'casts_prepare' stores a pointer to its 'struct vm_area_desc' in a global variable .mmap-prepare-escape" } */
	return 0;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
/* { dg-message "valid only until the mmap_prepare hook returns" "" { target *-*-* } 0 } */
