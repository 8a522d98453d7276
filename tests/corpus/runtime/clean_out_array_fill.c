/*
 * Clean: new references stored into a caller's array, released by the
 * caller.
 *
 * make_ints() fills out[0..n) with new ints; on failure it releases the
 * ones it already stored and clears them. The stores into the array hand
 * the references over. main() fills three slots and releases them.
 */
#include <rc/rc.h>

static int make_ints(rc_object **out, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        out[i] = rc_int_new((long)i); // no-warning
        if (out[i] == NULL) {
            while (i > 0) {
                i--;
                RC_CLEAR(out[i]);
            }
            return -1;
        }
    }
    return 0;
}

int main(void)
{
    rc_object *slots[3];
    size_t i;

    if (make_ints(slots, 3) < 0)
        return 0;
    for (i = 0; i < 3; i++)
        rc_decref(slots[i]);
    return 0;
}
