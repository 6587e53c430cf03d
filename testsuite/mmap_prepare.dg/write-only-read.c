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

unsigned long desc_size(const struct vm_area_desc *desc);

static int peek_desc(struct vm_area_desc *desc)
{
	return desc->pgoff != 0;
}

/* Calls that only read the descriptor write nothing: later reads count. */
int after_readers_prepare(struct vm_area_desc *desc)
{
	if (desc_size(desc) < 4096 || peek_desc(desc))
		return -1;
	return desc->private_data != NULL;	/* { dg-warning "'after_readers_prepare' reads write-only field 'private_data'.*mmap-prepare-write-only-read" } */
}

/* { dg-message "'private_data' is write-only in an mmap_prepare hook: its initial value is unspecified" "" { target *-*-* } 0 } */
/* { dg-message "'vm_ops' is write-only in an mmap_prepare hook" "" { target *-*-* } 0 } */
