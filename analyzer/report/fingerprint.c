/*
 * fingerprint.c — finding fingerprints (see fingerprint.h).
 */
#include "report/fingerprint.h"

#include "report/finding.h"
#include "report/source.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <string.h>
#include <xxhash.h>

/* Keep what changes the meaning of a line: drop whitespace and a trailing
 * // comment (outside string and character literals), so re-indenting or
 * adding a `// refcheck: ignore[...]` does not change the identity. */
size_t report_fingerprint_normalise(char *out, size_t cap, const char *line, size_t len)
{
	size_t n = 0;
	char quote = 0;
	for (size_t i = 0; i < len && n + 1 < cap; i++) {
		char c = line[i];
		if (quote) {
			if (c == '\\' && i + 1 < len) {
				out[n++] = c;
				c = line[++i];
			} else if (c == quote) {
				quote = 0;
			}
		} else if (c == '"' || c == '\'') {
			quote = c;
		} else if (c == '/' && i + 1 < len && line[i + 1] == '/') {
			break;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
			continue;
		}
		if (n + 1 < cap)
			out[n++] = c;
	}
	out[n] = '\0';
	return n;
}

static uint64_t hash_finding(const struct finding *f, struct source_cache *src)
{
	XXH3_state_t *st = XXH3_createState();
	char norm[1024];
	int found = 0;
	XXH3_64bits_reset(st);
	const char *rule = rule_name(f->rule);
	XXH3_64bits_update(st, rule, strlen(rule) + 1);
	const char *fn = f->function ? f->function : "";
	XXH3_64bits_update(st, fn, strlen(fn) + 1);
	for (int d = -1; d <= 1; d++) {
		size_t len = 0;
		const char *line = src && (int64_t)f->loc.line + d > 0
			? source_line(src, f->loc.file, f->loc.line + d, &len) : NULL;
		size_t n = line ? report_fingerprint_normalise(norm, sizeof(norm), line, len) : 0;
		found |= d == 0 && line != NULL;
		XXH3_64bits_update(st, norm, n);
		XXH3_64bits_update(st, "\n", 1);
	}
	if (!found && f->message)
		XXH3_64bits_update(st, f->message, strlen(f->message));
	uint64_t h = XXH3_64bits_digest(st);
	XXH3_freeState(st);
	return h;
}

struct fp_entry {
	struct finding *f;
	uint64_t hash;
};

static int compare_entries(const void *pa, const void *pb)
{
	const struct fp_entry *a = pa, *b = pb;
	int c = strcmp(a->f->loc.file, b->f->loc.file);
	if (c)
		return c;
	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	if (a->f->loc.line != b->f->loc.line)
		return a->f->loc.line < b->f->loc.line ? -1 : 1;
	if (a->f->loc.col != b->f->loc.col)
		return a->f->loc.col < b->f->loc.col ? -1 : 1;
	return strcmp(a->f->message ? a->f->message : "", b->f->message ? b->f->message : "");
}

void report_fingerprint_list(struct finding_list *l, struct source_cache *src)
{
	if (!l->n)
		return;
	struct fp_entry *v = xmalloc(sizeof(*v) * l->n);
	for (uint32_t i = 0; i < l->n; i++)
		v[i] = (struct fp_entry){ l->items[i], hash_finding(l->items[i], src) };
	qsort(v, l->n, sizeof(*v), compare_entries);
	/* Invariant: `index` counts the entries so far with v[i]'s file and hash. */
	uint32_t index = 0;
	for (uint32_t i = 0; i < l->n; i++) {
		bool same = i > 0 && v[i].hash == v[i - 1].hash &&
		            strcmp(v[i].f->loc.file, v[i - 1].f->loc.file) == 0;
		index = same ? index + 1 : 1;
		char buf[40];
		snprintf(buf, sizeof(buf), "%016llx:%u", (unsigned long long)v[i].hash, index);
		v[i].f->fingerprint = finding_strdup(l, buf);
	}
	free(v);
}
