/* write-only-read is a W=1 rule: silent without KBUILD_EXTRA_WARN1, and
   an explicit rules=-write-only-read wins over W=1 (second function is
   compiled with both in write-only-read-explicit-off.c). */
/* { dg-do compile } */
#include "mp-ops.h"

int wod_prepare(struct vm_area_desc *desc)
{
	return desc->private_data != NULL;
}
