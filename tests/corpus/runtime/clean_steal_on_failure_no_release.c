/*
 * Clean: no release after rc_list_set fails, because it stole the item
 * anyway.
 *
 * set_label() creates a str and lets rc_list_set take it; the failure
 * branch returns without touching the item. main() sets an index that is
 * out of range, so the failure path runs: the runtime frees the item
 * inside rc_list_set and nothing is left alive.
 */
#include <rc/rc.h>

static int set_label(rc_object *list, size_t i, const char *text)
{
    rc_object *label = rc_str_new(text);

    if (label == NULL)
        return -1;
    if (rc_list_set(list, i, label) < 0)
        return -1; // no-warning
    return 0;
}

int main(void)
{
    rc_object *list = rc_list_new(0);

    if (list == NULL)
        return 0;
    if (set_label(list, 5, "five") < 0)
        rc_error_clear();
    rc_decref(list);
    return 0;
}
