/*
 * A second release of a reference that a local helper already consumed.
 *
 * drop_entry() has no annotation; it removes key from the cache and then
 * releases key, so it takes over its caller's reference (its summary must
 * be inferred: it steals argument 2), as its comment says. main() hands
 * its reference to drop_entry() and then releases key itself: the
 * over-release stands at main's rc_decref(key). At run time the second
 * release hits a freed str and the debug runtime aborts.
 */
#include <rc/rc.h>

/* Removes key from cache; takes over the caller's reference to key. */
static void drop_entry(rc_object *cache, rc_object *key)
{
    if (rc_dict_del(cache, key) < 0)
        rc_error_clear();
    rc_decref(key);
}

int main(void)
{
    rc_object *cache = rc_dict_new();
    rc_object *key = rc_str_new("k");

    if (cache == NULL || key == NULL) {
        rc_xdecref(key);
        rc_xdecref(cache);
        return 0;
    }
    if (rc_dict_set(cache, key, key) < 0)
        rc_error_clear();
    drop_entry(cache, key);
    rc_decref(key); // expect: refcount-over-release
    rc_decref(cache);
    return 0;
}
