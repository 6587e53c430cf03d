/* core= replaces the default list; this file is named core here, so
   its stores are exempt, escape included. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-core=mm/vma.c:mmap_prepare.dg/clean-core-option.c" } */
#include "mp-ops.h"

struct vm_area_desc *core_saved;

void core_build_desc(struct vm_area_desc *desc, unsigned long start)
{
	desc->start = start;
	desc->end = start + 4096;
	desc->action.type = MMAP_NOTHING;
	core_saved = desc;
}
