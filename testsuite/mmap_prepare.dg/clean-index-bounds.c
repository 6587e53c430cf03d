/* A variable index through a pointer to a permitted member stays inside
   it; a void * callee given the member's size writes only the member. */
/* { dg-do compile } */
#include "mp-ops.h"

extern int cb_index;
void cb_fill(void *p, unsigned long len);

int cb_member_prepare(struct vm_area_desc *desc)
{
	unsigned char *bytes = (unsigned char *)&desc->pgoff;
	unsigned long n = sizeof(desc->pgoff);

	bytes[cb_index & 7] = 0;
	cb_fill(&desc->pgoff, sizeof(desc->pgoff));
	cb_fill(&desc->pgoff, n);
	return 0;
}
