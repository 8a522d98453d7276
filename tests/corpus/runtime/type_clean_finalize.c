/* A finalizer that only reads (it logs); dealloc does the releasing. */
#include <rc/rc.h>
#include <stdio.h>

typedef struct num {
    RC_OBJECT_HEAD;
    long n;
} num;

typedef struct logged {
    RC_OBJECT_HEAD;
    num *value;
} logged;

static void logged_finalize(rc_object *self)
{
    logged *l = (logged *)self;
    if (l->value != NULL && l->value->n < 0)
        fputs("negative value finalized\n", stderr);
}

static void logged_dealloc(rc_object *self)
{
    RC_CLEAR(((logged *)self)->value);
}

static const rc_type num_type = { "num", sizeof(num), NULL, NULL, NULL, NULL, 0 };
static const rc_type logged_type = {
    "logged", sizeof(logged), logged_dealloc, logged_finalize, NULL, NULL, 0
};

int main(void)
{
    logged *l = RC_NEW(logged, &logged_type);
    if (l == NULL)
        return 1;
    l->value = RC_NEW(num, &num_type);
    rc_decref(l);
    return 0;
}
