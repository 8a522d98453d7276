/*
 * Clean: a weak reference's target checked and its strong reference
 * released.
 *
 * target_size() returns -1 when the target died (rc_weakref_get returned
 * NULL) and releases the strong reference otherwise. main() asks while
 * the target lives and after it died.
 */
#include <rc/rc.h>

static long target_size(rc_object *ref)
{
    rc_object *o = rc_weakref_get(ref);
    long n;

    if (o == NULL)
        return -1;
    n = (long)rc_list_size(o);
    rc_decref(o);
    return n;
}

int main(void)
{
    rc_object *list = rc_list_new(0);
    rc_object *ref;

    if (list == NULL)
        return 0;
    ref = rc_weakref_new(list, NULL, NULL);
    if (ref == NULL) {
        rc_decref(list);
        return 0;
    }
    (void)target_size(ref);
    rc_decref(list);
    (void)target_size(ref);
    rc_decref(ref);
    return 0;
}
