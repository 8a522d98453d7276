/*
 * test_sarif.c — the SARIF renderer on hand-built findings: every field
 * code scanning reads, suppressions, GitHub's limits with their
 * notification, UTF-8 repair, UTF-16 columns and URIs. Each document is also
 * written to $REFCHECK_SARIF_OUT, where the sarif_schema test validates it
 * against the official schema with ajv.
 */
#include "store_fixture.h"

#include "report/sarif.h"

#include <jansson.h>
#include <sys/stat.h>

TestSuite(sarif, .init = fx_setup, .fini = fx_teardown);

struct doc {
	json_t *root, *run, *results;
};

/* Render l (with fingerprints) into a document named `name`; parse it. */
static struct doc render(const char *name, struct finding_list *l, struct report_sarif_opts o)
{
	char path[600];
	const char *dir = getenv("REFCHECK_SARIF_OUT");
	snprintf(path, sizeof(path), "%s/sarif_%s.sarif.json", dir ? dir : fx_dir, name);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f, "cannot write %s", path);
	if (!o.srcroot)
		o.srcroot = fx_dir;
	o.version = "0.1.0";
	struct report_sarif *s = report_sarif_begin(f, &o);
	for (uint32_t i = 0; i < l->n; i++)
		report_sarif_add(s, l->items[i]);
	struct err e = { 0 };
	cr_assert_eq(report_sarif_end(s, &e), 0, "%s", e.msg);
	fclose(f);
	json_error_t je;
	struct doc d;
	d.root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
	cr_assert_not_null(d.root, "%s:%d: %s", path, je.line, je.text);
	cr_assert_str_eq(json_string_value(json_object_get(d.root, "version")), "2.1.0");
	d.run = json_array_get(json_object_get(d.root, "runs"), 0);
	d.results = json_object_get(d.run, "results");
	cr_assert(json_is_array(d.results));
	return d;
}

static const char *str_at(json_t *j, const char *path)
{
	json_t *v = json_object_get(j, path);
	cr_assert_not_null(v, "no '%s'", path);
	return json_string_value(v);
}

static json_t *phys(json_t *result)
{
	return json_object_get(json_array_get(json_object_get(result, "locations"), 0),
	                       "physicalLocation");
}

static void notes_mention(struct doc *d, const char *word)
{
	json_t *inv = json_array_get(json_object_get(d->run, "invocations"), 0);
	json_t *notes = json_object_get(inv, "toolExecutionNotifications");
	size_t i;
	json_t *n;
	json_array_foreach(notes, i, n) {
		const char *t = json_string_value(json_object_get(json_object_get(n, "message"), "text"));
		if (strstr(t, word))
			return;
	}
	cr_assert_fail("no run notification mentions '%s'", word);
}

Test(sarif, results_carry_what_code_scanning_reads)
{
	const char *src = "int f(void)\n{\n  x = rc_list_new();\n  return 0;\n}\n";
	fx_write(fx_path("a.c"), src, strlen(src));
	struct finding_list l;
	finding_list_init(&l);
	struct finding *f = fx_add(&l, fx_path("a.c"), 4, RULE_REFCOUNT_LEAK, "f", "leaks 'x'");
	struct finding *g = fx_add(&l, fx_path("a.c"), 3, RULE_REFCOUNT_OVER_RELEASE, "f", "over");
	g->suppressed = true;
	g->suppression = "inline";
	report_fingerprint_list(&l, NULL);
	struct doc d = render("basic", &l, (struct report_sarif_opts){ 0 });

	json_t *rules = json_object_get(json_object_get(json_object_get(d.run, "tool"), "driver"), "rules");
	cr_assert_eq(json_array_size(rules), RULE__COUNT);
	json_t *leak = json_array_get(rules, RULE_REFCOUNT_LEAK);
	cr_assert_str_eq(str_at(leak, "id"), "refcount-leak");
	cr_assert_str_eq(str_at(leak, "name"), "ReferenceLeak");
	cr_assert_not_null(strstr(str_at(json_object_get(leak, "help"), "markdown"), "rc_decref"));
	cr_assert_str_eq(str_at(json_object_get(leak, "defaultConfiguration"), "level"), "warning");
	cr_assert_str_eq(str_at(json_object_get(leak, "properties"), "precision"), "high");

	json_t *base = json_object_get(json_object_get(d.run, "originalUriBaseIds"), "%SRCROOT%");
	cr_assert_eq(strncmp(str_at(base, "uri"), "file:///", 8), 0);
	cr_assert_eq(json_array_size(d.results), 2);
	json_t *r = json_array_get(d.results, 0);
	cr_assert_str_eq(str_at(r, "ruleId"), "refcount-leak");
	cr_assert_eq(json_integer_value(json_object_get(r, "ruleIndex")), RULE_REFCOUNT_LEAK);
	cr_assert_str_eq(str_at(r, "level"), "warning");
	cr_assert_str_eq(str_at(json_object_get(r, "message"), "text"), "leaks 'x'");
	json_t *art = json_object_get(phys(r), "artifactLocation");
	cr_assert_str_eq(str_at(art, "uri"), "a.c");
	cr_assert_str_eq(str_at(art, "uriBaseId"), "%SRCROOT%");
	json_t *reg = json_object_get(phys(r), "region");
	cr_assert_eq(json_integer_value(json_object_get(reg, "startLine")), 4);
	cr_assert_eq(json_integer_value(json_object_get(reg, "startColumn")), 5);
	cr_assert_eq(json_integer_value(json_object_get(reg, "endColumn")), 12);
	cr_assert_str_eq(str_at(json_object_get(r, "partialFingerprints"), "primaryLocationLineHash"),
	                 f->fingerprint);
	json_t *flow = json_array_get(json_object_get(json_array_get(json_object_get(r, "codeFlows"), 0),
	                                              "threadFlows"), 0);
	json_t *steps = json_object_get(flow, "locations");
	cr_assert_eq(json_array_size(steps), 2);
	cr_assert_eq(json_integer_value(json_object_get(json_array_get(steps, 1), "executionOrder")), 2);
	json_t *rel = json_array_get(json_object_get(r, "relatedLocations"), 0);
	cr_assert_eq(json_integer_value(json_object_get(rel, "id")), 1);
	cr_assert_str_eq(str_at(json_object_get(rel, "message"), "text"), "new reference from rc_list_new");
	cr_assert_null(json_object_get(r, "suppressions"));
	json_t *sup = json_array_get(json_object_get(json_array_get(d.results, 1), "suppressions"), 0);
	cr_assert_str_eq(str_at(sup, "kind"), "inSource");
	json_decref(d.root);
	finding_list_dispose(&l);
}

Test(sarif, baseline_suppression_is_external)
{
	struct finding_list l;
	finding_list_init(&l);
	struct finding *f = fx_add(&l, fx_path("b.c"), 2, RULE_CYCLE_CREATED, "g", "cycle");
	f->suppressed = true;
	f->suppression = "baseline";
	struct doc d = render("baseline", &l, (struct report_sarif_opts){ 0 });
	json_t *sup = json_array_get(json_object_get(json_array_get(d.results, 0), "suppressions"), 0);
	cr_assert_str_eq(str_at(sup, "kind"), "external");
	json_decref(d.root);
	finding_list_dispose(&l);
}

Test(sarif, limits_are_kept_and_said)
{
	struct finding_list l;
	finding_list_init(&l);
	for (uint32_t i = 0; i < 5; i++)
		fx_add(&l, fx_path("c.c"), i + 1, RULE_REFCOUNT_LEAK, "f", "leak");
	struct finding *longf = l.items[0];
	for (int i = 0; i < 8; i++)
		finding_add_step(&l, longf, STEP_BRANCH, longf->loc, "branch taken");
	finding_add_step(&l, longf, STEP_EVENT, longf->loc, "the last step");
	struct doc d = render("limits", &l,
	                      (struct report_sarif_opts){ .max_results = 3, .max_steps = 4 });
	cr_assert_eq(json_array_size(d.results), 3);
	notes_mention(&d, "2 of 5 results were left out");
	notes_mention(&d, "shortened to 4 steps");
	json_t *flow = json_array_get(json_object_get(json_array_get(json_object_get(
		json_array_get(d.results, 0), "codeFlows"), 0), "threadFlows"), 0);
	json_t *steps = json_object_get(flow, "locations");
	cr_assert_eq(json_array_size(steps), 4);
	json_t *last = json_object_get(json_object_get(json_array_get(steps, 3), "location"), "message");
	cr_assert_str_eq(str_at(last, "text"), "the last step");
	json_decref(d.root);
	finding_list_dispose(&l);
}

Test(sarif, bad_utf8_and_wide_columns)
{
	/* "é" is two bytes, one UTF-16 unit; the emoji four bytes, two units. */
	const char *src = "s = \"\xc3\xa9\xf0\x9f\x98\x80\"; leak(x);\n";
	fx_write(fx_path("u.c"), src, strlen(src));
	struct finding_list l;
	finding_list_init(&l);
	struct finding *f = fx_add(&l, fx_path("u.c"), 1, RULE_REFCOUNT_LEAK, "f", "bad \xff byte");
	f->loc.col = 15;        /* 'l' of leak, in bytes */
	f->loc.end_col = 19;
	f->has_related = false;
	struct source_cache *src_cache = source_cache_new();
	struct doc d = render("utf8", &l, (struct report_sarif_opts){ .src = src_cache });
	json_t *r = json_array_get(d.results, 0);
	cr_assert_str_eq(str_at(json_object_get(r, "message"), "text"), "bad \xef\xbf\xbd byte");
	json_t *reg = json_object_get(phys(r), "region");
	cr_assert_eq(json_integer_value(json_object_get(reg, "startColumn")), 12);
	cr_assert_eq(json_integer_value(json_object_get(reg, "endColumn")), 16);
	json_decref(d.root);
	source_cache_free(src_cache);
	finding_list_dispose(&l);
}

Test(sarif, uris_inside_and_outside_the_root)
{
	struct finding_list l;
	finding_list_init(&l);
	cr_assert_eq(mkdir(fx_path("my src"), 0777), 0);
	fx_add(&l, fx_path("my src/x.c"), 1, RULE_REFCOUNT_LEAK, "f", "in");
	fx_add(&l, "/usr/include/stdio.h", 1, RULE_REFCOUNT_LEAK, "f", "out");
	struct doc d = render("uris", &l, (struct report_sarif_opts){ 0 });
	json_t *a = json_object_get(phys(json_array_get(d.results, 0)), "artifactLocation");
	cr_assert_str_eq(str_at(a, "uri"), "my%20src/x.c");
	json_t *b = json_object_get(phys(json_array_get(d.results, 1)), "artifactLocation");
	cr_assert_str_eq(str_at(b, "uri"), "file:///usr/include/stdio.h");
	cr_assert_null(json_object_get(b, "uriBaseId"));
	json_decref(d.root);
	finding_list_dispose(&l);
	char *enc = report_uri_encode("a#b?c%d");
	cr_assert_str_eq(enc, "a%23b%3Fc%25d");
	free(enc);
}

Test(sarif, no_findings_is_a_valid_document)
{
	struct finding_list l;
	finding_list_init(&l);
	struct doc d = render("empty", &l, (struct report_sarif_opts){ 0 });
	cr_assert_eq(json_array_size(d.results), 0);
	json_decref(d.root);
	finding_list_dispose(&l);
}
