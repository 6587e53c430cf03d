/* deprecated-mmap: a .mmap function whose ops object is in another unit
   (ceph_mmap in fs/ceph/addr.c, its file_operations in fs/ceph/file.c)
   is classified where its body is: a public function of the type of
   .mmap, given to no .mmap here.  The record says "registered":
   "elsewhere" and the dashboard joins it to the ops object's "unknown"
   record by name (testsuite/rules/check-records.sh). */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-rules=+deprecated-mmap" } */
#include "mp-vma.h"

static const struct vm_operations_struct e_vm_ops;

/* cifs_file_mmap: the generic hook, then the driver's vm_ops */
int cifs_like_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'cifs_like_mmap' is a '.mmap' hook for other units to register" } */
{ /* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
  /* { dg-message "'cifs_like_mmap' is convertible" "" { target *-*-* } .-2 } */
  /* { dg-message "declare it as 'int cifs_like_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-3 } */
  /* { dg-message "and begin it with 'struct file .file = desc->file;'" "" { target *-*-* } .-4 } */
  /* { dg-message "and register it as '.mmap_prepare = cifs_like_mmap_prepare,' where 'cifs_like_mmap' is registered" "" { target *-*-* } .-5 } */
	int rc = generic_file_mmap(file, vma);	/* { dg-message "write 'int rc = generic_file_mmap_prepare.desc.;'" } */

	if (!rc)
		vma->vm_ops = &e_vm_ops;	/* { dg-message "write 'if .!rc. desc->vm_ops = &e_vm_ops;'" } */
	return rc;
}

/* A body that cannot convert: the VMA is kept. */
struct vm_area_struct *e_last_vma;

int keep_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'keep_mmap' is a '.mmap' hook for other units to register" } */
{ /* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
	e_last_vma = vma;		/* { dg-message "'keep_mmap' cannot be converted as it is" } */
	return 0;
}

/* Registered here: the ops object's finding classifies it, once. */
int here_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "'here_mmap' is convertible" } */
{ /* { dg-message "declare it as 'int here_mmap_prepare.struct vm_area_desc .desc.'" "" { target *-*-* } .-1 } */
	vma->vm_ops = &e_vm_ops;	/* { dg-message "write 'desc->vm_ops = &e_vm_ops;'" } */
	return 0;
}
const struct file_operations here_fops = { .mmap = here_mmap };	/* { dg-message "'here_fops' .struct file_operations. provides the deprecated" } */
/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
/* { dg-message "and give it as '.mmap_prepare = here_mmap_prepare,'" "" { target *-*-* } .-2 } */

/* Not for other units: static, and called only (by more_mmap below). */
static int local_mmap(struct file *file, struct vm_area_struct *vma) /* { dg-message "declare this parameter as 'struct vm_area_desc .desc'" } */
{
	vma->vm_ops = &e_vm_ops;	/* { dg-message "write 'desc->vm_ops = &e_vm_ops;'" } */
	return 0;
}

/* Not of the type of .mmap (another parameter, another parameter type as
   kernfs_ops.mmap has): functions other units may hand a VMA to, the
   second kind below; with another result, nothing. */
int more_mmap(struct file *file, struct vm_area_struct *vma, int flags) /* { dg-message "'more_mmap' takes a VMA and is not static" } */
{ /* { dg-message "convert it to take a 'struct vm_area_desc .'" "" { target *-*-* } .-1 } */
  /* { dg-message "'more_mmap' is convertible" "" { target *-*-* } .-2 } */
  /* { dg-message "declare it as 'int more_mmap_prepare.struct vm_area_desc .desc, int flags.'" "" { target *-*-* } .-3 } */
  /* { dg-message "and begin it with 'struct file .file = desc->file;'" "" { target *-*-* } .-4 } */
  /* { dg-message "and call 'more_mmap_prepare' with the descriptor" "" { target *-*-* } .-5 } */
	return flags ? local_mmap(file, vma) : 0;	/* { dg-message "write 'return flags . local_mmap.file, desc. : 0;'" } */
}

struct kernfs_open_file;
int kern_mmap(struct kernfs_open_file *of, struct vm_area_struct *vma) /* { dg-message "'kern_mmap' takes a VMA and is not static" } */
{ /* { dg-message "convert it to take a 'struct vm_area_desc .'" "" { target *-*-* } .-1 } */
  /* { dg-message "'kern_mmap' is convertible" "" { target *-*-* } .-2 } */
  /* { dg-message "declare it as 'int kern_mmap_prepare.struct kernfs_open_file .of, struct vm_area_desc .desc.'" "" { target *-*-* } .-3 } */
  /* { dg-message "and call 'kern_mmap_prepare' with the descriptor" "" { target *-*-* } .-4 } */
	vma->vm_ops = &e_vm_ops;	/* { dg-message "write 'desc->vm_ops = &e_vm_ops;'" } */
	return 0;
}

void void_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &e_vm_ops;
}

/* Only declared here: no body to classify. */
int extern_mmap(struct file *file, struct vm_area_struct *vma);

int e_use(struct file *file, struct vm_area_struct *vma);
int e_use(struct file *file, struct vm_area_struct *vma) /* { dg-message "'e_use' is a '.mmap' hook for other units to register" } */
{ /* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */
	return extern_mmap(file, vma);	/* { dg-message "'e_use' cannot be converted as it is.*vma-passed-to-callee: 'extern_mmap'" } */
	/* { dg-message "'e_use' is convertible once 'extern_mmap' takes" "" { target *-*-* } .-1 } */
}

/* vme_user: the hook hands its VMA to vme_master_mmap() of another unit
   (drivers/staging/vme_user/vme.c), which upstream converted with it.
   Here: blocked, and what it is once that function converts. */
struct e_res {
	unsigned long start;
	atomic_t users;
};
int e_master_mmap(struct e_res *res, struct vm_area_struct *vma);

static int user_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct e_res *res = file->private_data;

	atomic_inc(&res->users);
	vma->vm_ops = &e_vm_ops;
	return e_master_mmap(res, vma);	/* { dg-message "'user_mmap' cannot be converted as it is.*vma-passed-to-callee: 'e_master_mmap'" } */
} /* { dg-message "'user_mmap' is convertible with vm_ops->mapped once 'e_master_mmap' takes a 'struct vm_area_desc .' instead .it is not static: it converts on its own." "" { target *-*-* } .-1 } */
const struct file_operations user_fops = {
	.mmap = user_mmap,	/* { dg-message "'user_fops' .struct file_operations. provides the deprecated" } */
};	/* { dg-message "convert it to '.mmap_prepare'" "" { target *-*-* } .-1 } */

/* ... and in vme.c, the function it calls, classified there. */
int own_master_mmap(struct e_res *res, struct vm_area_struct *vma) /* { dg-message "'own_master_mmap' takes a VMA and is not static: other units' '.mmap' hooks may hand it theirs" } */
{ /* { dg-message "convert it to take a 'struct vm_area_desc .', as '.mmap_prepare' hooks do" "" { target *-*-* } .-1 } */
  /* { dg-message "'own_master_mmap' is convertible" "" { target *-*-* } .-2 } */
  /* { dg-message "declare it as 'int own_master_mmap_prepare.struct e_res .res, struct vm_area_desc .desc.'" "" { target *-*-* } .-3 } */
  /* { dg-message "and call 'own_master_mmap_prepare' with the descriptor where 'own_master_mmap' is called with a VMA" "" { target *-*-* } .-4 } */
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);	/* { dg-message "write 'desc->page_prot = pgprot_noncached.desc->page_prot.;'" } */
	return vm_iomap_memory(vma, res->start, vma->vm_end - vma->vm_start); /* { dg-message "write 'mmap_action_simple_ioremap.desc, res->start, vma_desc_size.desc..; return 0;'" } */
}

/* Not for other units: no int result; and mm/'s own functions, which
   hooks call and do not convert. */
void own_note_vma(struct e_res *res, struct vm_area_struct *vma)
{
	res->start = vma->vm_start;
}
#line 1 "mm/e_fake.c"
int e_mm_function(struct e_res *res, struct vm_area_struct *vma)
{
	return vma->vm_start == res->start;
}
