/* A driver's own function named mmap_action_*() is not one of the core
   helpers that own 'action': the exemption follows where a function is
   declared (core files), not its name. */
/* { dg-do compile } */
#include "mp-ops.h"

static void mmap_action_mine(struct mmap_action *action)
{
	action->type = MMAP_REMAP_PFN;
}

int own_helper_prepare(struct vm_area_desc *desc)
{
	mmap_action_mine(&desc->action);	/* { dg-warning "'own_helper_prepare' passes the address of 'action' of 'struct vm_area_desc' to 'mmap_action_mine', which may write it .mmap-prepare-action" } */
	return 0;
}

/* { dg-message "'action' is filled in only by the mmap_action_.* helpers" "" { target *-*-* } 0 } */
