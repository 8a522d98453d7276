/*
 * A weak-reference callback that releases the borrowed reference the
 * runtime passes it.
 *
 * rc/weakref.h fixes the callback's contract: `ref` is borrowed for the
 * call. on_dead() releases it as if the weak reference were handed over,
 * dropping the reference main() still owns: the over-release stands at
 * that rc_decref. When main() releases its weak reference afterwards the
 * object is already freed and the debug runtime aborts.
 */
#include <rc/rc.h>

static int dead_count;

static void on_dead(rc_object *ref, void *arg)
{
    (void)arg;
    dead_count++;
    rc_decref(ref); // expect: refcount-over-release
}

int main(void)
{
    rc_object *target = rc_list_new(0);
    rc_object *ref;

    if (target == NULL)
        return 0;
    ref = rc_weakref_new(target, on_dead, NULL);
    rc_decref(target);
    rc_xdecref(ref);
    return 0;
}
