// SPDX-License-Identifier: GPL-2.0
/*
 * Plugin arguments: -fplugin-arg-mmap_prepare_plugin-KEY[=VALUE].
 *
 * Every key and value is validated; an unknown key or a malformed value
 * is an error that names the key, never a silent default.
 */
#include "mmap_prepare.h"

struct mp_options mp_opts;

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

static bool parse_report(const char *key, const char *value)
{
	FILE *f;

	if (!need_value(key, value))
		return false;
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

static void set_defaults(void)
{
	unsigned int i;

	memset(&mp_opts, 0, sizeof(mp_opts));
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
		} else {
			error("unknown option %<-fplugin-arg-%s-%s%> (known: disable, rules, core, action-ok, werror, report, acquire, sweep-limit)",
			      mp_plugin_name, key);
			ok = false;
		}
	}
	return ok;
}

/*
 * kbuild passes -DKBUILD_EXTRA_WARN1 under W=1.  It is looked up at the
 * first declaration the front end finishes: by the time the pass runs, a
 * garbage collection may have purged unused macro identifiers.  An
 * explicit rules= setting wins.
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
	if (!parse_in)
		return;
	w1 = cpp_defined(parse_in, (const unsigned char *)macro,
			 sizeof(macro) - 1);
	for (i = 0; i < mp_rule_count; i++) {
		if (mp_rules[i]->dflt == MP_W1 && !mp_rules[i]->named)
			mp_rules[i]->on = w1;
	}
}
