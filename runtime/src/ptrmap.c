/*
 * ptrmap.c - insertion, growth and backward-shift deletion for ptrmap.h.
 *
 * Invariant: every key sits in the probe run that starts at its home slot
 * and contains no empty slot before it; deletion preserves it by moving
 * later entries of the run back into the hole.
 */
#include <stdlib.h>

#include "ptrmap.h"

static int grow(rc_ptrmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    rc_ptrmap_entry *slots = calloc(cap, sizeof(*slots));
    if (slots == NULL)
        return -1;
    rc_ptrmap old = *m;
    m->slots = slots;
    m->cap = cap;
    for (size_t i = 0; i < old.cap; i++) {
        if (old.slots[i].key == 0)
            continue;
        size_t j = rc_ptrmap__slot(m, old.slots[i].key);
        while (slots[j].key != 0)
            j = (j + 1) & (cap - 1);
        slots[j] = old.slots[i];
    }
    free(old.slots);
    return 0;
}

rc_ptrmap_entry *rc_ptrmap__put(rc_ptrmap *m, uintptr_t key)
{
    if ((m->used + 1) * 2 > m->cap && grow(m) < 0)
        return NULL;
    for (size_t i = rc_ptrmap__slot(m, key);; i = (i + 1) & (m->cap - 1)) {
        rc_ptrmap_entry *e = &m->slots[i];
        if (e->key == key)
            return e;
        if (e->key == 0) {
            e->key = key;
            e->value = 0;
            m->used++;
            return e;
        }
    }
}

int rc_ptrmap__del(rc_ptrmap *m, uintptr_t key)
{
    rc_ptrmap_entry *e = rc_ptrmap__get(m, key);
    if (e == NULL)
        return 0;
    size_t mask = m->cap - 1;
    size_t hole = (size_t)(e - m->slots);
    for (size_t i = (hole + 1) & mask; m->slots[i].key != 0; i = (i + 1) & mask) {
        size_t home = rc_ptrmap__slot(m, m->slots[i].key);
        /* Move i into the hole unless its home lies cyclically in (hole, i]. */
        int stays = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
        if (!stays) {
            m->slots[hole] = m->slots[i];
            hole = i;
        }
    }
    m->slots[hole].key = 0;
    m->used--;
    return 1;
}

void rc_ptrmap__dispose(rc_ptrmap *m)
{
    free(m->slots);
    m->slots = NULL;
    m->cap = m->used = 0;
}
