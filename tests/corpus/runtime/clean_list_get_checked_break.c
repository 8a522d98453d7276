/*
 * Clean: a loop that stops when rc_list_get fails, with the check folded
 * into the assignment.
 *
 * count_positive() breaks out on `(it = rc_list_get(...)) == NULL` and
 * reads each borrowed item otherwise. main() counts over [-1, 2].
 */
#include <rc/rc.h>

static size_t count_positive(rc_object *list, size_t max)
{
    rc_object *it;
    size_t i, count = 0;

    for (i = 0; i < max; i++) {
        if ((it = rc_list_get(list, i)) == NULL) {
            rc_error_clear();
            break;
        }
        if (rc_int_value(it) > 0)
            count++;
    }
    return count;
}

int main(void)
{
    static const long vals[] = { -1, 2 };
    rc_object *list = rc_list_new(2);
    size_t i;

    if (list == NULL)
        return 0;
    for (i = 0; i < 2; i++) {
        rc_object *v = rc_int_new(vals[i]);

        if (v == NULL)
            break;
        if (rc_list_append(list, v) < 0)
            rc_error_clear();
        rc_decref(v);
    }
    (void)count_positive(list, 10);
    rc_decref(list);
    return 0;
}
