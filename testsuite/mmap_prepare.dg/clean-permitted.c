/* Writes of every permitted field, by every store kind: silent. */
/* { dg-do compile } */
#include "mp-ops.h"

extern const struct vm_operations_struct my_vm_ops;
void set_flags(vma_flags_t *flags, int bit);
void set_prot(pgprot_t *prot);

int permitted_prepare(struct vm_area_desc *desc, struct file *f)
{
	unsigned long *pg = &desc->pgoff;

	desc->pgoff = 1;
	desc->pgoff += 2;
	(*pg)++;
	desc->vm_file = f;
	desc->vma_flags.__vma_flags[0] |= 4;
	set_flags(&desc->vma_flags, 3);
	desc->page_prot.pgprot = 0;
	set_prot(&desc->page_prot);
	memset(&desc->page_prot, 0, sizeof(desc->page_prot));
	desc->vm_ops = &my_vm_ops;
	desc->private_data = f;
	asm volatile("" : "=m"(desc->pgoff));
	return 0;
}
