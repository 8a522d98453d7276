/* A small hash table of key/value entries, tracked, with a complete
 * dealloc, traverse and clear written the way the built-in dict is. */
#include <rc/rc.h>

typedef struct hentry {
    size_t hash;
    rc_object *key;
    rc_object *value;
} hentry;

typedef struct htab {
    RC_OBJECT_HEAD;
    size_t cap;
    hentry *slots;
} htab;

static int htab_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    htab *h = (htab *)self;
    for (size_t i = 0; i < h->cap; i++) {
        hentry *e = &h->slots[i];
        if (e->key != NULL) {
            RC_VISIT(e->key);
            RC_VISIT(e->value);
        }
    }
    return 0;
}

static void htab_clear(rc_object *self)
{
    htab *h = (htab *)self;
    hentry *slots = h->slots;
    size_t cap = h->cap;
    h->slots = NULL;
    h->cap = 0;
    for (size_t i = 0; i < cap; i++) {
        if (slots[i].key != NULL) {
            rc_decref(slots[i].key);
            rc_decref(slots[i].value);
        }
    }
    rc_mem_free(slots);
}

static const rc_type htab_type = { "htab", sizeof(htab), htab_clear, NULL, htab_traverse, htab_clear, 0 };

int main(void)
{
    htab *h = RC_NEW(htab, &htab_type);
    if (h == NULL)
        return 1;
    h->slots = rc_mem_alloc(4 * sizeof(hentry));
    if (h->slots == NULL) {
        rc_decref(h);
        return 1;
    }
    h->cap = 4;
    for (size_t i = 0; i < 4; i++)
        h->slots[i].key = h->slots[i].value = NULL;
    h->slots[1].key = rc_str_new("self");
    h->slots[1].value = rc_newref(h);
    rc_decref(h);
    return 0;
}
