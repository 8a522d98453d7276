/*
 * A struct field that already owns a reference is overwritten.
 *
 * widget_init() stores a new str into w->label (the field now owns it),
 * then, for long texts, stores a shorter label into the same field without
 * releasing the first: the field's reference is lost by that assignment.
 * widget_fini() releases whatever the field holds at the end. main() uses a
 * long text.
 */
#include <rc/rc.h>
#include <string.h>

struct widget {
    rc_object *label;
    int width;
};

static int widget_init(struct widget *w, const char *text)
{
    w->width = (int)strlen(text);
    w->label = rc_str_new(text);
    if (w->label == NULL)
        return -1;
    if (w->width > 8) {
        w->label = rc_str_new("(long)"); // expect: refcount-leak
        if (w->label == NULL)
            return -1;
    }
    return 0;
}

static void widget_fini(struct widget *w)
{
    RC_CLEAR(w->label);
}

int main(void)
{
    struct widget w = { NULL, 0 };

    if (widget_init(&w, "a rather long label") < 0)
        rc_error_clear();
    widget_fini(&w);
    return 0;
}
