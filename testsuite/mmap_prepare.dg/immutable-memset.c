/* mem* builtins and struct assignment over ranges of the descriptor.
   A whole-object write is reported once per rule, naming the fields. */
/* { dg-do compile } */
#include "mp-ops.h"

int memset_prepare(struct vm_area_desc *desc, const struct vm_area_desc *src)
{
	memset(desc, 0, sizeof(*desc));			/* { dg-warning "'memset_prepare' writes immutable fields 'mm', 'file', 'start', 'end' of 'struct vm_area_desc' .mmap-prepare-immutable" } */
	/* { dg-warning "'memset_prepare' writes 'action' of 'struct vm_area_desc' .mmap-prepare-action" "" { target *-*-* } .-1 } */
	memset(&desc->start, 0, 2 * sizeof(long));	/* { dg-warning "writes immutable fields 'start', 'end' .*mmap-prepare-immutable" } */
	__builtin_memset(&desc->end, 0, sizeof(long));	/* { dg-warning "writes immutable field 'end' .*mmap-prepare-immutable" } */
	memcpy(&desc->file, &src->file, sizeof(void *));	/* { dg-warning "writes immutable field 'file' .*mmap-prepare-immutable" } */
	memmove(desc, src, sizeof(void *));		/* { dg-warning "writes immutable field 'mm' .*mmap-prepare-immutable" } */
	__builtin_memcpy(&desc->start, &src->start, sizeof(long)); /* { dg-warning "writes immutable field 'start' .*mmap-prepare-immutable" } */
	*desc = *src;					/* { dg-warning "writes immutable fields 'mm', 'file', 'start', 'end' .*mmap-prepare-immutable" } */
	/* { dg-warning "writes 'action' .*mmap-prepare-action" "" { target *-*-* } .-1 } */
	memset(&desc->page_prot, 0, sizeof(desc->page_prot));
	return 0;
}

/* { dg-message "'mm', 'file', 'start', 'end' are immutable" "" { target *-*-* } 0 } */
/* { dg-message "'start', 'end' are immutable" "" { target *-*-* } 0 } */
/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
/* { dg-message "'action' is filled in only by the mmap_action_" "" { target *-*-* } 0 } */
