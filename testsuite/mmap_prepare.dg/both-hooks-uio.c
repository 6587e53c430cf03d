/* Any struct type with both function-pointer members is an ops type. */
/* { dg-do compile } */
#include "mp-ops.h"

static int u_mmap(struct uio_info *info, struct vm_area_struct *vma) { return 0; }
static int u_prepare(struct uio_info *info, struct vm_area_desc *desc) { return 0; }

struct uio_info my_uio = {
	.name = "uio",
	.mmap = u_mmap,			/* { dg-message "'.mmap' is also set here" } */
	.mmap_prepare = u_prepare,	/* { dg-warning "'my_uio' .struct uio_info. sets both.*mmap-prepare-both-hooks" } */
};
