/*
 * strmap.h — open-addressing hash map from NUL-terminated strings to
 * pointers. Keys are not copied: they must outlive the map (arena strings,
 * string literals). Used for name lookups (functions, packs, files).
 */
#ifndef REFCHECK_STRMAP_H
#define REFCHECK_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap_slot {
	const char *key;
	void *value;
	uint64_t hash;
};

struct strmap {
	struct strmap_slot *slots;
	size_t cap, len;        /* cap is 0 or a power of two */
};

#define STRMAP_INIT { NULL, 0, 0 }

uint64_t strmap_hash(const char *s);
void *strmap_get(const struct strmap *m, const char *key);
/* Insert or replace; returns the previous value or NULL. */
void *strmap_put(struct strmap *m, const char *key, void *value);
void strmap_dispose(struct strmap *m);

/* Iterate: for (size_t i = 0; strmap_next(m, &i, &k, &v); ) … */
int strmap_next(const struct strmap *m, size_t *iter, const char **key, void **value);

#endif
