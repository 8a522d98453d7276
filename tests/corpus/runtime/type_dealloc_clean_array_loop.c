/* A growable array of references, released in a loop through a local
 * copy of the buffer pointer, as the built-in list does. */
#include <rc/rc.h>

typedef struct seq {
    RC_OBJECT_HEAD;
    size_t n, cap;
    rc_object **items;
} seq;

static int seq_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    seq *s = (seq *)self;
    for (size_t i = 0; i < s->n; i++)
        RC_VISIT(s->items[i]);
    return 0;
}

static void seq_clear(rc_object *self)
{
    seq *s = (seq *)self;
    rc_object **items = s->items;
    size_t n = s->n;
    s->items = NULL;
    s->n = s->cap = 0;
    for (size_t i = 0; i < n; i++)
        rc_decref(items[i]);
    rc_mem_free(items);
}

static const rc_type seq_type = { "seq", sizeof(seq), seq_clear, NULL, seq_traverse, seq_clear, 0 };

static int seq_push(seq *s, rc_object *item)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 4;
        rc_object **items = rc_mem_realloc(s->items, cap * sizeof(*items));
        if (items == NULL)
            return -1;
        s->items = items;
        s->cap = cap;
    }
    s->items[s->n++] = rc_newref(item);
    return 0;
}

int main(void)
{
    seq *s = RC_NEW(seq, &seq_type);
    if (s == NULL)
        return 1;
    for (long i = 0; i < 10; i++) {
        rc_object *v = rc_int_new(i);
        if (v == NULL)
            break;
        seq_push(s, v);
        rc_decref(v);
    }
    rc_decref(s);
    return 0;
}
