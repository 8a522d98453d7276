/* dealloc releases the name but forgets the value: every value stored in
 * a record leaks with it (the leak report shows the int alive at exit). */
#include <rc/rc.h>

typedef struct num {
    RC_OBJECT_HEAD;
    long n;
} num;

typedef struct record {
    RC_OBJECT_HEAD;
    num *name;
    num *value; // expect: refcount-dealloc-incomplete
} record;

static void record_dealloc(rc_object *self)
{
    record *r = (record *)self;
    RC_CLEAR(r->name);
}

static const rc_type num_type = { "num", sizeof(num), NULL, NULL, NULL, NULL, 0 };
static const rc_type record_type = { "record", sizeof(record), record_dealloc, NULL, NULL, NULL, 0 };

int main(void)
{
    record *r = RC_NEW(record, &record_type);
    if (r == NULL)
        return 1;
    r->name = RC_NEW(num, &num_type);
    r->value = RC_NEW(num, &num_type);
    rc_decref(r);
    return 0;
}
