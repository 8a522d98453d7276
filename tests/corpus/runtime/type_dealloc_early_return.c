/* An early return for a half-built object skips the second release. */
#include <rc/rc.h>

typedef struct num {
    RC_OBJECT_HEAD;
    long n;
} num;

typedef struct conn {
    RC_OBJECT_HEAD;
    num *host;
    num *port; // expect: refcount-dealloc-incomplete
    int open;
} conn;

static void conn_dealloc(rc_object *self)
{
    conn *c = (conn *)self;
    RC_CLEAR(c->host);
    if (!c->open)
        return;
    RC_CLEAR(c->port);
}

const rc_type num_type = { "num", sizeof(num), NULL, NULL, NULL, NULL, 0 };
const rc_type conn_type = { "conn", sizeof(conn), conn_dealloc, NULL, NULL, NULL, 0 };
