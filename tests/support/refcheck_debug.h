/*
 * refcheck_debug.h — intrinsics for engine tests (STYLE §6, after Smatch's
 * __smatch_* functions). A call
 *
 *     refcheck_debug_state(obj);
 *
 * makes `refcheck check` print, on stderr, what the engine believes about
 * `obj` at that point of each path that reaches it:
 *
 *     file.c:12:5: debug: obj: object, new from rc_list_new, owned 1, not NULL
 *
 * The function has no definition: files using it are analysed, not linked.
 */
#ifndef REFCHECK_DEBUG_H
#define REFCHECK_DEBUG_H

void refcheck_debug_state(const void *value);

#endif
