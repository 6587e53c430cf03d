// SPDX-License-Identifier: GPL-2.0
/*
 * Plugin arguments: -fplugin-arg-mmap_prepare_plugin-KEY[=VALUE].
 *
 * Every key and value is validated; an unknown key or a malformed value
 * is an error that names the key, never a silent default.
 */
#include "mmap_prepare.h"
#include <link.h>		/* dl_iterate_phdr: the plugin's own build id */

struct mp_options mp_opts;

/* w1: the W=1 rules are on, as under kbuild's W=1 (see below). */
static bool w1_arg;

/*
 * SPEC's list plus the two mm-private headers whose inline helpers build
 * and apply descriptors in real 7.x trees: mm/internal.h
 * (io_remap_pfn_range_prepare() fills desc->action for
 * mmap_action_prepare()) and mm/vma.h (compat_set_vma_from_desc() copies
 * vm_ops and private_data onto the VMA).  Drivers cannot include them.
 */
const char *const mp_default_core =
	"mm/vma.c:mm/util.c:include/linux/mm.h:tools/testing/vma/:mm/internal.h:mm/vma.h";

static const char *const default_action_ok[] = { "error_override" };

/* Splits VALUE at ',' and ':' into freshly allocated items. */
static char **split_list(const char *value, unsigned int *count)
{
	char **items = NULL;
	unsigned int n = 0;
	const char *p = value;

	for (;;) {
		size_t len = strcspn(p, ",:");

		items = XRESIZEVEC(char *, items, n + 1);
		items[n++] = xstrndup(p, len);
		if (!p[len])
			break;
		p += len + 1;
	}
	*count = n;
	return items;
}

static void free_list(char **items, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		free(items[i]);
	free(items);
}

/*
 * VALUE split into items that all pass VALID, or NULL with *BAD the first
 * item that does not (the caller names it in its own error).
 */
static char **split_valid(const char *value, bool (*valid)(const char *),
			  unsigned int *n, char **bad)
{
	char **items = split_list(value, n);
	unsigned int i;

	for (i = 0; i < *n; i++) {
		if (!valid(items[i])) {
			*bad = xstrdup(items[i]);
			free_list(items, *n);
			return NULL;
		}
	}
	return items;
}

static bool non_empty(const char *item)
{
	return *item;
}

/* An error about option KEY; GMSGID is a literal GCC checks. */
#define option_error(key, gmsgid, ...) \
	error("%<-fplugin-arg-%s-%s%>: " gmsgid, mp_plugin_name, (key), \
	      ##__VA_ARGS__)

static bool need_value(const char *key, const char *value)
{
	if (value && *value)
		return true;
	option_error(key, "needs a value");
	return false;
}

static bool refuse_value(const char *key, const char *value)
{
	if (!value)
		return true;
	option_error(key, "takes no value (got %qs)", value);
	return false;
}

static bool parse_rules(const char *key, const char *value)
{
	unsigned int n, i;
	char **items;
	bool ok = true;

	if (!need_value(key, value))
		return false;
	items = split_list(value, &n);
	for (i = 0; i < n; i++) {
		const char *item = items[i];
		bool on = true;
		struct mp_rule *rule;

		if (*item == '+' || *item == '-') {
			on = *item == '+';
			item++;
		}
		if (!*item) {
			option_error(key, "empty rule name in %qs", value);
			ok = false;
			continue;
		}
		rule = mp_rule_lookup(item);
		if (!rule) {
			option_error(key, "unknown rule %qs (known: %s)", item,
				     mp_rule_names());
			ok = false;
			continue;
		}
		rule->on = on;
		rule->named = true;
	}
	free_list(items, n);
	return ok;
}

static bool parse_core(const char *key, const char *value)
{
	unsigned int n;
	char **items, *bad = NULL;

	if (!need_value(key, value))
		return false;
	items = split_valid(value, non_empty, &n, &bad);
	if (!items) {
		option_error(key, "empty path in %qs", value);
		free(bad);
		return false;
	}
	free_list(mp_opts.core, mp_opts.n_core);
	mp_opts.core = items;
	mp_opts.n_core = n;
	return true;
}

/* A dotted C member path: identifiers separated by single dots. */
static bool valid_member_path(const char *path)
{
	bool at_start = true;

	for (; *path; path++) {
		if (*path == '.') {
			if (at_start)
				return false;
			at_start = true;
			continue;
		}
		if (!(ISALNUM(*path) || *path == '_') ||
		    (at_start && ISDIGIT(*path)))
			return false;
		at_start = false;
	}
	return !at_start;
}

static bool parse_action_ok(const char *key, const char *value)
{
	unsigned int n;
	char **items, *bad = NULL;

	if (!need_value(key, value))
		return false;
	items = split_valid(value, valid_member_path, &n, &bad);
	if (!items) {
		option_error(key,
			     "%qs is not a member path such as %<error_override%> or %<remap.size%>",
			     bad);
		free(bad);
		return false;
	}
	free_list(mp_opts.action_ok, mp_opts.n_action_ok);
	mp_opts.action_ok = items;
	mp_opts.n_action_ok = n;
	return true;
}

/* The parent of process PID, or 0. */
static long parent_of(long pid)
{
	char path[64], buf[512];
	const char *p;
	long ppid;
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	f = fopen(path, "r");
	if (!f)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = 0;
	/* "PID (COMM) STATE PPID ...": COMM may hold anything, even ")". */
	p = strrchr(buf, ')');
	if (!p || sscanf(p + 1, " %*c %ld", &ppid) != 1)
		return 0;
	return ppid;
}

/*
 * The ccache process this compile runs under, 0 if none, -1 if it cannot
 * be told: cc1's parent is the driver, whose parent is ccache
 * (CC="ccache gcc" or a masquerading /usr/lib/ccache/gcc), perhaps with a
 * distributed compiler's client in between.  A disabled ccache
 * (CCACHE_DISABLE=1) replaces itself with the compiler, so it is not
 * found.  Without /proc (icecream's remote environments are chroots
 * without it) nothing can be told.
 */
static long ccache_ancestor(void)
{
	long pid = getppid();
	int depth;

	if (access("/proc/self/exe", F_OK))
		return -1;
	for (depth = 0; depth < 4 && pid > 1; depth++) {
		char path[64], exe[PATH_MAX];
		ssize_t n;

		snprintf(path, sizeof(path), "/proc/%ld/exe", pid);
		n = readlink(path, exe, sizeof(exe) - 1);
		if (n > 0) {
			exe[n] = 0;
			if (!strcmp(lbasename(exe), "ccache"))
				return pid;
		}
		pid = parent_of(pid);
	}
	return 0;
}

/*
 * report=FILE.  Refused under ccache: a cache hit replays the warnings
 * but never runs the plugin, so nothing would be appended to FILE.  And
 * refused where the compile runs on another machine (icecream's remote
 * environments): FILE there is not the caller's.
 */
static bool parse_report(const char *key, const char *value)
{
	FILE *f;
	long pid;

	if (!need_value(key, value))
		return false;
	pid = ccache_ancestor();
	if (pid < 0) {
		option_error(key,
			     "this compile runs without %</proc%>, as on a distributed compiler's remote machine, where the report %qs is not the one on the machine that started the build; write reports from local compiles (%<ICECC=disable%>)",
			     value);
		return false;
	}
	if (pid) {
		option_error(key,
			     "this compile runs under ccache (process %ld), which serves later builds of the object from its cache without running the plugin, so their findings would be missing from %qs; set %<CCACHE_DISABLE=1%> for runs that write a report",
			     pid, value);
		return false;
	}
	/* Fail now, with the reason, rather than losing findings later. */
	f = fopen(value, "a");
	if (!f) {
		option_error(key, "cannot open report file %qs for appending: %s",
			     value, xstrerror(errno));
		return false;
	}
	fclose(f);
	mp_opts.report_path = xstrdup(value);
	return true;
}

/* A C identifier. */
static bool valid_identifier(const char *s, size_t len)
{
	size_t i;

	if (!len || ISDIGIT(*s))
		return false;
	for (i = 0; i < len; i++) {
		if (!ISALNUM(s[i]) && s[i] != '_')
			return false;
	}
	return true;
}

/* NAME[?]/RELEASE[/RELEASE...]: every part an identifier. */
static bool valid_acquire(const char *item)
{
	const char *p = item;
	size_t len;
	bool first = true;

	for (;;) {
		len = strcspn(p, "/?");
		if (!valid_identifier(p, len))
			return false;
		p += len;
		if (first && *p == '?')
			p++;
		if (first && *p != '/')
			return false;
		first = false;
		if (!*p)
			return true;
		if (*p++ != '/')
			return false;
	}
}

/* acquire=LIST: more reference acquisitions for mmap-prepare-stateful. */
static bool parse_acquire(const char *key, const char *value)
{
	unsigned int n, i;
	char **items, *bad = NULL;

	if (!need_value(key, value))
		return false;
	items = split_valid(value, valid_acquire, &n, &bad);
	if (!items) {
		option_error(key,
			     "%qs is not %<ACQUIRE/RELEASE%>, %<ACQUIRE?/RELEASE%> or %<ACQUIRE/RELEASE/RELEASE...%> of function names",
			     bad);
		free(bad);
		return false;
	}
	mp_opts.acquire = XRESIZEVEC(char *, mp_opts.acquire, mp_opts.n_acquire + n);
	for (i = 0; i < n; i++)
		mp_opts.acquire[mp_opts.n_acquire++] = items[i];
	free(items);
	return true;
}

/* sweep-limit=N: lets the tests reach the analysis' bound. */
static bool parse_sweep_limit(const char *key, const char *value)
{
	char *end;
	unsigned long n;

	if (!need_value(key, value))
		return false;
	errno = 0;
	n = strtoul(value, &end, 10);
	if (*end || errno || n == 0 || !ISDIGIT(*value)) {
		option_error(key, "%qs is not a positive number", value);
		return false;
	}
	mp_opts.sweep_limit = n;
	return true;
}

/* An ELF note's header: three 32-bit words in either ELF class. */
struct mp_note {
	unsigned int namesz, descsz, type;
};

/* What find_build_id looks for and finds. */
struct build_id_search {
	uintptr_t addr;		/* an address inside this plugin */
	const char *path;	/* the plugin's file, once found */
	char hex[2 * 64 + 1];	/* its GNU build id in hex, or "" */
};

/* dl_iterate_phdr callback: the build id note of the object holding addr. */
static int find_build_id(struct dl_phdr_info *info, size_t size, void *data)
{
	struct build_id_search *s = (struct build_id_search *)data;
	bool mine = false;
	int i;

	for (i = 0; i < info->dlpi_phnum; i++) {
		typeof(info->dlpi_phdr) ph = &info->dlpi_phdr[i];
		uintptr_t start = info->dlpi_addr + ph->p_vaddr;

		if (ph->p_type == PT_LOAD && s->addr >= start &&
		    s->addr < start + ph->p_memsz)
			mine = true;
	}
	(void)size;
	if (!mine)
		return 0;
	s->path = info->dlpi_name;
	for (i = 0; i < info->dlpi_phnum; i++) {
		typeof(info->dlpi_phdr) ph = &info->dlpi_phdr[i];
		size_t align = ph->p_align == 8 ? 8 : 4;
		const char *p, *end;

		if (ph->p_type != PT_NOTE)
			continue;
		p = (const char *)(info->dlpi_addr + ph->p_vaddr);
		end = p + ph->p_memsz;
		while (p + sizeof(struct mp_note) <= end) {
			const struct mp_note *note = (const struct mp_note *)p;
			const char *name = p + sizeof(*note);
			const unsigned char *desc = (const unsigned char *)
				name + ((note->namesz + align - 1) & ~(align - 1));
			unsigned int j;

			if (note->type == NT_GNU_BUILD_ID && note->namesz == 4 &&
			    !memcmp(name, "GNU", 4) && note->descsz <= 64) {
				for (j = 0; j < note->descsz; j++)
					sprintf(s->hex + 2 * j, "%02x", desc[j]);
				return 1;
			}
			p = (const char *)desc +
			    ((note->descsz + align - 1) & ~(align - 1));
		}
	}
	return 1;
}

static bool valid_hex(const char *s)
{
	for (; *s; s++) {
		if (!ISXDIGIT(*s))
			return false;
	}
	return true;
}

/*
 * id=HEX: this plugin's GNU build id.  The argument exists for compiler
 * caches, which hash the command line but know the plugin only by size
 * and mtime; a stale id (the plugin was rebuilt, the id was not
 * recomputed) is an error rather than a cache key that lies.
 */
static bool parse_id(const char *key, const char *value)
{
	struct build_id_search s = { (uintptr_t)&find_build_id, NULL, "" };
	size_t i;

	if (!need_value(key, value))
		return false;
	if (!valid_hex(value)) {
		option_error(key,
			     "%qs is not a build id (hex digits, as %<readelf -n%> prints after %<Build ID:%>)",
			     value);
		return false;
	}
	dl_iterate_phdr(find_build_id, &s);
	if (!*s.hex) {
		option_error(key,
			     "%s has no GNU build id to compare with; link it with %<-Wl,--build-id%>",
			     s.path && *s.path ? s.path : mp_plugin_name);
		return false;
	}
	for (i = 0; value[i] && TOLOWER(value[i]) == s.hex[i]; i++)
		;
	if (value[i] || s.hex[i]) {
		option_error(key,
			     "%qs is not the build id of %s, which is %qs: compute the id from the plugin this compile loads",
			     value, s.path, s.hex);
		return false;
	}
	return true;
}

static void set_defaults(void)
{
	unsigned int i;

	memset(&mp_opts, 0, sizeof(mp_opts));
	w1_arg = false;
	for (i = 0; i < mp_rule_count; i++) {
		mp_rules[i]->on = mp_rules[i]->dflt == MP_ON;
		mp_rules[i]->named = false;
	}
	mp_opts.core = split_list(mp_default_core, &mp_opts.n_core);
	mp_opts.n_action_ok = ARRAY_SIZE(default_action_ok);
	mp_opts.action_ok = XNEWVEC(char *, mp_opts.n_action_ok);
	for (i = 0; i < mp_opts.n_action_ok; i++)
		mp_opts.action_ok[i] = xstrdup(default_action_ok[i]);
}

bool mp_parse_options(int argc, struct plugin_argument *argv)
{
	bool ok = true;
	int i;

	set_defaults();
	for (i = 0; i < argc; i++) {
		const char *key = argv[i].key;
		const char *value = argv[i].value;

		if (!strcmp(key, "disable")) {
			ok &= refuse_value(key, value);
			mp_opts.disable = true;
		} else if (!strcmp(key, "werror")) {
			ok &= refuse_value(key, value);
			mp_opts.werror = true;
		} else if (!strcmp(key, "rules")) {
			ok &= parse_rules(key, value);
		} else if (!strcmp(key, "core")) {
			ok &= parse_core(key, value);
		} else if (!strcmp(key, "action-ok")) {
			ok &= parse_action_ok(key, value);
		} else if (!strcmp(key, "report")) {
			ok &= parse_report(key, value);
		} else if (!strcmp(key, "acquire")) {
			ok &= parse_acquire(key, value);
		} else if (!strcmp(key, "sweep-limit")) {
			ok &= parse_sweep_limit(key, value);
		} else if (!strcmp(key, "id")) {
			ok &= parse_id(key, value);
		} else if (!strcmp(key, "w1")) {
			ok &= refuse_value(key, value);
			w1_arg = true;
		} else {
			error("unknown option %<-fplugin-arg-%s-%s%> (known: disable, rules, core, action-ok, werror, report, acquire, sweep-limit, id, w1)",
			      mp_plugin_name, key);
			ok = false;
		}
	}
	return ok;
}

/*
 * kbuild's W=1 adds exactly these four warnings (6.16 to 7.3), besides
 * -DKBUILD_EXTRA_WARN1; without W=1 it passes -Wno-unused-const-variable.
 * The options, unlike the macro, reach cc1 also when it compiles already
 * preprocessed input (CCACHE_NOCPP2=1, distributed compilers).
 */
static bool kbuild_w1_warnings(void)
{
	return warn_suggest_attribute_format &&	/* -Wmissing-format-attribute */
	       cpp_warn_missing_include_dirs && cpp_warn_undef &&
	       warn_unused_const_variable;
}

/*
 * W=1 is the w1 argument, kbuild's W=1 warnings, or the macro
 * KBUILD_EXTRA_WARN1 kbuild defines under W=1.  The macro is looked up at
 * the first declaration the front end finishes: by the time the pass
 * runs, a garbage collection may have purged unused macro identifiers.
 * An explicit rules= setting wins.
 */
void mp_apply_kbuild_extra_warn(void)
{
	static const char macro[] = "KBUILD_EXTRA_WARN1";
	static bool done;
	bool w1;
	unsigned int i;

	if (done)
		return;
	done = true;
	w1 = w1_arg || kbuild_w1_warnings() ||
	     (parse_in && cpp_defined(parse_in, (const unsigned char *)macro,
				      sizeof(macro) - 1));
	for (i = 0; i < mp_rule_count; i++) {
		if (mp_rules[i]->dflt == MP_W1 && !mp_rules[i]->named)
			mp_rules[i]->on = w1;
	}
}
