/*
 * Clean: one cleanup label that RC_CLEARs every owned pointer, and an
 * out-parameter that receives the result.
 *
 * build_index() counts words into a dict. `count` is cleared in the loop
 * and again (harmlessly, it is NULL) at the label; `index` is handed to
 * *out and set to NULL before the label, so RC_CLEAR does not release it.
 * The words are borrowed from the list and only passed to calls. main()
 * indexes two words and releases everything.
 */
#include <rc/rc.h>

static int build_index(rc_object *words, rc_object **out)
{
    rc_object *index = NULL, *count = NULL;
    size_t i, n;
    int rc = -1;

    *out = NULL;
    index = rc_dict_new();
    if (index == NULL)
        goto done;
    n = rc_list_size(words);
    for (i = 0; i < n; i++) {
        rc_object *w = rc_list_get(words, i);
        rc_object *seen;
        long c = 0;

        if (w == NULL)
            goto done;
        seen = rc_dict_get(index, w);
        if (seen != NULL)
            c = rc_int_value(seen);
        else
            rc_error_clear();
        count = rc_int_new(c + 1);
        if (count == NULL)
            goto done;
        if (rc_dict_set(index, w, count) < 0)
            goto done;
        RC_CLEAR(count);
    }
    *out = index; // no-warning
    index = NULL;
    rc = 0;
done:
    RC_CLEAR(count);
    RC_CLEAR(index);
    return rc;
}

int main(void)
{
    rc_object *words = rc_list_new(2);
    rc_object *w = rc_str_new("a");
    rc_object *index = NULL;

    if (words != NULL && w != NULL && rc_list_append(words, w) == 0 &&
        rc_list_append(words, w) == 0 && build_index(words, &index) == 0)
        rc_decref(index);
    rc_xdecref(w);
    rc_xdecref(words);
    return 0;
}
