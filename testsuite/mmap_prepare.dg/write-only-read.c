/* Under W=1 (KBUILD_EXTRA_WARN1) a read of vm_ops or private_data that
   some path reaches without writing the field first is reported. */
/* { dg-do compile } */
/* { dg-options "-DKBUILD_EXTRA_WARN1" } */
#include "mp-ops.h"

extern const struct vm_operations_struct my_vm_ops;

int wor_prepare(struct vm_area_desc *desc, int flag)
{
	void *old = desc->private_data;	/* { dg-warning "'wor_prepare' reads write-only field 'private_data' of 'struct vm_area_desc' before writing it .mmap-prepare-write-only-read" } */

	if (flag)
		desc->vm_ops = &my_vm_ops;
	if (desc->vm_ops)		/* { dg-warning "reads write-only field 'vm_ops'.*mmap-prepare-write-only-read" } */
		return 1;
	desc->private_data = old;
	return desc->private_data != NULL;
}

/* { dg-message "'private_data' is write-only in an mmap_prepare hook: its initial value is unspecified" "" { target *-*-* } 0 } */
/* { dg-message "'vm_ops' is write-only in an mmap_prepare hook" "" { target *-*-* } 0 } */
