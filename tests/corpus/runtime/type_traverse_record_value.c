/* A table of entries: traverse visits each key and forgets each value. */
#include <rc/rc.h>

typedef struct slotkv {
    rc_object *key;
    rc_object *value; // expect: cycle-traverse-incomplete
} slotkv;

typedef struct map2 {
    RC_OBJECT_HEAD;
    size_t cap;
    slotkv *slots;
} map2;

static int map2_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    map2 *m = (map2 *)self;
    for (size_t i = 0; i < m->cap; i++) {
        slotkv *e = &m->slots[i];
        RC_VISIT(e->key);
    }
    return 0;
}

static void map2_clear(rc_object *self)
{
    map2 *m = (map2 *)self;
    slotkv *slots = m->slots;
    size_t cap = m->cap;
    m->slots = NULL;
    m->cap = 0;
    for (size_t i = 0; i < cap; i++) {
        rc_xdecref(slots[i].key);
        rc_xdecref(slots[i].value);
    }
    rc_mem_free(slots);
}

const rc_type map2_type = { "map2", sizeof(map2), map2_clear, NULL, map2_traverse, map2_clear, 0 };
