/* Variable indices: into a local array of pointers into the descriptor
   (every element may be used), and through a pointer to one member
   (C keeps the arithmetic inside that member).  A void * callee given a
   member's address and the call's length writes that many bytes. */
/* { dg-do compile } */
#include "mp-ops.h"

extern int ib_index;
void ib_fill(void *p, unsigned long len);

int ib_array_prepare(struct vm_area_desc *desc)
{
	unsigned long *fields[2] = { &desc->pgoff, &desc->end };

	*fields[ib_index] = 0;		/* { dg-warning "'ib_array_prepare' writes 'struct vm_area_desc' at an offset the plugin cannot determine; it may change immutable fields .mmap-prepare-immutable" } */
	return 0;
}

int ib_array_store_prepare(struct vm_area_desc *desc)
{
	unsigned long *fields[2] = { 0, 0 };

	fields[ib_index] = &desc->start;
	*fields[1] = 0;			/* { dg-warning "'ib_array_store_prepare' writes immutable field 'start' .*mmap-prepare-immutable" } */
	return 0;
}

int ib_member_prepare(struct vm_area_desc *desc)
{
	unsigned char *bytes = (unsigned char *)&desc->end;

	bytes[ib_index & 7] = 0;	/* { dg-warning "'ib_member_prepare' writes immutable field 'end' .*mmap-prepare-immutable" } */
	return 0;
}

int ib_length_prepare(struct vm_area_desc *desc)
{
	ib_fill(&desc->start, sizeof(desc->start));	/* { dg-warning "'ib_length_prepare' passes the address of immutable field 'start' .* to 'ib_fill', which may write it .mmap-prepare-immutable" } */
	return 0;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
/* { dg-message "cannot prove this store leaves protected fields alone" "" { target *-*-* } 0 } */
