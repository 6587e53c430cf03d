/* Core helpers from include/linux/mm.h write every field; they are
   exempt even when inlined into a driver (judged where written). */
/* { dg-do compile } */
#include "mp-ops.h"
#include "linux/mm.h"

int core_user_prepare(struct vm_area_desc *desc)
{
	core_desc_init(desc, 0, 4096);
	core_remap(desc, 99);
	return 0;
}
