/*
 * rc/types.h - the built-in types: int, str, list, dict, tuple.
 *
 * They are written with the same public API user types use (rc/object.h)
 * and follow CPython's ownership shapes, which refcheck knows:
 *   - constructors return a new reference, NULL on failure;
 *   - getters (rc_list_get, rc_dict_get, rc_tuple_get) return BORROWED
 *     references: valid only while the container holds the item;
 *   - rc_list_set and rc_tuple_set STEAL the item, even when they fail;
 *   - rc_list_append, rc_dict_set and rc_tuple_pack do NOT steal: they take
 *     their own references.
 * Every function given a NULL, an object of the wrong type or a bad index
 * returns its failure value with an error set (rc/error.h); none crashes.
 * Lists, dicts and tuples are containers tracked by the collector; ints and
 * strs are not. Dict keys compare by value for int and str, by identity
 * otherwise (or with the key type's hash/equal).
 */
#ifndef RC_TYPES_H
#define RC_TYPES_H

#include <stddef.h>

#include "annotate.h"
#include "object.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The built-in type objects. */
RC_API extern const rc_type rc_int_type;
RC_API extern const rc_type rc_str_type;
RC_API extern const rc_type rc_list_type;
RC_API extern const rc_type rc_dict_type;
RC_API extern const rc_type rc_tuple_type;

/* ---- int ---------------------------------------------------------------- */

/** A new int. @return new reference; NULL on failure (RC_ERR_NOMEM). */
RC_API RC_RETURNS_NEW RC_MAY_FAIL rc_object *rc_int_new(long v);
/** Value of an int (borrows o).
 *  @return the value; -1 with RC_ERR_ARG/RC_ERR_TYPE set on failure. */
RC_API long rc_int_value(rc_object *o);
/** 1 if o is an int, 0 otherwise (also for NULL). Never fails. */
RC_API int rc_int_check(rc_object *o);

/* ---- str ---------------------------------------------------------------- */

/** A new str copied from the NUL-terminated s.
 *  @return new reference; NULL on failure (RC_ERR_ARG for NULL s, RC_ERR_NOMEM). */
RC_API RC_RETURNS_NEW RC_MAY_FAIL rc_object *rc_str_new(const char *s);
/** A new str of len bytes from s (may contain NUL bytes).
 *  @return new reference; NULL on failure (RC_ERR_ARG, RC_ERR_NOMEM). */
RC_API RC_RETURNS_NEW RC_MAY_FAIL rc_object *rc_str_new_len(const char *s, size_t len);
/** The str's bytes, NUL-terminated, valid while o lives (borrows o).
 *  @return pointer, NULL on failure (RC_ERR_ARG, RC_ERR_TYPE). */
RC_API const char *rc_str_value(rc_object *o);
/** Length in bytes. @return the length; 0 with an error set on failure. */
RC_API size_t rc_str_len(rc_object *o);
/** a + b as a new str (borrows both).
 *  @return new reference; NULL on failure (RC_ERR_ARG, RC_ERR_TYPE, RC_ERR_NOMEM). */
RC_API RC_RETURNS_NEW RC_MAY_FAIL rc_object *rc_str_concat(rc_object *a, rc_object *b);
/** 1 if o is a str, 0 otherwise (also for NULL). Never fails. */
RC_API int rc_str_check(rc_object *o);

/* ---- list --------------------------------------------------------------- */

/** A new empty list with room for capacity_hint items.
 *  @return new reference; NULL on failure (RC_ERR_NOMEM). */
RC_API RC_RETURNS_NEW RC_MAY_FAIL rc_object *rc_list_new(size_t capacity_hint);
/** Append item; does NOT steal (the list takes its own reference).
 *  @return 0, -1 on failure (RC_ERR_ARG, RC_ERR_TYPE, RC_ERR_NOMEM). */
RC_API RC_MAY_FAIL int rc_list_append(rc_object *list, rc_object *item);
/** Item i. @return BORROWED reference; NULL on failure (RC_ERR_ARG,
 *  RC_ERR_TYPE, RC_ERR_INDEX). */
RC_API RC_RETURNS_BORROWED RC_MAY_FAIL rc_object *rc_list_get(rc_object *list, size_t i);
/** Replace item i with item, releasing the old one. STEALS item, even on
 *  failure. @return 0, -1 on failure (RC_ERR_ARG, RC_ERR_TYPE, RC_ERR_INDEX). */
RC_API RC_STEALS(3) RC_MAY_FAIL RC_RUNS_CODE int rc_list_set(rc_object *list, size_t i,
                                                             rc_object *item);
/** Number of items; 0 with an error set on failure. */
RC_API size_t rc_list_size(rc_object *list);
/** Remove and return the last item.
 *  @return new reference (the list's); NULL on failure (RC_ERR_ARG,
 *  RC_ERR_TYPE, RC_ERR_INDEX when empty). */
RC_API RC_RETURNS_NEW RC_MAY_FAIL rc_object *rc_list_pop(rc_object *list);
/** Remove every item, releasing them.
 *  @return 0, -1 on failure (RC_ERR_ARG, RC_ERR_TYPE). */
RC_API RC_MAY_FAIL RC_RUNS_CODE int rc_list_clear(rc_object *list);
/** 1 if o is a list, 0 otherwise (also for NULL). Never fails. */
RC_API int rc_list_check(rc_object *o);

/* ---- dict --------------------------------------------------------------- */

/** A new empty dict. @return new reference; NULL on failure (RC_ERR_NOMEM). */
RC_API RC_RETURNS_NEW RC_MAY_FAIL rc_object *rc_dict_new(void);
/** d[key] = value; does NOT steal either (the dict takes its own references);
 *  a replaced value is released.
 *  @return 0, -1 on failure (RC_ERR_ARG, RC_ERR_TYPE, RC_ERR_NOMEM). */
RC_API RC_MAY_FAIL RC_RUNS_CODE int rc_dict_set(rc_object *d, rc_object *key, rc_object *value);
/** d[key]. @return BORROWED reference; NULL if missing (error class
 *  RC_ERR_KEY) or on failure (RC_ERR_ARG, RC_ERR_TYPE). */
RC_API RC_RETURNS_BORROWED RC_MAY_FAIL rc_object *rc_dict_get(rc_object *d, rc_object *key);
/** Delete d[key], releasing key and value.
 *  @return 0, -1 on failure (RC_ERR_KEY if missing, RC_ERR_ARG, RC_ERR_TYPE). */
RC_API RC_MAY_FAIL RC_RUNS_CODE int rc_dict_del(rc_object *d, rc_object *key);
/** Iterate: start with *pos = 0; each call stores BORROWED references to
 *  the next key and value (either out pointer may be NULL).
 *  @return 1 while there is an item, 0 at the end or on failure (then
 *  RC_ERR_ARG/RC_ERR_TYPE is set). Do not mutate d while iterating. */
RC_API RC_OUT_BORROWED(3) RC_OUT_BORROWED(4) int rc_dict_next(rc_object *d, size_t *pos,
                                                              rc_object **key, rc_object **value);
/** Number of items; 0 with an error set on failure. */
RC_API size_t rc_dict_size(rc_object *d);
/** d[str(key)] = value; does NOT steal value.
 *  @return 0, -1 on failure (RC_ERR_ARG, RC_ERR_TYPE, RC_ERR_NOMEM). */
RC_API RC_MAY_FAIL RC_RUNS_CODE int rc_dict_set_str(rc_object *d, const char *key,
                                                    rc_object *value);
/** d[str(key)]. @return BORROWED reference; NULL if missing (RC_ERR_KEY)
 *  or on failure (RC_ERR_ARG, RC_ERR_TYPE). */
RC_API RC_RETURNS_BORROWED RC_MAY_FAIL rc_object *rc_dict_get_str(rc_object *d, const char *key);
/** Remove every item. @return 0, -1 on failure (RC_ERR_ARG, RC_ERR_TYPE). */
RC_API RC_MAY_FAIL RC_RUNS_CODE int rc_dict_clear(rc_object *d);
/** 1 if o is a dict, 0 otherwise (also for NULL). Never fails. */
RC_API int rc_dict_check(rc_object *o);

/* ---- tuple -------------------------------------------------------------- */

/** A new tuple of n NULL slots (fill them with rc_tuple_set).
 *  @return new reference; NULL on failure (RC_ERR_NOMEM). */
RC_API RC_RETURNS_NEW RC_MAY_FAIL rc_object *rc_tuple_new(size_t n);
/** Store item in slot i, releasing the old one. STEALS item, even on
 *  failure. @return 0, -1 on failure (RC_ERR_ARG, RC_ERR_TYPE, RC_ERR_INDEX). */
RC_API RC_STEALS(3) RC_MAY_FAIL RC_RUNS_CODE int rc_tuple_set(rc_object *t, size_t i,
                                                              rc_object *item);
/** Slot i. @return BORROWED reference; NULL on failure (RC_ERR_ARG,
 *  RC_ERR_TYPE, RC_ERR_INDEX) or for a slot not yet set (no error). */
RC_API RC_RETURNS_BORROWED RC_MAY_FAIL rc_object *rc_tuple_get(rc_object *t, size_t i);
/** A new tuple of the n rc_object * arguments; does NOT steal them (each is
 *  increfed; none may be NULL).
 *  @return new reference; NULL on failure (RC_ERR_ARG, RC_ERR_NOMEM). */
RC_API RC_RETURNS_NEW RC_MAY_FAIL rc_object *rc_tuple_pack(size_t n, ...);
/** Number of slots; 0 with an error set on failure. */
RC_API size_t rc_tuple_size(rc_object *t);
/** 1 if o is a tuple, 0 otherwise (also for NULL). Never fails. */
RC_API int rc_tuple_check(rc_object *o);

#ifdef __cplusplus
}
#endif

#endif /* RC_TYPES_H */
