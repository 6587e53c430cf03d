/* Stores into 'action' outside the mmap_action_*() helpers. */
/* { dg-do compile } */
#include "mp-ops.h"

void fill_action(struct mmap_action *a);

int action_prepare(struct vm_area_desc *desc)
{
	struct mmap_action *a = &desc->action;

	desc->action.type = MMAP_REMAP_PFN;		/* { dg-warning "'action_prepare' writes 'action.type' of 'struct vm_area_desc' .mmap-prepare-action" } */
	desc->action.remap.size = 4096;			/* { dg-warning "writes 'action.remap.size' .*mmap-prepare-action" } */
	desc->action.hide_from_rmap_until_complete = 1;	/* { dg-warning "writes 'action.hide_from_rmap_until_complete' .*mmap-prepare-action" } */
	a->remap.start_pfn = 7;				/* { dg-warning "writes 'action.remap.start_pfn' .*mmap-prepare-action" } */
	memset(&desc->action, 0, sizeof(desc->action));	/* { dg-warning "writes 'action' .*mmap-prepare-action" } */
	fill_action(&desc->action);			/* { dg-warning "passes the address of 'action' of 'struct vm_area_desc' to 'fill_action', which may write it .mmap-prepare-action" } */
	return 0;
}

/* { dg-message "'action' is filled in only by the mmap_action_.*helpers.*call one of them instead .sub-fields that may be set directly: 'error_override'" "" { target *-*-* } 0 } */

/* A call's aggregate result stored straight into the descriptor. */
struct mmap_action make_action(void);

int action_call_prepare(struct vm_area_desc *desc)
{
	desc->action = make_action();			/* { dg-warning "'action_call_prepare' writes 'action' of 'struct vm_area_desc' .mmap-prepare-action" } */
	return 0;
}
