/*
 * Clean: a switch whose cases make different objects, with one release
 * after the switch and early returns that own nothing.
 *
 * emit() makes a value per kind (the default case returns before anything
 * is made), appends it and releases it. main() emits each kind.
 */
#include <rc/rc.h>

enum kind { KIND_INT, KIND_STR, KIND_LIST, KIND_BAD };

static int emit(rc_object *out, enum kind kind)
{
    rc_object *v;
    int rc;

    switch (kind) {
    case KIND_INT:
        v = rc_int_new(0);
        break;
    case KIND_STR:
        v = rc_str_new("");
        break;
    case KIND_LIST:
        v = rc_list_new(0);
        break;
    default:
        return -1;
    }
    if (v == NULL)
        return -1;
    rc = rc_list_append(out, v);
    rc_decref(v);
    return rc;
}

int main(void)
{
    rc_object *out = rc_list_new(3);

    if (out == NULL)
        return 0;
    (void)emit(out, KIND_INT);
    (void)emit(out, KIND_STR);
    (void)emit(out, KIND_LIST);
    (void)emit(out, KIND_BAD);
    rc_decref(out);
    return 0;
}
