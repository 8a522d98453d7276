/*
 * driver.c — `refcheck check` and `refcheck dump-ir` (see driver.h).
 *
 * Threads: N workers take job indexes from a shared counter; each owns an
 * fe_worker (its own CXIndex), parses, lowers, runs the analysis and frees
 * the TU, then publishes a slot (compiler errors as text, an error message
 * or the analysis result). The main thread prints slot 0, 1, 2, … as each
 * becomes ready, so the output is in input order whatever -j is, and it
 * streams. Nothing libclang-owned crosses threads; the slots are handed
 * over under the mutex.
 *
 * Passes (analysis.h): jobs the analysis does not need (unchanged since
 * the database's last run, or settled in a later pass of cross-TU
 * summaries) are not parsed; their slots are done at once, and the main
 * thread hands the unchanged ones to analysis_job_reused in order.
 *
 * Stacks: workers run with WORKER_STACK bytes of stack (only the pages
 * touched are ever allocated). Lowering's own recursion is bounded by
 * fe_options.max_depth; clang's parser is not bounded at all, and by
 * default libclang parses on a helper thread with an 8 MB stack, where
 * 10,000 nested `if`s overflow it (measured, with ASan). main.c therefore
 * sets LIBCLANG_NOTHREADS=1, which makes libclang parse on the calling
 * thread, i.e. on these stacks, still under its crash recovery (RunSafely
 * without a thread); 20,000 nested `if`s then parse and are reported as
 * nested too deeply.
 */
#include "driver.h"

#include "../ir/ir.h"
#include "../ir/ir_dump.h"
#include "../util/err.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define WORKER_STACK ((size_t)256 << 20)

struct slot {
	bool done;
	int status;                     /* 0, or the ERR_ code of the failure */
	char *errors;                   /* compiler errors, formatted, or NULL */
	bool parse_errors;
	char msg[sizeof(((struct err *)0)->msg)];
	struct analysis_tu_result *result;
	bool reused;                    /* not parsed: unchanged (first pass) */
	bool idle;                      /* not parsed: not needed in this pass */
};

struct run {
	const struct fe_joblist *jobs;
	const struct fe_options *fe;
	struct analysis *analysis;
	struct slot *slots;
	size_t next;                    /* next job to take */
	const bool *need;               /* this pass's jobs */
	bool first_pass;
	pthread_mutex_t lock;
	pthread_cond_t ready;
};

static void problem_to_stderr(const char *msg, void *arg)
{
	bool *flag = arg;
	fprintf(stderr, "refcheck: error: %s\n", msg);
	*flag = true;
}

static char *format_errors(const struct ir_tu *tu)
{
	struct strbuf sb = STRBUF_INIT;
	for (uint32_t i = 0; i < tu->ndiags; i++)
		if (tu->diags[i].severity >= IR_DIAG_ERROR)
			sb_printf(&sb, "%s\n", tu->diags[i].text);
	return sb.len ? sb_detach(&sb) : (sb_dispose(&sb), NULL);
}

static void run_job(struct run *r, struct fe_worker *w, size_t i)
{
	struct slot s = { 0 };
	struct err e = { 0 };
	struct ir_tu *tu = NULL;
	int rc = 0;
	if (!r->need[i]) {
		s.reused = r->first_pass;
		s.idle = !r->first_pass;
	} else {
		rc = fe_parse(w, &r->jobs->jobs[i], NULL, 0, &tu, &e);
	}
	if (rc == 0 && tu) {
		s.errors = format_errors(tu);
		s.parse_errors = fe_count_errors(tu) > 0;
		rc = analysis_run_tu(r->analysis, tu, &s.result);
		if (rc < 0)
			err_set(&e, ERR_INTERNAL, "%s: the analysis failed", tu->path);
		ir_tu_free(tu);
	}
	s.status = rc < 0 ? (e.code ? e.code : rc) : 0;
	memcpy(s.msg, e.msg, sizeof(s.msg));
	s.done = true;
	pthread_mutex_lock(&r->lock);
	r->slots[i] = s;
	pthread_cond_broadcast(&r->ready);
	pthread_mutex_unlock(&r->lock);
}

static void *worker_main(void *arg)
{
	struct run *r = arg;
	struct fe_worker *w = fe_worker_new(r->fe);
	for (;;) {
		pthread_mutex_lock(&r->lock);
		size_t i = r->next < r->jobs->n ? r->next++ : r->jobs->n;
		pthread_mutex_unlock(&r->lock);
		if (i >= r->jobs->n)
			break;
		run_job(r, w, i);
	}
	fe_worker_free(w);
	return NULL;
}

/* Start fn on a thread with a large stack; false if none could be made. */
static bool start_thread(pthread_t *t, void *(*fn)(void *), void *arg)
{
	pthread_attr_t attr;
	if (pthread_attr_init(&attr) != 0)
		return false;
	pthread_attr_setstacksize(&attr, WORKER_STACK);
	bool ok = pthread_create(t, &attr, fn, arg) == 0;
	pthread_attr_destroy(&attr);
	return ok;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct progress {
	const struct analysis *analysis;
	bool enabled, shown;
	double start;
	size_t total;
};

static void progress_clear(struct progress *p)
{
	if (p->shown) {
		fputs("\r\033[K", stderr);
		p->shown = false;
	}
}

static void progress_show(struct progress *p, size_t done)
{
	if (!p->enabled || now() - p->start < 1.0)
		return;
	fprintf(stderr, "\r\033[Krefcheck: %zu/%zu files, %u finding%s", done, p->total,
	        analysis_findings_so_far(p->analysis),
	        analysis_findings_so_far(p->analysis) == 1 ? "" : "s");
	fflush(stderr);
	p->shown = true;
}

static size_t count_done(const struct run *r)
{
	size_t n = 0;
	for (size_t i = 0; i < r->jobs->n; i++)
		n += r->slots[i].done;
	return n;
}

/* Print slot i (main thread, in order) and fold it into the status. */
static void print_slot(struct run *r, size_t i, struct slot *s, struct driver_status *st)
{
	if (s->idle)
		return;
	if (s->reused) {
		analysis_job_reused(r->analysis, i);
		return;
	}
	if (s->errors)
		fputs(s->errors, stderr);
	if (s->parse_errors)
		st->input_error = true;
	if (s->status == ERR_INTERNAL) {
		fprintf(stderr, "refcheck: internal error: %s\n", s->msg);
		st->internal_error = true;
	} else if (s->status < 0) {
		fprintf(stderr, "refcheck: error: %s\n", s->msg);
		st->input_error = true;
	}
	analysis_job_result(r->analysis, i, s->result, s->parse_errors);
	s->result = NULL;
	free(s->errors);
	s->errors = NULL;
}

static unsigned default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned)n : 1;
}

/* Parse, lower and analyse every job; results printed in order. */
static void run_all(struct run *r, unsigned njobs, struct progress *prog, struct driver_status *st)
{
	size_t n = r->jobs->n;
	unsigned nthreads = njobs ? njobs : default_jobs();
	if (nthreads > n)
		nthreads = (unsigned)n;
	pthread_t *threads = xcalloc(nthreads ? nthreads : 1, sizeof(*threads));
	unsigned started = 0;
	while (started < nthreads && start_thread(&threads[started], worker_main, r))
		started++;
	if (started == 0 && n) {
		fprintf(stderr, "refcheck: internal error: cannot start a worker thread\n");
		st->internal_error = true;
		free(threads);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		pthread_mutex_lock(&r->lock);
		while (!r->slots[i].done) {
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_nsec += 200 * 1000 * 1000;
			if (ts.tv_nsec >= 1000000000L) {
				ts.tv_sec++;
				ts.tv_nsec -= 1000000000L;
			}
			pthread_cond_timedwait(&r->ready, &r->lock, &ts);
			if (!r->slots[i].done) {
				size_t done = count_done(r);
				pthread_mutex_unlock(&r->lock);
				progress_show(prog, done);
				pthread_mutex_lock(&r->lock);
			}
		}
		struct slot s = r->slots[i];
		r->slots[i].result = NULL;
		r->slots[i].errors = NULL;
		pthread_mutex_unlock(&r->lock);
		progress_clear(prog);
		print_slot(r, i, &s, st);
		progress_show(prog, i + 1);
	}
	for (unsigned t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	progress_clear(prog);
	free(threads);
}

void driver_check(struct check_options *o, struct driver_status *st)
{
	memset(st, 0, sizeof(*st));
	struct fe_joblist jobs = { 0 };
	struct err e = { 0 };
	bool problems = false;
	o->analysis.fe = &o->fe;
	o->analysis.jobs = o->jobs ? o->jobs : default_jobs();

	struct analysis *a = analysis_new(&o->analysis, &e);
	if (!a) {
		fprintf(stderr, "refcheck: %serror: %s\n", e.code == ERR_INTERNAL ? "internal " : "",
		        e.msg);
		if (e.code == ERR_INTERNAL || e.code == 0)
			st->internal_error = true;
		else
			st->input_error = true;
		return;
	}
	if (o->build_dir) {
		if (fe_jobs_from_compdb(&jobs, o->build_dir, o->paths, o->npaths, problem_to_stderr,
		                        &problems, &e) < 0 && e.code) {
			fprintf(stderr, "refcheck: error: %s\n", e.msg);
			problems = true;
		}
	} else {
		fe_jobs_from_paths(&jobs, o->paths, o->npaths, o->flags, o->nflags, problem_to_stderr,
		                   &problems);
	}
	if (problems)
		st->input_error = true;

	struct run r = { 0 };
	r.jobs = &jobs;
	r.fe = &o->fe;
	r.analysis = a;
	r.slots = xcalloc(jobs.n ? jobs.n : 1, sizeof(*r.slots));
	pthread_mutex_init(&r.lock, NULL);
	pthread_cond_init(&r.ready, NULL);
	struct progress prog = { a, o->progress, false, now(), jobs.n };
	bool *need = xcalloc(jobs.n ? jobs.n : 1, sizeof(*need));
	if (analysis_plan(a, jobs.jobs, jobs.n, need, &e) < 0) {
		fprintf(stderr, "refcheck: error: %s\n", e.msg);
		st->input_error = true;
	} else {
		r.need = need;
		r.first_pass = true;
		run_all(&r, o->jobs, &prog, st);
		/* Later passes: the jobs whose callees' summaries changed. */
		while (analysis_next_pass(a, need)) {
			memset(r.slots, 0, sizeof(*r.slots) * jobs.n);
			r.next = 0;
			r.first_pass = false;
			prog.start = now();
			run_all(&r, o->jobs, &prog, st);
		}
	}
	free(need);
	pthread_cond_destroy(&r.ready);
	pthread_mutex_destroy(&r.lock);
	free(r.slots);

	int findings = analysis_summary(a, stderr);
	st->findings = findings > 0 ? (unsigned)findings : 0;
	if (findings == -3)
		st->internal_error = true;
	else if (findings < 0)
		st->input_error = true;
	analysis_free(a);
	fe_joblist_dispose(&jobs);
}

/* ---- dump-ir ---- */

struct dump_job {
	const struct fe_job *job;
	const struct fe_options *fe;
	struct ir_tu *tu;
	struct err e;
	int rc;
};

static void *dump_main(void *arg)
{
	struct dump_job *d = arg;
	struct fe_worker *w = fe_worker_new(d->fe);
	d->rc = fe_parse(w, d->job, NULL, 0, &d->tu, &d->e);
	fe_worker_free(w);
	return NULL;
}

void driver_dump_ir(const char *file, const char *function, char **flags, size_t nflags,
                    const struct fe_options *fe, unsigned dump_flags, struct driver_status *st)
{
	memset(st, 0, sizeof(*st));
	struct fe_joblist jobs = { 0 };
	bool problems = false;
	char *paths[1] = { (char *)file };
	fe_jobs_from_paths(&jobs, paths, 1, flags, nflags, problem_to_stderr, &problems);
	if (problems || jobs.n != 1) {
		st->input_error = true;
		fe_joblist_dispose(&jobs);
		return;
	}
	struct dump_job d = { &jobs.jobs[0], fe, NULL, { 0 }, 0 };
	pthread_t t;
	if (start_thread(&t, dump_main, &d))
		pthread_join(t, NULL);
	else
		dump_main(&d);
	if (d.rc < 0) {
		fprintf(stderr, "refcheck: %serror: %s\n", d.rc == ERR_INTERNAL ? "internal " : "",
		        d.e.msg);
		if (d.rc == ERR_INTERNAL)
			st->internal_error = true;
		else
			st->input_error = true;
		fe_joblist_dispose(&jobs);
		return;
	}
	char *errors = format_errors(d.tu);
	if (errors) {
		fputs(errors, stderr);
		free(errors);
		st->input_error = true;
	}
	struct strbuf sb = STRBUF_INIT;
	if (function) {
		bool found = false;
		for (uint32_t i = 0; i < d.tu->nfuncs; i++) {
			if (strcmp(d.tu->funcs[i].name, function) == 0) {
				ir_dump_func(&sb, d.tu, &d.tu->funcs[i], dump_flags);
				found = true;
			}
		}
		if (!found) {
			fprintf(stderr, "refcheck: error: %s: no function '%s' is defined in this file\n",
			        file, function);
			st->input_error = true;
		}
	} else {
		ir_dump_tu(&sb, d.tu, dump_flags);
	}
	fputs(sb_str(&sb), stdout);
	sb_dispose(&sb);
	ir_tu_free(d.tu);
	fe_joblist_dispose(&jobs);
}
