/*
 * An incref "for the list", as if rc_list_append stole its argument.
 *
 * keep() takes a reference to its borrowed argument and appends it; the
 * list takes its own reference, so the one keep() took is lost at
 * `return 0` (on failure it is correctly dropped). main() keeps one int
 * and releases everything it owns: the int is still alive.
 */
#include <rc/rc.h>

static int keep(rc_object *list, rc_object *item)
{
    rc_incref(item);
    if (rc_list_append(list, item) < 0) {
        rc_decref(item);
        return -1;
    }
    return 0; // expect: refcount-leak
}

int main(void)
{
    rc_object *list = rc_list_new(1);
    rc_object *v = rc_int_new(9);

    if (list != NULL && v != NULL)
        (void)keep(list, v);
    rc_xdecref(v);
    rc_xdecref(list);
    return 0;
}
