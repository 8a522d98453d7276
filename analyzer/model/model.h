/*
 * model.h — what a callee does to references: the one effect vocabulary of
 * refcheck (STYLE §3, DESIGN §4).
 *
 * Every source of knowledge produces the same `struct model_fn`:
 *  1. annotate("rc:…") attributes on declarations (runtime headers, users'
 *     own functions)                                           — strongest
 *  2. API packs, rules/<pack>.json                              (pack.c)
 *  3. summaries inferred for functions defined in the analysed code
 *  4. the default for a function nobody describes: one returning an object
 *     pointer returns a new reference or NULL; object arguments are borrowed.
 *
 * A `struct model` holds the packs of one run: it is built once, then only
 * read, so worker threads share it. Per translation unit a `struct model_tu`
 * layers the TU's annotations and inferred summaries over it; it belongs to
 * one worker. Checks never see JSON or attributes, only model_fn.
 *
 * Argument positions in packs and annotations are 1-based (as in GCC's
 * nonnull and format attributes); masks here are bit (position - 1).
 */
#ifndef REFCHECK_MODEL_H
#define REFCHECK_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "util/err.h"

struct ir_tu;
struct ir_decl;

enum model_returns {
	MODEL_RET_UNKNOWN,      /* not said: decided by the result type */
	MODEL_RET_NEW,          /* a new reference the caller owns */
	MODEL_RET_BORROWED,     /* a reference owned by someone else */
	MODEL_RET_NONE,         /* no reference (not an object, or not counted) */
	MODEL_RET_NULL,         /* always NULL (CPython's PyErr_Format, PyErr_NoMemory) */
	MODEL_RET_FIELD         /* a reference held by the `borrowed_from` argument, read by an
	                         * accessor (Py_TYPE): it behaves as a load of that field */,
	MODEL_RET_OPAQUE        /* an object whose ownership cannot be told: neither owned nor
	                         * borrowed (an element popped off an array, inferred) */
};

enum model_fails {
	MODEL_FAILS_UNKNOWN,
	MODEL_FAILS_NEVER,      /* no failure value: a NULL result, if any, is an ordinary answer */
	MODEL_FAILS_NULL,       /* a pointer result is NULL on failure */
	MODEL_FAILS_NEGATIVE,   /* an integer result is negative on failure */
	MODEL_FAILS_ZERO        /* an integer result is 0 on failure, non-zero on success
	                         * (PyArg_ParseTuple; PyDict_Next at the end) */
};

enum model_prim {
	MODEL_PRIM_NONE,
	MODEL_PRIM_INCREF,
	MODEL_PRIM_XINCREF,
	MODEL_PRIM_DECREF,
	MODEL_PRIM_XDECREF,
	MODEL_PRIM_NEWREF,      /* incref and return the argument */
	MODEL_PRIM_XNEWREF
};

enum model_source {
	MODEL_SRC_DEFAULT,
	MODEL_SRC_INFERRED,
	MODEL_SRC_PACK,
	MODEL_SRC_ANNOTATION
};

/* Format-driven functions (Py_BuildValue, PyArg_ParseTuple). */
enum model_format {
	MODEL_FMT_NONE,
	MODEL_FMT_BUILD,        /* "N" steals its argument, "O"/"S" take a new reference */
	MODEL_FMT_PARSE         /* "O" stores a borrowed reference through a pointer */
};

#define MODEL_MAX_ARGS 32

struct model_fn {
	const char *name;
	enum model_returns returns;
	enum model_fails fails;
	enum model_prim prim;
	enum model_source source;
	enum model_format format;
	uint8_t format_arg;             /* 1-based position of the format string */
	uint8_t borrowed_from;          /* 1-based: whose reference a borrowed result is; 0 = first object argument */
	uint8_t prim_arg;               /* 1-based object argument of a primitive (1) */
	/* 1-based out-parameter whose NULL makes the out_null_with ones NULL
	 * too (PyErr_Fetch: no type, no value, no traceback); 0 = none. */
	uint8_t null_anchor;
	bool runs_code;                 /* may run arbitrary code (callbacks, finalizers) */
	bool trusted;                   /* implements refcounting: not analysed as a client */
	bool noreturn;
	bool returns_new_contract;      /* must return a new reference (method tables, annotations) */
	/* A borrowed result (or borrowed out-parameter) that stays valid as long
	 * as its owner lives, whatever code runs meanwhile: a tuple's item, a
	 * parsed argument, an object's type. Releasing or mutating the owner
	 * still invalidates it. */
	bool stable;
	uint32_t steals;                /* always, even on failure */
	uint32_t steals_on_success;
	uint32_t out_new;               /* T ** arguments receiving a new reference on success */
	uint32_t out_borrowed;          /* T ** arguments receiving a borrowed reference */
	uint32_t out_null_with;         /* out-parameters NULL whenever null_anchor's is */
	/* In-out T ** arguments (also in out_new): the callee releases the
	 * reference *p held and stores its own result there, a new reference,
	 * or NULL on failure (_PyBytes_Resize, PyUnicode_Append). */
	uint32_t out_replaces;
	uint32_t mutates;               /* arguments whose contents change (items replaced) */
	uint32_t nonnull;               /* arguments that must not be NULL */
	/* Arguments that are functions the callee calls later, lending them
	 * its references for the call (a weak reference's callback): in such
	 * a function of the TU, an object parameter is borrowed, and releasing
	 * it is an over-release. */
	uint32_t callbacks;
	/* Arguments that are non-zero (non-NULL) whenever the call succeeds
	 * (inferred from the guards of its body): a zero there means the
	 * call fails. */
	uint32_t success_needs_nonzero;
	/* The values an integer result takes on success, when known (an
	 * inferred "0 on success, -1 on failure"; a pack's "success": [lo, hi]);
	 * else success is any non-negative value (fails negative). */
	bool has_success_range;
	/* A negative failure is exactly -1 (CPython's "-1 with an exception
	 * set"; inferred when every failing return is -1): `== -1` and
	 * `!= -1` then tell the outcomes apart. */
	bool fails_minus_one;
	int64_t success_lo, success_hi;
};

struct model;
struct model_tu;

/* A pack's type-table description is read by the cycle checks through
 * these accessors; the model keeps only what it parsed. */
struct model_pack_info {
	const char *name;
	const char *path;
	const char *const *object_structs;      /* root object header structs */
	uint32_t nobject_structs;
	const char *const *singletons;          /* globals whose address is a borrowed, immortal object */
	uint32_t nsingletons;
	const char *const *detect_includes;     /* a TU including one of these selects the pack */
	uint32_t ndetect_includes;
};

struct model *model_new(void);
void model_free(struct model *m);
/* Load rules/<name>.json from dir (or `path` if it names a file). Errors
 * name the file, the entry and the problem. */
int model_load_pack(struct model *m, const char *path, struct err *e);
uint32_t model_npacks(const struct model *m);
const struct model_pack_info *model_pack(const struct model *m, uint32_t i);
/* Every root object struct name of every loaded pack. */
uint32_t model_object_structs(const struct model *m, const char *const **out);
bool model_is_singleton(const struct model *m, const char *global);
/* What a pack says of record.field ("PyTupleObject.ob_item"). */
enum model_field_kind {
	/* "stable_fields": no code run meanwhile can change it once the object
	 * is built; what is read from it (or from the array it is) is a stable
	 * borrow. */
	MODEL_FIELD_STABLE = 1u << 0,
	/* "shared_arrays": an array any code that reaches the object may
	 * change (a list's items, which Python code mutates). The elements of
	 * other arrays an object holds are its owner's private business: code
	 * run by a call changes them only when the call is given the object. */
	MODEL_FIELD_SHARED_ARRAY = 1u << 1
};
bool model_field_is(const struct model *m, const char *record, const char *field,
                    enum model_field_kind kind);
/* Does a TU that read these headers (paths, as ir_tu.includes lists them)
 * select the pack? True when one of them is, or ends in "/" followed by, a
 * name of the pack's detect_includes ("Python.h" matches
 * "/usr/include/python3.11/Python.h", not "MyPython.h"). */
bool model_pack_detected(const struct model_pack_info *p, const char *const *includes, uint32_t n);
const struct model_fn *model_pack_lookup(const struct model *m, const char *name);

/* Parse one annotate() string ("rc:steals(2)") into fn. Returns 0, 1 if the
 * string is not an rc: annotation, or ERR_INVALID with a message. */
int model_apply_annotation(struct model_fn *fn, const char *annotation, struct err *e);

/* ---- per translation unit ---- */

struct model_tu *model_tu_new(const struct model *m, const struct ir_tu *tu);
void model_tu_free(struct model_tu *mt);
/* Record an inferred summary for a function of this TU (copied). Annotations
 * and packs still win over it. */
void model_tu_set_inferred(struct model_tu *mt, const struct model_fn *fn);
/* Parameters of the TU's function `name` that a caller lends it for the
 * call (bit k-1 for parameter k): it is passed as a callback (model_fn.
 * callbacks), and must not release them. */
void model_tu_set_lent_params(struct model_tu *mt, const char *name, uint32_t mask);
uint32_t model_tu_params_lent(const struct model_tu *mt, const char *name);
/* Functions of the TU used as values (a table's slot, a callback, a
 * pointer): others may call them, so their contract is not theirs to
 * choose. */
void model_tu_set_address_taken(struct model_tu *mt, const char *name);
bool model_tu_address_taken(const struct model_tu *mt, const char *name);
/* The effects of calling `name`. Never NULL: unknown functions get the
 * default, shaped by their declaration if the TU declares them. */
const struct model_fn *model_tu_lookup(struct model_tu *mt, const char *name);
/* Is the function described by an annotation or pack (not inferred)? */
bool model_tu_is_declared(struct model_tu *mt, const char *name);
const struct model *model_tu_model(const struct model_tu *mt);

const char *model_returns_name(enum model_returns r);
const char *model_prim_name(enum model_prim p);

#endif
