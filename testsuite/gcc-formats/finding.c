/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Findings for testsuite/gcc-formats/run.sh, which compares GCC's JSON and
 * SARIF output for this file with its text output.  Each line with a
 * finding ends in a "finding: RULE" comment (the runner reads them);
 * no tabs, so that byte and display columns agree.
 */
#include "mp-ops.h"

int formats_prepare(struct vm_area_desc *desc)
{
        desc->start = 0;        /* finding: mmap-prepare-immutable */
        desc->pgoff = 0;
        desc->action.type = MMAP_REMAP_PFN;     /* finding: mmap-prepare-action */
        return 0;
}
