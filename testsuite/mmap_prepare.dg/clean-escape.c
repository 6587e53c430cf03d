/* Local holders and static helpers that return the descriptor do not
   let it escape: the caller is checked instead. */
/* { dg-do compile } */
#include "mp-ops.h"

struct ctx {
	struct vm_area_desc *desc;
	unsigned long len;
};

int use_ctx(struct ctx *c);

static struct vm_area_desc *self(struct vm_area_desc *desc)
{
	return desc;
}

int holder_prepare(struct vm_area_desc *desc)
{
	struct ctx c = { .desc = desc };
	struct ctx *p = &c;
	struct vm_area_desc *d = self(desc);

	p->desc = d;
	c.len = 4096;
	desc->private_data = desc->file;
	return use_ctx(&c);
}
