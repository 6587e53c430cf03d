/* The fix-it of both-hooks: remove ".mmap = FN," where an initializer
   spells exactly that on one line.  Ranges as GCC prints them
   (-fdiagnostics-parseable-fixits): lines 14, 20, 27, 30, 35, 46. */
/* { dg-do compile } */
/* { dg-options "-fdiagnostics-parseable-fixits" } */
#include "mp-ops.h"

static int fx_mmap(struct file *f, struct vm_area_struct *vma) { return 0; }
static int fx_prepare(struct vm_area_desc *desc) { return 0; }

/* Alone on its line: the line's whole text (an empty line is left). */
static const struct file_operations alone_fops = {
	.mmap_prepare	= fx_prepare,	/* { dg-message "'.mmap_prepare' is also set here" } */
	.mmap		= fx_mmap,
};	/* { dg-warning "'alone_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" "" { target *-*-* } .-1 } */
/* { dg-fixit "14:1-14:19" } */

/* Written first, as &FN: the fix-it is on the note's line. */
static const struct file_operations first_fops = {
	.mmap = &fx_mmap,
	.mmap_prepare = fx_prepare,	/* { dg-warning "'first_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
};	/* { dg-message "'.mmap' is also set here" "" { target *-*-* } .-2 } */
/* { dg-fixit "20:1-20:19" } */

/* With others on the line: the designator through the blanks after the
   comma, or the blanks before it through the comma at the line's end. */
static const struct file_operations one_fops = { .mmap = fx_mmap, .mmap_prepare = fx_prepare };	/* { dg-fixit ".:50-.:67" } */
/* { dg-warning "'one_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" "" { target *-*-* } .-1 } */
/* { dg-message "'.mmap' is also set here" "" { target *-*-* } .-2 } */
static const struct file_operations end_fops = { .mmap_prepare = fx_prepare, .mmap = fx_mmap,
};	/* { dg-fixit "30:77-30:94" } */
/* { dg-warning "'end_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" "" { target *-*-* } .-2 } */
/* { dg-message "'.mmap_prepare' is also set here" "" { target *-*-* } .-3 } */
static const struct file_operations text_fops = {
	.mmap = fx_mmap,	/* { dg-fixit ".:2-.:19" } */
	.mmap_prepare = fx_prepare,	/* { dg-warning "'text_fops' .struct file_operations. sets both.*mmap-prepare-both-hooks" } */
};	/* { dg-message "'.mmap' is also set here" "" { target *-*-* } .-2 } */

/* Any ops type; an automatic object. */
int fx_probe(struct uio_info *info);
int fx_uio_mmap(struct uio_info *info, struct vm_area_struct *vma);
int fx_uio_prepare(struct uio_info *info, struct vm_area_desc *desc);
int fx_probe(struct uio_info *unused)
{
	struct uio_info info = {
		.mmap = fx_uio_mmap,
		.mmap_prepare = fx_uio_prepare,	/* { dg-warning "'info' .struct uio_info. sets both.*mmap-prepare-both-hooks" } */
	};	/* { dg-message "'.mmap' is also set here" "" { target *-*-* } .-2 } */
	/* { dg-fixit "46:1-46:23" } */
	(void)unused;
	return fx_probe(&info);
}

const void *fx_all[] = { &alone_fops, &first_fops, &one_fops, &end_fops, &text_fops };
