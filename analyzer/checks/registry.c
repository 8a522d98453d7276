/*
 * registry.c — the table of checks, built from checks.def.
 */
#include "checks/check.h"

#include <string.h>

static const struct check *const registry[] = {
#define CK(name) &check_##name,
#include "checks/checks.def"
#undef CK
};

uint32_t check_registry(const struct check *const **out)
{
	*out = registry;
	return sizeof(registry) / sizeof(registry[0]);
}

const struct check *check_find(const char *name)
{
	for (size_t i = 0; i < sizeof(registry) / sizeof(registry[0]); i++) {
		/* Accept both the file name (over_release) and the rule style (over-release). */
		const char *a = registry[i]->name, *b = name;
		while (*a && (*a == *b || (*a == '_' && *b == '-'))) {
			a++;
			b++;
		}
		if (!*a && !*b)
			return registry[i];
	}
	return NULL;
}

bool check_has_rule(const struct check *c, int rule)
{
	for (uint32_t i = 0; i < c->nrules; i++)
		if (c->rules[i] == rule)
			return true;
	return false;
}
