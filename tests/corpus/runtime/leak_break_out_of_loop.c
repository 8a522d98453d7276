/*
 * A break that leaves the loop still owning the current item.
 *
 * take_below() copies ints below a limit into a new list, releasing each
 * after appending it. When an item reaches the limit it breaks out before
 * the release, and the reference is lost at `return out` after the loop.
 * main() copies [1, 5] with limit 3.
 */
#include <rc/rc.h>

static rc_object *take_below(rc_object *src, long limit)
{
    rc_object *out = rc_list_new(0);
    rc_object *item;
    size_t i, n = rc_list_size(src);

    if (out == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        rc_object *orig = rc_list_get(src, i);

        if (orig == NULL)
            break;
        item = rc_int_new(rc_int_value(orig));
        if (item == NULL)
            break;
        if (rc_int_value(item) >= limit)
            break;
        if (rc_list_append(out, item) < 0)
            rc_error_clear();
        rc_decref(item);
    }
    return out; // expect: refcount-leak
}

int main(void)
{
    rc_object *src = rc_list_new(2);
    rc_object *one = rc_int_new(1);
    rc_object *five = rc_int_new(5);
    rc_object *out = NULL;

    if (src != NULL && one != NULL && five != NULL &&
        rc_list_append(src, one) == 0 && rc_list_append(src, five) == 0)
        out = take_below(src, 3);
    rc_xdecref(out);
    rc_xdecref(one);
    rc_xdecref(five);
    rc_xdecref(src);
    return 0;
}
