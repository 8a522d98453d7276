/*
 * A goto-cleanup function with two labels, where one failure jumps to the
 * wrong label.
 *
 * store_pair() owns key and val. When rc_dict_set fails it jumps to
 * out_key, which releases key but not val, so the last reference to val is
 * lost at the single exit, `return rc`. On success val is released before
 * the labels, so only that failure path leaks. main() passes a list where a
 * dict is expected: rc_dict_set fails and the int stays alive at exit.
 */
#include <rc/rc.h>

static int store_pair(rc_object *dict, const char *name, long v)
{
    int rc = -1;
    rc_object *key = NULL;
    rc_object *val = NULL;

    key = rc_str_new(name);
    if (key == NULL)
        goto out;
    val = rc_int_new(v);
    if (val == NULL)
        goto out_key;
    if (rc_dict_set(dict, key, val) < 0)
        goto out_key;
    rc_decref(val);
    rc = 0;
out_key:
    rc_decref(key);
out:
    return rc; // expect: refcount-leak
}

int main(void)
{
    rc_object *not_a_dict = rc_list_new(0);

    if (not_a_dict == NULL)
        return 0;
    if (store_pair(not_a_dict, "answer", 42) < 0)
        rc_error_clear();
    rc_decref(not_a_dict);
    return 0;
}
