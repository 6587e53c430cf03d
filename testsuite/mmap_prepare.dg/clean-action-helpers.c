/* The helpers own 'action'; error_override has no helper and may be set
   directly (drivers/char/mem.c does). */
/* { dg-do compile } */
#include "mp-ops.h"
#include "linux/mm.h"

int helpers_prepare(struct vm_area_desc *desc)
{
	mmap_action_remap_full(desc, 42);
	mmap_action_ioremap_full(desc, 7);
	mmap_action_fill(&desc->action, 1);
	desc->action.error_override = -EAGAIN;
	return desc->action.type == MMAP_NOTHING;
}
