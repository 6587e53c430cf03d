/* A pointer into the descriptor handed down a chain of 24 variables, one
   link per loop iteration: the analysis needs one sweep per link and must
   not stop before the values settle.  (A fixed cap of 16 sweeps missed
   this store silently.) */
/* { dg-do compile } */
#include "mp-ops.h"

int chain_prepare(struct vm_area_desc *desc, int n)
{
	unsigned long *a0 = &desc->start,
		      *a1 = 0, *a2 = 0, *a3 = 0, *a4 = 0, *a5 = 0, *a6 = 0,
		      *a7 = 0, *a8 = 0, *a9 = 0, *a10 = 0, *a11 = 0, *a12 = 0,
		      *a13 = 0, *a14 = 0, *a15 = 0, *a16 = 0, *a17 = 0, *a18 = 0,
		      *a19 = 0, *a20 = 0, *a21 = 0, *a22 = 0, *a23 = 0, *a24 = 0;
	int i;

	for (i = 0; i < n; i++) {
		a24 = a23;
		a23 = a22;
		a22 = a21;
		a21 = a20;
		a20 = a19;
		a19 = a18;
		a18 = a17;
		a17 = a16;
		a16 = a15;
		a15 = a14;
		a14 = a13;
		a13 = a12;
		a12 = a11;
		a11 = a10;
		a10 = a9;
		a9 = a8;
		a8 = a7;
		a7 = a6;
		a6 = a5;
		a5 = a4;
		a4 = a3;
		a3 = a2;
		a2 = a1;
		a1 = a0;
	}
	*a24 = 0;	/* { dg-warning "'chain_prepare' writes immutable field 'start' .*mmap-prepare-immutable" } */
	return 0;
}

/* The same chain from a permitted field stays silent. */
int chain_pgoff_prepare(struct vm_area_desc *desc, int n)
{
	unsigned long *b0 = &desc->pgoff,
		      *b1 = 0, *b2 = 0, *b3 = 0, *b4 = 0, *b5 = 0, *b6 = 0,
		      *b7 = 0, *b8 = 0, *b9 = 0, *b10 = 0, *b11 = 0, *b12 = 0,
		      *b13 = 0, *b14 = 0, *b15 = 0, *b16 = 0, *b17 = 0, *b18 = 0,
		      *b19 = 0, *b20 = 0, *b21 = 0, *b22 = 0, *b23 = 0, *b24 = 0;
	int i;

	for (i = 0; i < n; i++) {
		b24 = b23;
		b23 = b22;
		b22 = b21;
		b21 = b20;
		b20 = b19;
		b19 = b18;
		b18 = b17;
		b17 = b16;
		b16 = b15;
		b15 = b14;
		b14 = b13;
		b13 = b12;
		b12 = b11;
		b11 = b10;
		b10 = b9;
		b9 = b8;
		b8 = b7;
		b7 = b6;
		b6 = b5;
		b5 = b4;
		b4 = b3;
		b3 = b2;
		b2 = b1;
		b1 = b0;
	}
	*b24 = 0;
	return 0;
}

/* { dg-message "is immutable: mmap_prepare hooks may change only" "" { target *-*-* } 0 } */
