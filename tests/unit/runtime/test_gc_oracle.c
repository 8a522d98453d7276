/*
 * test_gc_oracle.c - the collector against a reference model (SQLite-style
 * oracle test) on 1,000 random object graphs of up to 10,000 objects.
 *
 * Each graph mixes tracked nodes, tracked nodes with finalizers (half of
 * which resurrect themselves when finalized during a collection), untracked
 * nodes that still hold references, and untracked nodes with finalizers;
 * edges are random, a few nodes stay referenced from the test (roots). The
 * model predicts, with plain graph algorithms, what refcounting and one
 * full collection must do:
 *
 *   1. dropping the test's references frees, by refcounting, everything not
 *      supported by a root (greatest fixpoint of "has a live referrer");
 *   2. the collector's garbage G = tracked objects not reachable, through
 *      tracked objects, from a root or from a reference held by an
 *      untracked object (DFS);
 *   3. every finalizer in G runs once; the resurrected ones, and what they
 *      reach within G, survive (DFS again); the rest G' is freed, and
 *      refcounting then frees what only G' supported (fixpoint again, where
 *      a finalizer of a freed object may resurrect it).
 *
 * The test then checks, for every object, that it was freed exactly when
 * predicted, that each finalizer ran exactly as often as predicted (0 or
 * 1), that no surviving object was cleared, and that collect returned |G'|.
 * Afterwards everything is released and must be freed.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include <rc/rc.h>

#define MAXE 3
enum kind { K_TRACKED, K_FIN, K_UNTRACKED, K_UFIN };

typedef struct gnode {
    RC_OBJECT_HEAD;
    int id;
    rc_object *e[MAXE];
} gnode;

/* Per-graph observations, indexed by node id. */
static int *freed_count, *fin_count, *clear_count;
static unsigned char *resurrects;
static rc_object *rz_list;

static int gnode_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    gnode *g = (gnode *)self;
    for (int i = 0; i < MAXE; i++)
        RC_VISIT(g->e[i]);
    return 0;
}
static void drop_edges(gnode *g)
{
    for (int i = 0; i < MAXE; i++)
        RC_CLEAR(g->e[i]);
}
static void gnode_clear(rc_object *self)
{
    clear_count[((gnode *)self)->id]++;
    drop_edges((gnode *)self);
}
static void gnode_dealloc(rc_object *self)
{
    freed_count[((gnode *)self)->id]++;
    drop_edges((gnode *)self);
}
static void gnode_finalize(rc_object *self)
{
    int id = ((gnode *)self)->id;
    fin_count[id]++;
    if (resurrects[id] && rc_gc_is_collecting())
        rc_list_append(rz_list, self);
}

static const rc_type types[4] = {
    [K_TRACKED] = { "tracked", sizeof(gnode), gnode_dealloc, NULL, gnode_traverse, gnode_clear, 0 },
    [K_FIN] = { "tracked_fin", sizeof(gnode), gnode_dealloc, gnode_finalize, gnode_traverse,
                gnode_clear, 0 },
    [K_UNTRACKED] = { "untracked", sizeof(gnode), gnode_dealloc, NULL, NULL, NULL, 0 },
    [K_UFIN] = { "untracked_fin", sizeof(gnode), gnode_dealloc, gnode_finalize, NULL, NULL, 0 },
};

static uint64_t rng;
static uint64_t next_rand(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 0x2545F4914F6CDD1Dull;
}
static int rnd(int n) { return (int)(next_rand() % (uint64_t)n); }

typedef struct model {
    int n;
    unsigned char *kind, *root, *iroot, *present, *finalized;
    int (*edge)[MAXE]; /* -1: none */
    int *indeg;
    int *queue;
    unsigned char *exp_freed, *exp_fin, *in_g, *mark;
} model;

static int tracked(const model *m, int i) { return m->kind[i] == K_TRACKED || m->kind[i] == K_FIN; }
static int has_fin(const model *m, int i) { return m->kind[i] == K_FIN || m->kind[i] == K_UFIN; }

/* Refcount cascade: remove present objects that are neither roots nor
 * referenced by a present object. collecting: finalizers may resurrect. */
static void cascade(model *m, int collecting)
{
    int n = m->n, qh = 0, qt = 0;
    memset(m->indeg, 0, (size_t)n * sizeof(int));
    for (int i = 0; i < n; i++)
        if (m->present[i])
            for (int k = 0; k < MAXE; k++)
                if (m->edge[i][k] >= 0)
                    m->indeg[m->edge[i][k]]++;
    for (int i = 0; i < n; i++)
        if (m->present[i] && !m->root[i] && m->indeg[i] == 0)
            m->queue[qt++] = i;
    while (qh < qt) {
        int i = m->queue[qh++];
        if (!m->present[i] || m->root[i] || m->indeg[i] != 0)
            continue;
        if (has_fin(m, i) && !m->finalized[i]) {
            m->finalized[i] = 1;
            m->exp_fin[i]++;
            if (collecting && resurrects[i]) {
                m->root[i] = 1; /* resurrected into rz_list */
                continue;
            }
        }
        m->present[i] = 0;
        m->exp_freed[i] = 1;
        for (int k = 0; k < MAXE; k++) {
            int t = m->edge[i][k];
            if (t >= 0 && --m->indeg[t] == 0 && m->present[t] && !m->root[t])
                m->queue[qt++] = t;
        }
    }
}

/* Mark, through tracked objects with in_g[...] == want, everything reachable
 * from the marked seeds (iterative DFS). */
static void dfs(model *m, unsigned char want)
{
    int sp = 0;
    for (int i = 0; i < m->n; i++)
        if (m->mark[i])
            m->queue[sp++] = i;
    while (sp > 0) {
        int i = m->queue[--sp];
        for (int k = 0; k < MAXE; k++) {
            int t = m->edge[i][k];
            if (t >= 0 && !m->mark[t] && m->present[t] && tracked(m, t) && m->in_g[t] == want) {
                m->mark[t] = 1;
                m->queue[sp++] = t;
            }
        }
    }
}

/* Predict one collection; returns |G'|. */
static long predict_collection(model *m)
{
    int n = m->n;
    /* G: tracked, present, not reachable from roots or untracked holders. */
    for (int i = 0; i < n; i++) {
        m->in_g[i] = 0;
        m->mark[i] = m->present[i] && tracked(m, i) && m->root[i];
    }
    for (int i = 0; i < n; i++)
        if (m->present[i] && !tracked(m, i))
            for (int k = 0; k < MAXE; k++) {
                int t = m->edge[i][k];
                if (t >= 0 && tracked(m, t))
                    m->mark[t] = 1;
            }
    dfs(m, 0);
    int any_fin = 0;
    for (int i = 0; i < n; i++) {
        m->in_g[i] = m->present[i] && tracked(m, i) && !m->mark[i];
        if (m->in_g[i] && has_fin(m, i) && !m->finalized[i]) {
            m->finalized[i] = 1;
            m->exp_fin[i]++;
            any_fin = 1;
            if (resurrects[i])
                m->root[i] = 1;
        }
    }
    long freed = 0;
    /* Resurrection check: what the resurrected reach within G survives. */
    for (int i = 0; i < n; i++)
        m->mark[i] = any_fin && m->in_g[i] && m->root[i];
    if (any_fin)
        dfs(m, 1);
    for (int i = 0; i < n; i++) {
        if (m->in_g[i] && !m->mark[i]) {
            m->present[i] = 0;
            m->exp_freed[i] = 1;
            freed++;
        }
    }
    cascade(m, 1);
    return freed;
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    cr_assert_not_null(p);
    return p;
}

static void run_graph(uint64_t seed)
{
    rng = seed * 0x9E3779B97F4A7C15ull + 1;
    int n = 1 + (rnd(20) == 0 ? rnd(10000) : rnd(400));
    model m = { .n = n };
    m.kind = xcalloc((size_t)n, 1), m.root = xcalloc((size_t)n, 1), m.present = xcalloc((size_t)n, 1);
    m.iroot = xcalloc((size_t)n, 1), m.finalized = xcalloc((size_t)n, 1);
    m.edge = xcalloc((size_t)n, sizeof(*m.edge));
    m.indeg = xcalloc((size_t)n, sizeof(int)), m.queue = xcalloc((size_t)n * (MAXE + 1), sizeof(int));
    m.exp_freed = xcalloc((size_t)n, 1), m.exp_fin = xcalloc((size_t)n, 1);
    m.in_g = xcalloc((size_t)n, 1), m.mark = xcalloc((size_t)n, 1);
    freed_count = xcalloc((size_t)n, sizeof(int)), fin_count = xcalloc((size_t)n, sizeof(int));
    clear_count = xcalloc((size_t)n, sizeof(int)), resurrects = xcalloc((size_t)n, 1);
    gnode **ptr = xcalloc((size_t)n, sizeof(gnode *));
    int local = rnd(3); /* edge locality: 0 random, else mostly near neighbours */

    size_t live0 = rc_object_live_count();
    rz_list = rc_list_new(0);
    for (int i = 0; i < n; i++) {
        int r = rnd(100);
        m.kind[i] = r < 65 ? K_TRACKED : r < 80 ? K_FIN : r < 95 ? K_UNTRACKED : K_UFIN;
        resurrects[i] = has_fin(&m, i) && rnd(2);
        m.root[i] = m.iroot[i] = rnd(100) < 4;
        m.present[i] = 1;
        ptr[i] = RC_NEW(gnode, &types[m.kind[i]]);
        cr_assert_not_null(ptr[i]);
        ptr[i]->id = i;
    }
    for (int i = 0; i < n; i++) {
        int ne = rnd(MAXE + 1);
        for (int k = 0; k < MAXE; k++) {
            m.edge[i][k] = -1;
            if (k >= ne)
                continue;
            int t = local ? (i + rnd(9) - 4 + n) % n : rnd(n);
            if (local && rnd(8) == 0)
                t = rnd(n);
            m.edge[i][k] = t;
            ptr[i]->e[k] = rc_newref(ptr[t]);
        }
    }
    for (int i = 0; i < n; i++)
        if (!m.root[i])
            rc_decref(ptr[i]);
    cascade(&m, 0);
    long expect = predict_collection(&m);

    long found = rc_gc_collect(2);
    cr_assert_eq(found, expect, "seed %llu: collect returned %ld, model says %ld",
                 (unsigned long long)seed, found, expect);
    for (int i = 0; i < n; i++) {
        cr_assert_eq(freed_count[i], m.exp_freed[i], "seed %llu: node %d (%s) freed %d times, expected %d",
                     (unsigned long long)seed, i, types[m.kind[i]].name, freed_count[i], m.exp_freed[i]);
        cr_assert_eq(fin_count[i], m.exp_fin[i], "seed %llu: node %d finalized %d times, expected %d",
                     (unsigned long long)seed, i, fin_count[i], m.exp_fin[i]);
        if (!m.exp_freed[i])
            cr_assert_eq(clear_count[i], 0, "seed %llu: live node %d was cleared",
                         (unsigned long long)seed, i);
    }

    /* Release everything: hold every survivor, cut all edges, then drop
     * the resurrection list, the test's roots and the temporary holds. */
    for (int i = 0; i < n; i++) {
        m.mark[i] = freed_count[i] == 0;
        if (m.mark[i])
            rc_incref(ptr[i]);
    }
    for (int i = 0; i < n; i++)
        if (m.mark[i])
            drop_edges(ptr[i]);
    rc_decref(rz_list);
    for (int i = 0; i < n; i++)
        if (m.iroot[i])
            rc_decref(ptr[i]);
    for (int i = 0; i < n; i++)
        if (m.mark[i])
            rc_decref(ptr[i]);
    cr_assert_eq(rc_gc_collect(2), 0);
    for (int i = 0; i < n; i++) {
        cr_assert_eq(freed_count[i], 1, "seed %llu: node %d freed %d times", (unsigned long long)seed,
                     i, freed_count[i]);
        cr_assert_leq(fin_count[i], 1);
    }
    cr_assert_eq(rc_object_live_count(), live0);
    free(ptr), free(freed_count), free(fin_count), free(clear_count), free(resurrects);
    free(m.kind), free(m.root), free(m.present), free(m.iroot), free(m.finalized), free(m.edge);
    free(m.indeg), free(m.queue), free(m.exp_freed), free(m.exp_fin), free(m.in_g), free(m.mark);
}

Test(gc_oracle, random_graphs_1000, .timeout = 600)
{
    rc_gc_disable();
    const char *env = getenv("RC_ORACLE_GRAPHS");
    int graphs = env ? atoi(env) : 1000;
    for (int g = 0; g < graphs; g++)
        run_graph((uint64_t)g + 1);
}
