/*
 * rc_dict_set_str mistaken for a call that steals on success.
 *
 * set_count() releases v when the store fails, as if the dict took it over
 * on success. rc_dict_set_str takes its own reference, so on success the
 * function's reference is lost at `return 0`. main() sets one count and
 * releases the dict: the int stays alive.
 */
#include <rc/rc.h>

static int set_count(rc_object *d, const char *key, long n)
{
    rc_object *v = rc_int_new(n);

    if (v == NULL)
        return -1;
    if (rc_dict_set_str(d, key, v) < 0) {
        rc_decref(v);
        return -1;
    }
    return 0; // expect: refcount-leak
}

int main(void)
{
    rc_object *d = rc_dict_new();

    if (d == NULL)
        return 0;
    if (set_count(d, "hits", 3) < 0)
        rc_error_clear();
    rc_decref(d);
    return 0;
}
