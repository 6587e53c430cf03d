/* An unknown plugin option is an error naming it. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-colour=red" } */
/* { dg-error "unknown option '-fplugin-arg-mmap_prepare_plugin-colour' .known: disable, rules, core, action-ok, werror, report." "" { target *-*-* } 0 } */
int x;
