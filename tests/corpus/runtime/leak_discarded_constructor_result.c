/*
 * A constructor called for its side effect, its new reference dropped.
 *
 * warm_up() calls rc_str_new only to "warm" the allocator; the result is a
 * new reference that nobody holds, lost at the call's own line. main()
 * calls warm_up() once, leaving one str alive.
 */
#include <rc/rc.h>

static void warm_up(void)
{
    rc_str_new("warm-up"); // expect: refcount-leak
}

int main(void)
{
    warm_up();
    return 0;
}
