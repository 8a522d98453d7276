/*
 * cycle_types.c — the type-level cycle rules as an entry of the check
 * table, so that --list-checks shows them and --enable/--disable switch
 * them: cycle-untracked-type, refcount-dealloc-incomplete,
 * cycle-traverse-incomplete and cycle-clear-incomplete. They do not follow
 * paths of a function; the analysis core runs them once per TU through
 * cycle_check_tu (cycles/type_checks.c) when this check is enabled, so it
 * subscribes to no engine event.
 */
#include "checks/check.h"

static const int cycle_types_rules[] = {
	RULE_CYCLE_UNTRACKED_TYPE, RULE_REFCOUNT_DEALLOC_INCOMPLETE,
	RULE_CYCLE_TRAVERSE_INCOMPLETE, RULE_CYCLE_CLEAR_INCOMPLETE,
};

const struct check check_cycle_types = {
	.name = "cycle_types",
	.summary = "object types the collector cannot free, and incomplete dealloc/traverse/clear",
	.rules = cycle_types_rules,
	.nrules = sizeof(cycle_types_rules) / sizeof(cycle_types_rules[0]),
};
