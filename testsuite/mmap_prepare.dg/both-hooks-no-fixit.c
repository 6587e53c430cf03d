/* Both hooks, but no fix-it: the initializer is not exactly ".mmap = FN,"
   on one line of the source (macros, several lines, no comma, casts,
   nested designators, positional values) or .mmap is assigned. */
/* { dg-do compile } */
/* { dg-options "-fdiagnostics-parseable-fixits" } */
#include "mp-ops.h"

static int nf_mmap(struct file *f, struct vm_area_struct *vma) { return 0; }
static int nf_prepare(struct vm_area_desc *desc) { return 0; }

#define NF_MMAP nf_mmap
static const struct file_operations macro_value_fops = {
	.mmap = NF_MMAP,
	.mmap_prepare = nf_prepare,	/* { dg-warning "'macro_value_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
};	/* { dg-message "in expansion of macro 'NF_MMAP'" "" { target *-*-* } .-2 } */
/* { dg-message "'.mmap' is also set here" "" { target *-*-* } 11 } */

#define NF_FOPS(name) static const struct file_operations name = { .mmap = nf_mmap, .mmap_prepare = nf_prepare, }
NF_FOPS(macro_fops);	/* { dg-warning "'macro_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
/* { dg-message "in expansion of macro 'NF_FOPS'" "" { target *-*-* } .-1 } */
/* { dg-message "written in this macro expansion" "" { target *-*-* } .-3 } */
/* { dg-message "'.mmap' is also set here" "" { target *-*-* } .-4 } */

static const struct file_operations two_lines_fops = {
	.mmap =
		nf_mmap,
	.mmap_prepare = nf_prepare,	/* { dg-warning "'two_lines_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
};	/* { dg-message "'.mmap' is also set here" "" { target *-*-* } .-2 } */

static const struct file_operations no_comma_fops = { .mmap_prepare = nf_prepare, .mmap = nf_mmap };	/* { dg-warning "'no_comma_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
/* { dg-message "'.mmap_prepare' is also set here" "" { target *-*-* } .-1 } */

static const struct file_operations last_fops = {
	.mmap_prepare = nf_prepare,	/* { dg-message "'.mmap_prepare' is also set here" } */
	.mmap = nf_mmap
};	/* { dg-warning "'last_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" "" { target *-*-* } .-1 } */

static const struct file_operations paren_fops = {
	.mmap = (nf_mmap),
	.mmap_prepare = nf_prepare,	/* { dg-warning "'paren_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
};	/* { dg-message "'.mmap' is also set here" "" { target *-*-* } .-2 } */

struct nf_dev {
	int id;
	struct file_operations fops;
};

struct nf_dev nested_dev = {
	.fops.mmap = nf_mmap,
	.fops.mmap_prepare = nf_prepare,	/* { dg-warning "'nested_dev.fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
};	/* { dg-message "'.mmap' is also set here" "" { target *-*-* } .-2 } */

static const struct file_operations positional_fops = {
	0, 0, 0,  nf_mmap,	/* { dg-message "'.mmap' is also set here" } */
	0, nf_prepare,		/* { dg-warning "'positional_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
};

static struct file_operations assigned_fops = {
	.mmap_prepare = nf_prepare,	/* { dg-message "'.mmap_prepare' is also set here" } */
};

void nf_setup(void)
{
	assigned_fops.mmap = nf_mmap;	/* { dg-warning "'assigned_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
}

const void *nf_all[] = { &macro_value_fops, &macro_fops, &two_lines_fops, &no_comma_fops,
			 &last_fops, &paren_fops, &positional_fops };
