/*
 * session.c — one `refcheck check` run against the findings database
 * (see session.h for the threads and the fixed point).
 *
 * Invariants: s->snap is replaced only in store_session_next_pass, between
 * passes, when no worker runs; job states are touched on the main thread
 * only. A TU's dependencies are its headers (content hashes) and
 * "summary:NAME" for each function it calls without defining it (the hash
 * of the summary it was analysed with, or "none").
 */
#include "store/session.h"

#include "engine/analyze.h"
#include "ir/ir.h"
#include "report/fingerprint.h"
#include "report/source.h"
#include "store/summary.h"
#include "util/arena.h"
#include "util/strbuf.h"
#include "util/strmap.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SUMMARY_DEP "summary:"
#define NO_SUMMARY "none"

struct snap_entry {
	struct model_fn fn;
	char hash[33];
};

/* The exported summaries every TU of a pass is seeded with. */
struct snapshot {
	struct arena *arena;
	struct strmap map;          /* function name → snap_entry */
	char last_tu[4096];         /* loading: the TU of the previous row */
	bool last_exists;
};

/* A (name, hash) list: the summaries a TU was analysed with. */
struct import {
	char *name;
	char hash[33];
};

struct imports {
	struct import *v;
	uint32_t n, cap;
};

struct job_state {
	const struct store_job *job;
	char *key_path;             /* the TU's row in the files table: its real path */
	bool listed;                /* analysed or reused in this run */
	struct imports imp;
};

struct store_session {
	struct store *db;
	int64_t run;
	struct store_hashes *hashes;
	char env[33];
	struct snapshot *snap;
	struct job_state *jobs;
	size_t njobs;
	unsigned pass;              /* passes finished, for the limit */
	unsigned passes;            /* passes run */
	const struct model *model;
	bool reanalyse;
};

struct store_tu_data {
	char **includes;
	uint32_t nincludes;
	struct imports imp;
	struct store_summary *exports;
	uint32_t nexports;
};

/* ---- imports ---- */

static void imports_add(struct imports *im, const char *name, const char *hash)
{
	struct import it = { xstrdup(name), "" };
	snprintf(it.hash, sizeof(it.hash), "%s", hash);
	VEC_PUSH(im->v, im->n, im->cap, it);
}

static void imports_dispose(struct imports *im)
{
	for (uint32_t i = 0; i < im->n; i++)
		free(im->v[i].name);
	free(im->v);
	memset(im, 0, sizeof(*im));
}

/* ---- the summary snapshot ---- */

static int snapshot_add(const char *tu, const char *name, const char *data, void *arg)
{
	struct snapshot *sn = arg;
	/* A TU whose file is gone no longer defines anything. */
	if (strcmp(tu, sn->last_tu) != 0) {
		struct stat sb;
		snprintf(sn->last_tu, sizeof(sn->last_tu), "%s", tu);
		sn->last_exists = stat(tu, &sb) == 0;
	}
	if (!sn->last_exists || strmap_get(&sn->map, name))
		return 0;       /* first definition (by TU path) wins */
	struct snap_entry *en = arena_alloc(sn->arena, sizeof(*en));
	const char *key = arena_strdup(sn->arena, name);
	struct err e = { 0 };
	if (store_summary_decode(&en->fn, key, data, &e) < 0)
		return 0;       /* an unreadable summary is as good as none */
	store_hash_strings(en->hash, &data, 1);
	strmap_put(&sn->map, key, en);
	return 0;
}

static struct snapshot *snapshot_load(struct store_session *s, struct err *e)
{
	struct snapshot *sn = xcalloc(1, sizeof(*sn));
	sn->arena = arena_new();
	if (store_summaries_each(s->db, NULL, s->env, snapshot_add, sn, e) < 0) {
		strmap_dispose(&sn->map);
		arena_free(sn->arena);
		free(sn);
		return NULL;
	}
	return sn;
}

static void snapshot_free(struct snapshot *sn)
{
	if (!sn)
		return;
	strmap_dispose(&sn->map);
	arena_free(sn->arena);
	free(sn);
}

static const char *snapshot_hash(const struct snapshot *sn, const char *name)
{
	const struct snap_entry *en = strmap_get(&sn->map, name);
	return en ? en->hash : NO_SUMMARY;
}

/* ---- open, close ---- */

int store_session_open(struct store_session **out, const struct store_session_options *o,
                       struct err *e)
{
	struct store_session *s = xcalloc(1, sizeof(*s));
	int error;
	s->hashes = store_hashes_new();
	if ((error = store_open(&s->db, o->db_path, STORE_OPEN_WRITE, e)) < 0 ||
	    (error = store_env_hash(s->hashes, s->env, o->version, o->config, o->packs, o->npacks, e)) < 0 ||
	    (error = store_run_begin(s->db, &s->run, o->version, o->args, o->pack_names, e)) < 0)
		goto cleanup;
	s->reanalyse = o->reanalyse;
	s->model = o->model;
	s->snap = snapshot_load(s, e);
	if (!s->snap)
		error = e->code;
cleanup:
	if (error < 0) {
		store_session_close(s);
		s = NULL;
	}
	*out = s;
	return error;
}

void store_session_close(struct store_session *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->njobs; i++) {
		imports_dispose(&s->jobs[i].imp);
		free(s->jobs[i].key_path);
	}
	free(s->jobs);
	snapshot_free(s->snap);
	store_hashes_free(s->hashes);
	store_close(s->db);
	free(s);
}

struct store *store_session_store(struct store_session *s)
{
	return s->db;
}

int64_t store_session_run(const struct store_session *s)
{
	return s->run;
}

/* ---- keys ---- */

/* The job's file as this process can open it. */
static char *job_file(const struct store_job *job)
{
	struct strbuf sb = STRBUF_INIT;
	struct stat st;
	if (job->path[0] != '/' && job->directory && stat(job->path, &st) != 0)
		sb_printf(&sb, "%s/%s", job->directory, job->path);
	else
		sb_add(&sb, job->path);
	return sb_detach(&sb);
}

/* One row per TU however a job names its file ("main.c", "./main.c",
 * "/src/main.c"): the real path when there is one. */
static char *key_path(const struct store_job *job)
{
	char *file = job_file(job);
	char *real = realpath(file, NULL);
	if (!real)
		return file;
	free(file);
	return real;
}

static int job_key(struct store_session *s, const struct job_state *js, struct store_tu_key *k,
                   struct err *e)
{
	const struct store_job *job = js->job;
	/* The flags: the whole command, and the folder it runs in. */
	const char **flags = xcalloc((size_t)job->argc + 2, sizeof(*flags));
	uint32_t n = 0;
	for (uint32_t i = 0; i < job->argc; i++)
		flags[n++] = job->argv[i];
	flags[n++] = job->directory ? job->directory : "";
	char *file = job_file(job);
	int error = store_tu_key_init(k, s->hashes, file, flags, n, s->env, e);
	free(file);
	free(flags);
	k->path = js->key_path;
	return error;
}

/* ---- planning: which TUs are unchanged ---- */

struct dep_check {
	struct store_session *s;
	struct imports *imp;
};

static int dep_now(char out[33], const char *dep, void *arg)
{
	struct dep_check *dc = arg;
	if (strncmp(dep, SUMMARY_DEP, strlen(SUMMARY_DEP)) == 0) {
		const char *name = dep + strlen(SUMMARY_DEP);
		const char *h = snapshot_hash(dc->s->snap, name);
		snprintf(out, 33, "%s", h);
		imports_add(dc->imp, name, h);
		return 0;
	}
	return store_hashes_dep(out, dep, dc->s->hashes);
}

int store_session_plan(struct store_session *s, const struct store_job *jobs, size_t n,
                       bool *need, struct err *e)
{
	s->jobs = xcalloc(n ? n : 1, sizeof(*s->jobs));
	s->njobs = n;
	for (size_t i = 0; i < n; i++) {
		struct store_tu_key k;
		struct err ignore = { 0 };
		bool same = false;
		s->jobs[i].job = &jobs[i];
		s->jobs[i].key_path = key_path(&jobs[i]);
		need[i] = true;
		if (s->reanalyse || job_key(s, &s->jobs[i], &k, &ignore) < 0)
			continue;       /* unreadable: the front end will say so */
		struct dep_check dc = { s, &s->jobs[i].imp };
		int error = store_tu_unchanged(s->db, s->jobs[i].key_path, k.key, dep_now, &dc, &same, e);
		if (error < 0)
			return error;
		need[i] = !same;
		if (!same)
			imports_dispose(&s->jobs[i].imp);
	}
	return 0;
}

/* ---- workers ---- */

void store_session_seed(void *arg, struct model_tu *mt, const struct ir_tu *tu)
{
	struct store_session *s = arg;
	for (uint32_t i = 0; i < tu->ndecls; i++) {
		const struct ir_decl *d = &tu->decls[i];
		const struct snap_entry *en = d->defined ? NULL : strmap_get(&s->snap->map, d->name);
		if (en)
			model_tu_set_inferred(mt, &en->fn);
	}
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Does a pack or an rc: annotation describe the function? Then what other
 * TUs infer about it does not matter here. */
static bool described(const struct store_session *s, const struct ir_decl *d)
{
	if (s->model && model_pack_lookup(s->model, d->name))
		return true;
	for (uint32_t i = 0; i < d->nannotations; i++)
		if (strncmp(d->annotations[i], "rc:", 3) == 0)
			return true;
	return false;
}

/* Functions the TU calls but neither defines nor has described, sorted,
 * each once: the summaries its analysis depends on. */
static void external_callees(const struct store_session *s, const struct ir_tu *tu,
                             struct imports *out)
{
	struct strmap defined = STRMAP_INIT, seen = STRMAP_INIT;
	const char **names = NULL;
	uint32_t n = 0, cap = 0;
	for (uint32_t f = 0; f < tu->nfuncs; f++)
		strmap_put(&defined, tu->funcs[f].name, (void *)1);
	for (uint32_t i = 0; i < tu->ndecls; i++)
		if (described(s, &tu->decls[i]))
			strmap_put(&defined, tu->decls[i].name, (void *)1);
	for (uint32_t f = 0; f < tu->nfuncs; f++) {
		const struct ir_func *fn = &tu->funcs[f];
		for (uint32_t b = 0; b < fn->nblocks; b++)
			for (uint32_t i = 0; i < fn->blocks[b].nstmts; i++) {
				const struct ir_stmt *st = &fn->blocks[b].stmts[i];
				const char *c = st->kind == IR_S_CALL ? st->call.callee : NULL;
				if (!c || strmap_get(&defined, c) || strmap_get(&seen, c))
					continue;
				strmap_put(&seen, c, (void *)1);
				VEC_PUSH(names, n, cap, c);
			}
	}
	if (n)
		qsort(names, n, sizeof(*names), compare_names);
	for (uint32_t i = 0; i < n; i++)
		imports_add(out, names[i], snapshot_hash(s->snap, names[i]));
	free(names);
	strmap_dispose(&defined);
	strmap_dispose(&seen);
}

static bool is_exported(const struct ir_tu *tu, const char *name)
{
	for (uint32_t f = 0; f < tu->nfuncs; f++)
		if (strcmp(tu->funcs[f].name, name) == 0)
			return !tu->funcs[f].is_static;
	return false;
}

struct store_tu_data *store_session_collect(struct store_session *s, const struct ir_tu *tu,
                                            struct analyze_result *res)
{
	struct store_tu_data *d = xcalloc(1, sizeof(*d));
	struct source_cache *sc = source_cache_new();
	report_fingerprint_list(&res->findings, sc);
	source_cache_free(sc);
	d->includes = xcalloc(tu->nincludes + 1, sizeof(*d->includes));
	for (uint32_t i = 0; i < tu->nincludes; i++)
		d->includes[i] = xstrdup(tu->includes[i]);
	d->nincludes = tu->nincludes;
	external_callees(s, tu, &d->imp);
	d->exports = xcalloc(res->ninferred + 1, sizeof(*d->exports));
	for (uint32_t i = 0; i < res->ninferred; i++) {
		const struct model_fn *fn = &res->inferred[i];
		if (!fn->name || !is_exported(tu, fn->name))
			continue;
		d->exports[d->nexports].name = xstrdup(fn->name);
		d->exports[d->nexports].data = store_summary_encode(fn);
		d->nexports++;
	}
	return d;
}

void store_tu_data_free(struct store_tu_data *d)
{
	if (!d)
		return;
	for (uint32_t i = 0; i < d->nincludes; i++)
		free(d->includes[i]);
	free(d->includes);
	imports_dispose(&d->imp);
	for (uint32_t i = 0; i < d->nexports; i++) {
		free((char *)d->exports[i].name);
		free((char *)d->exports[i].data);
	}
	free(d->exports);
	free(d);
}

/* ---- main thread: record, reuse ---- */

int store_session_record(struct store_session *s, size_t i, const struct store_tu_data *d,
                         const struct finding_list *findings, uint32_t partial, bool failed,
                         struct err *e)
{
	struct job_state *js = &s->jobs[i];
	struct store_tu_key k;
	int error = job_key(s, js, &k, e);
	if (error < 0)
		return error;
	/* Dependencies: the headers as they are now, then the summaries used. */
	uint32_t n = d->nincludes + d->imp.n;
	char **names = xcalloc(n + 1, sizeof(*names));
	char (*hashes)[33] = xcalloc(n + 1, 33);
	const char **hash_ptrs = xcalloc(n + 1, sizeof(*hash_ptrs));
	for (uint32_t j = 0; j < d->nincludes; j++) {
		names[j] = d->includes[j];
		store_hashes_dep(hashes[j], d->includes[j], s->hashes);
	}
	for (uint32_t j = 0; j < d->imp.n; j++) {
		struct strbuf sb = STRBUF_INIT;
		sb_printf(&sb, SUMMARY_DEP "%s", d->imp.v[j].name);
		names[d->nincludes + j] = sb_detach(&sb);
		snprintf(hashes[d->nincludes + j], 33, "%s", d->imp.v[j].hash);
	}
	for (uint32_t j = 0; j < n; j++)
		hash_ptrs[j] = hashes[j];
	k.deps = (const char *const *)names;
	k.dep_hashes = hash_ptrs;
	k.ndeps = n;
	struct store_tu_result r = { &k, findings, d->exports, d->nexports, partial, failed };
	error = store_tu_record(s->db, s->run, &r, e);
	for (uint32_t j = d->nincludes; j < n; j++)
		free(names[j]);
	free(names);
	free(hashes);
	free(hash_ptrs);
	if (error < 0)
		return error;
	imports_dispose(&js->imp);
	for (uint32_t j = 0; j < d->imp.n; j++)
		imports_add(&js->imp, d->imp.v[j].name, d->imp.v[j].hash);
	js->listed = true;
	return 0;
}

int store_session_reuse(struct store_session *s, size_t i, struct finding_list *out,
                        uint32_t *out_partial, struct err *e)
{
	struct job_state *js = &s->jobs[i];
	int error = store_tu_reuse(s->db, s->run, js->key_path, out, out_partial, e);
	if (error == 0)
		js->listed = true;
	return error;
}

/* ---- passes ---- */

size_t store_session_next_pass(struct store_session *s, bool *need, bool *out_unsettled,
                               struct err *e)
{
	*out_unsettled = false;
	if (!s->passes)
		s->passes = 1;
	struct snapshot *next = snapshot_load(s, e);
	if (!next)
		return 0;
	size_t redo = 0;
	for (size_t i = 0; i < s->njobs; i++) {
		const struct job_state *js = &s->jobs[i];
		need[i] = false;
		for (uint32_t j = 0; js->listed && j < js->imp.n && !need[i]; j++)
			need[i] = strcmp(snapshot_hash(next, js->imp.v[j].name), js->imp.v[j].hash) != 0;
		redo += need[i];
	}
	snapshot_free(s->snap);
	s->snap = next;
	if (redo && ++s->pass >= STORE_MAX_PASSES) {
		*out_unsettled = true;
		return 0;
	}
	s->passes += redo > 0;
	return redo;
}

unsigned store_session_passes(const struct store_session *s)
{
	return s->passes;
}

int store_session_finish(struct store_session *s, struct store_run_counts *c, struct err *e)
{
	return store_run_finish(s->db, s->run, c, e);
}
