/*
 * An assignment hidden in a do-while(0) macro overwrites an owned pointer.
 *
 * MAKE_INT(dst, v) assigns a new int to dst. fill() uses it twice on the
 * same variable without releasing the first int (which the list does not
 * take over: rc_list_append does not steal). The first int's reference is
 * lost by the second expansion, on the line of that macro use. main() fills
 * a list once.
 */
#include <rc/rc.h>

#define MAKE_INT(dst, v)          \
    do {                          \
        (dst) = rc_int_new(v);    \
    } while (0)

static int fill(rc_object *list)
{
    rc_object *tmp = NULL;
    int rc;

    MAKE_INT(tmp, 1);
    if (tmp == NULL)
        return -1;
    if (rc_list_append(list, tmp) < 0)
        rc_error_clear();
    MAKE_INT(tmp, 2); // expect: refcount-leak
    if (tmp == NULL)
        return -1;
    rc = rc_list_append(list, tmp);
    rc_decref(tmp);
    return rc;
}

int main(void)
{
    rc_object *list = rc_list_new(2);

    if (list == NULL)
        return 0;
    (void)fill(list);
    rc_decref(list);
    return 0;
}
