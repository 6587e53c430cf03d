/* An analysis that does not settle is said, never silently dropped: with
   the sweeps capped (a test-only option), the chain of copies below needs
   more sweeps than allowed, and the function is reported as unchecked
   instead of being judged on half-computed values. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-sweep-limit=2" } */
#include "mp-ops.h"

int unsettled_prepare(struct vm_area_desc *desc, int n) /* { dg-warning "the plugin's analysis of 'unsettled_prepare' did not settle; its writes to 'struct vm_area_desc' are not checked .mmap-prepare-unchecked" } */
{
	unsigned long *a0 = &desc->start, *a1 = 0, *a2 = 0, *a3 = 0;
	int i;

	for (i = 0; i < n; i++) {
		a3 = a2;
		a2 = a1;
		a1 = a0;
	}
	if (a3)
		*a3 = 0;
	return 0;
}

/* { dg-message "this is a limit of the mmap_prepare plugin" "" { target *-*-* } 9 } */
