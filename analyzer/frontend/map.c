/*
 * map.c — u64map: linear probing with a load factor of at most 1/2. Key 0
 * is stored like any other (a separate flag marks used slots).
 */
#include "map.h"

#include "../util/xalloc.h"

#include <string.h>

struct u64map_ent {
	uint64_t key, val;
	bool used;
};

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

bool u64map_get(const struct u64map *m, uint64_t key, uint64_t *val)
{
	if (!m->cap)
		return false;
	for (size_t i = mix64(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		const struct u64map_ent *e = &m->ents[i];
		if (!e->used)
			return false;
		if (e->key == key) {
			if (val)
				*val = e->val;
			return true;
		}
	}
}

static void u64map_insert(struct u64map_ent *ents, size_t cap, uint64_t key, uint64_t val)
{
	size_t i = mix64(key) & (cap - 1);
	while (ents[i].used && ents[i].key != key)
		i = (i + 1) & (cap - 1);
	ents[i].used = true;
	ents[i].key = key;
	ents[i].val = val;
}

void u64map_put(struct u64map *m, uint64_t key, uint64_t val)
{
	if ((m->n + 1) * 2 > m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		struct u64map_ent *ents = xcalloc(cap, sizeof(*ents));
		for (size_t i = 0; i < m->cap; i++)
			if (m->ents[i].used)
				u64map_insert(ents, cap, m->ents[i].key, m->ents[i].val);
		free(m->ents);
		m->ents = ents;
		m->cap = cap;
	}
	if (!u64map_get(m, key, NULL))
		m->n++;
	u64map_insert(m->ents, m->cap, key, val);
}

void u64map_dispose(struct u64map *m)
{
	free(m->ents);
	m->ents = NULL;
	m->n = m->cap = 0;
}
