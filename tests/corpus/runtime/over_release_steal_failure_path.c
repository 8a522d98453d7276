/*
 * A release in the failure branch of a call that steals even on failure.
 *
 * rc_list_set steals its item whether or not it succeeds; when it fails it
 * has already released it. set_at() releases it again on failure: the
 * over-release stands at that rc_decref. main() sets an out-of-range index,
 * so the item is freed by rc_list_set and the second release aborts.
 */
#include <rc/rc.h>

static int set_at(rc_object *list, size_t i, const char *text)
{
    rc_object *item = rc_str_new(text);

    if (item == NULL)
        return -1;
    if (rc_list_set(list, i, item) < 0) {
        rc_decref(item); // expect: refcount-over-release
        return -1;
    }
    return 0;
}

int main(void)
{
    rc_object *list = rc_list_new(0);

    if (list == NULL)
        return 0;
    (void)set_at(list, 3, "three");
    rc_decref(list);
    return 0;
}
