/*
 * Clean: NULL-initialised locals and one `out:` label that releases each
 * with rc_xdecref.
 *
 * greeting() makes two strs and their concatenation. Whatever fails, every
 * pointer is either NULL or owned at `out:`, and rc_xdecref is a no-op on
 * NULL. The result is moved to `res` and the local cleared first so the
 * label does not release it. main() calls it with good input and with a
 * NULL name.
 */
#include <rc/rc.h>

static rc_object *greeting(const char *name)
{
    rc_object *hello = NULL, *who = NULL, *msg = NULL, *res = NULL;

    hello = rc_str_new("hello, ");
    if (hello == NULL)
        goto out;
    who = rc_str_new(name);
    if (who == NULL)
        goto out;
    msg = rc_str_concat(hello, who);
    if (msg == NULL)
        goto out;
    res = msg;
    msg = NULL;
out:
    rc_xdecref(msg);
    rc_xdecref(who);
    rc_xdecref(hello);
    return res;
}

int main(void)
{
    rc_object *g = greeting("world");

    rc_xdecref(g);
    g = greeting(NULL);
    if (g == NULL)
        rc_error_clear();
    rc_xdecref(g);
    return 0;
}
