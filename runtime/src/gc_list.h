/*
 * gc_list.h - intrusive circular doubly linked lists of rc_gc_head, the
 * collector's generations (CPython's gc_list_* helpers).
 *
 * A list is a sentinel head whose next/prev point at itself when empty.
 * These helpers assume a proper list: next pointers without the
 * UNREACHABLE bit and prev pointers (not gc_refs) in every member. The
 * flag bits of prev are preserved by every operation.
 */
#ifndef RC_GC_LIST_H
#define RC_GC_LIST_H

#include "internal.h"

#define GC_NEXT(g) ((rc_gc_head *)(void *)(g)->next)
#define GC_PREV(g) ((rc_gc_head *)(void *)((g)->prev & ~GC_PREV_FLAGS))

static inline void gc_set_prev(rc_gc_head *g, rc_gc_head *p)
{
    g->prev = (g->prev & GC_PREV_FLAGS) | (uintptr_t)p;
}
static inline void gc_set_next(rc_gc_head *g, rc_gc_head *n) { g->next = (uintptr_t)n; }

static inline void gc_list_init(rc_gc_head *list)
{
    list->prev = (uintptr_t)list;
    list->next = (uintptr_t)list;
}

static inline int gc_list_is_empty(rc_gc_head *list) { return GC_NEXT(list) == list; }

static inline void gc_list_append(rc_gc_head *node, rc_gc_head *list)
{
    rc_gc_head *last = GC_PREV(list);
    gc_set_next(last, node);
    gc_set_prev(node, last);
    gc_set_next(node, list);
    gc_set_prev(list, node);
}

static inline void gc_list_remove(rc_gc_head *node)
{
    rc_gc_head *prev = GC_PREV(node);
    rc_gc_head *next = GC_NEXT(node);
    gc_set_next(prev, next);
    gc_set_prev(next, prev);
    node->next = 0;
}

static inline void gc_list_move(rc_gc_head *node, rc_gc_head *list)
{
    rc_gc_head *prev = GC_PREV(node);
    rc_gc_head *next = GC_NEXT(node);
    gc_set_next(prev, next);
    gc_set_prev(next, prev);
    gc_list_append(node, list);
}

/* Append every node of from to the end of to; from becomes empty. */
static inline void gc_list_merge(rc_gc_head *from, rc_gc_head *to)
{
    if (!gc_list_is_empty(from)) {
        rc_gc_head *to_tail = GC_PREV(to);
        rc_gc_head *from_head = GC_NEXT(from);
        rc_gc_head *from_tail = GC_PREV(from);
        gc_set_next(to_tail, from_head);
        gc_set_prev(from_head, to_tail);
        gc_set_next(from_tail, to);
        gc_set_prev(to, from_tail);
    }
    gc_list_init(from);
}

static inline size_t gc_list_size(rc_gc_head *list)
{
    size_t n = 0;
    for (rc_gc_head *g = GC_NEXT(list); g != list; g = GC_NEXT(g))
        n++;
    return n;
}

#endif /* RC_GC_LIST_H */
