/*
 * test_incremental.c — TU keys and the unchanged test: the same content,
 * flags, environment and headers mean unchanged; any one of them changing
 * (or a header disappearing) means the TU is analysed again. Also the
 * fingerprints: stable when unrelated lines move, distinct per occurrence.
 */
#include "store_fixture.h"

TestSuite(incremental, .init = fx_setup, .fini = fx_teardown);

struct tu_setup {
	struct store *s;
	struct store_hashes *h;
	char env[33];
};

static void setup_tu(struct tu_setup *t)
{
	struct err e = { 0 };
	cr_assert_eq(store_open(&t->s, fx_path("i.db"), STORE_OPEN_WRITE, &e), 0, "%s", e.msg);
	t->h = store_hashes_new();
	const char *packs[] = { fx_path("pack.json") };
	fx_write(packs[0], "{}", 2);
	cr_assert_eq(store_env_hash(t->h, t->env, "0.1.0", "", packs, 1, &e), 0, "%s", e.msg);
}

/* Record main.c (including h.h) with flags in run 1. */
static void record_main(struct tu_setup *t, const char *flag)
{
	struct err e = { 0 };
	struct store_tu_key k;
	const char *flags[] = { "-I.", flag };
	/* Each run hashes afresh. */
	store_hashes_free(t->h);
	t->h = store_hashes_new();
	cr_assert_eq(store_tu_key_init(&k, t->h, fx_path("main.c"), flags, 2, t->env, &e), 0,
	             "%s", e.msg);
	const char *deps[] = { fx_path("h.h") };
	store_tu_key_set_deps(&k, t->h, deps, 1);
	struct store_tu_result r = { .key = &k };
	int64_t run;
	cr_assert_eq(store_run_begin(t->s, &run, "0.1.0", "", "", &e), 0);
	cr_assert_eq(store_tu_record(t->s, run, &r, &e), 0, "%s", e.msg);
	store_tu_key_dispose(&k);
}

/* Is main.c unchanged, with fresh hashes (a new run)? */
static bool unchanged(struct tu_setup *t, const char *flag)
{
	struct err e = { 0 };
	struct store_hashes *h = store_hashes_new();
	struct store_tu_key k;
	const char *flags[] = { "-I.", flag };
	bool same = false;
	cr_assert_eq(store_tu_key_init(&k, h, fx_path("main.c"), flags, 2, t->env, &e), 0, "%s", e.msg);
	cr_assert_eq(store_tu_unchanged(t->s, k.path, k.key, store_hashes_dep, h, &same, &e), 0,
	             "%s", e.msg);
	store_hashes_free(h);
	return same;
}

static void teardown_tu(struct tu_setup *t)
{
	store_hashes_free(t->h);
	store_close(t->s);
}

Test(incremental, unchanged_until_something_changes)
{
	struct tu_setup t;
	fx_write(fx_path("main.c"), "#include \"h.h\"\nint x;\n", 22);
	fx_write(fx_path("h.h"), "int y;\n", 7);
	setup_tu(&t);
	cr_assert_not(unchanged(&t, "-DA"), "never analysed yet");
	record_main(&t, "-DA");
	cr_assert(unchanged(&t, "-DA"));
	cr_assert_not(unchanged(&t, "-DB"), "other flags");
	/* The header changes. */
	fx_write(fx_path("h.h"), "int y, z;\n", 10);
	cr_assert_not(unchanged(&t, "-DA"), "header content changed");
	record_main(&t, "-DA");
	cr_assert(unchanged(&t, "-DA"));
	/* The main file changes. */
	fx_write(fx_path("main.c"), "#include \"h.h\"\nint x2;\n", 23);
	cr_assert_not(unchanged(&t, "-DA"), "main file changed");
	record_main(&t, "-DA");
	/* The header goes away. */
	cr_assert_eq(unlink(fx_path("h.h")), 0);
	cr_assert_not(unchanged(&t, "-DA"), "header gone");
	teardown_tu(&t);
}

Test(incremental, environment_covers_version_and_packs)
{
	struct store_hashes *h = store_hashes_new();
	struct err e = { 0 };
	char a[33], b[33], c[33];
	const char *packs[] = { fx_path("p.json") };
	fx_write(packs[0], "{\"a\":1}", 7);
	cr_assert_eq(store_env_hash(h, a, "0.1.0", "", packs, 1, &e), 0);
	cr_assert_eq(store_env_hash(h, b, "0.2.0", "", packs, 1, &e), 0);
	cr_assert_str_neq(a, b);
	cr_assert_eq(store_env_hash(h, b, "0.1.0", "checks=leak", packs, 1, &e), 0);
	cr_assert_str_neq(a, b, "other checks");
	store_hashes_free(h);
	h = store_hashes_new();     /* a fresh cache: the pack is read again */
	fx_write(packs[0], "{\"a\":2}", 7);
	cr_assert_eq(store_env_hash(h, c, "0.1.0", "", packs, 1, &e), 0);
	cr_assert_str_neq(a, c, "pack content changed");
	const char *missing[] = { fx_path("none.json") };
	cr_assert_eq(store_env_hash(h, c, "0.1.0", "", missing, 1, &e), ERR_NOTFOUND);
	store_hashes_free(h);
}

Test(incremental, string_lists_are_delimited)
{
	char a[33], b[33];
	const char *one[] = { "ab" };
	const char *two[] = { "a", "b" };
	store_hash_strings(a, one, 1);
	store_hash_strings(b, two, 2);
	cr_assert_str_neq(a, b);
	cr_assert_eq(strlen(a), 32);
}

/* ---- fingerprints ---- */

static const char *fingerprint_at(const char *src, uint32_t line, int rule)
{
	static char out[4][40];
	static int next;
	fx_write(fx_path("fp.c"), src, strlen(src));
	struct source_cache *c = source_cache_new();
	struct finding_list l;
	finding_list_init(&l);
	struct finding *f = fx_add(&l, fx_path("fp.c"), line, rule, "f", "m");
	report_fingerprint_list(&l, c);
	char *o = out[next++ & 3];
	snprintf(o, 40, "%s", f->fingerprint);
	finding_list_dispose(&l);
	source_cache_free(c);
	return o;
}

Test(incremental, fingerprint_survives_moved_lines)
{
	const char *a = "int f(void) {\n  x = new();\n  return 0;\n}\n";
	const char *b = "/* a comment */\n\nint f(void) {\n    x = new();   // refcheck: ignore[x]\n  return 0;\n}\n";
	const char *fa = fingerprint_at(a, 2, RULE_REFCOUNT_LEAK);
	const char *fb = fingerprint_at(b, 4, RULE_REFCOUNT_LEAK);
	cr_assert_str_eq(fa, fb, "moved and re-indented: %s vs %s", fa, fb);
	cr_assert_eq(strlen(fa), 18);
	cr_assert_str_eq(fa + 16, ":1");
	const char *fc = fingerprint_at("int f(void) {\n  y = new();\n  return 0;\n}\n", 2,
	                                RULE_REFCOUNT_LEAK);
	cr_assert_str_neq(fa, fc, "the flagged line changed");
	const char *fd = fingerprint_at(a, 2, RULE_REFCOUNT_OVER_RELEASE);
	cr_assert_str_neq(fa, fd, "another rule");
}

Test(incremental, fingerprint_occurrence_index)
{
	/* Two identical contexts in one function: :1 and :2, by line. */
	const char *src = "a;\nx();\nb;\nc;\na;\nx();\nb;\n";
	fx_write(fx_path("dup.c"), src, strlen(src));
	struct source_cache *c = source_cache_new();
	struct finding_list l;
	finding_list_init(&l);
	struct finding *late = fx_add(&l, fx_path("dup.c"), 6, RULE_REFCOUNT_LEAK, "f", "m");
	struct finding *early = fx_add(&l, fx_path("dup.c"), 2, RULE_REFCOUNT_LEAK, "f", "m");
	report_fingerprint_list(&l, c);
	cr_assert_eq(strncmp(late->fingerprint, early->fingerprint, 16), 0);
	cr_assert_str_eq(early->fingerprint + 16, ":1");
	cr_assert_str_eq(late->fingerprint + 16, ":2");
	finding_list_dispose(&l);
	source_cache_free(c);
}

Test(incremental, normalise_strips_space_and_comments)
{
	char out[64];
	const char *line = "  if (a == \"x // y\")  // note";
	report_fingerprint_normalise(out, sizeof(out), line, strlen(line));
	cr_assert_str_eq(out, "if(a==\"x // y\")");
}
