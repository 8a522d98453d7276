/*
 * Leak: the reference an atomic exchange takes out of a slot is dropped.
 *
 * replace_handler() swaps a new handler into the slot; the old one comes
 * back owned (the slot's reference) and is never released. main() replaces
 * twice and clears the slot at the end, so only the first handler leaks.
 */
#include <rc/rc.h>
#include <stdatomic.h>
#include <stddef.h>

static _Atomic(rc_object *) handler;

static int replace_handler(long n)
{
    rc_object *h = rc_int_new(n);
    if (h == NULL)
        return -1;
    rc_object *old = atomic_exchange(&handler, h);
    if (old != NULL)
        return 1; // expect: refcount-leak
    return 0;
}

int main(void)
{
    (void)replace_handler(1);
    (void)replace_handler(2);
    rc_xdecref(atomic_exchange(&handler, NULL));
    return 0;
}
