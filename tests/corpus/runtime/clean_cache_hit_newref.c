/*
 * Clean: a memoising function that returns a new reference on both the
 * hit and the miss path.
 *
 * cached_square() takes rc_newref of the cached value on a hit; on a miss
 * it stores the new int (the dict takes its own reference) and returns
 * its own. main() asks twice for the same square and releases both.
 */
#include <rc/rc.h>
#include <stdio.h>

static rc_object *cached_square(rc_object *cache, long n)
{
    char key[32];
    rc_object *v;

    snprintf(key, sizeof key, "%ld", n);
    v = rc_dict_get_str(cache, key);
    if (v != NULL)
        return rc_newref(v); // no-warning
    rc_error_clear();
    v = rc_int_new(n * n);
    if (v == NULL)
        return NULL;
    if (rc_dict_set_str(cache, key, v) < 0) {
        rc_decref(v);
        return NULL;
    }
    return v;
}

int main(void)
{
    rc_object *cache = rc_dict_new();
    rc_object *a, *b;

    if (cache == NULL)
        return 0;
    a = cached_square(cache, 4);
    b = cached_square(cache, 4);
    rc_xdecref(a);
    rc_xdecref(b);
    rc_decref(cache);
    return 0;
}
