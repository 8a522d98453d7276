/*
 * infer.c — what a function turned out to do, read off the returns its
 * walk recorded (struct pending_return, walk.c's exec_return): the summary
 * its callers use (returns new / borrowed / opaque / NULL, fails how,
 * steals, out-parameters, success range, arguments a success needs
 * non-zero), and the checks' queries over those returns.
 */
#include "engine/engine_internal.h"

bool engine_param_null_fails(const struct engine_ctx *ctx, uint32_t param)
{
	for (uint32_t i = 0; param && param <= 32 && i < ctx->nreturns; i++) {
		const struct pending_return *r = &ctx->returns[i];
		if ((r->params_null & (1u << (param - 1))) && (r->null || r->neg))
			return true;
	}
	return false;
}

bool engine_any_owned_return(const struct engine_ctx *ctx)
{
	for (uint32_t i = 0; i < ctx->nreturns; i++)
		if (ctx->returns[i].is_obj && ctx->returns[i].owned && !ctx->returns[i].null)
			return true;
	return false;
}

void engine_infer_summary(struct engine_ctx *ctx, struct engine_fn_result *res)
{
	struct model_fn *m = &res->inferred;
	m->name = ctx->fn->name;
	m->source = MODEL_SRC_INFERRED;
	bool obj = ctx->fn->ret && ctx->fn->ret->obj_depth == 1;
	bool any_owned = false, any_borrowed = false, any_null = false, any_neg = false;
	bool borrowed_elements_only = true;
	uint32_t released_all = UINT32_MAX, released_any = 0, kept_any = 0, out_all = UINT32_MAX;
	uint32_t nsuccess = 0, nfail = 0, succ_released = UINT32_MAX, fail_kept = 0;
	uint32_t succ_nonzero = UINT32_MAX;
	bool fails_all_minus_one = true;
	int64_t succ_lo = INT64_MAX, succ_hi = INT64_MIN;
	bool all_null = ctx->nreturns > 0 && !ctx->partial;
	for (uint32_t i = 0; i < ctx->nreturns; i++) {
		const struct pending_return *r = &ctx->returns[i];
		all_null &= r->null;
		any_owned |= r->is_obj && r->owned && !r->null;
		any_borrowed |= r->is_obj && !r->owned && !r->null;
		if (r->is_obj && !r->owned && !r->null && !r->element)
			borrowed_elements_only = false;
		any_null |= r->null || (r->is_obj && r->maybe_null);
		any_neg |= r->neg;
		/* A path where the parameter is NULL neither keeps nor gives it. */
		released_all &= r->params_released | r->params_null;
		released_any |= r->params_released;
		kept_any |= r->params_kept;
		/* Out-parameters count on the paths that succeed. */
		if (r->neg || r->null) {
			nfail++;
			fail_kept |= r->params_kept;
			fails_all_minus_one &= r->neg && r->lo == -1 && r->hi == -1;
		} else {
			succ_released &= r->params_released | r->params_null;
			out_all &= r->out_new;
			succ_nonzero &= r->params_nonzero;
			nsuccess++;
			/* The non-negative part of what it returns on success. */
			int64_t lo = r->lo < 0 ? 0 : r->lo;
			if (lo < succ_lo)
				succ_lo = lo;
			if (r->hi > succ_hi)
				succ_hi = r->hi;
		}
	}
	if (obj && all_null) {
		/* An error helper (sets an exception, returns NULL): its result,
		 * dropped or returned, is no reference. */
		m->returns = MODEL_RET_NULL;
	} else if (obj) {
		/* Returning an element read at a variable index is either a
		 * getter (borrowed) or a pop (the array's reference moves to the
		 * caller): without more to go on, the callers are told neither. */
		m->returns = any_owned || !any_borrowed ? MODEL_RET_NEW
		           : borrowed_elements_only ? MODEL_RET_OPAQUE : MODEL_RET_BORROWED;
		m->fails = any_null ? MODEL_FAILS_NULL : MODEL_FAILS_NEVER;
	} else {
		m->returns = MODEL_RET_NONE;
		m->fails = any_neg ? MODEL_FAILS_NEGATIVE : MODEL_FAILS_UNKNOWN;
		if (any_neg && nsuccess && succ_hi != INT64_MAX) {
			m->has_success_range = true;
			m->success_lo = succ_lo;
			m->success_hi = succ_hi;
		}
		m->fails_minus_one = any_neg && fails_all_minus_one && !ctx->partial;
	}
	/* Steals: released on every path that had it, and on one at least
	 * (`assert(!args)` leaves only NULL paths: nothing is taken). */
	if (ctx->nreturns)
		m->steals = released_all & released_any & ~kept_any;
	/* Stored on success, kept on failure (`if (grow() < 0) return -1;
	 * self->data[n] = obj; return 0;`): a steal on success. */
	if (nsuccess && nfail && (m->fails == MODEL_FAILS_NEGATIVE || m->fails == MODEL_FAILS_NULL))
		m->steals_on_success = succ_released & released_any & fail_kept & ~m->steals;
	if (nsuccess)
		m->out_new = out_all;
	/* `if (b == 0) return -1;`, `if (!p) return -1;` before any success:
	 * a caller passing 0 there can only fail. */
	if (nsuccess && nfail && !ctx->partial)
		m->success_needs_nonzero = succ_nonzero;
	m->noreturn = ctx->nreturns == 0 && !ctx->partial && ctx->fn->nblocks > 0;
	/* A helper that calls something running code is not itself marked
	 * runs_code: every caller's borrowed references would turn dangling at
	 * every helper call, which real code shows to be noise. What a helper
	 * changes in its arguments (mutates) does carry over. */
	m->mutates = ctx->mutated_params;
}

