/*
 * model_internal.h — what model.c, pack.c and annotation.c share. Not for
 * the rest of the analyzer, which goes through model.h.
 */
#ifndef REFCHECK_MODEL_INTERNAL_H
#define REFCHECK_MODEL_INTERNAL_H

#include "model/model.h"
#include "model/pack_types.h"
#include "util/strmap.h"

struct arena;

struct model_pack {
	struct model_pack_info info;
	void *json;                 /* the parsed document (json_t *), kept for type tables */
};

struct model {
	struct arena *arena;
	struct model_pack *packs;
	uint32_t npacks, cap_packs;
	struct strmap fns;          /* name → struct model_fn * */
	struct strmap singletons;   /* name → (void *)1 */
	struct strmap fields;       /* "record.field" → (void *)(uintptr_t) enum model_field_kind bits */
	const char **object_structs;
	uint32_t nobject_structs, cap_object_structs;
	struct model_type_info types;   /* every pack's "type_tables" (pack_types.c) */
};

void model__pack_dispose(struct model_pack *p);

/* pack_types.c: parse a pack's "type_tables" value (a json_t *, or NULL)
 * into m->types; errors name the file, the entry and the key. */
int model__parse_type_tables(struct model *m, const char *path, const char *pack, void *json,
                             struct err *e);
void model__types_dispose(struct model_type_info *t);

/* Parse "name" or "name(k)" from an annotation body; k is 1-based. */
/* Is name one of list (NULL-terminated)? For the packs' key checks. */
bool model__name_in(const char *const *list, const char *name);
int model__parse_prim_name(const char *s, enum model_prim *out);

#endif
