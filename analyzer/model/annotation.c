/*
 * annotation.c — the rc: annotation language (DESIGN §3), as written by
 * the runtime's annotate.h macros:
 *
 *   rc:returns_new  rc:returns_borrowed  rc:may_fail  rc:runs_code  rc:trusted
 *   rc:steals(n)  rc:steals_on_success(n)  rc:out_new(n)  rc:out_borrowed(n)
 *   rc:callback(n)
 *   rc:incref  rc:xincref  rc:decref  rc:xdecref  rc:newref  rc:xnewref
 *   rc:borrowed_field   (on struct fields; read by the cycle checks)
 *   rc:weak_field       (on struct fields; read by the cycle checks)
 *
 * n is a 1-based argument position. "rc:may_fail" means NULL for pointer
 * results and a negative value for integer ones: which one is decided here
 * by what the function already says it returns, and finally by the engine
 * from the result type.
 */
#include "model/model.h"
#include "model/model_internal.h"

#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	enum model_prim prim;
} prims[] = {
	{ "incref", MODEL_PRIM_INCREF }, { "xincref", MODEL_PRIM_XINCREF },
	{ "decref", MODEL_PRIM_DECREF }, { "xdecref", MODEL_PRIM_XDECREF },
	{ "newref", MODEL_PRIM_NEWREF }, { "xnewref", MODEL_PRIM_XNEWREF },
};

bool model__name_in(const char *const *list, const char *name)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(list[i], name) == 0)
			return true;
	return false;
}

int model__parse_prim_name(const char *s, enum model_prim *out)
{
	for (size_t i = 0; i < sizeof(prims) / sizeof(prims[0]); i++) {
		if (strcmp(s, prims[i].name) == 0) {
			*out = prims[i].prim;
			return 0;
		}
	}
	return ERR_NOTFOUND;
}

/* "word(n)" → word and n; plain "word" gives n = 0. */
static int split_call(const char *body, char *word, size_t wsize, unsigned *n)
{
	const char *paren = strchr(body, '(');
	size_t len = paren ? (size_t)(paren - body) : strlen(body);
	if (len == 0 || len >= wsize)
		return -1;
	memcpy(word, body, len);
	word[len] = '\0';
	*n = 0;
	if (!paren)
		return 0;
	char *end;
	long v = strtol(paren + 1, &end, 10);
	if (end == paren + 1 || *end != ')' || end[1] != '\0' || v < 1 || v > MODEL_MAX_ARGS)
		return -1;
	*n = (unsigned)v;
	return 0;
}

int model_apply_annotation(struct model_fn *fn, const char *annotation, struct err *e)
{
	if (strncmp(annotation, "rc:", 3) != 0)
		return 1;
	const char *body = annotation + 3;
	char word[64];
	unsigned n;
	if (split_call(body, word, sizeof(word), &n) < 0)
		return err_set(e, ERR_INVALID, "malformed annotation \"%s\"", annotation);
	uint32_t bit = n ? 1u << (n - 1) : 0;
	enum model_prim prim;

	if (strcmp(word, "returns_new") == 0 && !n) {
		fn->returns = MODEL_RET_NEW;
		fn->returns_new_contract = true;
	} else if (strcmp(word, "returns_borrowed") == 0 && !n) {
		fn->returns = MODEL_RET_BORROWED;
	} else if (strcmp(word, "may_fail") == 0 && !n) {
		/* NULL or negative: settled against the result type by the engine. */
		if (fn->fails != MODEL_FAILS_NEGATIVE)
			fn->fails = MODEL_FAILS_NULL;
	} else if (strcmp(word, "runs_code") == 0 && !n) {
		fn->runs_code = true;
	} else if (strcmp(word, "trusted") == 0 && !n) {
		fn->trusted = true;
	} else if (strcmp(word, "steals") == 0 && n) {
		fn->steals |= bit;
	} else if (strcmp(word, "steals_on_success") == 0 && n) {
		fn->steals_on_success |= bit;
	} else if (strcmp(word, "out_new") == 0 && n) {
		fn->out_new |= bit;
	} else if (strcmp(word, "out_borrowed") == 0 && n) {
		fn->out_borrowed |= bit;
	} else if (strcmp(word, "callback") == 0 && n) {
		fn->callbacks |= bit;
	} else if (model__parse_prim_name(word, &prim) == 0 && !n) {
		fn->prim = prim;
		fn->prim_arg = 1;
		fn->trusted = true;
	} else if ((strcmp(word, "borrowed_field") == 0 || strcmp(word, "weak_field") == 0) && !n) {
		return 1;   /* a field annotation, meaningless on a function */
	} else {
		return err_set(e, ERR_INVALID, "unknown annotation \"%s\"", annotation);
	}
	return 0;
}
