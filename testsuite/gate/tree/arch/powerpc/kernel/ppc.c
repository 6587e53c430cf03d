// SPDX-License-Identifier: GPL-2.0
/* PowerPC code: never built on x86. */
#include <asm/machdep.h>
int ppc_setup(void) { return 0; }
