/* An unwritable report path is a clear error. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-mmap_prepare_plugin-report=/nonexistent-dir/report.jsonl" } */
/* { dg-error "'-fplugin-arg-mmap_prepare_plugin-report': cannot open report file '/nonexistent-dir/report.jsonl' for appending: No such file or directory" "" { target *-*-* } 0 } */
int x;
