/*
 * gc_bench.c - the runtime's collector on CPython's benchmark shapes
 * (../shared/bench/cpython_gc_baseline.py), plus refcount-only and tracing
 * rows. Prints one JSON object per measurement (run.sh compares them with
 * CPython's in one table).
 *
 * Node = a tracked object with two reference fields (traverse visits both,
 * clear drops both), as the Python script's `class Node: __slots__ = ('a',
 * 'b')`. Graphs are built the way the Python code builds them: each node is
 * created (count 1), stored into its parent with an incref, and the local
 * reference dropped, so every node has been decremented to a non-zero count
 * at least once. Each measurement runs in a fresh child process with the
 * collector disabled; the heap is collected (untimed) before building; the
 * timed rc_gc_collect(2) includes freeing the garbage.
 *
 * usage: rc_gc_bench [--n N]... [--shape S]... [--repeat R] [--cpu]
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <rc/rc.h>

typedef struct node {
    RC_OBJECT_HEAD;
    rc_object *a;
    rc_object *b;
} node;

static int node_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    node *n = (node *)self;
    RC_VISIT(n->a);
    RC_VISIT(n->b);
    return 0;
}

static void node_clear(rc_object *self)
{
    node *n = (node *)self;
    RC_CLEAR(n->a);
    RC_CLEAR(n->b);
}

static const rc_type node_type = { "Node", sizeof(node), node_clear, NULL, node_traverse, node_clear, 0 };

static node *new_node(void)
{
    node *n = RC_NEW(node, &node_type);
    if (n == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return n;
}

/* Wall clock, as the Python script's perf_counter_ns; --cpu switches to
 * the thread's CPU time, steadier on a loaded machine. */
static clockid_t bench_clock = CLOCK_MONOTONIC;

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(bench_clock, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void build_pairs(long npairs)
{
    for (long i = 0; i < npairs; i++) {
        node *x = new_node(), *y = new_node();
        x->a = rc_newref(y);
        y->a = rc_newref(x);
        rc_decref(x);
        rc_decref(y);
    }
}

/* Returns a new reference to the root. */
static node *build_tree(long n)
{
    if (n < 1)
        n = 1;
    node **nodes = malloc((size_t)n * sizeof(*nodes));
    if (nodes == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    for (long i = 0; i < n; i++)
        nodes[i] = new_node();
    for (long i = 0; i < n; i++) {
        long left = 2 * i + 1;
        if (left < n) {
            nodes[i]->a = rc_newref(nodes[left]);
            if (left + 1 < n)
                nodes[i]->b = rc_newref(nodes[left + 1]);
        }
    }
    node *root = (node *)rc_newref(nodes[0]);
    for (long i = 0; i < n; i++)
        rc_decref(nodes[i]);
    free(nodes);
    return root;
}

/* A chain node[i].a = node[i+1], built as the Python script does; returns
 * new references to the head and (in *tail) the last node. */
static node *build_chain(long n, node **tail)
{
    node *head = new_node();
    node *prev = (node *)rc_newref(head);
    for (long i = 0; i < n - 1; i++) {
        node *nd = new_node();
        prev->a = rc_newref(nd);
        rc_decref(prev);
        prev = nd;
    }
    *tail = prev;
    return head;
}

static void build_ring(long n)
{
    node *last;
    node *first = build_chain(n, &last);
    last->a = rc_newref(first);
    rc_decref(first);
    rc_decref(last);
}

static long long timed_collect(long *found)
{
    long long t0 = now_ns();
    *found = rc_gc_collect(2);
    return now_ns() - t0;
}

/* One measurement, in this (child) process; prints one JSON line. */
static void child(const char *shape, long n)
{
    rc_gc_disable();
    long found = 0;
    long long base = 0, ns = 0;
    for (int i = 0; i < 5; i++) {
        long long t = timed_collect(&found);
        base = i == 0 || t < base ? t : base;
    }
    if (strcmp(shape, "pairs") == 0 || strcmp(shape, "ring") == 0 || strcmp(shape, "tree") == 0 ||
        strcmp(shape, "mix") == 0) {
        long expect = 0;
        node *root = NULL;
        if (strcmp(shape, "pairs") == 0) {
            build_pairs(n / 2);
            expect = n / 2 * 2;
        } else if (strcmp(shape, "ring") == 0) {
            build_ring(n);
            expect = n;
        } else if (strcmp(shape, "tree") == 0) {
            root = build_tree(n);
        } else {
            root = build_tree(n - n / 10);
            build_pairs(n / 20);
            expect = n / 20 * 2;
        }
        ns = timed_collect(&found);
        rc_xdecref(root);
        printf("{\"shape\": \"%s\", \"n\": %ld, \"ns\": %lld, \"base_ns\": %lld, \"found\": %ld, "
               "\"expect\": %ld}\n", shape, n, ns, base, found, expect);
    } else if (strcmp(shape, "alloc") == 0 || strcmp(shape, "alloc_traced") == 0) {
        /* allocate-and-release loop: N nodes into an array, then released */
        if (strcmp(shape, "alloc_traced") == 0)
            rc_trace_start(1);
        rc_object **arr = calloc((size_t)n, sizeof(*arr));
        long long best_a = 0, best_r = 0;
        for (int round = 0; round < 5; round++) {
            long long t0 = now_ns();
            for (long i = 0; i < n; i++)
                arr[i] = rc_new(&node_type);
            long long t1 = now_ns();
            for (long i = 0; i < n; i++)
                rc_decref(arr[i]);
            long long t2 = now_ns();
            if (round == 0 || t1 - t0 < best_a)
                best_a = t1 - t0;
            if (round == 0 || t2 - t1 < best_r)
                best_r = t2 - t1;
        }
        size_t cur = 0, peak = 0;
        rc_trace_get_traced_memory(&cur, &peak);
        free(arr);
        printf("{\"shape\": \"%s\", \"n\": %ld, \"ns\": %lld, \"release_ns\": %lld, \"peak\": %zu}\n",
               shape, n, best_a, best_r, peak);
    } else if (strcmp(shape, "chain_free") == 0) {
        node *tail;
        node *head = build_chain(n, &tail);
        rc_decref(tail);
        long long t0 = now_ns();
        rc_decref(head);
        ns = now_ns() - t0;
        printf("{\"shape\": \"%s\", \"n\": %ld, \"ns\": %lld}\n", shape, n, ns);
    } else if (strcmp(shape, "build_gc_off") == 0 || strcmp(shape, "build_gc_on") == 0) {
        if (strcmp(shape, "build_gc_on") == 0)
            rc_gc_enable();
        long long t0 = now_ns();
        node *root = build_tree(n);
        ns = now_ns() - t0;
        rc_gc_disable();
        rc_gc_stats s[3];
        for (int g = 0; g < 3; g++)
            rc_gc_get_stats(&s[g], g);
        rc_decref(root);
        printf("{\"shape\": \"%s\", \"n\": %ld, \"ns\": %lld, \"gen_counts\": [%ld, %ld, %ld]}\n", shape,
               n, ns, s[0].collections, s[1].collections, s[2].collections);
    } else {
        fprintf(stderr, "unknown shape %s\n", shape);
        exit(2);
    }
    fflush(stdout);
}

static const char *all_shapes[] = { "pairs", "ring", "tree", "mix", "alloc", "alloc_traced",
                                    "chain_free", "build_gc_off", "build_gc_on" };

int main(int argc, char **argv)
{
    long ns_list[8];
    int nn = 0, nshapes = 0, repeat = 3;
    const char *shapes[16];
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--n") == 0 && i + 1 < argc && nn < 8)
            ns_list[nn++] = atol(argv[++i]);
        else if (strcmp(argv[i], "--shape") == 0 && i + 1 < argc && nshapes < 16)
            shapes[nshapes++] = argv[++i];
        else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = atoi(argv[++i]);
        else if (strcmp(argv[i], "--cpu") == 0)
            bench_clock = CLOCK_THREAD_CPUTIME_ID;
        else if (strcmp(argv[i], "--child") == 0 && i + 2 < argc) {
            child(argv[i + 1], atol(argv[i + 2]));
            return 0;
        } else {
            fprintf(stderr, "usage: %s [--n N]... [--shape S]... [--repeat R] [--cpu]\n", argv[0]);
            return 2;
        }
    }
    if (nn == 0) {
        ns_list[nn++] = 100000;
        ns_list[nn++] = 1000000;
    }
    if (nshapes == 0)
        for (size_t i = 0; i < sizeof(all_shapes) / sizeof(all_shapes[0]); i++)
            shapes[nshapes++] = all_shapes[i];
    for (int k = 0; k < nn; k++) {
        for (int s = 0; s < nshapes; s++) {
            for (int r = 0; r < repeat; r++) {
                fflush(stdout);
                pid_t pid = fork();
                if (pid == 0) {
                    child(shapes[s], ns_list[k]);
                    _exit(0);
                }
                int st;
                waitpid(pid, &st, 0);
                if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
                    fprintf(stderr, "child %s %ld failed\n", shapes[s], ns_list[k]);
                    return 1;
                }
            }
        }
    }
    return 0;
}
