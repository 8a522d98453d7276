/*
 * A loop that builds a list and never releases the items it appended.
 *
 * rc_list_append does not steal, so each item keeps the reference squares()
 * got from rc_int_new. On the second and later iterations that reference is
 * lost when `item` is overwritten (the assignment line); the last item's is
 * lost at `return list`. Both are leak locations (DESIGN §7: the overwriting
 * assignment, and the exit). main() builds three squares and releases the
 * list: the three ints stay alive.
 */
#include <rc/rc.h>

static rc_object *squares(long n)
{
    rc_object *list = rc_list_new(0);
    rc_object *item;
    long i;

    if (list == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        item = rc_int_new(i * i); // expect: refcount-leak
        if (item == NULL) {
            rc_decref(list);
            return NULL;
        }
        if (rc_list_append(list, item) < 0) {
            rc_decref(item);
            rc_decref(list);
            return NULL;
        }
    }
    return list; // expect: refcount-leak
}

int main(void)
{
    rc_object *sq = squares(3);

    if (sq != NULL)
        rc_decref(sq);
    return 0;
}
