/* A whole-object write is reported once per rule concerned. */
/* { dg-do compile } */
/* { dg-options "-DMP_EXTRA_MEMBER" } */
#include "mp-ops.h"

int wipe_prepare(struct vm_area_desc *desc)
{
	memset(desc, 0, sizeof(*desc));	/* { dg-warning "'wipe_prepare' writes immutable fields 'mm', 'file', 'start', 'end' .*mmap-prepare-immutable" } */
	/* { dg-warning "'wipe_prepare' writes 'action' .*mmap-prepare-action" "" { target *-*-* } .-1 } */
	/* { dg-warning "'wipe_prepare' writes field 'mystery'.*mmap-prepare-unknown-field" "" { target *-*-* } .-2 } */
	return 0;
}

/* { dg-message "are immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
/* { dg-message "'action' is filled in only by the mmap_action_" "" { target *-*-* } 0 } */
/* { dg-message "does not name 'mystery'" "" { target *-*-* } 0 } */
