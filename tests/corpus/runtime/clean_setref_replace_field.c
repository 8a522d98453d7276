/*
 * Clean: RC_SETREF replacing an owned field.
 *
 * counter_bump() makes the next int and stores it with RC_SETREF, which
 * releases the old value after the store; nothing reads the old value
 * afterwards. main() bumps twice and clears the field.
 */
#include <rc/rc.h>

struct counter {
    rc_object *value;
};

static int counter_bump(struct counter *c)
{
    rc_object *next = rc_int_new(rc_int_value(c->value) + 1);

    if (next == NULL)
        return -1;
    RC_SETREF(c->value, next); // no-warning
    return 0;
}

int main(void)
{
    struct counter c;

    c.value = rc_int_new(0);
    if (c.value == NULL)
        return 0;
    (void)counter_bump(&c);
    (void)counter_bump(&c);
    RC_CLEAR(c.value);
    return 0;
}
