/* Compiled-out branches that do nothing wrong stay silent, and so does
   code that is dead in every configuration (after a return): only a
   constant condition's untaken branch is "compiled out". */
/* { dg-do compile } */
/* { dg-options "-DKBUILD_EXTRA_WARN1" } */
#include "mp-ops.h"

#define IS_ENABLED(option) 0
#define do_nothing() do { } while (0)

extern int cc_flag;
extern const struct vm_operations_struct cc_vm_ops;
void cc_log(const void *p);
void cc_note(void *p);

static int cc_peek(unsigned long *p)
{
	return *p != 0;			/* reads only: the summary says so */
}

static int cc_peek_live(unsigned long *p)
{
	return *p != 0;
}

int cc_prepare(struct vm_area_desc *desc)
{
	desc->private_data = NULL;
	if (cc_peek_live(&desc->pgoff))
		return 1;
	if (IS_ENABLED(CONFIG_FOO)) {
		desc->pgoff = 0;		/* permitted */
		desc->vm_ops = &cc_vm_ops;	/* permitted */
		cc_peek(&desc->start);		/* dropped with the branch */
		cc_peek_live(&desc->end);	/* read-only, by its body */
		cc_log(desc);			/* pointer to const */
		cc_note((void *)desc);		/* the descriptor itself */
		if (desc->private_data)		/* written before, live */
			return 1;
		do_nothing();
	}
	while (1) {
		if (cc_flag)
			break;
	}
	for (;;) {
		if (cc_flag)
			return 0;
		do_nothing();
	}
	desc->start = 0;			/* dead in every configuration */
	return 0;
}

/* Not a descriptor function at all: nothing to say. */
int cc_other(int x)
{
	if (IS_ENABLED(CONFIG_BAR))
		return x + 1;
	return x;
}

const struct file_operations cc_fops = {
	.mmap_prepare = cc_prepare,
};
