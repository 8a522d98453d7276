/*
 * leak_helper.c - a program for test_leakcheck: run with RC_LEAKCHECK=1 and
 * an argument saying what to leak ("none", "leak", "cycle", "garbage").
 */
#include <stdio.h>
#include <string.h>

#include <rc/rc.h>

typedef struct pair {
    RC_OBJECT_HEAD;
    rc_object *other;
} pair;

static int pair_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    RC_VISIT(((pair *)self)->other);
    return 0;
}
static void pair_clear(rc_object *self) { RC_CLEAR(((pair *)self)->other); }
static const rc_type pair_type = { "pair", sizeof(pair), pair_clear, NULL, pair_traverse, pair_clear, 0 };
static const rc_type stuck_type = { "stuck", sizeof(pair), pair_clear, NULL, pair_traverse, NULL, 0 };

static rc_object static_one = RC_STATIC_OBJECT_INIT(&pair_type);

static void make_cycle(const rc_type *t)
{
    pair *a = RC_NEW(pair, t), *b = RC_NEW(pair, t);
    a->other = rc_newref(b);
    b->other = rc_newref(a);
    rc_decref(a);
    rc_decref(b);
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "none";
    rc_object *keep = rc_list_new(0);
    rc_object *name = rc_str_new("x");
    rc_list_append(keep, name);
    rc_decref(name);
    rc_incref(&static_one);
    if (strcmp(what, "leak") == 0) {
        rc_object *lost = rc_int_new(1); /* never released */
        (void)lost;
        for (int i = 0; i < 3; i++)
            rc_new(&pair_type); /* three lost pairs */
    } else if (strcmp(what, "cycle") == 0) {
        make_cycle(&pair_type); /* the final collection frees it: no leak */
    } else if (strcmp(what, "garbage") == 0) {
        make_cycle(&stuck_type); /* uncollectable: still alive at exit */
    }
    rc_object *immortal = rc_dict_new();
    rc_object_make_immortal(immortal);
    rc_decref(keep);
    printf("done %s\n", what);
    return 0;
}
