/*
 * Clean: a break that releases the current item first.
 *
 * take_below() copies ints below a limit; on reaching the limit it
 * releases the copy and breaks, so nothing is owned after the loop but
 * the result. main() copies [1, 5] with limit 3.
 */
#include <rc/rc.h>

static rc_object *take_below(rc_object *src, long limit)
{
    rc_object *out = rc_list_new(0);
    size_t i, n = rc_list_size(src);

    if (out == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        rc_object *orig = rc_list_get(src, i);
        rc_object *item;

        if (orig == NULL)
            break;
        item = rc_int_new(rc_int_value(orig));
        if (item == NULL)
            break;
        if (rc_int_value(item) >= limit) {
            rc_decref(item);
            break;
        }
        if (rc_list_append(out, item) < 0)
            rc_error_clear();
        rc_decref(item);
    }
    return out;
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
