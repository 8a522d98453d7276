/*
 * Clean: an RC_OUT_BORROWED out-parameter used and not released.
 *
 * find_user() lends the dict's value through *out; user_len() reads it
 * while the dict holds it. main() looks up a present and a missing user.
 */
#include <rc/rc.h>

static RC_OUT_BORROWED(2) int find_user(rc_object *users, rc_object **out, const char *name);

static int find_user(rc_object *users, rc_object **out, const char *name)
{
    *out = rc_dict_get_str(users, name);
    return *out != NULL ? 0 : -1;
}

static size_t user_len(rc_object *users, const char *name)
{
    rc_object *u;

    if (find_user(users, &u, name) < 0) {
        rc_error_clear();
        return 0;
    }
    return rc_str_len(u); // no-warning
}

int main(void)
{
    rc_object *users = rc_dict_new();
    rc_object *bob = rc_str_new("Bob");

    if (users != NULL && bob != NULL && rc_dict_set_str(users, "bob", bob) == 0) {
        (void)user_len(users, "bob");
        (void)user_len(users, "eve");
    }
    rc_xdecref(bob);
    rc_xdecref(users);
    return 0;
}
