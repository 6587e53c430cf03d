/* Initialization is not a write: declarations with initializers create
   descriptors, compound literals too. */
/* { dg-do compile } */
#include "mp-ops.h"

int consume(struct vm_area_desc *desc);

int init_prepare(struct vm_area_desc *desc)
{
	struct vm_area_desc copy = *desc;
	struct vm_area_desc fresh = { .start = 0, .end = 4096, .action = { .type = MMAP_NOTHING } };
	struct vm_area_desc zero = { 0 };

	return consume(&copy) + consume(&fresh) + consume(&zero) +
	       consume(&(struct vm_area_desc){ .start = 1, .end = 2 });
}
