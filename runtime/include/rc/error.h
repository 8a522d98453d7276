/*
 * rc/error.h - the last error of the calling thread.
 *
 * Runtime functions report failure CPython's way: a pointer result is NULL,
 * an int result is -1 (each function's comment says which), and the reason
 * is recorded here as a class and a one-line message. The record is
 * thread-local and stays until the next failure or rc_error_clear(); a
 * successful call does not clear it.
 */
#ifndef RC_ERROR_H
#define RC_ERROR_H

#include "annotate.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Error classes. RC_ERR_NONE (0) means no error is recorded. */
typedef enum rc_error_class {
    RC_ERR_NONE = 0,
    RC_ERR_NOMEM,  /**< an allocation failed */
    RC_ERR_ARG,    /**< a required argument was NULL or out of its domain */
    RC_ERR_TYPE,   /**< an object of the wrong type was passed */
    RC_ERR_INDEX,  /**< an index was out of range, or a container was empty */
    RC_ERR_KEY,    /**< a key was not found */
    RC_ERR_STATE,  /**< the call is not allowed now (e.g. a collection is running) */
    RC_ERR_OS,     /**< a system call failed */
    RC_ERR_USER    /**< set by user code through rc_error_set() */
} rc_error_class;

/** The record returned by rc_error_last(). */
typedef struct rc_error {
    rc_error_class klass; /**< RC_ERR_NONE when nothing failed */
    const char *message;  /**< one line, no trailing newline; "" when none */
} rc_error;

/**
 * The calling thread's last error.
 * @return borrowed pointer to a thread-local record, never NULL; valid until
 *         the next runtime call on this thread.
 */
RC_API const rc_error *rc_error_last(void);

/** Forget the calling thread's last error (class becomes RC_ERR_NONE). */
RC_API void rc_error_clear(void);

/**
 * Record an error (for user types that follow the runtime's conventions).
 * @param klass the class; @param fmt printf-style message, truncated to one
 * line of at most 255 bytes.
 */
RC_API void rc_error_set(rc_error_class klass, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/** Static name of a class, e.g. "nomem"; "?" for an unknown value. */
RC_API const char *rc_error_class_name(rc_error_class klass);

#ifdef __cplusplus
}
#endif

#endif /* RC_ERROR_H */
