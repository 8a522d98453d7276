/*
 * Clean: argument checks before the allocation, so early returns own
 * nothing.
 *
 * make_range() validates n first; every later exit either returns the
 * list or releases it. main() asks for a negative and a small range.
 */
#include <rc/rc.h>

static rc_object *make_range(long n)
{
    rc_object *list;
    long i;

    if (n < 0)
        return NULL;
    list = rc_list_new((size_t)n);
    if (list == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        rc_object *v = rc_int_new(i);
        int r;

        if (v == NULL)
            goto fail;
        r = rc_list_append(list, v);
        rc_decref(v);
        if (r < 0)
            goto fail;
    }
    return list;
fail:
    rc_decref(list);
    return NULL;
}

int main(void)
{
    rc_object *r = make_range(-1);

    rc_xdecref(r);
    r = make_range(3);
    rc_xdecref(r);
    return 0;
}
