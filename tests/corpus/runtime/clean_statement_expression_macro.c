/*
 * Clean: a statement-expression macro that yields a new reference or
 * jumps to cleanup.
 *
 * NEW_OR_FAIL(expr) evaluates to expr's new reference, or goes to `fail`
 * when it is NULL. headers() uses it for a key and a value and releases
 * both on every path (they start NULL, so rc_xdecref is safe). main()
 * builds one header dict, and one with a NULL value.
 */
#include <rc/rc.h>

#define NEW_OR_FAIL(expr)                       \
    ({                                          \
        rc_object *new_tmp_ = (expr);           \
        if (new_tmp_ == NULL)                   \
            goto fail;                          \
        new_tmp_;                               \
    })

static rc_object *headers(const char *k, const char *v)
{
    rc_object *d = NULL, *key = NULL, *val = NULL;

    d = NEW_OR_FAIL(rc_dict_new());
    key = NEW_OR_FAIL(rc_str_new(k));
    val = NEW_OR_FAIL(rc_str_new(v));
    if (rc_dict_set(d, key, val) < 0)
        goto fail;
    rc_decref(key);
    rc_decref(val);
    return d;
fail:
    rc_xdecref(val);
    rc_xdecref(key);
    rc_xdecref(d);
    return NULL;
}

int main(void)
{
    rc_object *h = headers("Host", "example.org");

    rc_xdecref(h);
    h = headers("Host", NULL);
    if (h == NULL)
        rc_error_clear();
    rc_xdecref(h);
    return 0;
}
