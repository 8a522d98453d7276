/*
 * store.h — the findings database (DESIGN §6, issue 5): one SQLite file,
 * default `.refcheck/refcheck.db`, that remembers runs, analysed
 * translation units (with the hashes that decide whether a re-run may skip
 * them), inferred function summaries, findings with their trace steps, and
 * the baseline.
 *
 * Model of the data:
 *  - a *run* is one `refcheck check`; it is "running" until store_run_finish
 *    marks it complete. Reports look at complete runs only, so a run that was
 *    killed half-way never hides the previous run's findings.
 *  - a *finding* is an identity: (translation unit, fingerprint). It has a
 *    first and a last run and a state (new / unchanged / fixed) as of the
 *    last complete run that saw or lost it.
 *  - an *occurrence* is what one analysis of the TU said about the finding
 *    (location, message, steps). A run lists the occurrences it reported
 *    (run_findings), so `report --run N` shows run N exactly as it was.
 *  - a TU that is unchanged (store_tu_unchanged) is not analysed again: its
 *    last occurrences are listed in the new run as they are.
 *
 * Rules the store keeps (tech.md §5): WAL, synchronous=NORMAL, prepared
 * statements only, every write transaction BEGIN IMMEDIATE with a busy
 * timeout (so two refcheck processes on one file take turns), one
 * transaction per TU (a kill loses at most the TU being written). A file
 * that is not ours, not SQLite, truncated or damaged is refused with
 * ERR_CORRUPT and a message naming it, and is never written to.
 *
 * One `struct store` is one connection and belongs to one thread: in
 * `check` the main thread, which prints results in input order, is the only
 * writer; workers hand it their finding lists.
 */
#ifndef REFCHECK_STORE_H
#define REFCHECK_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "util/err.h"

struct finding_list;
struct finding;

#define STORE_DEFAULT_PATH ".refcheck/refcheck.db"
/* PRAGMA application_id of a refcheck database: "RfCk". */
#define STORE_APPLICATION_ID 0x5266436b
#define STORE_SCHEMA_VERSION 1

struct store;

enum store_open_mode {
	STORE_OPEN_WRITE,       /* create the file (and its folder) if missing */
	STORE_OPEN_READ         /* the file must exist; nothing is written */
};

/* Open `path` (NULL: STORE_DEFAULT_PATH). Validates that the file is a
 * refcheck database (application id, schema version, PRAGMA quick_check)
 * before anything is written; creates or migrates the schema in one
 * BEGIN IMMEDIATE transaction. Errors: ERR_NOTFOUND (READ, no file),
 * ERR_CORRUPT (not ours, not SQLite, truncated, damaged, newer schema),
 * ERR_GENERIC (I/O). */
int store_open(struct store **out, const char *path, enum store_open_mode mode, struct err *e);
void store_close(struct store *s);
const char *store_path(const struct store *s);

/* ---- runs ---- */

struct store_run_counts {
	uint32_t files;         /* translation units in the run */
	uint32_t analysed;      /* parsed and analysed */
	uint32_t reused;        /* unchanged: findings reused from the database */
	uint32_t failed;        /* could not be parsed */
	uint32_t partial;       /* functions analysed only partially (budget) */
	uint32_t findings;      /* listed in the run, suppressed ones included */
	uint32_t suppressed;    /* inline suppressions */
	uint32_t baselined;     /* in the baseline */
	uint32_t new_findings;  /* filled by store_run_finish */
	uint32_t fixed;         /* filled by store_run_finish */
};

struct store_run_info {
	int64_t id;
	char started[32], finished[32];     /* ISO 8601 UTC; finished "" while running */
	const char *version, *args, *packs; /* owned by the info (store_run_info_dispose) */
	bool complete;
	struct store_run_counts counts;
};

/* Start a run: version string, the command line as one string, packs as
 * a comma-separated list. */
int store_run_begin(struct store *s, int64_t *out, const char *version, const char *args,
                    const char *packs, struct err *e);
/* Mark the run complete: works out which findings of the previous complete
 * run are gone (fixed) and stores the counts (new and fixed filled in). */
int store_run_finish(struct store *s, int64_t run, struct store_run_counts *counts, struct err *e);
/* The latest complete run (0 if none). */
int store_run_latest(struct store *s, int64_t *out, struct err *e);
/* The complete run before `run` (0 if none). */
int store_run_previous(struct store *s, int64_t run, int64_t *out, struct err *e);
int store_run_get(struct store *s, int64_t run, struct store_run_info *out, struct err *e);
void store_run_info_dispose(struct store_run_info *info);
/* Every run, oldest first; cb returns non-zero to stop. */
int store_run_each(struct store *s, int (*cb)(const struct store_run_info *info, void *arg),
                   void *arg, struct err *e);

/* ---- translation units ---- */

/* What decides whether a TU can be skipped next time (incremental.c). */
struct store_tu_key {
	const char *path;               /* the TU's main file, as the job names it */
	char key[33];                   /* hash of content, flags and env */
	char content[33];               /* the main file's content */
	char flags[33];                 /* its compiler flags */
	char env[33];                   /* refcheck's build and the packs */
	const char *const *deps;        /* headers it included (absolute paths) */
	const char *const *dep_hashes;  /* their content hashes (32 hex) */
	uint32_t ndeps;
};

/* ---- hashes for incremental runs (incremental.c) ---- */

/* A cache of file content hashes for one run (headers are shared by many
 * TUs, so each is read once). Main thread only. */
struct store_hashes;
struct store_hashes *store_hashes_new(void);
void store_hashes_free(struct store_hashes *h);
/* 32 hex digits of the file's content; ERR_NOTFOUND if it cannot be read. */
int store_hash_file(struct store_hashes *h, const char *path, char out[33], struct err *e);
/* Hash of a list of strings (each one delimited, so ["ab"] ≠ ["a","b"]). */
void store_hash_strings(char out[33], const char *const *v, uint32_t n);
/* What every TU's key shares: refcheck's version and executable (so a
 * rebuilt analyzer re-analyses), the options that change results (`config`:
 * the enabled checks, lowering limits) and the packs' names and contents. */
int store_env_hash(struct store_hashes *h, char out[33], const char *version,
                   const char *config, const char *const *pack_paths, uint32_t npacks,
                   struct err *e);
/* Fill k's content, flags and key for a TU (deps are set by the caller
 * after parsing, with store_tu_key_set_deps). */
int store_tu_key_init(struct store_tu_key *k, struct store_hashes *h, const char *path,
                      const char *const *flags, uint32_t nflags, const char env[33],
                      struct err *e);
/* Hash each dependency now; the arrays live until store_tu_key_dispose. A
 * dependency that cannot be read gets the hash "missing". */
void store_tu_key_set_deps(struct store_tu_key *k, struct store_hashes *h,
                           const char *const *deps, uint32_t ndeps);
void store_tu_key_dispose(struct store_tu_key *k);
/* The `now` callback of store_tu_unchanged over a store_hashes (arg). */
int store_hashes_dep(char out[33], const char *dep, void *arg);

/* One inferred summary, serialised by the caller (model_fn ↔ text). */
struct store_summary {
	const char *name;
	const char *data;
};

struct store_tu_result {
	const struct store_tu_key *key;
	const struct finding_list *findings;    /* fingerprints already set */
	const struct store_summary *summaries;  /* functions this TU defines */
	uint32_t nsummaries;
	uint32_t partial;                       /* partially analysed functions */
	bool failed;                            /* did not parse: never reused */
};

/* Is the TU as it was when last analysed (same key, stored deps all with
 * the same hashes)? Reads only. `now` hashes a dependency's current content
 * (incremental.c supplies a caching one). */
int store_tu_unchanged(struct store *s, const char *path, const char *key,
                       int (*now)(char out[33], const char *dep, void *arg), void *arg,
                       bool *out, struct err *e);
/* Record an analysed TU in `run`, one BEGIN IMMEDIATE transaction: its key
 * and deps, summaries, findings (new or unchanged against the previous
 * complete run) and their steps. */
int store_tu_record(struct store *s, int64_t run, const struct store_tu_result *r, struct err *e);
/* Reuse an unchanged TU in `run`: list its last occurrences in the run and
 * append them to `out` (so they print like fresh ones). */
int store_tu_reuse(struct store *s, int64_t run, const char *path, struct finding_list *out,
                   uint32_t *out_partial, struct err *e);

/* Summaries of functions defined by TUs other than `path` (NULL: all)
 * whose last analysis ran in environment `env` (NULL: any), as last
 * stored, ordered by TU path then name; cb is called per summary. */
int store_summaries_each(struct store *s, const char *path, const char *env,
                         int (*cb)(const char *tu, const char *name, const char *data, void *arg),
                         void *arg, struct err *e);

/* ---- reading runs back (report, diff) ---- */

enum store_state { STORE_NEW, STORE_UNCHANGED, STORE_FIXED };
const char *store_state_name(enum store_state st);

/* Findings of a run: which = STORE_NEW (only new), STORE_FIXED (those of the
 * previous complete run that this run no longer has), or STORE_UNCHANGED
 * meaning all of the run's findings. states[i] (xmalloc'd, may be NULL if
 * not wanted) gives each appended finding's state. Baselined findings come
 * back with suppressed set and suppression "baseline". */
int store_run_findings(struct store *s, int64_t run, enum store_state which,
                       struct finding_list *out, enum store_state **states, struct err *e);
/* Findings in run b and not in a (added), and in a and not in b (removed). */
int store_diff(struct store *s, int64_t a, int64_t b, struct finding_list *added,
               struct finding_list *removed, struct err *e);

/* ---- baseline (baseline.c) ---- */

/* Replace the baseline by the findings of `run`; *out_n = entries. */
int store_baseline_create(struct store *s, int64_t run, uint32_t *out_n, struct err *e);
int store_baseline_clear(struct store *s, uint32_t *out_n, struct err *e);
/* The baseline's entries as findings (file, rule, function, message). */
int store_baseline_list(struct store *s, struct finding_list *out, struct err *e);
/* Mark the findings of `l` that are in the baseline (suppressed,
 * suppression "baseline"); *out_n = how many. */
int store_baseline_apply(struct store *s, struct finding_list *l, uint32_t *out_n, struct err *e);

#endif
