/* action-ok replaces the default list of directly writable sub-fields
   and takes dotted paths. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-action-ok=remap.size:type" } */
#include "mp-ops.h"

int ok_prepare(struct vm_area_desc *desc)
{
	desc->action.remap.size = 4096;
	desc->action.type = MMAP_NOTHING;
	desc->action.remap.start = 0;		/* { dg-warning "'ok_prepare' writes 'action.remap.start' .*mmap-prepare-action" } */
	desc->action.error_override = -EAGAIN;	/* { dg-warning "writes 'action.error_override' .*mmap-prepare-action" } */
	return 0;
}

/* { dg-message "sub-fields that may be set directly: 'remap.size', 'type'" "" { target *-*-* } 0 } */
