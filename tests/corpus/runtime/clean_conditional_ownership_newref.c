/*
 * Clean: both branches made to own, so one unconditional release suffices.
 *
 * label_for() takes a new reference to the dict's value on a hit
 * (rc_newref) and makes a new str on a miss; either way it owns `label`
 * and releases it once. main() asks for one present and one missing key.
 */
#include <rc/rc.h>

static size_t label_len(rc_object *labels, const char *key)
{
    rc_object *label = rc_dict_get_str(labels, key);
    size_t n;

    if (label != NULL) {
        label = rc_newref(label);
    } else {
        rc_error_clear();
        label = rc_str_new("?");
        if (label == NULL)
            return 0;
    }
    n = rc_str_len(label);
    rc_decref(label); // no-warning
    return n;
}

int main(void)
{
    rc_object *labels = rc_dict_new();
    rc_object *s = rc_str_new("seven");

    if (labels != NULL && s != NULL && rc_dict_set_str(labels, "7", s) == 0) {
        (void)label_len(labels, "7");
        (void)label_len(labels, "8");
    }
    rc_xdecref(s);
    rc_xdecref(labels);
    return 0;
}
