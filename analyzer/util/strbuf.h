/*
 * strbuf.h — a growable string. Used to build messages, dumps and hashes'
 * inputs. Allocation failure is fatal (xalloc.h).
 */
#ifndef REFCHECK_STRBUF_H
#define REFCHECK_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

#include "err.h"

struct strbuf {
	char *buf;      /* always NUL-terminated once anything was added */
	size_t len, cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void sb_add(struct strbuf *sb, const char *s);
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_addc(struct strbuf *sb, char c);
void sb_printf(struct strbuf *sb, const char *fmt, ...) ERR_PRINTF(2, 3);
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap);
void sb_reset(struct strbuf *sb);
/* The contents ("" when empty); valid until the next change. */
const char *sb_str(const struct strbuf *sb);
/* Hand the buffer to the caller (free() it) and reset. */
char *sb_detach(struct strbuf *sb);
void sb_dispose(struct strbuf *sb);

#endif
