/*
 * The borrowed result of rc_dict_get_str released.
 *
 * port_of() reads cfg["port"] and releases it; the dict still holds the
 * only reference. main() stores a port, releases its own int, asks, then
 * releases the dict: the value is already freed and the runtime aborts.
 */
#include <rc/rc.h>

static long port_of(rc_object *cfg)
{
    rc_object *port = rc_dict_get_str(cfg, "port");
    long p;

    if (port == NULL) {
        rc_error_clear();
        return 80;
    }
    p = rc_int_value(port);
    rc_decref(port); // expect: refcount-over-release
    return p;
}

int main(void)
{
    rc_object *cfg = rc_dict_new();
    rc_object *port = rc_int_new(8080);

    if (cfg != NULL && port != NULL && rc_dict_set_str(cfg, "port", port) == 0) {
        RC_CLEAR(port);
        (void)port_of(cfg);
    }
    rc_xdecref(port);
    rc_xdecref(cfg);
    return 0;
}
