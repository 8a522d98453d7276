/*
 * Clean: new references stored into a plain struct's fields.
 *
 * conn_init() stores each new str into a field: the struct owns them from
 * then on (no leak at the return), and conn_fini() releases them. On a
 * failure half-way, conn_init() leaves the struct consistent and the
 * caller's conn_fini() releases what was set. main() initialises,
 * finalises, and does it again with a NULL port text.
 */
#include <rc/rc.h>

struct conn {
    rc_object *host;
    rc_object *port;
};

static int conn_init(struct conn *c, const char *host, const char *port)
{
    c->host = NULL;
    c->port = NULL;
    c->host = rc_str_new(host);
    if (c->host == NULL)
        return -1;
    c->port = rc_str_new(port);
    if (c->port == NULL)
        return -1;
    return 0; // no-warning
}

static void conn_fini(struct conn *c)
{
    RC_CLEAR(c->host);
    RC_CLEAR(c->port);
}

int main(void)
{
    struct conn c;

    if (conn_init(&c, "localhost", "80") < 0)
        rc_error_clear();
    conn_fini(&c);
    if (conn_init(&c, "localhost", NULL) < 0)
        rc_error_clear();
    conn_fini(&c);
    return 0;
}
