/* The werror option turns this plugin's findings into errors. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-werror" } */
#include "mp-ops.h"

int werror_prepare(struct vm_area_desc *desc)
{
	desc->start = 0;	/* { dg-error "'werror_prepare' writes immutable field 'start' .*mmap-prepare-immutable" } */
	return 0;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
