/* action-ok names must exist in struct mmap_action. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-action-ok=error_override:remap.nosuch" } */
#include "mp-ops.h"
/* { dg-error "'-fplugin-arg-mmap_prepare_plugin-action-ok': 'remap.nosuch' is not a member of 'struct mmap_action'" "" { target *-*-* } 0 } */
int x;
