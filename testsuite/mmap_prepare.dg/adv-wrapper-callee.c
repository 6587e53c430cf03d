/* A callee that writes only members of a wrapper struct around the
   descriptor writes those members, not the descriptor; one that writes
   the descriptor through the wrapper is reported. */
/* { dg-do compile } */
#include "mp-ops.h"

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))

struct cw_wrap {
	int tag;
	struct vm_area_desc desc;
	long extra;
};

static void cw_mark(struct cw_wrap *w)
{
	w->tag = 1;
	w->extra = 2;
}

static void cw_bad(struct cw_wrap *w)
{
	w->tag = 1;
	w->desc.start = 0;	/* { dg-warning "'cw_bad' writes immutable field 'start' .*mmap-prepare-immutable" } */
}

int cw_prepare(struct vm_area_desc *desc)
{
	cw_mark(container_of(desc, struct cw_wrap, desc));
	return 0;
}

int cw_bad_prepare(struct vm_area_desc *desc)
{
	cw_bad(container_of(desc, struct cw_wrap, desc));	/* { dg-warning "'cw_bad_prepare' passes the address of immutable field 'start' .* to 'cw_bad', which may write it .mmap-prepare-immutable" } */
	return 0;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
