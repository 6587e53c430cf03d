// SPDX-License-Identifier: GPL-2.0
/*
 * The descriptor field policy (SPEC section 2), derived from the members
 * the compiled struct vm_area_desc actually has, so that one plugin
 * binary serves every kernel:
 *
 *   G1  no vm_file member         file is mutable
 *   G2  vm_file and vm_flags      file is immutable, action helper-owned
 *   G3  vma_flags (maybe in an anonymous union with vm_flags)
 *
 * Members the generation does not name are classified "unknown" and a
 * write to one is reported under its own rule.
 */
#include "mmap_prepare.h"

/*
 * The policy is computed once, when the C front end completes the
 * descriptor type (PLUGIN_FINISH_TYPE), and kept as plain data so that
 * no tree is held across garbage collections.  Types are recognised by
 * their tag identifier, which the plugin keeps alive as a GC root.
 */
static struct mp_policy unit_policy;
static bool unit_policy_ready;
static int unit_mapped_hook = -1;

static bool is_desc_record(tree type)
{
	return type && TREE_CODE(type) == RECORD_TYPE &&
	       mp_type_tag(type) == mp_id_vm_area_desc;
}

bool mp_is_desc_type(tree type)
{
	return is_desc_record(type);
}

bool mp_is_desc_pointer_type(tree type)
{
	return type && POINTER_TYPE_P(type) && is_desc_record(TREE_TYPE(type));
}

static const char *field_name(tree field)
{
	return DECL_NAME(field) ? IDENTIFIER_POINTER(DECL_NAME(field)) : NULL;
}

/* Calls FN on every named member, looking through anonymous ones. */
static void for_each_named_member(tree record, HOST_WIDE_INT base,
				  void (*fn)(tree, HOST_WIDE_INT, void *),
				  void *data)
{
	tree f;

	for (f = TYPE_FIELDS(record); f; f = DECL_CHAIN(f)) {
		HOST_WIDE_INT pos;

		if (TREE_CODE(f) != FIELD_DECL || !mp_field_bit_position(f, &pos))
			continue;
		pos += base;
		if (!DECL_NAME(f) && RECORD_OR_UNION_TYPE_P(TREE_TYPE(f)))
			for_each_named_member(TREE_TYPE(f), pos, fn, data);
		else if (DECL_NAME(f))
			fn(f, pos, data);
	}
}

static void note_member_name(tree f, HOST_WIDE_INT pos, void *data)
{
	unsigned int *have = (unsigned int *)data;

	if (id_equal(DECL_NAME(f), "vm_file"))
		*have |= 1;
	else if (id_equal(DECL_NAME(f), "vma_flags"))
		*have |= 2;
	(void)pos;
}

static int detect_generation(tree record)
{
	unsigned int have = 0;

	for_each_named_member(record, 0, note_member_name, &have);
	if (have & 2)
		return 3;
	if (have & 1)
		return 2;
	return 1;
}

struct class_entry {
	const char *name;
	enum mp_field_class cls;
};

static const struct class_entry g1_classes[] = {
	{ "mm", MP_FIELD_IMMUTABLE },	{ "start", MP_FIELD_IMMUTABLE },
	{ "end", MP_FIELD_IMMUTABLE },	{ "pgoff", MP_FIELD_MUTABLE },
	{ "file", MP_FIELD_MUTABLE },	{ "vm_flags", MP_FIELD_MUTABLE },
	{ "page_prot", MP_FIELD_MUTABLE },
	{ "vm_ops", MP_FIELD_WRITE_ONLY },
	{ "private_data", MP_FIELD_WRITE_ONLY },
	{ NULL, MP_FIELD_UNKNOWN },
};

static const struct class_entry g2_classes[] = {
	{ "mm", MP_FIELD_IMMUTABLE },	{ "file", MP_FIELD_IMMUTABLE },
	{ "start", MP_FIELD_IMMUTABLE }, { "end", MP_FIELD_IMMUTABLE },
	{ "pgoff", MP_FIELD_MUTABLE },	{ "vm_file", MP_FIELD_MUTABLE },
	{ "vm_flags", MP_FIELD_MUTABLE }, { "page_prot", MP_FIELD_MUTABLE },
	{ "vm_ops", MP_FIELD_WRITE_ONLY },
	{ "private_data", MP_FIELD_WRITE_ONLY },
	{ "action", MP_FIELD_HELPER_OWNED },
	{ NULL, MP_FIELD_UNKNOWN },
};

static const struct class_entry g3_classes[] = {
	{ "mm", MP_FIELD_IMMUTABLE },	{ "file", MP_FIELD_IMMUTABLE },
	{ "start", MP_FIELD_IMMUTABLE }, { "end", MP_FIELD_IMMUTABLE },
	{ "pgoff", MP_FIELD_MUTABLE },	{ "vm_file", MP_FIELD_MUTABLE },
	{ "vma_flags", MP_FIELD_MUTABLE }, { "vm_flags", MP_FIELD_MUTABLE },
	{ "page_prot", MP_FIELD_MUTABLE },
	{ "vm_ops", MP_FIELD_WRITE_ONLY },
	{ "private_data", MP_FIELD_WRITE_ONLY },
	{ "action", MP_FIELD_HELPER_OWNED },
	{ NULL, MP_FIELD_UNKNOWN },
};

static enum mp_field_class classify(int generation, const char *name)
{
	const struct class_entry *e = generation == 1 ? g1_classes :
				      generation == 2 ? g2_classes : g3_classes;

	for (; e->name; e++) {
		if (!strcmp(e->name, name))
			return e->cls;
	}
	return MP_FIELD_UNKNOWN;
}

static void add_field(tree f, HOST_WIDE_INT pos, void *data)
{
	struct mp_policy *pol = (struct mp_policy *)data;
	struct mp_field *mf;

	/* A field mask has one bit per member; never drop one silently. */
	if (pol->n_fields >= MP_MAX_FIELDS) {
		if (pol->n_fields++ == MP_MAX_FIELDS)
			error_at(DECL_SOURCE_LOCATION(f),
				 "%s: %qs has more than %u members; the plugin cannot check it",
				 mp_plugin_name, "struct vm_area_desc", MP_MAX_FIELDS);
		return;
	}
	mf = &pol->fields[pol->n_fields++];
	mf->name = field_name(f);
	mf->bitpos = pos;
	mf->bitsize = tree_fits_shwi_p(DECL_SIZE(f)) ? tree_to_shwi(DECL_SIZE(f)) : 0;
	mf->cls = classify(pol->generation, mf->name);
	mf->loc = DECL_SOURCE_LOCATION(f);
	mf->type_uid = TYPE_UID(TYPE_MAIN_VARIANT(TREE_TYPE(f)));
}

static void build_permitted_list(struct mp_policy *pol)
{
	unsigned int i;

	pol->permitted = xstrdup("");
	for (i = 0; i < pol->n_fields; i++) {
		const struct mp_field *f = &pol->fields[i];
		char *next;

		if (f->cls != MP_FIELD_MUTABLE && f->cls != MP_FIELD_WRITE_ONLY)
			continue;
		next = xasprintf("%s%s%s", pol->permitted,
				 *pol->permitted ? ", " : "", f->name);
		free(pol->permitted);
		pol->permitted = next;
	}
}

/* Finds member PATH ("remap.size") under RECORD; sets its bit range. */
static bool find_member_path(tree record, const char *path,
			     HOST_WIDE_INT *pos, HOST_WIDE_INT *size)
{
	size_t len = strcspn(path, ".");
	tree f;

	for (f = TYPE_FIELDS(record); f; f = DECL_CHAIN(f)) {
		HOST_WIDE_INT here;

		if (TREE_CODE(f) != FIELD_DECL || !mp_field_bit_position(f, &here))
			continue;
		if (!DECL_NAME(f) && RECORD_OR_UNION_TYPE_P(TREE_TYPE(f))) {
			HOST_WIDE_INT inner;

			if (find_member_path(TREE_TYPE(f), path, &inner, size)) {
				*pos = here + inner;
				return true;
			}
			continue;
		}
		if (!DECL_NAME(f) ||
		    strlen(IDENTIFIER_POINTER(DECL_NAME(f))) != len ||
		    strncmp(IDENTIFIER_POINTER(DECL_NAME(f)), path, len))
			continue;
		if (!path[len]) {
			*pos = here;
			*size = tree_fits_shwi_p(DECL_SIZE(f)) ?
				tree_to_shwi(DECL_SIZE(f)) : 0;
			return true;
		}
		if (!RECORD_OR_UNION_TYPE_P(TREE_TYPE(f)))
			return false;
		if (find_member_path(TREE_TYPE(f), path + len + 1, pos, size)) {
			*pos += here;
			return true;
		}
		return false;
	}
	return false;
}

static tree find_action_member(tree record, HOST_WIDE_INT *pos)
{
	tree f;

	for (f = TYPE_FIELDS(record); f; f = DECL_CHAIN(f)) {
		if (TREE_CODE(f) == FIELD_DECL && DECL_NAME(f) &&
		    id_equal(DECL_NAME(f), "action") &&
		    mp_field_bit_position(f, pos))
			return f;
	}
	return NULL_TREE;
}

static void resolve_action_ok(struct mp_policy *pol, tree record)
{
	HOST_WIDE_INT action_pos;
	tree action = find_action_member(record, &action_pos);
	unsigned int i;

	if (!action || !RECORD_OR_UNION_TYPE_P(TREE_TYPE(action)))
		return;
	pol->action_ok = XNEWVEC(struct mp_range, mp_opts.n_action_ok + 1);
	for (i = 0; i < mp_opts.n_action_ok; i++) {
		HOST_WIDE_INT pos, size;

		if (!find_member_path(TREE_TYPE(action), mp_opts.action_ok[i],
				      &pos, &size)) {
			error("%<-fplugin-arg-%s-action-ok%>: %qs is not a member of %<struct mmap_action%>",
			      mp_plugin_name, mp_opts.action_ok[i]);
			continue;
		}
		pol->action_ok[pol->n_action_ok].lo = action_pos + pos;
		pol->action_ok[pol->n_action_ok].size = size;
		pol->n_action_ok++;
	}
}

static void build_policy(struct mp_policy *pol, tree record)
{
	memset(pol, 0, sizeof(*pol));
	pol->generation = detect_generation(record);
	pol->size = mp_type_bits(record);
	for_each_named_member(record, 0, add_field, pol);
	if (pol->n_fields > MP_MAX_FIELDS)
		pol->n_fields = MP_MAX_FIELDS;	/* reported as an error */
	build_permitted_list(pol);
	resolve_action_ok(pol, record);
}

/*
 * struct vm_operations_struct's mapped member (7.x) runs once a new
 * mapping exists: where per-mapping state goes instead of mmap_prepare.
 */
static void note_vm_operations(tree type)
{
	tree name = mp_type_tag(type), f;

	if (!name || !id_equal(name, "vm_operations_struct"))
		return;
	unit_mapped_hook = 0;
	for (f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f)) {
		if (TREE_CODE(f) == FIELD_DECL && DECL_NAME(f) &&
		    id_equal(DECL_NAME(f), "mapped"))
			unit_mapped_hook = 1;
	}
}

int mp_unit_has_mapped_hook(void)
{
	return unit_mapped_hook;
}

int mp_policy_field_index(const struct mp_policy *pol, const char *name)
{
	unsigned int i;

	for (i = 0; i < pol->n_fields; i++) {
		if (!strcmp(pol->fields[i].name, name))
			return i;
	}
	return -1;
}

void mp_policy_finish_type(tree type)
{
	if (TREE_CODE(type) == RECORD_TYPE && COMPLETE_TYPE_P(type) &&
	    unit_mapped_hook < 1)
		note_vm_operations(type);
	if (unit_policy_ready || !is_desc_record(type) || !COMPLETE_TYPE_P(type))
		return;
	build_policy(&unit_policy, TYPE_MAIN_VARIANT(type));
	unit_policy_ready = true;
}

const struct mp_policy *mp_unit_policy(void)
{
	return unit_policy_ready ? &unit_policy : NULL;
}

mp_field_mask mp_policy_fields_in(const struct mp_policy *pol,
				  HOST_WIDE_INT lo, HOST_WIDE_INT size)
{
	HOST_WIDE_INT hi = size < 0 ? pol->size : lo + size;
	mp_field_mask mask = 0;
	unsigned int i;

	for (i = 0; i < pol->n_fields; i++) {
		const struct mp_field *f = &pol->fields[i];

		if (f->bitpos < hi && lo < f->bitpos + f->bitsize)
			mask |= 1ULL << i;
	}
	return mask;
}

bool mp_policy_action_ok_range(const struct mp_policy *pol,
			       HOST_WIDE_INT lo, HOST_WIDE_INT size)
{
	unsigned int i;

	if (size < 0)
		return false;
	for (i = 0; i < pol->n_action_ok; i++) {
		const struct mp_range *r = &pol->action_ok[i];

		if (lo >= r->lo && lo + size <= r->lo + r->size)
			return true;
	}
	return false;
}

bool mp_policy_action_ok_path(const char *subpath)
{
	unsigned int i;

	for (i = 0; i < mp_opts.n_action_ok; i++) {
		size_t len = strlen(mp_opts.action_ok[i]);

		if (!strncmp(subpath, mp_opts.action_ok[i], len) &&
		    (subpath[len] == '\0' || subpath[len] == '.'))
			return true;
	}
	return false;
}
