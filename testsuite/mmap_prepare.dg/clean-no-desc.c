/* A unit without any descriptor type: nothing to check, nothing said. */
/* { dg-do compile } */

struct vm_area_desc;

struct thing {
	unsigned long start, end;
};

int no_desc(struct thing *t, struct vm_area_desc *opaque)
{
	t->start = t->end;
	return opaque != 0;
}
