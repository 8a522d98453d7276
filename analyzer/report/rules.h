/*
 * rules.h — rule ids as enumerators, generated from rules/rules.json
 * (cmake/RulesDef.cmake → rules.def). A check names RULE_REFCOUNT_LEAK;
 * a misspelt rule is a compile error (STYLE §5).
 */
#ifndef REFCHECK_RULES_H
#define REFCHECK_RULES_H

enum rule_severity { SEV_NOTE, SEV_WARNING, SEV_ERROR };

enum rule_id {
#define RULE(e, id, sev) e,
#include "rules.def"
#undef RULE
	RULE__COUNT
};

const char *rule_name(int rule);            /* "refcount-leak" */
enum rule_severity rule_severity(int rule);
const char *rule_severity_name(enum rule_severity s);
/* RULE__COUNT when no rule has that id. */
int rule_lookup(const char *id);

#endif
