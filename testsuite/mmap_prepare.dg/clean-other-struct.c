/* Type decides, not spelling: other structs with the same member names. */
/* { dg-do compile } */
#include "mp-ops.h"

struct range_desc {
	unsigned long start;
	unsigned long end;
	struct mmap_action action;
	void *private_data;
};

int other_struct(struct range_desc *desc)
{
	desc->start = 0;
	desc->end++;
	desc->action.type = MMAP_REMAP_PFN;
	memset(desc, 0, sizeof(*desc));
	return desc->private_data != NULL;
}

static struct range_desc *kept;

void keep_other(struct range_desc *desc)
{
	kept = desc;
}
