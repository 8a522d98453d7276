/*
 * Clean: a method reading its object's field as a borrowed reference.
 *
 * account_balance() reads self->balance without taking a reference: the
 * object owns it and nothing runs in between. The type is complete.
 * main() makes an account and reads it.
 */
#include <rc/rc.h>

typedef struct account {
    RC_OBJECT_HEAD;
    rc_object *balance;
} account;

static void account_dealloc(rc_object *self)
{
    RC_CLEAR(((account *)self)->balance);
}

static int account_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    RC_VISIT(((account *)self)->balance);
    return 0;
}

static void account_clear(rc_object *self)
{
    RC_CLEAR(((account *)self)->balance);
}

static const rc_type account_type = {
    "account", sizeof(account), account_dealloc, NULL, account_traverse, account_clear, 0,
};

static long account_balance(account *self)
{
    rc_object *b = self->balance;

    if (b == NULL)
        return 0;
    return rc_int_value(b); // no-warning
}

int main(void)
{
    account *a = RC_NEW(account, &account_type);

    if (a == NULL)
        return 0;
    a->balance = rc_int_new(100);
    (void)account_balance(a);
    rc_decref(a);
    return 0;
}
