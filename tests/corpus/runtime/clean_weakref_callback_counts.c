/*
 * Clean: a weak-reference callback that only reads its borrowed argument.
 *
 * on_gone() is lent `ref` for the call (rc/weakref.h) and keeps no
 * reference to it; main() owns and releases the target and the weak
 * reference. Nothing leaks and nothing is released twice.
 */
#include <rc/rc.h>

static int gone;

static void on_gone(rc_object *ref, void *arg)
{
    int *counter = arg;

    if (rc_weakref_is_alive(ref) == 0)
        (*counter)++;
}

int main(void)
{
    rc_object *target = rc_list_new(0);
    rc_object *ref;

    if (target == NULL)
        return 0;
    ref = rc_weakref_new(target, on_gone, &gone);
    if (ref == NULL) {
        rc_decref(target);
        return 0;
    }
    rc_decref(target);
    rc_decref(ref);
    return gone == 1 ? 0 : 1;
}
