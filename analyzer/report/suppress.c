/*
 * suppress.c — inline `refcheck: ignore[...]` comments (see suppress.h).
 */
#include "report/suppress.h"

#include "report/source.h"

#include <string.h>

static const char *find_in(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(s + i, needle, n) == 0)
			return s + i;
	return NULL;
}

bool suppress_line_matches(const char *line, size_t len, const char *rule)
{
	const char *end = line + len;
	const char *p = find_in(line, len, "refcheck: ignore");
	if (!p)
		return false;
	p += strlen("refcheck: ignore");
	if (p >= end || *p != '[')
		return true;    /* every rule */
	p++;
	size_t rlen = strlen(rule);
	while (p < end && *p != ']') {
		while (p < end && (*p == ' ' || *p == ','))
			p++;
		const char *q = p;
		while (q < end && *q != ',' && *q != ']' && *q != ' ')
			q++;
		if ((size_t)(q - p) == rlen && memcmp(p, rule, rlen) == 0)
			return true;
		if (q - p == 1 && *p == '*')
			return true;
		p = q;
	}
	return false;
}

int suppress_apply(struct finding_list *l, struct err *e)
{
	(void)e;
	if (l->n == 0)
		return 0;
	struct source_cache *sc = source_cache_new();
	for (uint32_t i = 0; i < l->n; i++) {
		struct finding *f = l->items[i];
		const char *rule = rule_name(f->rule);
		/* The finding's own line, then the line before it. */
		for (uint32_t k = 0; k < 2 && k < f->loc.line; k++) {
			size_t len;
			const char *text = source_line(sc, f->loc.file, f->loc.line - k, &len);
			if (text && suppress_line_matches(text, len, rule)) {
				f->suppressed = true;
				f->suppression = "inline";
				break;
			}
		}
	}
	source_cache_free(sc);
	return 0;
}
