/* A descriptor built or copied locally is a descriptor: the
   initialization is not a write, every later store is. */
/* { dg-do compile } */
#include "mp-ops.h"

int use_desc(struct vm_area_desc *desc);

int local_prepare(struct vm_area_desc *desc)
{
	struct vm_area_desc copy = *desc;
	struct vm_area_desc built = { .start = 0, .end = 4096 };

	copy.start = 1;		/* { dg-warning "'local_prepare' writes immutable field 'start' .*mmap-prepare-immutable" } */
	built.end = 8192;	/* { dg-warning "writes immutable field 'end' .*mmap-prepare-immutable" } */
	copy = *desc;		/* { dg-warning "writes immutable fields 'mm', 'file', 'start', 'end' .*mmap-prepare-immutable" } */
	/* { dg-warning "writes 'action' .*mmap-prepare-action" "" { target *-*-* } .-1 } */
	copy.pgoff = 2;
	return use_desc(&copy) + use_desc(&built);
}

/* { dg-message "are immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
/* { dg-message "'action' is filled in only by the mmap_action_" "" { target *-*-* } 0 } */
