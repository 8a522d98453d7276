/*
 * test_report.c — suppression comments and the text and JSON renderers.
 */
#include <criterion/criterion.h>

#include "report/json.h"
#include "report/source.h"
#include "report/suppress.h"
#include "report/text.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static bool matches(const char *line, const char *rule)
{
	return suppress_line_matches(line, strlen(line), rule);
}

Test(suppress, comment_forms)
{
	cr_assert(matches("  f(x); // refcheck: ignore[refcount-leak]", "refcount-leak"));
	cr_assert(matches("/* refcheck: ignore[refcount-over-release, refcount-leak] */", "refcount-leak"));
	cr_assert(matches("// refcheck: ignore", "refcount-leak"));
	cr_assert(matches("// refcheck: ignore[*]", "cycle-created"));
	cr_assert_not(matches("// refcheck: ignore[refcount-leak]", "refcount-over-release"));
	cr_assert_not(matches("// refcheck: ignore[refcount-leakx]", "refcount-leak"));
	cr_assert_not(matches("f(x);", "refcount-leak"));
}

static struct finding *sample(struct finding_list *l, const char *path, uint32_t line)
{
	struct finding *f = finding_new(l);
	f->rule = RULE_REFCOUNT_LEAK;
	f->loc = (struct finding_loc){ finding_strdup(l, path), line, 5, line, 11 };
	f->function = "f";
	f->message = "reference to 'x' leaks on this path";
	finding_add_step(l, f, STEP_ACQUIRE, (struct finding_loc){ f->loc.file, 1, 3, 1, 9 },
	                 "new reference from rc_int_new");
	finding_add_step(l, f, STEP_EVENT, f->loc, f->message);
	finding_append(l, f);
	return f;
}

Test(suppress, applies_on_line_and_line_before)
{
	char path[] = "/tmp/refcheck-suppress-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	FILE *fp = fdopen(fd, "w");
	fputs("int a;\n// refcheck: ignore[refcount-leak]\nreturn x;\nreturn y;\n"
	      "return z; // refcheck: ignore[refcount-over-release]\n", fp);
	fclose(fp);
	struct finding_list l;
	finding_list_init(&l);
	struct finding *on_next = sample(&l, path, 3);
	struct finding *far = sample(&l, path, 4);
	struct finding *other_rule = sample(&l, path, 5);
	struct err e = { 0 };
	cr_assert_eq(suppress_apply(&l, &e), 0);
	cr_assert(on_next->suppressed);
	cr_assert_not(far->suppressed);
	cr_assert_not(other_rule->suppressed);
	finding_list_dispose(&l);
	unlink(path);
}

Test(text, diagnostic_caret_and_notes)
{
	char path[] = "/tmp/refcheck-text-XXXXXX";
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");
	fputs("x = rc_int_new(1);\n    return NULL;\n", fp);
	fclose(fp);
	struct finding_list l;
	finding_list_init(&l);
	struct finding *f = sample(&l, path, 2);
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct source_cache *sc = source_cache_new();
	struct text_options o = { .color = false, .caret = true };
	report_text_finding(out, f, &o, sc);
	fclose(out);
	char expect[1024];
	snprintf(expect, sizeof(expect),
	         "%s:2:5: warning: reference to 'x' leaks on this path [refcount-leak]\n"
	         "    2 |     return NULL;\n"
	         "      |     ^~~~~~\n"
	         "%s:1:3: note: new reference from rc_int_new\n", path, path);
	cr_assert_str_eq(buf, expect);
	free(buf);
	source_cache_free(sc);
	finding_list_dispose(&l);
	unlink(path);
}

Test(json, document_parses_and_carries_fields)
{
	struct finding_list l;
	finding_list_init(&l);
	sample(&l, "dir/\xff.c", 7);     /* a path that is not UTF-8 */
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct json_writer w;
	report_json_begin(&w, out);
	report_json_finding(&w, l.items[0]);
	struct analyze_stats st = { 0 };
	st.findings = 1;
	st.by_rule[RULE_REFCOUNT_LEAK] = 1;
	report_json_end(&w, 1, &st, NULL);
	fclose(out);
	json_error_t err;
	json_t *doc = json_loads(buf, 0, &err);
	cr_assert_not_null(doc, "invalid JSON (%s): %s", err.text, buf);
	json_t *f0 = json_array_get(json_object_get(doc, "findings"), 0);
	cr_assert_str_eq(json_string_value(json_object_get(f0, "rule")), "refcount-leak");
	cr_assert_eq(json_integer_value(json_object_get(f0, "line")), 7);
	cr_assert_str_eq(json_string_value(json_object_get(f0, "file")), "dir/\xEF\xBF\xBD.c");
	cr_assert_eq(json_array_size(json_object_get(f0, "steps")), 2);
	json_t *sum = json_object_get(doc, "summary");
	cr_assert_eq(json_integer_value(json_object_get(json_object_get(sum, "by_rule"), "refcount-leak")), 1);
	json_decref(doc);
	free(buf);
	finding_list_dispose(&l);
}
