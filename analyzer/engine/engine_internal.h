/*
 * engine_internal.h — what the engine's files share: the per-function
 * context, the exploded graph used to rebuild paths, and the helpers that
 * evaluate expressions and apply calls. Checks use engine.h only.
 */
#ifndef REFCHECK_ENGINE_INTERNAL_H
#define REFCHECK_ENGINE_INTERNAL_H

#include "engine/engine.h"
#include "engine/state.h"
#include "checks/check.h"
#include "util/strbuf.h"
#include "util/strmap.h"

/* Program points: a statement of a block, or its terminator. Never 0, so
 * that 0 can mean "no point" in struct aval. */
#define POINT_TERM 0xFFFFu
#define POINT(block, stmt) ((((uint32_t)(block) + 1) << 16) | ((uint32_t)(stmt) & 0xFFFFu))
#define POINT_NONE UINT32_MAX
#define POINT_BLOCK(p) (((p) >> 16) - 1)
#define POINT_STMT(p) ((p) & 0xFFFFu)

/* A node of the exploded graph: how a path entered a block. */
struct enode {
	uint32_t parent;        /* UINT32_MAX for the entry */
	uint32_t block;
	uint32_t from_point;    /* the terminator that led here */
	int8_t edge;            /* BRANCH: 1 true, 0 false; SWITCH: case or -1 default; -2 other */
	bool assumed_null;      /* the edge decided a pointer's nullness */
	const char *what;       /* the value the decision was about, for the note */
};

/* The canonical state keys already explored, for all blocks of the
 * function: an open-addressing table on (block, XXH3 of the key). */
struct seen_table {
	uint64_t *hash;             /* 0 = empty slot */
	uint32_t *block, *off, *len;
	size_t cap, n;
};

struct pending_return {
	bool has_value;
	bool is_obj;
	bool null;                  /* the returned pointer is NULL */
	bool maybe_null;            /* and it may be: a failure result passed on */
	bool owned;                 /* the function owned a reference to it */
	uint8_t origin;
	bool element;               /* an element read at a variable index (engine_val_is_element) */
	bool neg;                   /* an integer result known negative */
	int64_t lo, hi;             /* an integer result's range */
	uint32_t params_released;   /* parameters whose reference ended up given away */
	uint32_t params_kept;
	uint32_t out_new;           /* T ** parameters through which a new reference was stored */
	uint32_t params_nonzero;    /* parameters known non-zero (non-NULL) on this path */
	uint32_t params_null;       /* object parameters known NULL on this path */
};

struct engine_ctx {
	const struct engine_options *opt;
	const struct ir_tu *tu;
	const struct ir_func *fn;
	struct model_tu *model;
	const struct model_fn *self;
	struct finding_list *out;

	struct state *cur;              /* the state being executed */
	uint32_t cur_node;
	uint32_t cur_point;
	bool path_dead;                 /* the current path ended (noreturn, infeasible) */

	struct enode *nodes;
	uint32_t nnodes, cap_nodes;

	struct seen_table seen;
	uint32_t *distinct;             /* per block: distinct states explored there */
	bool *flag_vars;                /* per var: a flag widening keeps (find_flag_vars) */
	char *key_pool;
	size_t key_pool_len, key_pool_cap;
	struct strbuf key;

	int32_t *loop_of_block;         /* loop index of a loop head, or -1 */
	uint32_t nloops;
	uint32_t **dying_list;          /* per block: (stmt, var) pairs of dying temps, see liveness.c */

	void **check_data;              /* one slot per enabled check */
	uint64_t *keys;                 /* findings reported so far (de-duplication) */
	uint32_t nkeys, cap_keys;

	struct pending_return *returns;
	uint32_t nreturns, cap_returns;

	const char *file_copy;          /* path_loc's copy of the last file name */
	uint32_t file_copy_index;

	bool calls_runs_code;           /* for the summary: something called may run code */
	uint32_t mutated_params;        /* parameters a callee changes the contents of */

	uint32_t steps;
	bool partial;
	const char *partial_reason;
	struct strbuf scratch;
};

/* walk.c */
void engine_emit(struct engine_ctx *ctx, enum event_kind kind, val_t val, struct ir_loc loc,
                 const struct ir_stmt *stmt, const struct model_fn *callee, uint32_t argno,
                 int detail);
/* EV_STORE with its extra fields. */
void engine_emit_store(struct engine_ctx *ctx, val_t val, val_t base, const char *field,
                       const struct ir_type *base_ty, const struct ir_type *val_ty,
                       struct ir_loc loc, const struct ir_stmt *stmt);
/* The value lost some holder: report it if it is owned and unreachable. */
void engine_check_lost(struct engine_ctx *ctx, val_t v, struct ir_loc loc, int lost_kind,
                       uint32_t except_var);

/* eval.c */
struct sval {
	val_t v;            /* VAL_NONE for a constant */
	bool is_const;
	int64_t c;
};
struct sval eval_expr(struct engine_ctx *ctx, const struct ir_expr *e);
val_t eval_to_val(struct engine_ctx *ctx, const struct ir_expr *e);
/* Emit the dereference uses inside an expression (p->x, *p, p[i]). */
void eval_uses(struct engine_ctx *ctx, const struct ir_expr *e, struct ir_loc loc);
/* Refine the state so that `e` is true (truth) or false. Returns false when
 * that is impossible on this path. */
bool eval_assume(struct engine_ctx *ctx, const struct ir_expr *e, bool truth);
/* Refine value v to lie within [lo, hi] (ne0: and be non-zero). */
bool eval_restrict(struct engine_ctx *ctx, val_t v, int64_t lo, int64_t hi, bool ne0);
/* Store value into an lvalue (var, field, global, deref); handles ownership. */
void eval_store(struct engine_ctx *ctx, const struct ir_expr *dst, struct sval val,
                struct ir_loc loc, const struct ir_stmt *stmt);
/* Mark a pointer NULL: it owns nothing. */
void eval_make_null(struct engine_ctx *ctx, val_t v);
/* A short text for a value's expression ("obj", "self->x"). */
void eval_expr_text(const struct engine_ctx *ctx, const struct ir_expr *e, struct strbuf *out);

/* call.c */
/* Execute a call statement; may fork the state (successes and failures of
 * calls whose effects depend on the outcome): extra states are returned in
 * *forks (the caller continues each from the next statement). */
void call_exec(struct engine_ctx *ctx, const struct ir_stmt *st, struct state ***forks,
               uint32_t *nforks);

/* liveness.c */
void liveness_compute(struct engine_ctx *ctx);
void liveness_dispose(struct engine_ctx *ctx);
/* The (stmt, var) pairs of temps whose last use is statement `stmt` of
 * block b (POINT_TERM: its terminator), or NULL; walk while p[0] == stmt. */
const uint32_t *liveness_dying(const struct engine_ctx *ctx, uint32_t block, uint32_t stmt);

/* path.c */
void path_fill(struct engine_ctx *ctx, struct finding *f, val_t val, const struct aval *v);
struct finding_loc path_loc(const struct engine_ctx *ctx, struct ir_loc loc);

/* infer.c: the summary of the function just walked (ctx->returns). */
void engine_infer_summary(struct engine_ctx *ctx, struct engine_fn_result *res);

#endif
