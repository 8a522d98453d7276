/*
 * Clean: a do { ... } while (0) block used as a structured error exit.
 *
 * make_config() breaks out of the block on the first failure; the code
 * after the block releases every local (NULL-safe) and the result is
 * moved out before that. main() makes one config and one with a NULL
 * name.
 */
#include <rc/rc.h>

static rc_object *make_config(const char *name)
{
    rc_object *cfg = NULL, *n = NULL, *result = NULL;

    do {
        cfg = rc_dict_new();
        if (cfg == NULL)
            break;
        n = rc_str_new(name);
        if (n == NULL)
            break;
        if (rc_dict_set_str(cfg, "name", n) < 0)
            break;
        result = cfg;
        cfg = NULL;
    } while (0);
    rc_xdecref(n);
    rc_xdecref(cfg);
    return result;
}

int main(void)
{
    rc_object *c = make_config("prod");

    rc_xdecref(c);
    c = make_config(NULL);
    if (c == NULL)
        rc_error_clear();
    rc_xdecref(c);
    return 0;
}
