/*
 * map.h — the front end's maps: u64map, keyed by 64-bit integers
 * (libclang handles: declarations, types, files), and namemap_get/put,
 * integer values over util/strmap.h (keyed by names). Values are 64-bit.
 * Keys are never removed; a map is emptied only by its dispose. String keys
 * are not copied: they must outlive the map (the TU's arena holds them).
 */
#ifndef REFCHECK_FE_MAP_H
#define REFCHECK_FE_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/strmap.h"

struct u64map {
	struct u64map_ent *ents;
	size_t n, cap;          /* cap is 0 or a power of two */
};

#define MAP_INIT { NULL, 0, 0 }

bool u64map_get(const struct u64map *m, uint64_t key, uint64_t *val);
void u64map_put(struct u64map *m, uint64_t key, uint64_t val);
void u64map_dispose(struct u64map *m);

/* strmap values are pointers, NULL meaning absent: store value + 1. */
static inline bool namemap_get(const struct strmap *m, const char *key, uint64_t *val)
{
	void *p = strmap_get(m, key);
	if (!p)
		return false;
	if (val)
		*val = (uint64_t)(uintptr_t)p - 1;
	return true;
}

static inline void namemap_put(struct strmap *m, const char *key, uint64_t val)
{
	strmap_put(m, key, (void *)(uintptr_t)(val + 1));
}

#endif
