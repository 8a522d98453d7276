/*
 * error.c - the thread-local last error (rc/error.h).
 *
 * One record per thread: a class and a one-line message of at most 255
 * bytes. Setting an error formats into the record; nothing allocates, so
 * reporting RC_ERR_NOMEM can never fail itself.
 */
#include <stdarg.h>
#include <string.h>

#include "internal.h"

typedef struct error_slot {
    rc_error pub;
    char buf[256];
} error_slot;

static _Thread_local error_slot last_error;

const rc_error *rc_error_last(void)
{
    if (last_error.pub.message == NULL)
        last_error.pub.message = "";
    return &last_error.pub;
}

void rc_error_clear(void)
{
    last_error.pub.klass = RC_ERR_NONE;
    last_error.buf[0] = '\0';
    last_error.pub.message = last_error.buf;
}

void rc_error_set(rc_error_class klass, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (fmt)
        vsnprintf(last_error.buf, sizeof(last_error.buf), fmt, ap);
    else
        last_error.buf[0] = '\0';
    va_end(ap);
    /* Keep it one line. */
    char *nl = strchr(last_error.buf, '\n');
    if (nl)
        *nl = '\0';
    last_error.pub.klass = klass;
    last_error.pub.message = last_error.buf;
}

const char *rc_error_class_name(rc_error_class klass)
{
    switch (klass) {
    case RC_ERR_NONE: return "none";
    case RC_ERR_NOMEM: return "nomem";
    case RC_ERR_ARG: return "arg";
    case RC_ERR_TYPE: return "type";
    case RC_ERR_INDEX: return "index";
    case RC_ERR_KEY: return "key";
    case RC_ERR_STATE: return "state";
    case RC_ERR_OS: return "os";
    case RC_ERR_USER: return "user";
    }
    return "?";
}

void rc_error__nomem(const char *fn)
{
    rc_error_set(RC_ERR_NOMEM, "%s: out of memory", fn);
}

void rc_error__save(rc_error_saved *out)
{
    out->klass = last_error.pub.klass;
    memcpy(out->message, last_error.buf, sizeof(out->message));
}

void rc_error__restore(const rc_error_saved *s)
{
    last_error.pub.klass = s->klass;
    memcpy(last_error.buf, s->message, sizeof(last_error.buf));
    last_error.pub.message = last_error.buf;
}
