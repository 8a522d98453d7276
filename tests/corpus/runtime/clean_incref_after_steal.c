/*
 * Clean: an incref after a steal, to keep a reference of one's own.
 *
 * tuple_with() lets rc_tuple_set take v into a fresh tuple and then
 * increfs v: at that point v is borrowed from the tuple, which is alive,
 * and the slot was empty, so the store released nothing and no code ran.
 * The incref gives the caller a reference, returned through *kept, and
 * the tuple is returned. main() releases both.
 */
#include <rc/rc.h>

static rc_object *tuple_with(const char *text, rc_object **kept)
{
    rc_object *t, *v;

    *kept = NULL;
    t = rc_tuple_new(1);
    if (t == NULL)
        return NULL;
    v = rc_str_new(text);
    if (v == NULL) {
        rc_decref(t);
        return NULL;
    }
    if (rc_tuple_set(t, 0, v) < 0) {
        rc_decref(t);
        return NULL;
    }
    rc_incref(v); // no-warning
    *kept = v;
    return t;
}

int main(void)
{
    rc_object *kept;
    rc_object *t = tuple_with("slot", &kept);

    if (t == NULL)
        return 0;
    rc_decref(t);
    rc_decref(kept);
    return 0;
}
