/*
 * Borrowed keys from rc_dict_next stolen into a tuple.
 *
 * keys_tuple() fills a tuple with the dict's keys using rc_tuple_set,
 * which steals; the keys are borrowed from the dict. The finding stands at
 * the rc_tuple_set call in the loop.
 */
#include <rc/rc.h>

rc_object *keys_tuple(rc_object *d)
{
    size_t pos = 0, i = 0;
    rc_object *k;
    rc_object *t = rc_tuple_new(rc_dict_size(d));

    if (t == NULL)
        return NULL;
    while (rc_dict_next(d, &pos, &k, NULL)) {
        if (rc_tuple_set(t, i++, k) < 0) { // expect: refcount-steal-borrowed
            rc_decref(t);
            return NULL;
        }
    }
    return t;
}
