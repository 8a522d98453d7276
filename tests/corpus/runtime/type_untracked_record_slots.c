/* The references sit in a table of plain structs the object owns: the
 * finding stands at the struct's field that can close the cycle. */
#include <rc/rc.h>

typedef struct slot {
    long tag;
    rc_object *item; // expect: cycle-untracked-type
} slot;

typedef struct table {
    RC_OBJECT_HEAD;
    size_t n;
    slot *slots;
} table;

static void table_dealloc(rc_object *self)
{
    table *t = (table *)self;
    for (size_t i = 0; i < t->n; i++)
        rc_xdecref(t->slots[i].item);
    rc_mem_free(t->slots);
}

const rc_type table_type = { "table", sizeof(table), table_dealloc, NULL, NULL, NULL, 0 };
