/*
 * check.h — what a check is (STYLE §1, after Smatch and Sparse).
 *
 * A check is one file that defines one `const struct check check_<name>`:
 * its name, the rule ids it may emit, and the engine events it subscribes
 * to. checks.def lists every check with one CK(name) line; adding a check
 * is one file and one line. Checks keep no state between calls except
 * through engine_check_data(), which is per function and per worker, so
 * `-j N` workers share nothing mutable.
 */
#ifndef REFCHECK_CHECK_H
#define REFCHECK_CHECK_H

#include "engine/engine.h"

typedef void (*check_hook)(const struct event *ev);

struct check {
	const char *name;
	const char *summary;
	const int *rules;               /* enum rule_id */
	uint32_t nrules;
	check_hook hooks[EV__COUNT];
};

#define CK(name) extern const struct check check_##name;
#include "checks/checks.def"
#undef CK

/* All checks, in checks.def order. */
uint32_t check_registry(const struct check *const **out);
const struct check *check_find(const char *name);
/* Does the check emit this rule? */
bool check_has_rule(const struct check *c, int rule);

#endif
