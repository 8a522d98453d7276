/*
 * engine.h — the path-sensitive ownership engine and the events it gives
 * to the checks (DESIGN §1, STYLE §1–2).
 *
 * The engine walks one function's CFG (ir.h) over an abstract state: each
 * variable maps to an abstract value; a value that is an object carries how
 * many references the function owns to it, where it came from (a new
 * reference, a borrowed one and from which owner, a parameter, a load from
 * memory, a singleton), whether it may be NULL, and whether it was released
 * or invalidated. The engine alone changes that state, following the model
 * (model.h) of each callee. Checks observe: at each interesting transition
 * the engine calls the hooks that the checks registered for that event
 * (checks/checks.def), passing the value as it was *before* the transition.
 * A check that sees a bug reports it with engine_report(); the engine
 * attaches the path that led there.
 *
 * States that are identical at a block entry are merged; loops are unrolled
 * a bounded number of times; each function has a budget of steps, and a
 * function that exceeds it is reported as partially analysed.
 */
#ifndef REFCHECK_ENGINE_H
#define REFCHECK_ENGINE_H

#include <stdbool.h>
#include <stdint.h>

#include "ir/ir.h"
#include "model/model.h"
#include "report/finding.h"

typedef uint32_t val_t;
#define VAL_NONE 0u

enum val_origin {
	ORIG_NONE,          /* not an object */
	ORIG_NEW,           /* a new reference from a call (or an out-parameter) */
	ORIG_BORROWED,      /* a borrowed reference returned by a call */
	ORIG_PARAM,         /* a parameter: borrowed from the caller */
	ORIG_LOAD,          /* read from a field, a global, an array element */
	ORIG_SINGLETON,     /* the address of a static, immortal object */
	ORIG_UNKNOWN        /* some other object pointer */
};

enum val_flags {
	VF_RELEASED = 1u << 0,      /* the function released the last reference it owned */
	VF_INVALID = 1u << 1,       /* borrowed, and its owner may have been freed or changed */
	VF_MAYFAIL = 1u << 2,       /* NULL means failure, and no check has happened yet */
	VF_HANDED = 1u << 3,        /* a reference was stolen by a callee or returned */
	VF_ASSUMED = 1u << 4,       /* origin taken from the default model, not from knowledge */
	VF_OUT_NEW = 1u << 5,       /* a parameter `T **out` through which an owned reference was stored */
	VF_STABLE = 1u << 6,        /* borrowed, and valid while its owner lives whatever code
	                             * runs (model_fn.stable: a tuple's item, a parsed argument) */
	VF_TAKEN = 1u << 7,         /* read from memory that then let go of it (overwritten):
	                             * the memory's reference is now the function's */
	VF_PRIVATE_ITEM = 1u << 8   /* an element of an array an object holds in a field
	                             * (self->stack->data[i]) that the pack does not call
	                             * shared: only code given that object changes it */
};

/* An abstract value. Integers and pointers share the interval [lo, hi]
 * (a pointer is 0 when NULL) and `ne0` (known non-zero). */
struct aval {
	bool is_obj;
	uint8_t origin;             /* enum val_origin */
	uint16_t flags;             /* enum val_flags */
	bool ne0;
	int32_t owned;              /* references owned; negative = handed over before owning */
	val_t owner;                /* what a borrowed reference was borrowed from */
	int64_t lo, hi;
	uint32_t acquired;          /* program point of its acquisition (engine_point_loc) */
	uint32_t changed;           /* program point of the release / invalidation / steal */
	uint32_t stolen_unowned;    /* point of a steal while not owned (0 = none) */
	const char *callee;         /* the function that produced it, or NULL */
	const char *invalidator;    /* the call that invalidated it, or NULL */
	uint32_t name;              /* 1 + the first named variable that held it, or 0 */
	uint32_t param;             /* 1 + the parameter it is, or 0 */
	val_t held_by;              /* the object whose field a store last put it in */
	uint32_t held_at;           /* program point of that store (for cycle-created's notes) */
};

enum event_kind {
	EV_LOST,            /* an owned reference (v->owned > 0) is about to be lost */
	EV_RELEASE,         /* a release (decref) of the value */
	EV_USE,             /* the value is used; see enum use_kind */
	EV_STEAL_UNOWNED,   /* a callee stole a reference the function never owned */
	EV_RETURN,          /* the function returns the value (before the transfer) */
	EV_STORE,           /* val is stored into base->field (base is the object written) */
	EV_FUNC_END,        /* all paths were explored (val is VAL_NONE) */
	EV__COUNT
};

enum use_kind {
	USE_DEREF,          /* p->f, *p, p[i] */
	USE_ARG,            /* passed to a call */
	USE_ARG_NONNULL,    /* passed where NULL is not allowed */
	USE_INCREF,         /* taking a reference (incref/newref, not the x-variants) */
	USE_RETURN,
	USE_STORE,          /* stored into memory */
	USE_RELEASE         /* released (decref): NULL not allowed; not a use of the object */
};

enum lost_kind {
	LOST_EXIT,          /* at a return or the end of the function */
	LOST_OVERWRITE,     /* the variable holding it was overwritten */
	LOST_DISCARD,       /* a call's result or a temporary is dropped */
	LOST_FIELD          /* the field holding it was overwritten */
};

struct engine_ctx;
struct cycle_model;

struct event {
	enum event_kind kind;
	struct engine_ctx *ctx;
	struct ir_loc loc;              /* where the event happens */
	val_t val;
	const struct aval *v;           /* the value before the transition */
	const struct ir_stmt *stmt;     /* the statement, or NULL at a terminator */
	const struct model_fn *callee;  /* for calls */
	uint32_t argno;                 /* 1-based argument position, for calls */
	int detail;                     /* enum use_kind / enum lost_kind */
	/* EV_STORE: the object written, its field, and the IR types of the
	 * base expression and of the stored expression. */
	val_t base;
	const char *field;
	const struct ir_type *base_ty, *val_ty;
};

/* ---- what checks may ask ---- */

const struct ir_func *engine_func(const struct engine_ctx *ctx);
const struct ir_tu *engine_tu(const struct engine_ctx *ctx);
struct model_tu *engine_model(const struct engine_ctx *ctx);
/* The contract of the function being analysed (its own model entry). */
const struct model_fn *engine_self_model(const struct engine_ctx *ctx);
struct ir_loc engine_point_loc(const struct engine_ctx *ctx, uint32_t point);
bool engine_val_is_null(const struct aval *v);
bool engine_val_is_nonnull(const struct aval *v);
/* "'obj'" or "the result of rc_int_new": how messages name a value. */
void engine_describe(const struct engine_ctx *ctx, const struct aval *v, struct strbuf *out);
/* The value's state on the current path (valid until the next transition). */
const struct aval *engine_val(const struct engine_ctx *ctx, val_t v);
/* The statement at a program point (NULL for a terminator or no point). */
const struct ir_stmt *engine_point_stmt(const struct engine_ctx *ctx, uint32_t point);
/* The TU's type model (cycles/cycles.h), or NULL when none was given. */
const struct cycle_model *engine_cycle_model(const struct engine_ctx *ctx);
/* Is v an element read from an array at a variable index (a load that no
 * memoised field or constant index names)? Such a value is how a stack pop
 * moves a reference out of an array. */
bool engine_val_is_element(const struct engine_ctx *ctx, val_t v);
/* Did some return so far hand an owned reference to the caller? */
bool engine_any_owned_return(const struct engine_ctx *ctx);
/* Did a path return a failure (NULL or negative) with object parameter
 * `param` (1-based) NULL: `if (arg == NULL) return NULL;`? Valid at
 * EV_FUNC_END. */
bool engine_param_null_fails(const struct engine_ctx *ctx, uint32_t param);
/* Per-function scratch for one check (NULL at first; freed by the check at EV_FUNC_END). */
void **engine_check_data(struct engine_ctx *ctx, const void *check);

/* Report a finding at `loc`, with the current path and the value's story
 * (acquisition, release) as notes. `fmt` is the message. Duplicate findings
 * (same rule, location and acquisition) are dropped. */
void engine_report(struct engine_ctx *ctx, int rule, struct ir_loc loc, val_t val,
                   const struct aval *v, const char *fmt, ...) ERR_PRINTF(6, 7);
/* The same, kept aside until engine_commit(): for checks that decide at
 * EV_FUNC_END. Returns a handle. */
struct finding *engine_report_later(struct engine_ctx *ctx, int rule, struct ir_loc loc,
                                    val_t val, const struct aval *v, const char *fmt, ...)
	ERR_PRINTF(6, 7);
void engine_commit(struct engine_ctx *ctx, struct finding *f);
/* Add a note at loc to a finding from engine_report_later, before its
 * event step (cycle-created's "the other link was stored here"). */
void engine_add_note(struct engine_ctx *ctx, struct finding *f, struct ir_loc loc,
                     const char *msg);
void engine_discard(struct engine_ctx *ctx, struct finding *f);

/* ---- running the engine ---- */

struct engine_limits {
	uint32_t max_steps;         /* block visits per function */
	uint32_t loop_unroll;       /* times a path may enter a loop head */
	uint32_t max_values;        /* live abstract values per state */
	uint32_t crowded;           /* distinct states at a block before integers are forgotten there */
	/* Paths waiting to be walked, and bytes of the keys of the states
	 * seen: what bounds a function's memory (a run of forking calls
	 * whose results are ignored doubles the paths at each). */
	uint32_t max_pending;
	uint32_t max_key_bytes;
};

struct engine_options {
	struct engine_limits limits;
	const struct check *const *checks;  /* enabled checks */
	uint32_t nchecks;
	const struct cycle_model *cycles;   /* the TU's type model for cycle-created, or NULL */
};

/* What a function turned out to do, for the summaries of its callers. */
struct engine_fn_result {
	bool partial;                   /* the budget ran out */
	const char *partial_reason;
	struct model_fn inferred;       /* returns / fails / steals as observed */
	uint32_t steps;
};

/* Analyse one function. Findings are appended to `out`. */
int engine_run(const struct engine_options *opt, const struct ir_tu *tu,
               const struct ir_func *fn, struct model_tu *model,
               struct finding_list *out, struct engine_fn_result *res);

void engine_default_limits(struct engine_limits *l);

#endif
