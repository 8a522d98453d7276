/*
 * pack_types.c — parse and validate a pack's "type_tables" key into the
 * plain structs of pack_types.h (issue 6). Called by model_load_pack; the
 * cycle checks read the result, never the JSON.
 *
 * Schema (every key optional unless marked):
 *
 *   "type_tables": {
 *     "tables": [                              the structs that describe object types
 *       {
 *         "struct": "rc_type",                 (required) a global of this type is a type table
 *         "members": {                         role → member of that struct holding it
 *           "size": "size",                    sizeof(the object struct): names the instances' record
 *           "dealloc": "dealloc",              releases what an instance owns
 *           "finalize": "finalize",
 *           "traverse": "traverse",            visits what an instance owns; set = tracked
 *           "clear": "clear",                  drops what an instance owns
 *           "flags": "flags"
 *         },
 *         (and "base": "tp_base"               a base type: missing functions are inherited)
 *         "gc_flag": 16384,                    tracked only if the flags member has this bit
 *                                              (CPython's Py_TPFLAGS_HAVE_GC) as well as a traverse
 *         "slots": {                           functions given by a slot array instead (PyType_Spec):
 *           "member": "slots",                 (required) the table's member pointing at the array
 *           "id": "slot", "value": "pfunc",    (required) the element's members
 *           "ids": { "dealloc": 52, "traverse": 71, "clear": 51, "base": [48, 49] }
 *         },
 *         "finalize_releases": true,           finalize may release references too (CPython's
 *                                              tp_finalize; never rc_type's): dealloc's check
 *                                              counts what finalize releases
 *         "self_arg": 1,                       the object's position in dealloc/traverse/clear (1)
 *         "visit_arg": 2                       the visitor's position in traverse (2)
 *       }
 *     ],
 *     "allocators": [                          calls returning an instance of the table passed
 *       { "function": "rc_new_at", "type_arg": 1 }
 *     ],
 *     "unowned_fields": ["*weakreflist"],      field names that never own a reference
 *                                              ("*x": any name ending in x; "x*": starting)
 *     "resurrect_calls": ["PyObject_CallFinalizerFromDealloc"],
 *                                              in a dealloc, a non-zero result of these means
 *                                              the object was resurrected: that path is no death
 *     "derives": [                             calls that give a table a base type
 *       { "function": "PyType_FromSpecWithBases", "table_arg": 1, "base_arg": 2 }
 *     ]
 *   }
 *
 * CPython, for instance, is two tables and needs no code: PyTypeObject
 * (struct tag "_typeobject") with members tp_basicsize, tp_dealloc,
 * tp_traverse, tp_clear, tp_finalize, tp_flags and "gc_flag": 16384
 * (Py_TPFLAGS_HAVE_GC); and PyType_Spec with members basicsize and flags,
 * "gc_flag": 16384, and "slots": {"member": "slots", "id": "slot",
 * "value": "pfunc", "ids": {"dealloc": 52, "traverse": 71, "clear": 51,
 * "finalize": 80, "base": [48, 49]}}; allocators _PyObject_GC_New and
 * _PyObject_New (type argument 1); "unowned_fields": ["*weakreflist"];
 * "resurrect_calls": ["PyObject_CallFinalizerFromDealloc"]; derives
 * PyType_FromSpecWithBases (1, 2), PyType_FromModuleAndSpec (2, 3) and
 * PyType_FromMetaclass (3, 4).
 *
 * Roles are size, dealloc, finalize, traverse, clear, flags and base. A
 * table with a base (its base member or slot set, a store into that member
 * anywhere in the file, or a "derives" call with a base that is not NULL)
 * inherits what it leaves out: no dealloc is then no finding, and no
 * traverse leaves its tracking unknown. Positions
 * are 1-based. A table written positionally or with designators looks the
 * same in the IR (ir_init gives positional elements their member name), so
 * the pack never counts positions. Every problem is an error naming the
 * file, the entry and the key; unknown keys are errors too.
 */
#include "model/pack_types.h"
#include "model/model_internal.h"

#include "util/arena.h"
#include "util/xalloc.h"

#include <jansson.h>
#include <string.h>

struct tt_ctx {
	struct model *m;
	const char *path;
	char entry[160];            /* "tables[0] (rc_type)", "allocators[1]" … */
	struct err *e;
};

static const char *const role_names[MODEL_TT__COUNT] = {
	[MODEL_TT_SIZE] = "size", [MODEL_TT_DEALLOC] = "dealloc",
	[MODEL_TT_FINALIZE] = "finalize", [MODEL_TT_TRAVERSE] = "traverse",
	[MODEL_TT_CLEAR] = "clear", [MODEL_TT_FLAGS] = "flags", [MODEL_TT_BASE] = "base",
};

const char *model_tt_role_name(enum model_tt_role r)
{
	return (unsigned)r < MODEL_TT__COUNT ? role_names[r] : "?";
}

static int tt_bad(struct tt_ctx *c, const char *key, const char *what)
{
	if (c->entry[0])
		return err_set(c->e, ERR_INVALID, "%s: type_tables: %s: '%s' %s", c->path, c->entry,
		               key, what);
	return err_set(c->e, ERR_INVALID, "%s: type_tables: '%s' %s", c->path, key, what);
}

/* Reject keys outside `known` (NULL-terminated). */
static int tt_keys(struct tt_ctx *c, json_t *obj, const char *const *known)
{
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v) {
		if (!model__name_in(known, key))
			return tt_bad(c, key, "is not a known key");
	}
	return 0;
}

static int tt_role(const char *name)
{
	for (int r = 0; r < MODEL_TT__COUNT; r++)
		if (strcmp(role_names[r], name) == 0)
			return r;
	return -1;
}

static int tt_name(struct tt_ctx *c, json_t *v, const char *key, bool required, const char **out)
{
	if (!v) {
		if (required)
			return tt_bad(c, key, "is required");
		return 0;
	}
	if (!json_is_string(v) || !json_string_length(v))
		return tt_bad(c, key, "must be a non-empty name");
	*out = arena_strdup(c->m->arena, json_string_value(v));
	return 0;
}

static int tt_position(struct tt_ctx *c, json_t *v, const char *key, uint8_t dflt, uint8_t *out)
{
	*out = dflt;
	if (!v)
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > 32)
		return tt_bad(c, key, "must be an argument position from 1 to 32");
	*out = (uint8_t)json_integer_value(v);
	return 0;
}

static int parse_members(struct tt_ctx *c, json_t *v, struct model_type_table *t)
{
	if (!v)
		return 0;
	if (!json_is_object(v))
		return tt_bad(c, "members", "must map roles to member names");
	const char *key;
	json_t *x;
	json_object_foreach(v, key, x) {
		int r = tt_role(key);
		if (r < 0)
			return tt_bad(c, "members", "names an unknown role (size, dealloc, finalize, "
			              "traverse, clear, flags, base)");
		if (tt_name(c, x, "members", true, &t->members[r]) < 0)
			return ERR_INVALID;
	}
	return 0;
}

/* A role's slot id, or an array of up to MODEL_TT_MAX_IDS of them. */
static int parse_slot_id_list(struct tt_ctx *c, json_t *x, struct model_tt_slots *s, int r)
{
	size_t n = json_is_array(x) ? json_array_size(x) : 1;
	if (n == 0 || n > MODEL_TT_MAX_IDS)
		return tt_bad(c, "slots.ids", "must give one to four slot ids per role");
	for (size_t i = 0; i < n; i++) {
		json_t *id = json_is_array(x) ? json_array_get(x, i) : x;
		if (!json_is_integer(id) || json_integer_value(id) <= 0)
			return tt_bad(c, "slots.ids", "must give positive integer slot ids");
		s->ids[r][s->nids[r]++] = json_integer_value(id);
	}
	return 0;
}

static int parse_slot_ids(struct tt_ctx *c, json_t *v, struct model_tt_slots *s)
{
	if (!json_is_object(v))
		return tt_bad(c, "slots.ids", "must map roles to slot ids");
	const char *key;
	json_t *x;
	json_object_foreach(v, key, x) {
		int r = tt_role(key);
		if (r < 0)
			return tt_bad(c, "slots.ids", "names an unknown role");
		if (parse_slot_id_list(c, x, s, r) < 0)
			return ERR_INVALID;
	}
	return 0;
}

static int parse_slots(struct tt_ctx *c, json_t *v, struct model_type_table *t)
{
	static const char *const keys[] = { "member", "id", "value", "ids", NULL };
	if (!v)
		return 0;
	if (!json_is_object(v))
		return tt_bad(c, "slots", "must be an object");
	if (tt_keys(c, v, keys) < 0 ||
	    tt_name(c, json_object_get(v, "member"), "slots.member", true, &t->slots.member) < 0 ||
	    tt_name(c, json_object_get(v, "id"), "slots.id", true, &t->slots.id_field) < 0 ||
	    tt_name(c, json_object_get(v, "value"), "slots.value", true, &t->slots.value_field) < 0 ||
	    parse_slot_ids(c, json_object_get(v, "ids"), &t->slots) < 0)
		return ERR_INVALID;
	t->has_slots = true;
	return 0;
}

static int parse_table(struct tt_ctx *c, const char *pack, json_t *v)
{
	static const char *const keys[] = {
		"struct", "members", "gc_flag", "slots", "self_arg", "visit_arg", "finalize_releases",
		"doc", NULL
	};
	if (!json_is_object(v))
		return tt_bad(c, "tables", "must be an array of objects");
	struct model_type_table t = { 0 };
	t.pack = pack;
	json_t *gc = json_object_get(v, "gc_flag");
	if (tt_keys(c, v, keys) < 0 ||
	    tt_name(c, json_object_get(v, "struct"), "struct", true, &t.strct) < 0)
		return ERR_INVALID;
	snprintf(c->entry + strlen(c->entry), sizeof(c->entry) - strlen(c->entry), " (%s)", t.strct);
	if (parse_members(c, json_object_get(v, "members"), &t) < 0 ||
	    parse_slots(c, json_object_get(v, "slots"), &t) < 0 ||
	    tt_position(c, json_object_get(v, "self_arg"), "self_arg", 1, &t.self_arg) < 0 ||
	    tt_position(c, json_object_get(v, "visit_arg"), "visit_arg", 2, &t.visit_arg) < 0)
		return ERR_INVALID;
	json_t *fr = json_object_get(v, "finalize_releases");
	if (fr && !json_is_boolean(fr))
		return tt_bad(c, "finalize_releases", "must be true or false");
	t.finalize_releases = fr && json_is_true(fr);
	if (gc && (!json_is_integer(gc) || json_integer_value(gc) <= 0))
		return tt_bad(c, "gc_flag", "must be a positive integer (a flag bit)");
	t.gc_flag = gc ? (uint64_t)json_integer_value(gc) : 0;
	if (t.gc_flag && !t.members[MODEL_TT_FLAGS])
		return tt_bad(c, "gc_flag", "needs a \"flags\" member to read it from");
	if (!t.members[MODEL_TT_TRAVERSE] && !(t.has_slots && t.slots.nids[MODEL_TT_TRAVERSE]))
		return tt_bad(c, "members", "must say where the traverse function is (a member or a slot id)");
	if (model_type_table_for(c->m, t.strct))
		return tt_bad(c, "struct", "is already described by a loaded pack");
	VEC_PUSH(c->m->types.tables, c->m->types.ntables, c->m->types.cap_tables, t);
	return 0;
}

static int parse_allocator(struct tt_ctx *c, json_t *v)
{
	static const char *const keys[] = { "function", "type_arg", "doc", NULL };
	struct model_allocator a = { 0 };
	if (!json_is_object(v))
		return tt_bad(c, "allocators", "must be an array of {\"function\", \"type_arg\"} objects");
	if (tt_keys(c, v, keys) < 0 ||
	    tt_name(c, json_object_get(v, "function"), "function", true, &a.function) < 0)
		return ERR_INVALID;
	if (!json_object_get(v, "type_arg"))
		return tt_bad(c, "type_arg", "is required");
	if (tt_position(c, json_object_get(v, "type_arg"), "type_arg", 1, &a.type_arg) < 0)
		return ERR_INVALID;
	VEC_PUSH(c->m->types.allocators, c->m->types.nallocators, c->m->types.cap_allocators, a);
	return 0;
}

/* Apply fn to each element of the array at key, naming entries key[i]. */
static int each_element(struct tt_ctx *c, json_t *root, const char *key, const char *pack,
                        int (*fn)(struct tt_ctx *, const char *, json_t *))
{
	json_t *arr = json_object_get(root, key);
	if (!arr)
		return 0;
	if (!json_is_array(arr))
		return tt_bad(c, key, "must be an array");
	size_t i;
	json_t *x;
	json_array_foreach(arr, i, x) {
		snprintf(c->entry, sizeof(c->entry), "%s[%zu]", key, i);
		if (fn(c, pack, x) < 0)
			return ERR_INVALID;
	}
	c->entry[0] = '\0';
	return 0;
}

static int allocator_entry(struct tt_ctx *c, const char *pack, json_t *x)
{
	(void)pack;
	return parse_allocator(c, x);
}

static int unowned_entry(struct tt_ctx *c, const char *pack, json_t *x)
{
	(void)pack;
	const char *name = NULL;
	if (tt_name(c, x, "unowned_fields", true, &name) < 0)
		return ERR_INVALID;
	VEC_PUSH(c->m->types.unowned_fields, c->m->types.nunowned_fields,
	         c->m->types.cap_unowned_fields, name);
	return 0;
}

static int resurrect_entry(struct tt_ctx *c, const char *pack, json_t *x)
{
	(void)pack;
	const char *name = NULL;
	if (tt_name(c, x, "resurrect_calls", true, &name) < 0)
		return ERR_INVALID;
	VEC_PUSH(c->m->types.resurrect_calls, c->m->types.nresurrect_calls,
	         c->m->types.cap_resurrect_calls, name);
	return 0;
}

static int derive_entry(struct tt_ctx *c, const char *pack, json_t *v)
{
	static const char *const keys[] = { "function", "table_arg", "base_arg", "doc", NULL };
	struct model_derive d = { 0 };
	(void)pack;
	if (!json_is_object(v))
		return tt_bad(c, "derives", "must be an array of {\"function\", \"table_arg\", \"base_arg\"} objects");
	if (tt_keys(c, v, keys) < 0 ||
	    tt_name(c, json_object_get(v, "function"), "function", true, &d.function) < 0)
		return ERR_INVALID;
	if (!json_object_get(v, "table_arg") || !json_object_get(v, "base_arg"))
		return tt_bad(c, "derives", "needs \"table_arg\" and \"base_arg\"");
	if (tt_position(c, json_object_get(v, "table_arg"), "table_arg", 1, &d.table_arg) < 0 ||
	    tt_position(c, json_object_get(v, "base_arg"), "base_arg", 1, &d.base_arg) < 0)
		return ERR_INVALID;
	VEC_PUSH(c->m->types.derives, c->m->types.nderives, c->m->types.cap_derives, d);
	return 0;
}

int model__parse_type_tables(struct model *m, const char *path, const char *pack, void *json,
                             struct err *e)
{
	static const char *const keys[] = { "tables", "allocators", "unowned_fields",
	                                    "resurrect_calls", "derives", "doc", NULL };
	json_t *root = json;
	struct tt_ctx c = { m, path, "", e };
	if (!root)
		return 0;
	if (!json_is_object(root))
		return err_set(e, ERR_INVALID, "%s: 'type_tables' must be an object", path);
	if (tt_keys(&c, root, keys) < 0 ||
	    each_element(&c, root, "tables", pack, parse_table) < 0 ||
	    each_element(&c, root, "allocators", pack, allocator_entry) < 0 ||
	    each_element(&c, root, "unowned_fields", pack, unowned_entry) < 0 ||
	    each_element(&c, root, "resurrect_calls", pack, resurrect_entry) < 0 ||
	    each_element(&c, root, "derives", pack, derive_entry) < 0)
		return ERR_INVALID;
	return 0;
}

void model__types_dispose(struct model_type_info *t)
{
	free(t->tables);
	free(t->allocators);
	free(t->unowned_fields);
	free(t->resurrect_calls);
	free(t->derives);
	memset(t, 0, sizeof(*t));
}

/* ---- queries ---- */

const struct model_type_info *model_type_info(const struct model *m)
{
	return &m->types;
}

const struct model_type_table *model_type_table_for(const struct model *m, const char *strct)
{
	for (uint32_t i = 0; strct && i < m->types.ntables; i++)
		if (strcmp(m->types.tables[i].strct, strct) == 0)
			return &m->types.tables[i];
	return NULL;
}

const struct model_allocator *model_allocator_for(const struct model *m, const char *function)
{
	for (uint32_t i = 0; function && i < m->types.nallocators; i++)
		if (strcmp(m->types.allocators[i].function, function) == 0)
			return &m->types.allocators[i];
	return NULL;
}

/* "name", "*suffix" or "prefix*". */
static bool name_matches(const char *pattern, const char *name)
{
	size_t lp = strlen(pattern), ln = strlen(name);
	if (lp && pattern[0] == '*')
		return ln >= lp - 1 && strcmp(name + ln - (lp - 1), pattern + 1) == 0;
	if (lp && pattern[lp - 1] == '*')
		return strncmp(name, pattern, lp - 1) == 0;
	return strcmp(pattern, name) == 0;
}

bool model_field_unowned(const struct model *m, const char *field)
{
	for (uint32_t i = 0; field && i < m->types.nunowned_fields; i++)
		if (name_matches(m->types.unowned_fields[i], field))
			return true;
	return false;
}

bool model_is_resurrect_call(const struct model *m, const char *function)
{
	for (uint32_t i = 0; function && i < m->types.nresurrect_calls; i++)
		if (strcmp(m->types.resurrect_calls[i], function) == 0)
			return true;
	return false;
}

const struct model_derive *model_derive_for(const struct model *m, const char *function)
{
	for (uint32_t i = 0; function && i < m->types.nderives; i++)
		if (strcmp(m->types.derives[i].function, function) == 0)
			return &m->types.derives[i];
	return NULL;
}
