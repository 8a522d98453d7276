/*
 * rule_text.c — the generated rule texts (see rule_text.h).
 */
#include "report/rule_text.h"

static const struct rule_text texts[] = {
#define RULE_TEXT(e, name, precision, shortdesc, fulldesc, help) \
	[e] = { name, precision, shortdesc, fulldesc, help },
#include "rules_text.def"
#undef RULE_TEXT
};

const struct rule_text *rule_text(int rule)
{
	static const struct rule_text none = { "", "", "", "", "" };
	return rule >= 0 && rule < RULE__COUNT ? &texts[rule] : &none;
}
