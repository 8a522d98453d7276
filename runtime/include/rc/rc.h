/*
 * rc/rc.h - the refcheck runtime: reference-counted objects, a cycle
 * collector with a control API like Python's gc module, allocation tracing
 * like tracemalloc, weak references, and a few built-in types.
 *
 * This umbrella header includes every public header. See runtime/README.md
 * for a tour, the collector's algorithm and the leak report format.
 */
#ifndef RC_RC_H
#define RC_RC_H

#define RC_VERSION_MAJOR 0
#define RC_VERSION_MINOR 1
#define RC_VERSION_PATCH 0
#define RC_VERSION "0.1.0"

#include "annotate.h"
#include "error.h"
#include "alloc.h"
#include "object.h"
#include "gc.h"
#include "trace.h"
#include "types.h"
#include "weakref.h"

#endif /* RC_RC_H */
