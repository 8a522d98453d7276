/*
 * A switch where one case returns early with the value it just made.
 *
 * emit() makes a value according to kind and appends it to out. The
 * KIND_LIST case refuses to nest when out is already full and returns -1
 * while owning the new list: the leak stands at that return. main() fills
 * out and then asks for a nested list.
 */
#include <rc/rc.h>

enum kind { KIND_INT, KIND_STR, KIND_LIST };

#define MAX_ITEMS 2

static int emit(rc_object *out, enum kind kind)
{
    rc_object *v = NULL;
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
        if (v != NULL && rc_list_size(out) >= MAX_ITEMS)
            return -1; // expect: refcount-leak
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
    rc_object *out = rc_list_new(MAX_ITEMS);

    if (out == NULL)
        return 0;
    if (emit(out, KIND_INT) == 0 && emit(out, KIND_STR) == 0)
        (void)emit(out, KIND_LIST);
    rc_decref(out);
    return 0;
}
