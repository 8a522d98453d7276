/*
 * Clean: a new reference stored into a global cache, released at
 * shutdown.
 *
 * intern_empty() stores a new str into the global (handing it over) and
 * gives callers a new reference with rc_newref; cache_shutdown() clears
 * the global. main() interns twice and shuts down.
 */
#include <rc/rc.h>

static rc_object *g_empty;

static rc_object *intern_empty(void)
{
    if (g_empty == NULL) {
        g_empty = rc_str_new(""); // no-warning
        if (g_empty == NULL)
            return NULL;
    }
    return rc_newref(g_empty);
}

static void cache_shutdown(void)
{
    RC_CLEAR(g_empty);
}

int main(void)
{
    rc_object *a = intern_empty();
    rc_object *b = intern_empty();

    rc_xdecref(a);
    rc_xdecref(b);
    cache_shutdown();
    return 0;
}
