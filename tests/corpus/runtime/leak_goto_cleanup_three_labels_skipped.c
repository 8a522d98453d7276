/*
 * Kernel-style unwinding with labels in reverse order of acquisition; one
 * check jumps a label too far.
 *
 * make_row() acquires id, name and row in that order and unwinds through
 * err_row, err_name, err_id. The check that refuses an empty name runs
 * after name was allocated but jumps to err_id, skipping the release of
 * name: its last reference is lost at `return NULL`. main() asks for a row
 * with an empty name, then a good one.
 */
#include <rc/rc.h>

static rc_object *make_row(long id_value, const char *name_text)
{
    rc_object *id, *name, *row;

    id = rc_int_new(id_value);
    if (id == NULL)
        goto err;
    name = rc_str_new(name_text);
    if (name == NULL)
        goto err_id;
    if (rc_str_len(name) == 0)
        goto err_id;
    row = rc_list_new(2);
    if (row == NULL)
        goto err_name;
    if (rc_list_append(row, id) < 0 || rc_list_append(row, name) < 0)
        goto err_row;
    rc_decref(name);
    rc_decref(id);
    return row;

err_row:
    rc_decref(row);
err_name:
    rc_decref(name);
err_id:
    rc_decref(id);
err:
    return NULL; // expect: refcount-leak
}

int main(void)
{
    rc_object *row = make_row(7, "");

    if (row != NULL)
        rc_decref(row);
    row = make_row(8, "eight");
    if (row != NULL)
        rc_decref(row);
    return 0;
}
