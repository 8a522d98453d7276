/*
 * A borrowed out-parameter (RC_OUT_BORROWED) released by the caller.
 *
 * find_user() stores a borrowed reference from the users dict in *out.
 * greet_user() releases it: the over-release stands at that rc_decref.
 * main() greets a user and releases the dict: abort.
 */
#include <rc/rc.h>
#include <stdio.h>

static RC_OUT_BORROWED(2) int find_user(rc_object *users, rc_object **out, const char *name);

static int find_user(rc_object *users, rc_object **out, const char *name)
{
    *out = rc_dict_get_str(users, name);
    return *out != NULL ? 0 : -1;
}

static void greet_user(rc_object *users, const char *name)
{
    rc_object *u;

    if (find_user(users, &u, name) < 0) {
        rc_error_clear();
        return;
    }
    printf("hello %s\n", rc_str_value(u));
    rc_decref(u); // expect: refcount-over-release
}

int main(void)
{
    rc_object *users = rc_dict_new();
    rc_object *bob = rc_str_new("Bob");

    if (users != NULL && bob != NULL && rc_dict_set_str(users, "bob", bob) == 0) {
        RC_CLEAR(bob);
        greet_user(users, "bob");
    }
    rc_xdecref(bob);
    rc_xdecref(users);
    return 0;
}
