/*
 * A statement-expression macro that returns from the enclosing function.
 *
 * NEW_STR_OR_RETURN(s) evaluates to a new str, or returns -1 from the
 * caller when rc_str_new fails. In add_header() the second use returns
 * while key is owned, so key's reference is lost at that (hidden) return,
 * on the line of the second macro use. main() passes a NULL value, which
 * makes rc_str_new fail with RC_ERR_ARG.
 */
#include <rc/rc.h>

#define NEW_STR_OR_RETURN(s)                    \
    ({                                          \
        rc_object *str_tmp_ = rc_str_new(s);    \
        if (str_tmp_ == NULL)                   \
            return -1;                          \
        str_tmp_;                               \
    })

static int add_header(rc_object *headers, const char *k, const char *v)
{
    rc_object *key = NEW_STR_OR_RETURN(k);
    rc_object *val = NEW_STR_OR_RETURN(v); // expect: refcount-leak
    int rc = rc_dict_set(headers, key, val);

    rc_decref(key);
    rc_decref(val);
    return rc;
}

int main(void)
{
    rc_object *headers = rc_dict_new();

    if (headers == NULL)
        return 0;
    if (add_header(headers, "Host", NULL) < 0)
        rc_error_clear();
    rc_decref(headers);
    return 0;
}
