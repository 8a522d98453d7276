/*
 * source.h — read-only access to source lines, for carets, suppression
 * comments and fingerprints. Files are read once per cache; a file that
 * cannot be read simply has no lines (callers degrade, never fail).
 */
#ifndef REFCHECK_SOURCE_H
#define REFCHECK_SOURCE_H

#include <stddef.h>
#include <stdint.h>

struct source_cache;

struct source_cache *source_cache_new(void);
void source_cache_free(struct source_cache *c);
/* Line `line` (1-based) of `path` without its newline, and its length, or
 * NULL when the file or the line does not exist. */
const char *source_line(struct source_cache *c, const char *path, uint32_t line, size_t *len);

#endif
