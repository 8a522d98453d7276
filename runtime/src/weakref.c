/*
 * weakref.c - zeroing weak references (rc/weakref.h).
 *
 * Each target with weak references has the WEAKREFS bit in its collector
 * header and an entry in refs_by_target (target -> first weakref); the
 * weakrefs to one target form a doubly linked list. A weakref owns nothing:
 * target is a borrowed pointer that the runtime sets to NULL when the
 * target dies (rc_weakref__clear_refs, called by the last decref and by the
 * collector before finalizers run). Callbacks run afterwards, each holding
 * a temporary reference to its weakref.
 */
#include "internal.h"
#include "ptrmap.h"

typedef struct weakref_object {
    RC_OBJECT_HEAD;
    rc_object *target RC_BORROWED_FIELD;
    rc_weakref_callback cb;
    void *arg;
    struct weakref_object *next RC_BORROWED_FIELD;
    struct weakref_object *prev RC_BORROWED_FIELD;
    struct weakref_object *queued RC_BORROWED_FIELD;
} weakref_object;

static rc_ptrmap refs_by_target;

/* Unlink w from its target's list (w->target still set). */
static void unlink_ref(weakref_object *w)
{
    rc_object *target = w->target;
    if (w->prev)
        w->prev->next = w->next;
    if (w->next)
        w->next->prev = w->prev;
    rc_ptrmap_entry *e = rc_ptrmap__get(&refs_by_target, (uintptr_t)target);
    if (e && e->value == (uintptr_t)w)
        e->value = (uintptr_t)w->next;
    if (e && e->value == 0) {
        rc_ptrmap__del(&refs_by_target, (uintptr_t)target);
        rc_gc__as_gc(target)->prev &= ~GC_PREV_WEAKREFS;
    }
    w->next = w->prev = NULL;
    w->target = NULL;
}

static void weakref_dealloc(rc_object *self)
{
    weakref_object *w = (weakref_object *)self;
    if (w->target)
        unlink_ref(w);
}

const rc_type rc_weakref_type = {
    .name = "weakref",
    .size = sizeof(weakref_object),
    .dealloc = weakref_dealloc,
};

rc_object *rc_weakref_new(rc_object *target, rc_weakref_callback cb, void *arg)
{
    if (rc_object__check(target, NULL, "rc_weakref_new") < 0)
        return NULL;
    if (!rc_object__has_head(target->ob_type)) {
        rc_error_set(RC_ERR_TYPE, "rc_weakref_new: cannot create a weak reference to a '%s'",
                     target->ob_type->name);
        return NULL;
    }
    weakref_object *w = (weakref_object *)rc_object__alloc(
        &rc_weakref_type, 0, NULL, 0, "rc_weakref_new", __builtin_return_address(0));
    if (w == NULL)
        return NULL;
    rc_ptrmap_entry *e = rc_ptrmap__put(&refs_by_target, (uintptr_t)target);
    if (e == NULL) {
        rc_error__nomem("rc_weakref_new");
        rc_decref(&w->ob_base);
        return NULL;
    }
    w->target = target;
    w->cb = cb;
    w->arg = arg;
    w->next = (weakref_object *)e->value;
    if (w->next)
        w->next->prev = w;
    e->value = (uintptr_t)w;
    rc_gc__as_gc(target)->prev |= GC_PREV_WEAKREFS;
    return &w->ob_base;
}

void rc_weakref__clear_refs(rc_object *o, rc_object **queue)
{
    rc_ptrmap_entry *e = rc_ptrmap__get(&refs_by_target, (uintptr_t)o);
    weakref_object *w = e ? (weakref_object *)e->value : NULL;
    if (e)
        rc_ptrmap__del(&refs_by_target, (uintptr_t)o);
    rc_gc__as_gc(o)->prev &= ~GC_PREV_WEAKREFS;
    while (w != NULL) {
        weakref_object *next = w->next;
        w->target = NULL;
        w->next = w->prev = NULL;
        if (w->cb) {
            rc_incref(&w->ob_base);
            w->queued = (weakref_object *)*queue;
            *queue = &w->ob_base;
        }
        w = next;
    }
}

size_t rc_weakref__run_callbacks(rc_object *queue)
{
    size_t n = 0;
    while (queue != NULL) {
        weakref_object *w = (weakref_object *)queue;
        queue = (rc_object *)w->queued;
        w->queued = NULL;
        w->cb(&w->ob_base, w->arg);
        rc_decref(&w->ob_base);
        n++;
    }
    return n;
}

static weakref_object *check_ref(rc_object *ref, const char *fn)
{
    if (rc_object__check(ref, &rc_weakref_type, fn) < 0)
        return NULL;
    return (weakref_object *)ref;
}

rc_object *rc_weakref_get(rc_object *ref)
{
    weakref_object *w = check_ref(ref, "rc_weakref_get");
    if (w == NULL || w->target == NULL)
        return NULL;
    return rc_newref(w->target);
}

int rc_weakref_is_alive(rc_object *ref)
{
    weakref_object *w = check_ref(ref, "rc_weakref_is_alive");
    if (w == NULL)
        return -1;
    return w->target != NULL;
}

size_t rc_weakref_count(rc_object *o)
{
    if (o == NULL || !rc_object__has_head(o->ob_type))
        return 0;
    rc_ptrmap_entry *e = rc_ptrmap__get(&refs_by_target, (uintptr_t)o);
    size_t n = 0;
    for (weakref_object *w = e ? (weakref_object *)e->value : NULL; w; w = w->next)
        n++;
    return n;
}

int rc_weakref_check(rc_object *o) { return o != NULL && o->ob_type == &rc_weakref_type; }
