/*
 * xalloc.h — allocation that cannot fail. The analyzer treats running out
 * of memory as fatal (exit code 3, an internal error) instead of threading
 * NULL checks through every container; bad *input* never reaches here.
 */
#ifndef REFCHECK_XALLOC_H
#define REFCHECK_XALLOC_H

#include <stddef.h>
#include <stdlib.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* Grow *arr (of *cap elements) so that it holds at least need elements. */
#define VEC_RESERVE(arr, cap, need)                                              \
	do {                                                                     \
		if ((need) > (cap)) {                                            \
			size_t vec_newcap_ = (cap) ? (size_t)(cap) * 2 : 8;      \
			while (vec_newcap_ < (size_t)(need))                     \
				vec_newcap_ *= 2;                                \
			(arr) = xrealloc((arr), vec_newcap_ * sizeof(*(arr)));   \
			(cap) = vec_newcap_;                                     \
		}                                                                \
	} while (0)

/* Append one element; n is the element count. */
#define VEC_PUSH(arr, n, cap, value)                  \
	do {                                          \
		VEC_RESERVE(arr, cap, (size_t)(n) + 1); \
		(arr)[(n)++] = (value);               \
	} while (0)

#endif
