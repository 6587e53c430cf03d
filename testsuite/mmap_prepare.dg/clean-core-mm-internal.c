/* mm/internal.h and mm/vma.h are core by default: their helpers apply a
   descriptor after the hook (as in Linux 7.2), and W=1 stays silent. */
/* { dg-do compile } */
/* { dg-options "-DKBUILD_EXTRA_WARN1" } */
#include "mp-ops.h"
#include "mm/internal.h"

int core_internal_user(struct vm_area_desc *desc)
{
	return io_remap_prepare_model(desc, 5) + (copy_out_model(desc) != NULL);
}
