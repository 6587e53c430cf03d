/* Malformed values are errors naming the key, never silent defaults. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-core= -fplugin-arg-mmap_prepare_plugin-action-ok=remap..size -fplugin-arg-mmap_prepare_plugin-werror=yes -fplugin-arg-mmap_prepare_plugin-rules=+" } */
/* { dg-error "'-fplugin-arg-mmap_prepare_plugin-core': needs a value" "" { target *-*-* } 0 } */
/* { dg-error "'-fplugin-arg-mmap_prepare_plugin-action-ok': 'remap..size' is not a member path" "" { target *-*-* } 0 } */
/* { dg-error "'-fplugin-arg-mmap_prepare_plugin-werror': takes no value" "" { target *-*-* } 0 } */
/* { dg-error "'-fplugin-arg-mmap_prepare_plugin-rules': empty rule name" "" { target *-*-* } 0 } */
int x;
