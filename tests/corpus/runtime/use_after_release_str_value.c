/*
 * A str read after its only reference was released.
 *
 * print_greeting() owns the only reference to s, releases it, and then
 * reads its bytes: the use after release stands at the rc_str_value call.
 * (No main: the runtime would abort on the freed object, which is not the
 * oracle for this rule.)
 */
#include <rc/rc.h>
#include <stdio.h>

int print_greeting(const char *who)
{
    rc_object *s = rc_str_new(who);

    if (s == NULL)
        return -1;
    rc_decref(s);
    return printf("hello %s\n", rc_str_value(s)); // expect: refcount-use-after-release
}
