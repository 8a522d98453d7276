/*
 * An out-parameter used although the call's failure status was ignored.
 *
 * make_counter() (RC_OUT_NEW(1)) sets *out to NULL when it fails.
 * bump_new() discards its status and dereferences the out value: the
 * finding stands at that first use.
 */
#include <rc/rc.h>

typedef struct counter {
    RC_OBJECT_HEAD;
    long hits;
} counter;

static const rc_type counter_type = { "counter", sizeof(counter), NULL, NULL, NULL, NULL, 0 };

RC_OUT_NEW(1) RC_MAY_FAIL int make_counter(counter **out);

int make_counter(counter **out)
{
    *out = RC_NEW(counter, &counter_type);
    return *out != NULL ? 0 : -1;
}

long bump_new(void)
{
    counter *c;
    long h;

    (void)make_counter(&c);
    h = ++c->hits; // expect: refcount-unchecked-null
    rc_decref(c);
    return h;
}
