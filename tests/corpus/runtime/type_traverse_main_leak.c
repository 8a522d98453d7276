/* A tracked type whose traverse forgets `peer`: two objects that own each
 * other through it look referenced from outside to the collector, which
 * never frees them (alive at exit). */
#include <rc/rc.h>

typedef struct tpeer {
    RC_OBJECT_HEAD;
    rc_object *note;
    struct tpeer *peer; // expect: cycle-traverse-incomplete
} tpeer;

static int tpeer_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    RC_VISIT(((tpeer *)self)->note);
    return 0;
}

static void tpeer_clear(rc_object *self)
{
    tpeer *t = (tpeer *)self;
    RC_CLEAR(t->note);
    RC_CLEAR(t->peer);
}

static const rc_type tpeer_type = { "tpeer", sizeof(tpeer), tpeer_clear, NULL, tpeer_traverse, tpeer_clear, 0 };

int main(void)
{
    tpeer *a = RC_NEW(tpeer, &tpeer_type);
    if (a == NULL)
        return 1;
    tpeer *b = RC_NEW(tpeer, &tpeer_type);
    if (b == NULL) {
        rc_decref(a);
        return 1;
    }
    a->peer = b;
    rc_incref(a);
    b->peer = a;
    rc_decref(a);
    return 0;
}
