/*
 * A reference taken with rc_incref and not dropped on an early exit.
 *
 * weight() increfs its (borrowed) argument to keep it alive while it works
 * and decrefs it at the end, but the early `return 0` for negative values
 * skips the decref: the reference it took is lost there. main() passes a
 * negative int; after main releases its own reference the int is still
 * alive.
 */
#include <rc/rc.h>

static long weight(rc_object *item)
{
    long w;

    rc_incref(item);
    w = rc_int_value(item);
    if (w < 0)
        return 0; // expect: refcount-leak
    rc_decref(item);
    return w;
}

int main(void)
{
    rc_object *v = rc_int_new(-5);

    if (v == NULL)
        return 0;
    (void)weight(v);
    rc_decref(v);
    return 0;
}
