/*
 * An external loader annotated RC_MAY_FAIL, dereferenced unchecked.
 *
 * load_settings() (defined elsewhere) returns a new reference or NULL.
 * settings_are_dict() reads s->ob_type before any check: the finding
 * stands at that dereference.
 */
#include <rc/rc.h>

RC_RETURNS_NEW RC_MAY_FAIL rc_object *load_settings(const char *path);

int settings_are_dict(const char *path)
{
    rc_object *s = load_settings(path);
    int ok = s->ob_type == &rc_dict_type; // expect: refcount-unchecked-null

    rc_decref(s);
    return ok;
}
