/*
 * Clean: a lookup that returns NULL for a missing key, checked before use.
 *
 * port_of() falls back to 80 when "port" is missing, clearing the
 * RC_ERR_KEY error; the borrowed value is never released. main() asks an
 * empty and a filled config.
 */
#include <rc/rc.h>

static long port_of(rc_object *cfg)
{
    rc_object *port = rc_dict_get_str(cfg, "port");

    if (port == NULL) {
        rc_error_clear();
        return 80;
    }
    return rc_int_value(port);
}

int main(void)
{
    rc_object *cfg = rc_dict_new();
    rc_object *p = rc_int_new(8080);

    if (cfg == NULL || p == NULL) {
        rc_xdecref(p);
        rc_xdecref(cfg);
        return 0;
    }
    (void)port_of(cfg);
    if (rc_dict_set_str(cfg, "port", p) == 0)
        (void)port_of(cfg);
    rc_decref(p);
    rc_decref(cfg);
    return 0;
}
