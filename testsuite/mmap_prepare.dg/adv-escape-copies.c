/* The descriptor escapes by copying a whole struct that holds it (into a
   global, through an out-parameter, via another local struct) and through
   the x86 asm of xchg(), cmpxchg() and this_cpu_write(). */
/* The asm statements keep the operands of the x86 macros with an empty
   template: the plugin judges operands, and every target assembles it. */
/* { dg-do compile } */
#include "mp-ops.h"

struct ec_holder { int tag; struct vm_area_desc *desc; };
static struct ec_holder ec_global;
static struct vm_area_desc *ec_last;

int ec_copy_prepare(struct vm_area_desc *desc)
{
	struct ec_holder h = { .tag = 1, .desc = desc };

	ec_global = h;			/* { dg-warning "'ec_copy_prepare' stores a pointer to its 'struct vm_area_desc' in a global variable .mmap-prepare-escape" } */
	return 0;
}

int ec_out_helper(struct vm_area_desc *desc, struct ec_holder *out)
{
	struct ec_holder h = { 2, desc };

	*out = h;			/* { dg-warning "'ec_out_helper' stores a pointer to its 'struct vm_area_desc' in memory that outlives the call .mmap-prepare-escape" } */
	return 0;
}

/* Through untyped members, only the copies carry the pointer. */
struct ec_cookie { int tag; void *cookie; };
static void *ec_saved_cookie;
static struct ec_cookie ec_global_cookie;

int ec_relay_prepare(struct vm_area_desc *desc)
{
	struct ec_cookie h = { .tag = 3, .cookie = desc }, h2;

	h2 = h;
	ec_saved_cookie = h2.cookie;	/* { dg-warning "'ec_relay_prepare' stores a pointer to its 'struct vm_area_desc' in a global variable .mmap-prepare-escape" } */
	return 0;
}

/* memcpy() of the pointer's bytes: -O2 folds it, -O0 keeps the call. */
int ec_memcpy_prepare(struct vm_area_desc *desc)
{
	memcpy(&ec_last, &desc, sizeof(desc));	/* { dg-warning "'ec_memcpy_prepare' stores a pointer to its 'struct vm_area_desc' in a global variable .mmap-prepare-escape" } */
	return 0;
}

/* Too big to fold: the copy stays a call at every level. */
struct ec_big { long a, b; void *cookie; long c; };
static struct ec_big ec_global_big;

int ec_memcpy_big_prepare(struct vm_area_desc *desc)
{
	struct ec_big h = { 1, 2, desc, 3 };

	memcpy(&ec_global_big, &h, sizeof(h));	/* { dg-warning "'ec_memcpy_big_prepare' stores a pointer to its 'struct vm_area_desc' in a global variable .mmap-prepare-escape" } */
	return 0;
}

/* A run-time length keeps the call, and the pointer in memory, at -O2. */
extern unsigned long ec_len;

int ec_memcpy_len_prepare(struct vm_area_desc *desc)
{
	memcpy(&ec_last, &desc, ec_len);	/* { dg-warning "'ec_memcpy_len_prepare' stores a pointer to its 'struct vm_area_desc' in a global variable .mmap-prepare-escape" } */
	return 0;
}

int ec_memcpy_struct_prepare(struct vm_area_desc *desc)
{
	struct ec_cookie h = { 4, desc }, h2;

	memcpy(&h2, &h, sizeof(h));
	ec_global_cookie = h2;		/* { dg-warning "'ec_memcpy_struct_prepare' stores a pointer to its 'struct vm_area_desc' in a global variable .mmap-prepare-escape" } */
	return 0;
}

int ec_xchg_prepare(struct vm_area_desc *desc)
{
	struct vm_area_desc *old = desc;

	asm volatile("" : "+r" (old), "+m" (ec_last) : : "memory");	/* { dg-warning "'ec_xchg_prepare' stores a pointer to its 'struct vm_area_desc' in a global variable .mmap-prepare-escape" } */
	return old != 0;
}

int ec_cmpxchg_prepare(struct vm_area_desc *desc)
{
	struct vm_area_desc *expected = 0, *ret;

	asm volatile("" : "=r" (ret), "+m" (ec_last)	/* { dg-warning "'ec_cmpxchg_prepare' stores a pointer to its 'struct vm_area_desc' in a global variable .mmap-prepare-escape" } */
		     : "r" (desc), "0" (expected) : "memory");
	return ret != 0;
}

int ec_this_cpu_prepare(struct vm_area_desc *desc)
{
	asm volatile("" : "+m" (ec_last) : "r" (desc));	/* { dg-warning "'ec_this_cpu_prepare' stores a pointer to its 'struct vm_area_desc' in a global variable .mmap-prepare-escape" } */
	return 0;
}

/* { dg-message "valid only until the mmap_prepare hook returns" "" { target *-*-* } 0 } */
