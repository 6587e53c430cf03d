/* rules= switches individual rules off. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-rules=-immutable,-action:-escape,-mmap-prepare-both-hooks" } */
#include "mp-ops.h"

struct vm_area_desc *g;
static int y_mmap(struct file *f, struct vm_area_struct *vma) { return 0; }

int rules_off_prepare(struct vm_area_desc *desc)
{
	desc->start = 0;
	desc->action.type = MMAP_REMAP_PFN;
	g = desc;
	return 0;
}

const struct file_operations both = { .mmap = y_mmap, .mmap_prepare = rules_off_prepare };
