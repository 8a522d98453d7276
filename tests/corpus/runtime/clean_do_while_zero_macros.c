/*
 * Clean: do { } while (0) macros that append and jump to cleanup.
 *
 * APPEND_NEW_INT makes an int, appends it, releases it, and jumps to
 * `fail` on any failure, owning nothing at the jump. main() builds a list.
 */
#include <rc/rc.h>

#define APPEND_NEW_INT(list, v)                     \
    do {                                            \
        rc_object *tmp_ = rc_int_new(v);            \
        int rc_ = -1;                               \
        if (tmp_ != NULL) {                         \
            rc_ = rc_list_append((list), tmp_);     \
            rc_decref(tmp_);                        \
        }                                           \
        if (rc_ < 0)                                \
            goto fail;                              \
    } while (0)

static rc_object *first_primes(void)
{
    rc_object *list = rc_list_new(3);

    if (list == NULL)
        return NULL;
    APPEND_NEW_INT(list, 2);
    APPEND_NEW_INT(list, 3);
    APPEND_NEW_INT(list, 5);
    return list;
fail:
    rc_decref(list);
    return NULL;
}

int main(void)
{
    rc_object *p = first_primes();

    rc_xdecref(p);
    return 0;
}
