/*
 * Clean: references held in variables with a cleanup attribute.
 *
 * RELEASED_AT_EXIT marks a variable that release_p() releases whenever it
 * goes out of scope, the way systemd's _cleanup_ and GLib's g_autoptr
 * work; every return of count_words() and every iteration of the loop
 * lets go of what those variables hold, so nothing leaks. The one
 * reference that leaves the function is moved out first (take_ref).
 */
#include <rc/rc.h>

static void release_p(rc_object **p)
{
    rc_xdecref(*p);
}

#define RELEASED_AT_EXIT __attribute__((cleanup(release_p)))

static rc_object *take_ref(rc_object **p)
{
    rc_object *o = *p;
    *p = NULL;
    return o;
}

static long count_words(const char *const *words, int n)
{
    RELEASED_AT_EXIT rc_object *seen = rc_dict_new();
    if (seen == NULL)
        return -1;
    for (int i = 0; i < n; i++) {
        RELEASED_AT_EXIT rc_object *w = rc_str_new(words[i]);
        if (w == NULL)
            return -1;
        if (rc_dict_set(seen, w, w) < 0)
            return -1;
    }
    return (long)rc_dict_size(seen);
}

static rc_object *first_word(const char *const *words)
{
    RELEASED_AT_EXIT rc_object *w = rc_str_new(words[0]);
    if (w == NULL)
        return NULL;
    return take_ref(&w);
}

int main(void)
{
    static const char *const words[] = { "a", "b", "a" };
    rc_object *w = first_word(words);
    long n = count_words(words, 3);

    rc_xdecref(w);
    return n == 2 ? 0 : 1;
}
