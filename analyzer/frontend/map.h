/*
 * map.h — two small open-addressing hash maps used by the front end: one
 * keyed by 64-bit integers (libclang handles: declarations, types, files),
 * one keyed by strings (names). Values are 64-bit. Keys are never removed;
 * a map is emptied only by map_dispose. String keys are not copied: they
 * must outlive the map (the TU's arena holds them).
 */
#ifndef REFCHECK_FE_MAP_H
#define REFCHECK_FE_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct u64map {
	struct u64map_ent *ents;
	size_t n, cap;          /* cap is 0 or a power of two */
};

struct strmap {
	struct strmap_ent *ents;
	size_t n, cap;
};

#define MAP_INIT { NULL, 0, 0 }

bool u64map_get(const struct u64map *m, uint64_t key, uint64_t *val);
void u64map_put(struct u64map *m, uint64_t key, uint64_t val);
void u64map_dispose(struct u64map *m);

bool strmap_get(const struct strmap *m, const char *key, uint64_t *val);
void strmap_put(struct strmap *m, const char *key, uint64_t val);
void strmap_dispose(struct strmap *m);

#endif
