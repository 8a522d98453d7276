/*
 * summary.c — inferred function summaries (struct model_fn) as text for the
 * summaries table, and back (issue 5, item 4: cross-TU summaries).
 *
 * The text is a compact JSON object with the fields that differ from zero,
 * in a fixed order, so the same summary always gives the same text and the
 * text's hash says whether a caller in another TU must be analysed again.
 * Every field of model_fn is listed here: the static assertion below breaks
 * the build when the struct grows, so a new field cannot be silently lost
 * between TUs.
 */
#include "store/summary.h"

#include "util/strbuf.h"

#include <jansson.h>
#include <stddef.h>
#include <string.h>

_Static_assert(sizeof(struct model_fn) == 104,
               "struct model_fn changed: add the new field to store/summary.c");

#define INT_FIELDS(X)                                  \
	X(returns) X(fails) X(prim) X(format)          \
	X(format_arg) X(borrowed_from) X(prim_arg)     \
	X(null_anchor) X(out_null_with)                \
	X(steals) X(steals_on_success) X(out_new)      \
	X(out_borrowed) X(out_replaces) X(mutates)    \
	X(nonnull) X(callbacks)                        \
	X(success_needs_nonzero)                       \
	X(success_lo) X(success_hi)
#define BOOL_FIELDS(X)                                 \
	X(runs_code) X(trusted) X(noreturn)            \
	X(returns_new_contract) X(stable) X(has_success_range) \
	X(fails_minus_one)

char *store_summary_encode(const struct model_fn *fn)
{
	json_t *o = json_object();
#define ENC_INT(f) if (fn->f) json_object_set_new(o, #f, json_integer((json_int_t)fn->f));
#define ENC_BOOL(f) if (fn->f) json_object_set_new(o, #f, json_true());
	INT_FIELDS(ENC_INT)
	BOOL_FIELDS(ENC_BOOL)
#undef ENC_INT
#undef ENC_BOOL
	char *text = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return text;
}

int store_summary_decode(struct model_fn *out, const char *name, const char *text, struct err *e)
{
	json_error_t je;
	json_t *o = json_loads(text, 0, &je);
	if (!json_is_object(o)) {
		json_decref(o);
		return err_set(e, ERR_CORRUPT, "summary of '%s' is not a JSON object: %s", name, je.text);
	}
	memset(out, 0, sizeof(*out));
	out->name = name;
	out->source = MODEL_SRC_INFERRED;
	json_t *v;
#define DEC_INT(f) if ((v = json_object_get(o, #f))) out->f = (__typeof__(out->f))json_integer_value(v);
#define DEC_BOOL(f) if ((v = json_object_get(o, #f))) out->f = json_is_true(v);
	INT_FIELDS(DEC_INT)
	BOOL_FIELDS(DEC_BOOL)
#undef DEC_INT
#undef DEC_BOOL
	json_decref(o);
	return 0;
}
