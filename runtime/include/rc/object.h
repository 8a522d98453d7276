/*
 * rc/object.h - objects, types, and the reference-count primitives.
 *
 * Every object starts with an rc_object header: the reference count, then
 * the type pointer. A user type embeds it as its first member:
 *
 *     typedef struct node { RC_OBJECT_HEAD; rc_object *left; rc_object *right; } node;
 *
 * Objects of types that have a traverse function (containers), a finalize
 * function, or the RC_TYPE_WEAKREF flag get a 16-byte collector header in
 * front of the object (as CPython's PyGC_Head); it is not part of the
 * public layout and user code never sees it.
 *
 * Ownership rules (DESIGN §3): rc_new() returns a new reference; the last
 * rc_decref() runs the type's finalize once (it may resurrect the object by
 * storing a new reference somewhere), then its dealloc (which releases the
 * references and resources the object owns), then the runtime frees the
 * memory. Deep chains are freed iteratively, never by unbounded recursion.
 *
 * Debug builds (RC_DEBUG, defined by CMake's Debug configuration for the
 * library and for everything that links it) check every primitive: a decref
 * below zero, or an incref/decref of a freed object, aborts with
 * "file:line: rc: message naming the type" on stderr. Freed objects are kept
 * poisoned in a bounded quarantine so that a second release is caught.
 *
 * Threads: the runtime is single-threaded, like CPython with its GIL; the
 * caller serialises allocation, collection and tracing. Building with
 * RC_ATOMIC_REFCOUNT makes only incref/decref atomic.
 */
#ifndef RC_OBJECT_H
#define RC_OBJECT_H

#include <stddef.h>
#include <stdint.h>

#include "annotate.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rc_object rc_object;
typedef struct rc_type rc_type;

/** The header every object starts with. */
struct rc_object {
    intptr_t ob_refcnt;     /**< number of owned references */
    const rc_type *ob_type; /**< never NULL for a live object */
};

/** Embed as the first member of a user object struct. */
#define RC_OBJECT_HEAD rc_object ob_base

/** Visitor called by traverse on each owned reference; non-zero stops. */
typedef int (*rc_visitproc)(rc_object *obj, void *arg);
/** Visit every reference the object owns (RC_VISIT each field). */
typedef int (*rc_traverseproc)(rc_object *self, rc_visitproc visit, void *arg);
/** dealloc, finalize and clear all have this shape. */
typedef void (*rc_destructor)(rc_object *self);
/** Hash of an object used as a dict key. */
typedef size_t (*rc_hashproc)(rc_object *self);
/** 1 if equal, 0 if not (never fails). */
typedef int (*rc_equalproc)(rc_object *self, rc_object *other);

/** Type flags (rc_type.flags). */
#define RC_TYPE_WEAKREF 0x1ul /**< instances can be weakly referenced even without traverse/finalize */

/**
 * A type: exactly these seven members, in this order, so that it can be
 * written positionally or with designators.
 *
 * - dealloc: release every reference and resource the object owns. Called
 *   once, after finalize; the runtime frees the memory afterwards. May be
 *   NULL for objects that own nothing.
 * - finalize: optional; runs once per object (never again, even after a
 *   resurrection) while the object and everything it references are intact.
 *   It may store a new reference to the object somewhere (resurrection). It
 *   must NOT release references: run on a garbage cycle, that would free its
 *   neighbours in the middle of their finalization.
 * - traverse: for containers; call visit on every owned reference (use
 *   RC_VISIT). No side effects, no allocation. Having one makes the type
 *   tracked by the collector.
 * - clear: for containers; drop the references that can form cycles (use
 *   RC_CLEAR), leaving the object valid. The collector calls it on garbage.
 */
struct rc_type {
    const char *name;          /**< for messages and reports */
    size_t size;               /**< sizeof the object struct, >= sizeof(rc_object) */
    rc_destructor dealloc;     /**< release owned references and resources */
    rc_destructor finalize;    /**< optional, PEP 442 semantics */
    rc_traverseproc traverse;  /**< containers: visit owned references */
    rc_destructor clear;       /**< containers: drop owned references */
    unsigned long flags;       /**< RC_TYPE_* */
};

/**
 * Give a type value semantics as a dict key (the built-in int, str and
 * tuple have them; every other type hashes and compares by identity).
 * equal is only called on two objects of type t. At most 64 types.
 * @return 0, or -1 (RC_ERR_ARG for NULL arguments, RC_ERR_NOMEM when full).
 */
RC_API int rc_type_set_key_ops(const rc_type *t, rc_hashproc hash, rc_equalproc equal);

/** Reference count of immortal objects: never reaches zero, never freed. */
#if INTPTR_MAX > 0x7fffffff
#define RC_IMMORTAL_REFCNT ((intptr_t)1 << 40)
#else
#define RC_IMMORTAL_REFCNT ((intptr_t)1 << 28)
#endif

/** Initialiser for a statically allocated (immortal) object header. */
#define RC_STATIC_OBJECT_INIT(type) { RC_IMMORTAL_REFCNT, (type) }

/* Internal entry points used by the inline primitives. Not API. */
RC_API void rc_object__dealloc(rc_object *o);
RC_API void rc_object__misuse(const rc_object *o, const char *file, int line, const char *what)
#if defined(__GNUC__)
    __attribute__((noreturn))
#endif
    ;

/** Take a new reference to o (o must not be NULL). */
static inline RC_PRIM_INCREF void rc_incref_at(rc_object *o, const char *file, int line)
{
#ifdef RC_DEBUG
    if (o->ob_refcnt <= 0)
        rc_object__misuse(o, file, line, "incref");
#else
    (void)file;
    (void)line;
#endif
#ifdef RC_ATOMIC_REFCOUNT
    __atomic_fetch_add(&o->ob_refcnt, 1, __ATOMIC_RELAXED);
#else
    o->ob_refcnt++;
#endif
}

/** rc_incref_at, doing nothing for NULL. */
static inline RC_PRIM_XINCREF void rc_xincref_at(rc_object *o, const char *file, int line)
{
    if (o != NULL)
        rc_incref_at(o, file, line);
}

/** Release a reference (o must not be NULL); the last one destroys o. */
static inline RC_PRIM_DECREF void rc_decref_at(rc_object *o, const char *file, int line)
{
#ifdef RC_DEBUG
    if (o->ob_refcnt <= 0)
        rc_object__misuse(o, file, line, "decref");
#else
    (void)file;
    (void)line;
#endif
#ifdef RC_ATOMIC_REFCOUNT
    if (__atomic_sub_fetch(&o->ob_refcnt, 1, __ATOMIC_ACQ_REL) == 0)
#else
    if (--o->ob_refcnt == 0)
#endif
        rc_object__dealloc(o);
}

/** rc_decref_at, doing nothing for NULL. */
static inline RC_PRIM_XDECREF void rc_xdecref_at(rc_object *o, const char *file, int line)
{
    if (o != NULL)
        rc_decref_at(o, file, line);
}

/** Incref o and return it (a new reference). */
static inline RC_PRIM_NEWREF rc_object *rc_newref_at(rc_object *o, const char *file, int line)
{
    rc_incref_at(o, file, line);
    return o;
}

/** rc_newref_at, returning NULL for NULL. */
static inline RC_PRIM_XNEWREF rc_object *rc_xnewref_at(rc_object *o, const char *file, int line)
{
    if (o != NULL)
        rc_incref_at(o, file, line);
    return o;
}

#define rc_incref(o) rc_incref_at((rc_object *)(o), __FILE__, __LINE__)
#define rc_xincref(o) rc_xincref_at((rc_object *)(o), __FILE__, __LINE__)
#define rc_decref(o) rc_decref_at((rc_object *)(o), __FILE__, __LINE__)
#define rc_xdecref(o) rc_xdecref_at((rc_object *)(o), __FILE__, __LINE__)
#define rc_newref(o) rc_newref_at((rc_object *)(o), __FILE__, __LINE__)
#define rc_xnewref(o) rc_xnewref_at((rc_object *)(o), __FILE__, __LINE__)

/** Set p to NULL, then release what it held (CPython's Py_CLEAR). */
#define RC_CLEAR(p)                                        \
    do {                                                   \
        rc_object *rc_clear_tmp_ = (rc_object *)(p);       \
        if (rc_clear_tmp_ != NULL) {                       \
            (p) = NULL;                                    \
            rc_decref(rc_clear_tmp_);                      \
        }                                                  \
    } while (0)

/** Store src (a new reference) in dst, then release dst's old value (not NULL). */
#define RC_SETREF(dst, src)                                \
    do {                                                   \
        rc_object *rc_setref_tmp_ = (rc_object *)(dst);    \
        (dst) = (src);                                     \
        rc_decref(rc_setref_tmp_);                         \
    } while (0)

/** RC_SETREF for a dst that may be NULL. */
#define RC_XSETREF(dst, src)                               \
    do {                                                   \
        rc_object *rc_setref_tmp_ = (rc_object *)(dst);    \
        (dst) = (src);                                     \
        rc_xdecref(rc_setref_tmp_);                        \
    } while (0)

/** In a traverse function with parameters named visit and arg: visit p if
 *  not NULL and return the visitor's result if it is non-zero. */
#define RC_VISIT(p)                                                    \
    do {                                                               \
        if ((p) != NULL) {                                             \
            int rc_visit_ret_ = visit((rc_object *)(p), arg);          \
            if (rc_visit_ret_ != 0)                                    \
                return rc_visit_ret_;                                  \
        }                                                              \
    } while (0)

/**
 * Allocate a zero-filled object of type t with refcount 1; record the
 * allocation site for tracing. Types with traverse are tracked at once (all
 * fields are NULL, so traversing it is safe) and the allocation may run an
 * automatic collection first.
 * @return new reference; NULL on failure (RC_ERR_ARG for a NULL or invalid
 *         type, RC_ERR_NOMEM).
 */
RC_API RC_RETURNS_NEW RC_MAY_FAIL rc_object *rc_new_at(const rc_type *t, const char *file, int line,
                                                       const char *func);

/** rc_new_at for an object with extra bytes after t->size (flexible arrays).
 *  @return new reference; NULL on failure (RC_ERR_ARG, RC_ERR_NOMEM). */
RC_API RC_RETURNS_NEW RC_MAY_FAIL rc_object *rc_new_var_at(const rc_type *t, size_t extra,
                                                           const char *file, int line,
                                                           const char *func);

#define rc_new(t) rc_new_at((t), __FILE__, __LINE__, __func__)
#define rc_new_var(t, extra) rc_new_var_at((t), (extra), __FILE__, __LINE__, __func__)
/** Typed allocation: node *n = RC_NEW(node, &node_type); */
#define RC_NEW(T, t) ((T *)rc_new(t))

/** Reference count of o; -1 (RC_ERR_ARG) for NULL. */
RC_API intptr_t rc_object_refcount(const rc_object *o);

/** Type of o; NULL (RC_ERR_ARG) for NULL. Borrowed (types are static). */
RC_API const rc_type *rc_object_type(const rc_object *o);

/** Name of o's type; "NULL" for NULL. */
RC_API const char *rc_object_type_name(const rc_object *o);

/** 1 if o is not NULL and of type t, else 0. */
RC_API int rc_object_is(const rc_object *o, const rc_type *t);

/** Make o immortal: it is never freed and no longer counts as alive in leak
 *  reports. Borrows o (the caller's references become meaningless).
 *  @return 0, or -1 (RC_ERR_ARG) for NULL. */
RC_API int rc_object_make_immortal(rc_object *o);

/** 1 if o is immortal (static or made immortal), 0 otherwise or for NULL. */
RC_API int rc_object_is_immortal(const rc_object *o);

/** Number of heap objects alive now (immortal ones excluded). */
RC_API size_t rc_object_live_count(void);

/** Bytes the runtime allocates for an instance of t with extra bytes:
 *  collector header (if any) + t->size + extra. 0 for NULL. */
RC_API size_t rc_object_block_size(const rc_type *t, size_t extra);

/** Hash of o for dict keys: by value for types with key ops, else by
 *  identity. Never fails (0 for NULL). */
RC_API size_t rc_object_hash(rc_object *o);

/** Key equality: identity, else the type's key equal (same type only). */
RC_API int rc_object_equal(rc_object *a, rc_object *b);

#ifdef __cplusplus
}
#endif

#endif /* RC_OBJECT_H */
