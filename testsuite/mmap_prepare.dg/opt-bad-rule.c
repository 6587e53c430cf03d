/* An unknown rule name in rules= is an error naming rules. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-rules=+immutable,-sloppy" } */
/* { dg-error "'-fplugin-arg-mmap_prepare_plugin-rules': unknown rule 'sloppy'" "" { target *-*-* } 0 } */
int x;
