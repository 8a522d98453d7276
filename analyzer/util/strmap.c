/*
 * strmap.c — linear probing, load factor at most 1/2, FNV-1a hashes.
 */
#include "strmap.h"
#include "xalloc.h"

#include <string.h>

uint64_t strmap_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

static struct strmap_slot *find_slot(struct strmap_slot *slots, size_t cap,
                                     const char *key, uint64_t h)
{
	size_t i = (size_t)h & (cap - 1);
	for (;;) {
		struct strmap_slot *s = &slots[i];
		if (!s->key || (s->hash == h && strcmp(s->key, key) == 0))
			return s;
		i = (i + 1) & (cap - 1);
	}
}

void *strmap_get(const struct strmap *m, const char *key)
{
	if (!m->cap)
		return NULL;
	struct strmap_slot *s = find_slot(m->slots, m->cap, key, strmap_hash(key));
	return s->key ? s->value : NULL;
}

static void grow(struct strmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 16;
	struct strmap_slot *slots = xcalloc(cap, sizeof(*slots));
	for (size_t i = 0; i < m->cap; i++) {
		struct strmap_slot *o = &m->slots[i];
		if (o->key)
			*find_slot(slots, cap, o->key, o->hash) = *o;
	}
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
}

void *strmap_put(struct strmap *m, const char *key, void *value)
{
	if ((m->len + 1) * 2 > m->cap)
		grow(m);
	uint64_t h = strmap_hash(key);
	struct strmap_slot *s = find_slot(m->slots, m->cap, key, h);
	void *old = s->key ? s->value : NULL;
	if (!s->key) {
		s->key = key;
		s->hash = h;
		m->len++;
	}
	s->value = value;
	return old;
}

void strmap_dispose(struct strmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->cap = m->len = 0;
}

int strmap_next(const struct strmap *m, size_t *iter, const char **key, void **value)
{
	while (*iter < m->cap) {
		struct strmap_slot *s = &m->slots[(*iter)++];
		if (s->key) {
			if (key)
				*key = s->key;
			if (value)
				*value = s->value;
			return 1;
		}
	}
	return 0;
}
