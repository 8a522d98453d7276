/*
 * rules.c — the generated rule table (see rules.h).
 */
#include "report/rules.h"

#include <string.h>

static const struct {
	const char *id;
	enum rule_severity sev;
} rules[] = {
#define RULE(e, id, sev) [e] = { id, sev },
#include "rules.def"
#undef RULE
};

const char *rule_name(int rule)
{
	return rule >= 0 && rule < RULE__COUNT ? rules[rule].id : "unknown-rule";
}

enum rule_severity rule_severity(int rule)
{
	return rule >= 0 && rule < RULE__COUNT ? rules[rule].sev : SEV_WARNING;
}

const char *rule_severity_name(enum rule_severity s)
{
	switch (s) {
	case SEV_ERROR: return "error";
	case SEV_NOTE: return "note";
	default: return "warning";
	}
}

int rule_lookup(const char *id)
{
	for (int i = 0; i < RULE__COUNT; i++)
		if (strcmp(rules[i].id, id) == 0)
			return i;
	return RULE__COUNT;
}
