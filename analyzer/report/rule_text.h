/*
 * rule_text.h — the catalogue's texts for each rule (rules/rules.json,
 * generated into rules_text.def by cmake/RulesDef.cmake): what SARIF's
 * rule metadata and `--list-checks`-style help print.
 */
#ifndef REFCHECK_RULE_TEXT_H
#define REFCHECK_RULE_TEXT_H

#include "report/rules.h"

struct rule_text {
	const char *name;       /* "ReferenceLeak" */
	const char *precision;  /* very-high / high / medium / low */
	const char *shortdesc;  /* one sentence */
	const char *fulldesc;   /* a paragraph */
	const char *help;       /* how to fix it */
};

/* Never NULL: an unknown rule gets empty texts. */
const struct rule_text *rule_text(int rule);

#endif
