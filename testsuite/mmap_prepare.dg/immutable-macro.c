/* A finding inside a macro expansion is located at the use. */
/* { dg-do compile } */
#include "mp-ops.h"

#define RESET_RANGE(d) do { (d)->start = 0; } while (0) /* { dg-message "written in this macro expansion" } */

int macro_prepare(struct vm_area_desc *desc)
{
	RESET_RANGE(desc);	/* { dg-warning "'macro_prepare' writes immutable field 'start' .*mmap-prepare-immutable" } */
	/* { dg-message "in expansion of macro 'RESET_RANGE'|in expansion of macro .RESET_RANGE." "" { target *-*-* } .-1 } */
	return 0;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
