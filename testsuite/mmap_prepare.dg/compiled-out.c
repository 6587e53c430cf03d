/* Branches that a constant condition compiles out in this configuration
   are checked too (SPEC: "Code that the configuration compiles out"):
   GCC drops them before any SSA pass, at every optimisation level, and a
   CI gate builds one configuration.  Each finding names the branch. */
/* { dg-do compile } */
/* { dg-options "-DKBUILD_EXTRA_WARN1 -DMP_EXTRA_MEMBER" } */
#include "mp-ops.h"

#define IS_ENABLED(option) 0	/* CONFIG_FS_DAX and friends are off */
#define S_DAX 0			/* as include/linux/fs.h without CONFIG_FS_DAX */
struct inode { unsigned int i_flags; };
#define IS_DAX(inode) ((inode)->i_flags & S_DAX)

extern struct inode *co_inode;
extern int co_flag;
static struct vm_area_desc *co_saved;
void co_fill(unsigned long *p);
void co_keep_all(void *p);

int co_enabled_prepare(struct vm_area_desc *desc)
{
	if (IS_ENABLED(CONFIG_FS_DAX))		/* { dg-message "this branch is compiled out in this configuration" } */
		desc->start = 0;		/* { dg-warning "'co_enabled_prepare' writes immutable field 'start' .*mmap-prepare-immutable" } */
	return 0;
}

int co_dax_prepare(struct vm_area_desc *desc)
{
	struct vm_area_desc *d = desc;
	unsigned long *w = &d->end;

	if (IS_DAX(co_inode)) {			/* { dg-message "this branch is compiled out in this configuration" } */
		*w = 0;				/* { dg-warning "'co_dax_prepare' writes immutable field 'end' .*mmap-prepare-immutable" } */
		co_fill(&desc->start);		/* { dg-warning "passes the address of immutable field 'start' .* to 'co_fill', which may write it .*mmap-prepare-immutable" } */
	}
	return 0;
}

int co_and_zero_prepare(struct vm_area_desc *desc)
{
	if (co_flag && 0)			/* { dg-message "this branch is compiled out in this configuration" } */
		co_saved = desc;		/* { dg-warning "'co_and_zero_prepare' stores a pointer to its 'struct vm_area_desc' in a global variable .mmap-prepare-escape" } */
	return 0;
}

int co_else_prepare(struct vm_area_desc *desc)
{
	if (1)					/* { dg-message "this branch is compiled out in this configuration" } */
		desc->pgoff = 0;
	else
		desc->action.type = MMAP_REMAP_PFN;	/* { dg-warning "'co_else_prepare' writes 'action.type' .*mmap-prepare-action" } */
	return 0;
}

int co_switch_prepare(struct vm_area_desc *desc)
{
	switch (sizeof(long)) {			/* { dg-message "this branch is compiled out in this configuration" } */
	case 2:
		memset(desc, 0, sizeof(*desc));	/* { dg-warning "'co_switch_prepare' writes immutable fields .*mmap-prepare-immutable" } */
		/* { dg-warning "'co_switch_prepare' writes 'action' .*mmap-prepare-action" "" { target *-*-* } .-1 } */
		/* { dg-warning "'co_switch_prepare' writes field 'mystery'.*mmap-prepare-unknown-field" "" { target *-*-* } .-2 } */
		break;
	default:
		desc->pgoff = 1;
		break;
	}
	return 0;
}

int co_sizeof_prepare(struct vm_area_desc *desc)
{
	if (sizeof(void *) == 2)		/* { dg-message "this branch is compiled out in this configuration" } */
		return desc->private_data != 0;	/* { dg-warning "'co_sizeof_prepare' reads write-only field 'private_data' .*mmap-prepare-write-only-read" } */
	return 0;
}

/* Nested: a constant condition inside a compiled-out branch. */
int co_nested_prepare(struct vm_area_desc *desc)
{
	if (IS_ENABLED(CONFIG_A)) {		/* { dg-message "this branch is compiled out in this configuration" } */
		if (co_flag)
			desc->mm = 0;		/* { dg-warning "'co_nested_prepare' writes immutable field 'mm' .*mmap-prepare-immutable" } */
	}
	return 0;
}

/* Visible helpers are judged by their bodies, as in compiled code. */
static void co_zero(unsigned long *p)
{
	*p = 0;
}

static unsigned long co_get(const unsigned long *p)
{
	return *p;
}

int co_helper_prepare(struct vm_area_desc *desc)
{
	unsigned long scratch;

	co_zero(&scratch);
	if (IS_ENABLED(CONFIG_B)) {		/* { dg-message "this branch is compiled out in this configuration" } */
		co_zero(&desc->end);		/* { dg-warning "'co_helper_prepare' passes the address of immutable field 'end' .* to 'co_zero', which may write it .*mmap-prepare-immutable" } */
		return co_get(&desc->start);
	}
	return co_get(&scratch);
}

const struct file_operations co_fops = {
	.mmap_prepare = co_enabled_prepare,
};

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
/* { dg-message "are immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
/* { dg-message "valid only until the mmap_prepare hook returns" "" { target *-*-* } 0 } */
/* { dg-message "'action' is filled in only by the mmap_action_" "" { target *-*-* } 0 } */
/* { dg-message "does not name .mystery." "" { target *-*-* } 0 } */
/* { dg-message "is write-only in an mmap_prepare hook" "" { target *-*-* } 0 } */

/* The second hook given in a compiled-out branch. */
int co_legacy_mmap(struct file *f, struct vm_area_struct *vma);
static struct file_operations co_dual_fops = {
	.mmap_prepare = co_enabled_prepare,	/* { dg-message "'.mmap_prepare' is also set here" } */
};

void co_setup(void)
{
	if (IS_ENABLED(CONFIG_LEGACY_MMAP))	/* { dg-message "this branch is compiled out in this configuration" } */
		co_dual_fops.mmap = co_legacy_mmap;	/* { dg-warning "'co_dual_fops' .struct file_operations. sets both .*mmap-prepare-both-hooks" } */
}

/* State taken in a compiled-out branch of a hook. */
struct kref { int refcount; };
void kref_get(struct kref *kref);
int kref_put(struct kref *kref, void (*release)(struct kref *kref));
void co_free(struct kref *kref);
static struct kref co_users;

int co_stateful_prepare(struct vm_area_desc *desc)
{
	if (IS_ENABLED(CONFIG_COUNT_USERS))	/* { dg-message "this branch is compiled out in this configuration" } */
		kref_get(&co_users);		/* { dg-warning "'co_stateful_prepare' takes a reference with 'kref_get' that outlives the mmap_prepare call .mmap-prepare-stateful" } */
	if (IS_ENABLED(CONFIG_CHECK_USERS)) {
		kref_get(&co_users);		/* released in the same branch */
		kref_put(&co_users, co_free);
	}
	desc->pgoff = 0;
	return 0;
}
/* { dg-message "the mapping may still be merged or fail after mmap_prepare" "" { target *-*-* } 0 } */
