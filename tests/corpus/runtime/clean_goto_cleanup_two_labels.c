/*
 * Clean: a constructor with two cleanup labels that unwinds correctly.
 *
 * make_record() reuses `v` for two values; each is released before the
 * variable is reassigned, and each failure jumps to the label that
 * releases exactly what is owned at that point. The record is returned to
 * the caller (handed over). main() builds a good record and one whose name
 * is NULL, which takes the fail_rec path.
 */
#include <rc/rc.h>

static rc_object *make_record(const char *name, long age)
{
    rc_object *rec = NULL, *v = NULL;

    rec = rc_dict_new();
    if (rec == NULL)
        goto fail;
    v = rc_str_new(name);
    if (v == NULL)
        goto fail_rec;
    if (rc_dict_set_str(rec, "name", v) < 0)
        goto fail_v;
    rc_decref(v);
    v = rc_int_new(age); // no-warning
    if (v == NULL)
        goto fail_rec;
    if (rc_dict_set_str(rec, "age", v) < 0)
        goto fail_v;
    rc_decref(v);
    return rec;

fail_v:
    rc_decref(v);
fail_rec:
    rc_decref(rec);
fail:
    return NULL;
}

int main(void)
{
    rc_object *r = make_record("ada", 36);

    if (r != NULL)
        rc_decref(r);
    r = make_record(NULL, 1);
    if (r == NULL)
        rc_error_clear();
    else
        rc_decref(r);
    return 0;
}
