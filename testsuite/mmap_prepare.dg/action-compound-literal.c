/* A compound literal assigned to 'action' lowers to one store per
   member; it is still one finding. */
/* { dg-do compile } */
#include "mp-ops.h"

int literal_prepare(struct vm_area_desc *desc)
{
	desc->action = (struct mmap_action){ .type = MMAP_REMAP_PFN, .remap.size = 4096, .remap.start_pfn = 1 }; /* { dg-warning "'literal_prepare' writes 'action.*' of 'struct vm_area_desc' .mmap-prepare-action" } */
	return 0;
}

/* { dg-message "'action' is filled in only by the mmap_action_" "" { target *-*-* } 0 } */
