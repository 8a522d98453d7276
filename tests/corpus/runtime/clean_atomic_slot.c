/*
 * Clean: a handler slot written with C11 atomics.
 *
 * set_handler() hands a new reference to the slot with atomic_exchange and
 * releases the handler it replaces; shutdown() takes the last one out with
 * a compare-exchange and releases it only when the exchange succeeded (a
 * failed one leaves the slot, and its reference, to whoever won). An
 * atomic store or exchange is a store into the slot: the reference is the
 * slot's, not leaked. main() installs two handlers and shuts down.
 */
#include <rc/rc.h>
#include <stdatomic.h>
#include <stddef.h>

static _Atomic(rc_object *) handler;

static int set_handler(long n)
{
    rc_object *h = rc_int_new(n);
    if (h == NULL)
        return -1;
    rc_object *old = atomic_exchange(&handler, h); // no-warning
    rc_xdecref(old);
    return 0;
}

static void shutdown_handler(void)
{
    rc_object *cur = atomic_load(&handler);
    if (cur != NULL && atomic_compare_exchange_strong(&handler, &cur, NULL))
        rc_decref(cur);
}

static void set_plain(rc_object **slot, long n)
{
    rc_object *h = rc_int_new(n);
    if (h != NULL)
        __atomic_store_n(slot, h, __ATOMIC_RELEASE); // no-warning
}

int main(void)
{
    static rc_object *plain;

    (void)set_handler(1);
    (void)set_handler(2);
    shutdown_handler();
    set_plain(&plain, 3);
    rc_xdecref(plain);
    return 0;
}
