/* rules=+write-only-read switches the rule on without W=1. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-rules=+write-only-read" } */
#include "mp-ops.h"

int worr_prepare(struct vm_area_desc *desc)
{
	return desc->vm_ops != NULL;	/* { dg-warning "'worr_prepare' reads write-only field 'vm_ops'.*mmap-prepare-write-only-read" } */
}

/* { dg-message "'vm_ops' is write-only in an mmap_prepare hook" "" { target *-*-* } 0 } */
