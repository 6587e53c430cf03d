// SPDX-License-Identifier: GPL-2.0
/*
 * The plugin's own time, for the scaling benchmark only.
 *
 * GCC's -ftime-report cannot give it: the report reads the clock with a
 * system call at every timer push and pop, and GCC pushes a timer around
 * every plugin callback, so on a unit with many declarations the figure
 * it shows as "plugin execution" is mostly the cost of reading the clock
 * (and -ftime-report doubles the whole compile here).  This module times
 * the plugin's entry points with the vDSO monotonic clock instead, takes
 * off the clock's own cost (calibrated at start), and prints the total to
 * stderr when the compilation ends:
 *
 *   mmap_prepare self-time: 0.012345 s in 4321 entries of 1.234567 s since load
 *
 * Only the build made by 'make bench' with -DMP_SELF_TIME contains it
 * (scripts/bench-scaling); the plugin users load has no timing code.
 */
#include "mmap_prepare.h"

#ifdef MP_SELF_TIME
#include <time.h>

static struct {
	double loaded;		/* clock at plugin_init */
	double entered;		/* clock at the outermost enter */
	double inside;		/* seconds inside the plugin */
	double clock_pair;	/* cost of one enter/leave pair's clock reads */
	unsigned long entries;
	unsigned int depth;
} st;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

void mp_self_time_enter(void)
{
	if (st.depth++ == 0)
		st.entered = now();
}

void mp_self_time_leave(void)
{
	if (--st.depth == 0) {
		st.inside += now() - st.entered;
		st.entries++;
	}
}

static void report(void *event_data, void *data)
{
	double inside = st.inside - st.entries * st.clock_pair;

	fprintf(stderr, "mmap_prepare self-time: %.6f s in %lu entries of %.6f s since load\n",
		inside > 0 ? inside : 0, st.entries, now() - st.loaded);
	(void)event_data;
	(void)data;
}

void mp_self_time_start(void)
{
	double t0;
	int i;

	/* What two clock reads cost, to take off every entry. */
	t0 = now();
	for (i = 0; i < 10000; i++)
		now();
	st.clock_pair = 2 * (now() - t0) / 10001;
	st.loaded = now();
	register_callback(mp_plugin_name, PLUGIN_FINISH, report, NULL);
}
#endif
