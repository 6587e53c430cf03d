/* Opt-in: ops objects that still provide only the deprecated .mmap.
   An object with both hooks is reported as both-hooks only.  A report
   rule never breaks a build: its findings are notes, so -Werror (which
   some subsystems force) leaves them notes; both-hooks stays an error. */
/* { dg-do compile } */
/* { dg-options "-Werror -fplugin-arg-mmap_prepare_plugin-rules=+deprecated-mmap" } */
#include "mp-ops.h"

static int d_mmap(struct file *f, struct vm_area_struct *vma) { return 0; } /* { dg-message "'d_mmap' is convertible" } */
/* { dg-message "declare it as 'static int d_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
static int d_prepare(struct vm_area_desc *desc) { return 0; }

const struct file_operations old_fops = {
	.mmap = d_mmap,		/* { dg-message "'old_fops' .struct file_operations. provides the deprecated '.mmap' hook and no '.mmap_prepare' .mmap-prepare-deprecated-mmap" } */
};
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-2 } */
/* { dg-message "and give it as '.mmap_prepare = d_mmap_prepare,'" "" { target *-*-* } .-3 } */

const struct file_operations both_fops = {
	.mmap_prepare = d_prepare,	/* { dg-message "'.mmap_prepare' is also set here" } */
	.mmap = d_mmap,			/* { dg-error "'both_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
};

const struct file_operations new_fops = {
	.mmap_prepare = d_prepare,
};

/* Only .mmap exists in this type: nothing to convert to. */
const struct fb_ops fb = { .mmap = (void *)d_mmap };
