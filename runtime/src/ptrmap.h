/*
 * ptrmap.h - a hash map from non-zero addresses to one word, used by the
 * tracer (block -> size, traceback) and by weak references (target -> list).
 *
 * Open addressing with linear probing and backward-shift deletion (no
 * tombstones), capacity a power of two, load at most 1/2. Memory comes from
 * libc directly: the maps are the runtime's own bookkeeping and must not be
 * traced or subject to fault injection.
 */
#ifndef RC_PTRMAP_H
#define RC_PTRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct rc_ptrmap_entry {
    uintptr_t key; /* 0: empty */
    uint64_t value;
} rc_ptrmap_entry;

typedef struct rc_ptrmap {
    rc_ptrmap_entry *slots;
    size_t cap;
    size_t used;
} rc_ptrmap;

/* Home slot of a key (a multiplicative hash of the address). */
static inline size_t rc_ptrmap__slot(const rc_ptrmap *m, uintptr_t key)
{
    uint64_t h = (uint64_t)(key >> 4) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 20) & (m->cap - 1);
}

/* The entry of key, or NULL. */
static inline rc_ptrmap_entry *rc_ptrmap__get(rc_ptrmap *m, uintptr_t key)
{
    if (m->cap == 0)
        return NULL;
    for (size_t i = rc_ptrmap__slot(m, key);; i = (i + 1) & (m->cap - 1)) {
        rc_ptrmap_entry *e = &m->slots[i];
        if (e->key == key)
            return e;
        if (e->key == 0)
            return NULL;
    }
}

/* The entry of key, inserted with value 0 if absent; NULL if out of memory. */
rc_ptrmap_entry *rc_ptrmap__put(rc_ptrmap *m, uintptr_t key);
/* Remove key; returns 1 if it was there. */
int rc_ptrmap__del(rc_ptrmap *m, uintptr_t key);
/* Free the table; the map becomes empty. */
void rc_ptrmap__dispose(rc_ptrmap *m);
/* Bytes used by the table. */
static inline size_t rc_ptrmap__memory(const rc_ptrmap *m) { return m->cap * sizeof(rc_ptrmap_entry); }

#endif /* RC_PTRMAP_H */
