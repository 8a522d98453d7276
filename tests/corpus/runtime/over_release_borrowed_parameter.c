/*
 * A function that releases its borrowed parameter.
 *
 * forget() removes key from the cache and then releases key, which it
 * only borrowed from its caller. main() still owns key and releases it
 * afterwards: the object is already freed and the debug runtime aborts.
 */
#include <rc/rc.h>

static void forget(rc_object *cache, rc_object *key)
{
    if (rc_dict_del(cache, key) < 0)
        rc_error_clear();
    rc_decref(key); // expect: refcount-over-release
}

int main(void)
{
    rc_object *cache = rc_dict_new();
    rc_object *key = rc_str_new("k");

    if (cache != NULL && key != NULL && rc_dict_set(cache, key, key) == 0)
        forget(cache, key);
    rc_xdecref(key);
    rc_xdecref(cache);
    return 0;
}
