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

/* Not for other units: static, and called only. */
static int local_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &e_vm_ops;
	return 0;
}

/* Not of the type of .mmap: another parameter, another parameter type
   (kernfs_ops.mmap), another result. */
int more_mmap(struct file *file, struct vm_area_struct *vma, int flags)
{
	return flags ? local_mmap(file, vma) : 0;
}

struct kernfs_open_file;
int kern_mmap(struct kernfs_open_file *of, struct vm_area_struct *vma)
{
	vma->vm_ops = &e_vm_ops;
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
}
