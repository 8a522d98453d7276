/*
 * A cached singleton returned without a reference for the caller.
 *
 * str_or_empty() returns a new str for non-empty text, and for empty text
 * the cached global, whose one reference belongs to the cache: the caller
 * will release it, so it needs rc_newref. The finding stands at that
 * return. (Storing the new str into the global hands it to the cache.)
 */
#include <rc/rc.h>

static rc_object *empty_str;

rc_object *str_or_empty(const char *s)
{
    if (s == NULL || *s == '\0') {
        if (empty_str == NULL)
            empty_str = rc_str_new("");
        return empty_str; // expect: refcount-return-borrowed
    }
    return rc_str_new(s);
}
