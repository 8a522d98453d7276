/*
 * pack.c — load and validate an API pack, rules/<pack>.json (DESIGN §4).
 *
 * A pack is a JSON object:
 *   {
 *     "pack": "runtime",                      name (required)
 *     "description": "…",
 *     "object_structs": ["rc_object"],        root object header structs
 *     "singletons": ["_Py_NoneStruct"],       globals whose address is a borrowed, immortal object
 *     "detect_includes": ["Python.h"],        a TU including one of these selects the pack
 *     "stable_fields": ["PyTupleObject.ob_item"], fields that never change once the object
 *                                             is built: what is read from them is a stable
 *                                             borrow (model_fn.stable)
 *     "shared_arrays": ["PyListObject.ob_item"], array fields any code may change
 *                                             (enum model_field_kind)
 *     "negative_failure": -1,                 every "fails": "negative" entry returns
 *                                             exactly -1 on failure (model_fn.fails_minus_one)
 *     "functions": { "name": { entry }, … },
 *     "type_tables": { … }                    read by the cycle checks (cycles/)
 *   }
 * An entry has any of: "returns" (new|borrowed|none|null|field|opaque), "fails"
 * (null|negative|zero|never), "steals" ([k, …] or [{"arg": k, "when":
 * "always"|"success"}]), "out" ([{"arg": k, "ref": "new"|"borrowed",
 * "when": …, "replaces": true, "null_with": j}]), "primitive" (incref|xincref|decref|xdecref|newref|xnewref),
 * "arg" (the primitive's object argument), "borrowed_from" (k),
 * "runs_code", "trusted", "noreturn", "returns_new_contract", "stable" (booleans),
 * "mutates", "nonnull" and "callbacks" ([k, …]: arguments that are functions
 * the callee calls later with references it lends them), "success" ([lo, hi]: the integer results
 * on success, for calls whose effects fork on the outcome), "format" ({"arg": k, "kind":
 * "build"|"parse"}), "doc" (text). Positions k are 1-based.
 *
 * "returns": "null" is a function that always returns NULL (an error
 * setter); "field" is an accessor returning a reference its `borrowed_from`
 * argument holds (Py_TYPE), treated as a load of that field. "fails":
 * "zero" is an integer result that is 0 on failure and non-zero on
 * success. An "out" that "replaces" is an in-out T **: the callee releases
 * what *p held and stores a new reference there, or NULL on failure
 * (_PyBytes_Resize). An "out" "null_with" j is NULL whenever out-parameter
 * j is (PyErr_Fetch's value and traceback, with its type). "stable": a borrowed result that no code run meanwhile can
 * free while its owner lives (model.h).
 *
 * Every problem is an error naming the file, the entry and the key; an
 * unknown key is an error too, so a typo cannot silently disable a model.
 */
#include "model/model.h"
#include "model/model_internal.h"

#include "util/arena.h"
#include "util/xalloc.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

struct pack_ctx {
	struct model *m;
	const char *path;
	const char *entry;
	struct err *e;
	bool fails_minus_one;       /* the pack's "negative_failure": -1 */
};

static int bad(struct pack_ctx *c, const char *key, const char *what)
{
	if (c->entry)
		return err_set(c->e, ERR_INVALID, "%s: function '%s': '%s' %s", c->path, c->entry, key, what);
	return err_set(c->e, ERR_INVALID, "%s: '%s' %s", c->path, key, what);
}

static int parse_enum(struct pack_ctx *c, json_t *v, const char *key,
                      const char *const *names, int n, int *out)
{
	if (!json_is_string(v))
		return bad(c, key, "must be a string");
	for (int i = 0; i < n; i++) {
		if (strcmp(json_string_value(v), names[i]) == 0) {
			*out = i;
			return 0;
		}
	}
	return bad(c, key, "has an unknown value");
}

static int parse_position(struct pack_ctx *c, json_t *v, const char *key, uint32_t *bit)
{
	if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > MODEL_MAX_ARGS)
		return bad(c, key, "must name an argument position from 1 to 32");
	*bit = 1u << (json_integer_value(v) - 1);
	return 0;
}

static int parse_positions(struct pack_ctx *c, json_t *v, const char *key, uint32_t *mask)
{
	if (!json_is_array(v))
		return bad(c, key, "must be an array of argument positions");
	size_t i;
	json_t *x;
	json_array_foreach(v, i, x) {
		uint32_t bit = 0;
		if (parse_position(c, x, key, &bit) < 0)
			return ERR_INVALID;
		*mask |= bit;
	}
	return 0;
}

/* An object inside an entry's `key` may hold only the keys of `allowed`
 * (NULL-terminated): a typo ("null_wiht") must not pass silently. */
static int only_keys(struct pack_ctx *c, json_t *obj, const char *key, const char *const *allowed)
{
	const char *k;
	json_t *v;
	json_object_foreach(obj, k, v) {
		if (!model__name_in(allowed, k)) {
			char what[96];
			snprintf(what, sizeof(what), "has an element with the unknown key '%s'", k);
			return bad(c, key, what);
		}
	}
	return 0;
}

static int parse_when(struct pack_ctx *c, json_t *obj, const char *key, bool *on_success)
{
	json_t *w = json_object_get(obj, "when");
	static const char *const whens[] = { "always", "success" };
	int k = 0;
	if (w && parse_enum(c, w, key, whens, 2, &k) < 0)
		return ERR_INVALID;
	*on_success = k == 1;
	return 0;
}

static int parse_steals(struct pack_ctx *c, json_t *v, struct model_fn *fn)
{
	if (!json_is_array(v))
		return bad(c, "steals", "must be an array");
	size_t i;
	json_t *x;
	json_array_foreach(v, i, x) {
		uint32_t bit = 0;
		bool on_success = false;
		if (json_is_object(x)) {
			static const char *const keys[] = { "arg", "when", NULL };
			if (only_keys(c, x, "steals", keys) < 0 ||
			    parse_position(c, json_object_get(x, "arg"), "steals", &bit) < 0 ||
			    parse_when(c, x, "steals", &on_success) < 0)
				return ERR_INVALID;
		} else if (parse_position(c, x, "steals", &bit) < 0) {
			return ERR_INVALID;
		}
		if (on_success)
			fn->steals_on_success |= bit;
		else
			fn->steals |= bit;
	}
	return 0;
}

static int parse_bool(struct pack_ctx *c, json_t *v, const char *key, bool *out);

static int parse_small_position(struct pack_ctx *c, json_t *v, const char *key, uint8_t *out)
{
	uint32_t bit = 0;
	if (parse_position(c, v, key, &bit) < 0)
		return ERR_INVALID;
	*out = (uint8_t)json_integer_value(v);
	return 0;
}

static int parse_out(struct pack_ctx *c, json_t *v, struct model_fn *fn)
{
	if (!json_is_array(v))
		return bad(c, "out", "must be an array of {\"arg\", \"ref\"} objects");
	size_t i;
	json_t *x;
	json_array_foreach(v, i, x) {
		uint32_t bit = 0;
		bool on_success;
		int ref = 0;
		static const char *const refs[] = { "new", "borrowed" };
		if (!json_is_object(x))
			return bad(c, "out", "must be an array of {\"arg\", \"ref\"} objects");
		static const char *const keys[] = { "arg", "ref", "when", "replaces", "null_with", NULL };
		if (only_keys(c, x, "out", keys) < 0 ||
		    parse_position(c, json_object_get(x, "arg"), "out", &bit) < 0 ||
		    parse_enum(c, json_object_get(x, "ref"), "out", refs, 2, &ref) < 0 ||
		    parse_when(c, x, "out", &on_success) < 0)
			return ERR_INVALID;
		json_t *rep = json_object_get(x, "replaces");
		bool replaces = false;
		if (rep && parse_bool(c, rep, "out", &replaces) < 0)
			return ERR_INVALID;
		if (replaces && ref != 0)
			return bad(c, "out", "\"replaces\" needs \"ref\": \"new\"");
		json_t *with = json_object_get(x, "null_with");
		if (with) {
			uint8_t anchor = 0;
			if (parse_small_position(c, with, "out", &anchor) < 0)
				return ERR_INVALID;
			if (fn->null_anchor && fn->null_anchor != anchor)
				return bad(c, "out", "every \"null_with\" must name the same argument");
			if ((1u << (anchor - 1)) == bit)
				return bad(c, "out", "\"null_with\" names its own argument");
			fn->null_anchor = anchor;
			fn->out_null_with |= bit;
		}
		if (ref == 0)
			fn->out_new |= bit;
		else
			fn->out_borrowed |= bit;
		if (replaces)
			fn->out_replaces |= bit;
	}
	if (fn->null_anchor && !((fn->out_new | fn->out_borrowed) & (1u << (fn->null_anchor - 1))))
		return bad(c, "out", "\"null_with\" must name another out-parameter");
	return 0;
}

static int parse_bool(struct pack_ctx *c, json_t *v, const char *key, bool *out)
{
	if (!json_is_boolean(v))
		return bad(c, key, "must be true or false");
	*out = json_is_true(v);
	return 0;
}

static int parse_format(struct pack_ctx *c, json_t *v, struct model_fn *fn)
{
	static const char *const kinds[] = { "build", "parse" };
	int kind = 0;
	if (!json_is_object(v))
		return bad(c, "format", "must be {\"arg\": k, \"kind\": \"build\"|\"parse\"}");
	if (parse_small_position(c, json_object_get(v, "arg"), "format", &fn->format_arg) < 0 ||
	    parse_enum(c, json_object_get(v, "kind"), "format", kinds, 2, &kind) < 0)
		return ERR_INVALID;
	fn->format = kind == 0 ? MODEL_FMT_BUILD : MODEL_FMT_PARSE;
	return 0;
}

static int parse_key(struct pack_ctx *c, const char *key, json_t *v, struct model_fn *fn)
{
	/* In enum order: the index is the enumerator. */
	static const char *const returns[] = { "unknown", "new", "borrowed", "none", "null", "field",
	                                       "opaque" };
	static const char *const fails[] = { "unknown", "never", "null", "negative", "zero" };
	int k = 0;
	if (strcmp(key, "returns") == 0) {
		if (parse_enum(c, v, key, returns, 7, &k) < 0)
			return ERR_INVALID;
		fn->returns = (enum model_returns)k;
	} else if (strcmp(key, "fails") == 0) {
		if (parse_enum(c, v, key, fails, 5, &k) < 0)
			return ERR_INVALID;
		fn->fails = (enum model_fails)k;
	} else if (strcmp(key, "steals") == 0) {
		return parse_steals(c, v, fn);
	} else if (strcmp(key, "out") == 0) {
		return parse_out(c, v, fn);
	} else if (strcmp(key, "primitive") == 0) {
		enum model_prim p;
		if (!json_is_string(v) || model__parse_prim_name(json_string_value(v), &p) < 0)
			return bad(c, key, "must be one of incref, xincref, decref, xdecref, newref, xnewref");
		fn->prim = p;
		fn->trusted = true;
		if (!fn->prim_arg)
			fn->prim_arg = 1;
	} else if (strcmp(key, "arg") == 0) {
		return parse_small_position(c, v, key, &fn->prim_arg);
	} else if (strcmp(key, "borrowed_from") == 0) {
		return parse_small_position(c, v, key, &fn->borrowed_from);
	} else if (strcmp(key, "runs_code") == 0) {
		return parse_bool(c, v, key, &fn->runs_code);
	} else if (strcmp(key, "trusted") == 0) {
		return parse_bool(c, v, key, &fn->trusted);
	} else if (strcmp(key, "noreturn") == 0) {
		return parse_bool(c, v, key, &fn->noreturn);
	} else if (strcmp(key, "returns_new_contract") == 0) {
		return parse_bool(c, v, key, &fn->returns_new_contract);
	} else if (strcmp(key, "stable") == 0) {
		return parse_bool(c, v, key, &fn->stable);
	} else if (strcmp(key, "mutates") == 0) {
		return parse_positions(c, v, key, &fn->mutates);
	} else if (strcmp(key, "nonnull") == 0) {
		return parse_positions(c, v, key, &fn->nonnull);
	} else if (strcmp(key, "callbacks") == 0) {
		return parse_positions(c, v, key, &fn->callbacks);
	} else if (strcmp(key, "format") == 0) {
		return parse_format(c, v, fn);
	} else if (strcmp(key, "success") == 0) {
		if (!json_is_array(v) || json_array_size(v) != 2 || !json_is_integer(json_array_get(v, 0)) ||
		    !json_is_integer(json_array_get(v, 1)) ||
		    json_integer_value(json_array_get(v, 0)) > json_integer_value(json_array_get(v, 1)))
			return bad(c, key, "must be [lo, hi], the integer results on success");
		fn->has_success_range = true;
		fn->success_lo = json_integer_value(json_array_get(v, 0));
		fn->success_hi = json_integer_value(json_array_get(v, 1));
	} else if (strcmp(key, "doc") == 0) {
		if (!json_is_string(v))
			return bad(c, key, "must be a string");
	} else {
		return bad(c, key, "is not a known key");
	}
	return 0;
}

static int parse_function(struct pack_ctx *c, const char *name, json_t *obj)
{
	c->entry = name;
	if (!json_is_object(obj))
		return err_set(c->e, ERR_INVALID, "%s: function '%s' must be an object", c->path, name);
	struct model_fn *fn = arena_alloc(c->m->arena, sizeof(*fn));
	fn->name = arena_strdup(c->m->arena, name);
	fn->source = MODEL_SRC_PACK;
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v) {
		if (parse_key(c, key, v, fn) < 0)
			return ERR_INVALID;
	}
	fn->fails_minus_one = c->fails_minus_one && fn->fails == MODEL_FAILS_NEGATIVE;
	if (fn->prim && fn->returns == MODEL_RET_UNKNOWN)
		fn->returns = (fn->prim == MODEL_PRIM_NEWREF || fn->prim == MODEL_PRIM_XNEWREF)
			? MODEL_RET_NEW : MODEL_RET_NONE;
	strmap_put(&c->m->fns, fn->name, fn);
	c->entry = NULL;
	return 0;
}

static int parse_names(struct pack_ctx *c, json_t *v, const char *key,
                       const char ***out, uint32_t *n)
{
	if (!v)
		return 0;
	if (!json_is_array(v))
		return bad(c, key, "must be an array of names");
	size_t i;
	json_t *x;
	*out = arena_alloc(c->m->arena, sizeof(char *) * (json_array_size(v) + 1));
	json_array_foreach(v, i, x) {
		if (!json_is_string(x))
			return bad(c, key, "must be an array of names");
		(*out)[(*n)++] = arena_strdup(c->m->arena, json_string_value(x));
	}
	return 0;
}

/* A top-level list of "struct.field" names, each marked with kind. */
static int parse_field_list(struct pack_ctx *c, json_t *root, const char *key,
                            enum model_field_kind kind)
{
	const char **names = NULL;
	uint32_t n = 0;
	if (parse_names(c, json_object_get(root, key), key, &names, &n) < 0)
		return ERR_INVALID;
	for (uint32_t i = 0; i < n; i++) {
		const char *dot = strchr(names[i], '.');
		if (!dot || dot == names[i] || !dot[1] || strchr(dot + 1, '.'))
			return bad(c, key, "must name fields as \"struct.field\"");
		uintptr_t old = (uintptr_t)strmap_get(&c->m->fields, names[i]);
		strmap_put(&c->m->fields, names[i], (void *)(old | kind));
	}
	return 0;
}

static int parse_pack(struct pack_ctx *c, json_t *root, struct model_pack *p)
{
	static const char *const top_keys[] = {
		"pack", "description", "object_structs", "singletons",
		"detect_includes", "functions", "type_tables", "version", "stable_fields",
		"shared_arrays", "negative_failure", NULL
	};
	if (!json_is_object(root))
		return err_set(c->e, ERR_INVALID, "%s: a pack must be a JSON object", c->path);
	const char *key;
	json_t *v;
	json_object_foreach(root, key, v) {
		if (!model__name_in(top_keys, key))
			return bad(c, key, "is not a known key");
	}
	json_t *name = json_object_get(root, "pack");
	if (!json_is_string(name))
		return bad(c, "pack", "must name the pack");
	p->info.name = arena_strdup(c->m->arena, json_string_value(name));
	const char **objs = NULL, **singles = NULL, **detect = NULL;
	if (parse_names(c, json_object_get(root, "object_structs"), "object_structs",
	                &objs, &p->info.nobject_structs) < 0 ||
	    parse_names(c, json_object_get(root, "singletons"), "singletons",
	                &singles, &p->info.nsingletons) < 0 ||
	    parse_names(c, json_object_get(root, "detect_includes"), "detect_includes",
	                &detect, &p->info.ndetect_includes) < 0)
		return ERR_INVALID;
	p->info.object_structs = objs;
	p->info.singletons = singles;
	p->info.detect_includes = detect;
	if (parse_field_list(c, root, "stable_fields", MODEL_FIELD_STABLE) < 0 ||
	    parse_field_list(c, root, "shared_arrays", MODEL_FIELD_SHARED_ARRAY) < 0)
		return ERR_INVALID;
	json_t *neg = json_object_get(root, "negative_failure");
	if (neg && (!json_is_integer(neg) || json_integer_value(neg) != -1))
		return bad(c, "negative_failure", "must be -1 (the one value every negative failure returns)");
	c->fails_minus_one = neg != NULL;
	json_t *fns = json_object_get(root, "functions");
	if (fns && !json_is_object(fns))
		return bad(c, "functions", "must be an object mapping names to entries");
	json_object_foreach(fns, key, v) {
		if (parse_function(c, key, v) < 0)
			return ERR_INVALID;
	}
	return 0;
}

void model__pack_dispose(struct model_pack *p)
{
	json_decref(p->json);
}

int model_load_pack(struct model *m, const char *path, struct err *e)
{
	json_error_t jerr;
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		if (jerr.line <= 0)
			return err_set(e, ERR_NOTFOUND, "%s: %s", path, jerr.text);
		return err_set(e, ERR_INVALID, "%s:%d:%d: %s", path, jerr.line, jerr.column, jerr.text);
	}
	struct model_pack p = {0};
	p.info.path = arena_strdup(m->arena, path);
	struct pack_ctx c = { m, path, NULL, e, false };
	if (parse_pack(&c, root, &p) < 0 ||
	    model__parse_type_tables(m, path, p.info.name, json_object_get(root, "type_tables"), e) < 0) {
		json_decref(root);
		return ERR_INVALID;
	}
	p.json = root;
	for (uint32_t i = 0; i < p.info.nobject_structs; i++)
		VEC_PUSH(m->object_structs, m->nobject_structs, m->cap_object_structs,
		         (const char *)p.info.object_structs[i]);
	for (uint32_t i = 0; i < p.info.nsingletons; i++)
		strmap_put(&m->singletons, p.info.singletons[i], (void *)1);
	VEC_PUSH(m->packs, m->npacks, m->cap_packs, p);
	return 0;
}

bool model_pack_detected(const struct model_pack_info *p, const char *const *includes, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		size_t len = strlen(includes[i]);
		for (uint32_t k = 0; k < p->ndetect_includes; k++) {
			const char *name = p->detect_includes[k];
			size_t nlen = strlen(name);
			if (nlen > len || strcmp(includes[i] + len - nlen, name) != 0)
				continue;
			if (nlen == len || includes[i][len - nlen - 1] == '/')
				return true;
		}
	}
	return false;
}
