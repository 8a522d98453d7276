/*
 * rc_newref applied straight to a lookup that returns NULL when the key is
 * missing.
 *
 * config_name() returns rc_newref(rc_dict_get_str(...)): for a config
 * without "name" the incref dereferences NULL. The finding stands at the
 * return.
 */
#include <rc/rc.h>

rc_object *config_name(rc_object *cfg)
{
    return rc_newref(rc_dict_get_str(cfg, "name")); // expect: refcount-unchecked-null
}
