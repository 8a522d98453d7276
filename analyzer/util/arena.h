/*
 * arena.h — bump allocator for data that lives and dies together (one
 * translation unit's IR, one function's analysis). Allocations are never
 * freed one by one; arena_free releases everything. Out of memory aborts:
 * the analyzer cannot do anything useful without memory, and a clean abort
 * beats NULL checks on every node.
 */
#ifndef REFCHECK_ARENA_H
#define REFCHECK_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a);
/* Zeroed, aligned for any type. */
void *arena_alloc(struct arena *a, size_t size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* Bytes handed out so far (for memory figures). */
size_t arena_used(const struct arena *a);

#endif
