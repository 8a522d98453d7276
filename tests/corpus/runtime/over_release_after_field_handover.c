/*
 * A release of a reference just handed over to a struct field.
 *
 * doc_set_title() stores its new str in d->title with RC_XSETREF, which
 * gives the field the function's reference, and then releases it: the
 * field is left pointing at a freed object. The over-release stands at
 * that rc_decref. main() sets a title and clears the field: abort.
 */
#include <rc/rc.h>

struct doc {
    rc_object *title;
};

static int doc_set_title(struct doc *d, const char *s)
{
    rc_object *t = rc_str_new(s);

    if (t == NULL)
        return -1;
    RC_XSETREF(d->title, t);
    rc_decref(t); // expect: refcount-over-release
    return 0;
}

int main(void)
{
    struct doc d = { NULL };

    (void)doc_set_title(&d, "notes");
    RC_CLEAR(d.title);
    return 0;
}
