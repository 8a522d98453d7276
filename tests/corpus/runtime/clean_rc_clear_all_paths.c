/*
 * Clean: RC_CLEAR on locals and fields on every path.
 *
 * cache_refresh() replaces both fields of a cache: it builds the new
 * values first, RC_CLEARs the old fields (NULL-safe), and stores the new
 * ones; on failure it RC_CLEARs its locals. cache_fini() clears the
 * fields. main() refreshes twice and finalises.
 */
#include <rc/rc.h>

struct cache {
    rc_object *keys;
    rc_object *hits;
};

static int cache_refresh(struct cache *c, long hits)
{
    rc_object *keys = rc_list_new(0);
    rc_object *h = rc_int_new(hits);

    if (keys == NULL || h == NULL) {
        RC_CLEAR(keys);
        RC_CLEAR(h);
        return -1;
    }
    RC_CLEAR(c->keys);
    RC_CLEAR(c->hits);
    c->keys = keys;
    c->hits = h;
    return 0;
}

static void cache_fini(struct cache *c)
{
    RC_CLEAR(c->keys);
    RC_CLEAR(c->hits);
}

int main(void)
{
    struct cache c = { NULL, NULL };

    (void)cache_refresh(&c, 1);
    (void)cache_refresh(&c, 2);
    cache_fini(&c);
    return 0;
}
