/*
 * object.c - allocation, the last-decref path, and misuse detection.
 *
 * rc_new_at allocates the block (collector header in front when the type
 * needs one), zero-fills it, sets refcount 1, tracks containers and records
 * the trace. rc_object__dealloc runs when a count reaches zero:
 *
 *   1. finalize, once (FINALIZED bit): the count is raised to 1 around the
 *      call; if it is still above 0 afterwards the object was resurrected
 *      and survives (PEP 442);
 *   2. weak references are cleared and their callbacks run (the target is
 *      already unreachable through them);
 *   3. untrack, the type's dealloc, trace removal, free.
 *
 * Trashcan invariant: at most TRASH_DEPTH nested destructions are on the C
 * stack; a deeper one is pushed on trash_stack (linked through the dead
 * object's refcount field, stored bit-inverted so it reads as negative =
 * freed) and destroyed by the outermost call, so freeing a million-node
 * chain uses bounded stack.
 *
 * Debug builds (RC_DEBUG) keep freed blocks poisoned (refcount
 * RC_FREED_REFCNT, type kept for the message) in a FIFO quarantine of
 * QUARANTINE_MAX blocks before really freeing them, so that an incref or
 * decref of a recently freed object is reported with its type.
 */
#include <stdarg.h>
#include <string.h>

#include "internal.h"

#define TRASH_DEPTH 50
#define QUARANTINE_MAX 4096

size_t rc_object__live;
static int dealloc_depth;
static rc_object *trash_stack;

#ifdef RC_DEBUG
static void *quarantine[QUARANTINE_MAX];
static size_t quarantine_next;
#endif

void rc_object__fatal(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    if (line > 0)
        fprintf(stderr, "%s:%d: rc: ", file ? file : "?", line);
    else
        fprintf(stderr, "%s: rc: ", file ? file : "?");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fflush(stderr);
    abort();
}

void rc_object__misuse(const rc_object *o, const char *file, int line, const char *what)
{
    if (o->ob_refcnt == 0)
        rc_object__fatal(file, line, "%s of object of type '%s' whose reference count is 0 "
                         "(released too many times, or being destroyed)",
                         what, o->ob_type ? o->ob_type->name : "?");
    if (o->ob_refcnt < 0 && o->ob_refcnt != RC_FREED_REFCNT && o->ob_refcnt > -4096)
        rc_object__fatal(file, line, "%s of object of type '%s' with negative reference count %ld",
                         what, o->ob_type ? o->ob_type->name : "?", (long)o->ob_refcnt);
    rc_object__fatal(file, line, "%s of freed object of type '%s' (use after release)", what,
                     o->ob_type ? o->ob_type->name : "?");
}

static size_t head_size(const rc_type *t)
{
    return rc_object__has_head(t) ? sizeof(rc_gc_head) : 0;
}

size_t rc_object_block_size(const rc_type *t, size_t extra)
{
    if (t == NULL)
        return 0;
    return head_size(t) + t->size + extra;
}

rc_object *rc_object__alloc(const rc_type *t, size_t extra, const char *file, int line,
                            const char *func, void *caller)
{
    if (t == NULL || t->size < sizeof(rc_object) || t->name == NULL) {
        rc_error_set(RC_ERR_ARG, "rc_new: %s", t == NULL ? "NULL type" : "invalid type (size or name)");
        return NULL;
    }
    size_t hs = head_size(t);
    size_t size = hs + t->size + extra;
    if (size < extra) {
        rc_error_set(RC_ERR_ARG, "rc_new: size overflow");
        return NULL;
    }
    if (t->traverse)
        rc_gc__maybe_collect();
    char *mem = rc_alloc__malloc(size, file, line);
    if (mem == NULL) {
        rc_error_set(RC_ERR_NOMEM, "rc_new: out of memory allocating a '%s'", t->name);
        return NULL;
    }
    RC_ASSERT(hs == 0 || ((uintptr_t)mem & 15) == 0); /* header flag bits need 16-byte blocks */
    memset(mem, 0, size);
    rc_object *o = (rc_object *)(void *)(mem + hs);
    o->ob_refcnt = 1;
    o->ob_type = t;
    if (t->traverse)
        rc_gc__track((rc_gc_head *)(void *)mem);
    rc_object__live++;
    if (rc_trace__on)
        rc_trace__add(mem, size, RC_TRACE_DOMAIN_OBJECT, t, file, line, func, caller);
    return o;
}

rc_object *rc_new_at(const rc_type *t, const char *file, int line, const char *func)
{
    return rc_object__alloc(t, 0, file, line, func, __builtin_return_address(0));
}

rc_object *rc_new_var_at(const rc_type *t, size_t extra, const char *file, int line,
                         const char *func)
{
    return rc_object__alloc(t, extra, file, line, func, __builtin_return_address(0));
}

void rc_object__free_block(rc_object *o)
{
    const rc_type *t = o->ob_type;
    void *mem = (char *)o - head_size(t);
    if (rc_trace__on)
        rc_trace__remove(mem);
    rc_object__live--;
#ifdef RC_DEBUG
    o->ob_refcnt = RC_FREED_REFCNT;
    memset((char *)o + sizeof(rc_object), 0xdb, t->size - sizeof(rc_object));
    void *old = quarantine[quarantine_next];
    quarantine[quarantine_next] = mem;
    quarantine_next = (quarantine_next + 1) % QUARANTINE_MAX;
    rc_alloc__free(old);
#else
    rc_alloc__free(mem);
#endif
}

/* Destroy o, whose count just reached zero (steps 1-3 above). */
static void destroy(rc_object *o)
{
    const rc_type *t = o->ob_type;
    if (rc_object__has_head(t)) {
        rc_gc_head *g = rc_gc__as_gc(o);
        if (t->finalize && !(g->prev & GC_PREV_FINALIZED)) {
            g->prev |= GC_PREV_FINALIZED;
            o->ob_refcnt = 1;
            t->finalize(o);
            if (--o->ob_refcnt != 0)
                return; /* resurrected */
        }
        if (g->prev & GC_PREV_WEAKREFS) {
            rc_object *queue = NULL;
            rc_weakref__clear_refs(o, &queue);
            rc_weakref__run_callbacks(queue);
        }
        if (g->next != 0)
            rc_gc__untrack(g);
    }
    if (t->dealloc)
        t->dealloc(o);
    rc_object__free_block(o);
}

void rc_object__dealloc(rc_object *o)
{
    if (dealloc_depth >= TRASH_DEPTH) {
        o->ob_refcnt = (intptr_t)~(uintptr_t)trash_stack;
        trash_stack = o;
        return;
    }
    dealloc_depth++;
    destroy(o);
    if (dealloc_depth == 1) {
        while (trash_stack != NULL) {
            rc_object *next = trash_stack;
            trash_stack = (rc_object *)~(uintptr_t)next->ob_refcnt;
            next->ob_refcnt = 0;
            destroy(next);
        }
    }
    dealloc_depth--;
}

int rc_object__check(rc_object *o, const rc_type *t, const char *fn)
{
    if (o == NULL) {
        rc_error_set(RC_ERR_ARG, "%s: NULL object", fn);
        return -1;
    }
#ifdef RC_DEBUG
    if (o->ob_refcnt <= 0)
        rc_object__misuse(o, fn, 0, "use");
#endif
    if (t != NULL && o->ob_type != t) {
        rc_error_set(RC_ERR_TYPE, "%s: expected '%s', got '%s'", fn, t->name,
                     o->ob_type ? o->ob_type->name : "?");
        return -1;
    }
    return 0;
}

int rc_object__check_setter(rc_object *container, const rc_type *t, rc_object *item, const char *fn)
{
    if (rc_object__check(item, NULL, fn) < 0)
        return -1;
    if (rc_object__check(container, t, fn) < 0) {
        rc_decref(item); /* stolen even on failure */
        return -1;
    }
    return 0;
}

intptr_t rc_object_refcount(const rc_object *o)
{
    if (o == NULL) {
        rc_error_set(RC_ERR_ARG, "rc_object_refcount: NULL object");
        return -1;
    }
    return o->ob_refcnt;
}

const rc_type *rc_object_type(const rc_object *o)
{
    if (o == NULL) {
        rc_error_set(RC_ERR_ARG, "rc_object_type: NULL object");
        return NULL;
    }
    return o->ob_type;
}

const char *rc_object_type_name(const rc_object *o)
{
    return o == NULL ? "NULL" : o->ob_type->name;
}

int rc_object_is(const rc_object *o, const rc_type *t)
{
    return o != NULL && t != NULL && o->ob_type == t;
}

/* Heap objects made immortal stay referenced from here, so that leak
 * checkers (LeakSanitizer, valgrind) see them as reachable. */
static rc_object **immortals;
static size_t nimmortals, immortals_cap;

int rc_object_make_immortal(rc_object *o)
{
    if (rc_object__check(o, NULL, "rc_object_make_immortal") < 0)
        return -1;
    if (!rc_object__immortal(o)) {
        if (nimmortals == immortals_cap) {
            size_t cap = immortals_cap ? immortals_cap * 2 : 16;
            rc_object **p = realloc(immortals, cap * sizeof(*p));
            if (p != NULL) {
                immortals = p;
                immortals_cap = cap;
            }
        }
        if (nimmortals < immortals_cap)
            immortals[nimmortals++] = o;
        o->ob_refcnt = RC_IMMORTAL_REFCNT;
        rc_object__live--;
    }
    return 0;
}

int rc_object_is_immortal(const rc_object *o)
{
    return o != NULL && rc_object__immortal(o);
}

size_t rc_object_live_count(void) { return rc_object__live; }

/* Key operations of types with value semantics (registered once, read on
 * every dict operation; the built-ins come first). */
#define KEY_OPS_MAX 64
typedef struct key_ops {
    const rc_type *type;
    rc_hashproc hash;
    rc_equalproc equal;
} key_ops;
static key_ops key_ops_table[KEY_OPS_MAX];
static size_t key_ops_count;

static const key_ops *find_key_ops(const rc_type *t)
{
    static const key_ops builtins[] = {
        { &rc_int_type, rc_int__hash, rc_int__equal },
        { &rc_str_type, rc_str__hash, rc_str__equal },
        { &rc_tuple_type, rc_tuple__hash, rc_tuple__equal },
    };
    for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
        if (builtins[i].type == t)
            return &builtins[i];
    for (size_t i = 0; i < key_ops_count; i++)
        if (key_ops_table[i].type == t)
            return &key_ops_table[i];
    return NULL;
}

int rc_type_set_key_ops(const rc_type *t, rc_hashproc hash, rc_equalproc equal)
{
    if (t == NULL || hash == NULL || equal == NULL) {
        rc_error_set(RC_ERR_ARG, "rc_type_set_key_ops: NULL argument");
        return -1;
    }
    for (size_t i = 0; i < key_ops_count; i++) {
        if (key_ops_table[i].type == t) {
            key_ops_table[i] = (key_ops){ t, hash, equal };
            return 0;
        }
    }
    if (key_ops_count == KEY_OPS_MAX) {
        rc_error_set(RC_ERR_NOMEM, "rc_type_set_key_ops: table full (%d types)", KEY_OPS_MAX);
        return -1;
    }
    key_ops_table[key_ops_count++] = (key_ops){ t, hash, equal };
    return 0;
}

size_t rc_object_hash(rc_object *o)
{
    if (o == NULL)
        return 0;
    const key_ops *k = find_key_ops(o->ob_type);
    if (k)
        return k->hash(o);
    uintptr_t p = (uintptr_t)o;
    return (size_t)((p >> 4) ^ (p >> 20)) * (size_t)0x9E3779B97F4A7C15ull;
}

int rc_object_equal(rc_object *a, rc_object *b)
{
    if (a == b)
        return 1;
    if (a == NULL || b == NULL || a->ob_type != b->ob_type)
        return 0;
    const key_ops *k = find_key_ops(a->ob_type);
    return k != NULL && k->equal(a, b) != 0;
}

/* RC_LEAKCHECK must see every allocation, including those of other
 * constructors, so the environment is read when the library loads. */
__attribute__((constructor)) static void object_init(void) { rc_trace__init_from_env(); }
