/* G2 descriptors may carry 'action' too: it is helper-owned there. */
/* { dg-do compile } */
/* { dg-options "-DMP_GEN=2" } */
#include "mp-ops.h"

int g2_action_prepare(struct vm_area_desc *desc)
{
	desc->action.type = MMAP_REMAP_PFN;	/* { dg-warning "'g2_action_prepare' writes 'action.type' .*mmap-prepare-action" } */
	desc->action.error_override = -EAGAIN;
	return 0;
}

/* { dg-message "'action' is filled in only by the mmap_action_" "" { target *-*-* } 0 } */
