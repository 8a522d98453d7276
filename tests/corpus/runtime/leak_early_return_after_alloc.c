/*
 * An argument check placed after the allocation it should precede.
 *
 * make_range() allocates the list first and only then refuses a negative
 * count, returning NULL without releasing the list: the leak stands at that
 * return. Every other path either returns the list (handing it to the
 * caller) or releases it. main() asks for a negative range.
 */
#include <rc/rc.h>

static rc_object *make_range(long n)
{
    rc_object *list = rc_list_new(n > 0 ? (size_t)n : 0);
    long i;

    if (list == NULL)
        return NULL;
    if (n < 0)
        return NULL; // expect: refcount-leak
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

    if (r != NULL)
        rc_decref(r);
    r = make_range(3);
    if (r != NULL)
        rc_decref(r);
    return 0;
}
