/* deprecated-mmap: a public function of the type of .mmap is a hook for
   other units only if an ops type of the unit also has mmap_prepare
   (a 6.12 kernel's file_operations has not: nothing is deprecated). */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-rules=+deprecated-mmap" } */

struct file;
struct vm_area_struct {
	unsigned long vm_start, vm_end, vm_pgoff;
	const void *vm_ops;
};

struct old_file_operations {
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
};

static const int old_vm_ops;

int old_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &old_vm_ops;
	return 0;
}
