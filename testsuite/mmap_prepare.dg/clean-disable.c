/* disable: the plugin loads and does nothing (kbuild's opt-out). */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-disable" } */
#include "mp-ops.h"

struct vm_area_desc *g;
static int x_mmap(struct file *f, struct vm_area_struct *vma) { return 0; }

int disabled_prepare(struct vm_area_desc *desc)
{
	desc->start = 0;
	desc->action.type = MMAP_REMAP_PFN;
	g = desc;
	return 0;
}

const struct file_operations both = { .mmap = x_mmap, .mmap_prepare = disabled_prepare };
