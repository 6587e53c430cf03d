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
 * The plugin's sources know nothing of it.  'make bench' links the
 * plugin's own objects with this file and -Wl,--wrap=register_callback:
 * every callback the plugin registers is timed through a trampoline, and
 * the pass from the moment GCC starts it (PLUGIN_PASS_EXECUTION with its
 * name) to the start of the next pass or the end of the compilation.
 */
#include "mmap_prepare.h"
#include <time.h>

extern "C" void __real_register_callback(const char *plugin_name, int event,
					 plugin_callback_func callback,
					 void *user_data);

static struct {
	double loaded;		/* clock at the first registration */
	double entered;		/* clock at the outermost enter */
	double inside;		/* seconds inside the plugin */
	double clock_pair;	/* cost of one enter/leave pair's clock reads */
	unsigned long entries;
	unsigned int depth;
	bool in_pass;
} st;

/* The plugin's own callbacks, one per event. */
static struct {
	plugin_callback_func callback;
	void *user_data;
} timed[PLUGIN_EVENT_FIRST_DYNAMIC];

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void enter(void)
{
	if (st.depth++ == 0)
		st.entered = now();
}

static void leave(void)
{
	if (--st.depth == 0) {
		st.inside += now() - st.entered;
		st.entries++;
	}
}

static void trampoline(void *event_data, void *data)
{
	int event = (int)(intptr_t)data;

	enter();
	timed[event].callback(event_data, timed[event].user_data);
	leave();
}

/* Before every pass: the plugin's pass runs until the next one starts. */
static void pass_starts(void *event_data, void *data)
{
	opt_pass *pass = (opt_pass *)event_data;

	if (st.in_pass) {
		leave();
		st.in_pass = false;
	}
	if (pass && pass->name && !strcmp(pass->name, "mmap_prepare")) {
		enter();
		st.in_pass = true;
	}
	(void)data;
}

static void report(void *event_data, void *data)
{
	double inside;

	if (st.in_pass)
		leave();
	inside = st.inside - st.entries * st.clock_pair;
	fprintf(stderr, "mmap_prepare self-time: %.6f s in %lu entries of %.6f s since load\n",
		inside > 0 ? inside : 0, st.entries, now() - st.loaded);
	(void)event_data;
	(void)data;
}

static void start(const char *plugin_name)
{
	double t0;
	int i;

	/* What two clock reads cost, to take off every entry. */
	t0 = now();
	for (i = 0; i < 10000; i++)
		now();
	st.clock_pair = 2 * (now() - t0) / 10001;
	st.loaded = now();
	__real_register_callback(plugin_name, PLUGIN_PASS_EXECUTION, pass_starts, NULL);
	__real_register_callback(plugin_name, PLUGIN_FINISH, report, NULL);
}

extern "C" void __wrap_register_callback(const char *plugin_name, int event,
					 plugin_callback_func callback,
					 void *user_data)
{
	static bool started;

	if (!started) {
		started = true;
		start(plugin_name);
	}
	if (callback && event >= 0 && event < PLUGIN_EVENT_FIRST_DYNAMIC) {
		timed[event].callback = callback;
		timed[event].user_data = user_data;
		callback = trampoline;
		user_data = (void *)(intptr_t)event;
	}
	__real_register_callback(plugin_name, event, callback, user_data);
}
