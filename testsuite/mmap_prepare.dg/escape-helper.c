/* The descriptor handed to a visible helper that keeps it (as void *,
   directly or one call deeper) escapes at the call.  A helper that only
   looks at it is clean, and a helper whose parameter is a descriptor
   pointer is reported itself, once. */
/* { dg-do compile } */
#include "mp-ops.h"

static void *saved_obj;
static struct vm_area_desc *saved_desc;
void log_ptr(const void *p);

static void stash(void *obj)
{
	saved_obj = obj;
}

static void stash_later(void *obj)
{
	stash(obj);
}

static void peek(void *obj)
{
	log_ptr(obj);
}

static void keep_desc(struct vm_area_desc *d)
{
	saved_desc = d;		/* { dg-warning "'keep_desc' stores a pointer to its 'struct vm_area_desc' in a global variable .mmap-prepare-escape" } */
}

int helper_escape_prepare(struct vm_area_desc *desc)
{
	stash(desc);		/* { dg-warning "'helper_escape_prepare' passes a pointer to its 'struct vm_area_desc' to 'stash', which keeps it where it outlives the call .mmap-prepare-escape" } */
	stash_later(desc);	/* { dg-warning "passes a pointer to its 'struct vm_area_desc' to 'stash_later', which keeps it.*mmap-prepare-escape" } */
	peek(desc);
	keep_desc(desc);
	return 0;
}

/* { dg-message "valid only until the mmap_prepare hook returns" "" { target *-*-* } 0 } */
