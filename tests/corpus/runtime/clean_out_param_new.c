/*
 * Clean: a new reference returned through an out-parameter.
 *
 * split_first() stores the head of a list into *head with a reference of
 * its own (the store hands it to the caller) and returns 0; on failure
 * *head is NULL. main() releases what it received.
 */
#include <rc/rc.h>

static int split_first(rc_object *list, rc_object **head)
{
    rc_object *h;

    *head = NULL;
    h = rc_list_get(list, 0);
    if (h == NULL)
        return -1;
    *head = rc_newref(h); // no-warning
    return 0;
}

int main(void)
{
    rc_object *list = rc_list_new(1);
    rc_object *s = rc_str_new("x");
    rc_object *head;

    if (list != NULL && s != NULL && rc_list_append(list, s) == 0 &&
        split_first(list, &head) == 0)
        rc_decref(head);
    rc_xdecref(s);
    rc_xdecref(list);
    return 0;
}
