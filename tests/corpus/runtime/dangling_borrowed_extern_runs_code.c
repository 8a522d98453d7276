/*
 * A borrowed reference held across an external call declared RC_RUNS_CODE.
 *
 * plugin_call() (defined elsewhere) runs plugin code that may modify the
 * settings dict. apply_theme() borrows settings["theme"], calls the hook,
 * and then uses the borrowed str: the dangling use stands at
 * rc_str_value(theme).
 */
#include <rc/rc.h>
#include <string.h>

RC_RUNS_CODE int plugin_call(const char *hook, rc_object *arg);

int apply_theme(rc_object *settings)
{
    rc_object *theme = rc_dict_get_str(settings, "theme");

    if (theme == NULL)
        return -1;
    if (plugin_call("before-theme", settings) < 0)
        return -1;
    return strcmp(rc_str_value(theme), "dark") == 0; // expect: refcount-dangling-borrowed
}
