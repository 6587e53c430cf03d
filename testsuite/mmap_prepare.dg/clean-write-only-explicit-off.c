/* An explicit rules=-write-only-read wins over W=1. */
/* { dg-do compile } */
/* { dg-options "-DKBUILD_EXTRA_WARN1 -fplugin-arg-mmap_prepare_plugin-rules=-write-only-read" } */
#include "mp-ops.h"

int woe_prepare(struct vm_area_desc *desc)
{
	return desc->vm_ops != NULL;
}
