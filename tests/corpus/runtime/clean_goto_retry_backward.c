/*
 * Clean: a backward goto that retries after releasing the failed attempt.
 *
 * parse_with_fallback() tries the primary text; if the result is empty it
 * releases it and jumps back to retry with the fallback, so the variable
 * is never overwritten while owned. main() parses an empty primary.
 */
#include <rc/rc.h>

static rc_object *parse_with_fallback(const char *primary, const char *fallback)
{
    const char *text = primary;
    rc_object *s;
    int tries = 0;

retry:
    s = rc_str_new(text); // no-warning
    if (s == NULL)
        return NULL;
    if (rc_str_len(s) == 0 && tries++ == 0) {
        rc_decref(s);
        text = fallback;
        goto retry;
    }
    return s;
}

int main(void)
{
    rc_object *s = parse_with_fallback("", "default");

    rc_xdecref(s);
    return 0;
}
