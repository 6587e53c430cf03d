/* A unit that only declares struct vm_area_desc (its hooks get a pointer
   and hand it on): the field rules have no layout to judge, but escape,
   stateful and both-hooks still apply. */
/* { dg-do compile } */

struct vm_area_desc;
struct file;
struct vm_area_struct;
struct kref { int refcount; };
void kref_get(struct kref *kref);

struct file_operations {
	int (*mmap)(struct file *f, struct vm_area_struct *vma);
	int (*mmap_prepare)(struct vm_area_desc *desc);
};

static struct vm_area_desc *last_desc;
static struct kref users;
int generic_prepare(struct vm_area_desc *desc);
int old_mmap(struct file *f, struct vm_area_struct *vma);

static int incomplete_prepare(struct vm_area_desc *desc)
{
	last_desc = desc;	/* { dg-warning "'incomplete_prepare' stores a pointer to its 'struct vm_area_desc' in a global variable .mmap-prepare-escape" } */
	kref_get(&users);	/* { dg-warning "takes a reference with 'kref_get' .*mmap-prepare-stateful" } */
	return generic_prepare(desc);
}

const struct file_operations incomplete_fops = {
	.mmap_prepare = incomplete_prepare,	/* { dg-message "'.mmap_prepare' is also set here" } */
	.mmap = old_mmap,			/* { dg-warning "sets both .*mmap-prepare-both-hooks" } */
};

/* { dg-message "valid only until the mmap_prepare hook returns" "" { target *-*-* } 0 } */
/* { dg-message "keep per-mapping state in 'vm_ops->mapped' where the kernel has it" "" { target *-*-* } 0 } */
