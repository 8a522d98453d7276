/*
 * Clean: RC_XSETREF with rc_newref of a parameter, into a struct field.
 *
 * settings_set_theme() gives the field its own reference and releases the
 * previous value (NULL the first time). main() sets twice and clears.
 */
#include <rc/rc.h>

struct settings {
    rc_object *theme;
};

static void settings_set_theme(struct settings *s, rc_object *theme)
{
    RC_XSETREF(s->theme, rc_newref(theme)); // no-warning
}

int main(void)
{
    struct settings s = { NULL };
    rc_object *dark = rc_str_new("dark");
    rc_object *light = rc_str_new("light");

    if (dark != NULL && light != NULL) {
        settings_set_theme(&s, dark);
        settings_set_theme(&s, light);
    }
    RC_CLEAR(s.theme);
    rc_xdecref(dark);
    rc_xdecref(light);
    return 0;
}
