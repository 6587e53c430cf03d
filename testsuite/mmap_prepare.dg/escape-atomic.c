/* The descriptor kept by an atomic store or exchange is kept all the
   same; into a local it is not. */
/* { dg-do compile } */
#include "mp-ops.h"

static struct vm_area_desc *saved;
struct vm_area_desc *slots[4];

int atomic_escape_prepare(struct vm_area_desc *desc)
{
	struct vm_area_desc *mine = 0, *old;

	__atomic_store_n(&saved, desc, __ATOMIC_RELEASE);		/* { dg-warning "'atomic_escape_prepare' stores a pointer to its 'struct vm_area_desc' in a global variable .mmap-prepare-escape" } */
	old = __atomic_exchange_n(&slots[1], desc, __ATOMIC_SEQ_CST);	/* { dg-warning "stores a pointer to its 'struct vm_area_desc'.*mmap-prepare-escape" } */
	__atomic_store_n(&mine, desc, __ATOMIC_RELAXED);
	return old == mine;
}

/* { dg-message "valid only until the mmap_prepare hook returns" "" { target *-*-* } 0 } */
