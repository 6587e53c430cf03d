/* A malformed acquire= entry is an error naming the key. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-acquire=foo_get" } */
/* { dg-error "'-fplugin-arg-mmap_prepare_plugin-acquire': 'foo_get' is not 'ACQUIRE/RELEASE'" "" { target *-*-* } 0 } */
int x;
