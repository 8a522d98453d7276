/*
 * store_fixture.h — helpers shared by the store's unit tests: a private
 * temporary folder per test, small files, and finding lists built by hand.
 * Header-only; each test file includes it once.
 */
#ifndef REFCHECK_STORE_FIXTURE_H
#define REFCHECK_STORE_FIXTURE_H

#include <criterion/criterion.h>

#include "report/finding.h"
#include "report/fingerprint.h"
#include "report/source.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char fx_dir[256];

static inline void fx_setup(void)
{
	snprintf(fx_dir, sizeof(fx_dir), "/tmp/refcheck-store-XXXXXX");
	cr_assert_not_null(mkdtemp(fx_dir));
}

static inline void fx_teardown(void)
{
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx_dir);
	cr_assert_eq(system(cmd), 0);
}

/* fx_dir/name, in a static buffer ring (four live at once). */
static inline const char *fx_path(const char *name)
{
	static char bufs[4][320];
	static int next;
	char *b = bufs[next++ & 3];
	snprintf(b, 320, "%s/%s", fx_dir, name);
	return b;
}

static inline void fx_write(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f, "cannot write %s", path);
	cr_assert_eq(fwrite(text, 1, len, f), len);
	fclose(f);
}

/* Whole file into a malloc'd buffer; *len its size. */
static inline char *fx_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot read %s", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

/* Append a finding with one acquire step and a related location. */
static inline struct finding *fx_add(struct finding_list *l, const char *file, uint32_t line,
                                     int rule, const char *fn, const char *msg)
{
	struct finding *f = finding_new(l);
	f->rule = rule;
	f->loc = (struct finding_loc){ finding_strdup(l, file), line, 5, line, 12 };
	f->function = finding_strdup(l, fn);
	f->message = finding_strdup(l, msg);
	f->has_related = true;
	f->related = (struct finding_loc){ f->loc.file, line > 1 ? line - 1 : 1, 3, 0, 0 };
	f->related_msg = finding_strdup(l, "new reference from rc_list_new");
	finding_add_step(l, f, STEP_ACQUIRE, f->related, "reference is now owned");
	finding_add_step(l, f, STEP_EVENT, f->loc, "leaks here");
	finding_append(l, f);
	return f;
}

/* Record one TU with the given findings in `run` (fingerprints computed
 * from the TU's source). */
static inline void fx_record(struct store *s, int64_t run, const char *tu,
                             struct finding_list *l, const char *key)
{
	struct source_cache *src = source_cache_new();
	report_fingerprint_list(l, src);
	source_cache_free(src);
	struct store_tu_key k = { .path = tu };
	snprintf(k.key, sizeof(k.key), "%s", key);
	snprintf(k.content, sizeof(k.content), "c");
	snprintf(k.flags, sizeof(k.flags), "f");
	snprintf(k.env, sizeof(k.env), "e");
	struct store_tu_result r = { .key = &k, .findings = l };
	struct err e = { 0 };
	cr_assert_eq(store_tu_record(s, run, &r, &e), 0, "%s", e.msg);
}

#endif
