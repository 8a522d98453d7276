/*
 * The strong reference from rc_weakref_get kept past the test.
 *
 * rc_weakref_get returns a new reference to the target (or NULL if it
 * died). target_is_empty() checks the list and returns without releasing
 * that reference: the leak stands at the last return. main() makes a list,
 * a weak reference to it, asks, and releases both: the list survives.
 */
#include <rc/rc.h>

static int target_is_empty(rc_object *ref)
{
    rc_object *o = rc_weakref_get(ref);

    if (o == NULL)
        return 0;
    return rc_list_size(o) == 0; // expect: refcount-leak
}

int main(void)
{
    rc_object *list = rc_list_new(0);
    rc_object *ref;

    if (list == NULL)
        return 0;
    ref = rc_weakref_new(list, NULL, NULL);
    if (ref != NULL) {
        (void)target_is_empty(ref);
        rc_decref(ref);
    }
    rc_decref(list);
    return 0;
}
