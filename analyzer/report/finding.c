/*
 * finding.c — finding lists (see finding.h).
 */
#include "report/finding.h"

#include "util/arena.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

void finding_list_init(struct finding_list *l)
{
	memset(l, 0, sizeof(*l));
	l->arena = arena_new();
}

void finding_list_dispose(struct finding_list *l)
{
	free(l->items);
	arena_free(l->arena);
	memset(l, 0, sizeof(*l));
}

struct finding *finding_new(struct finding_list *l)
{
	return arena_alloc(l->arena, sizeof(struct finding));
}

void finding_append(struct finding_list *l, struct finding *f)
{
	VEC_PUSH(l->items, l->n, l->cap, f);
}

const char *finding_strdup(struct finding_list *l, const char *s)
{
	return arena_strdup(l->arena, s);
}

void finding_add_step(struct finding_list *l, struct finding *f, enum step_kind kind,
                      struct finding_loc loc, const char *msg)
{
	struct finding_step *steps = arena_alloc(l->arena, sizeof(*steps) * (f->nsteps + 1));
	if (f->nsteps)
		memcpy(steps, f->steps, sizeof(*steps) * f->nsteps);
	steps[f->nsteps].kind = kind;
	steps[f->nsteps].loc = loc;
	steps[f->nsteps].msg = arena_strdup(l->arena, msg);
	f->steps = steps;
	f->nsteps++;
}

static int compare_findings(const void *pa, const void *pb)
{
	const struct finding *a = *(const struct finding *const *)pa;
	const struct finding *b = *(const struct finding *const *)pb;
	int c = strcmp(a->loc.file, b->loc.file);
	if (c)
		return c;
	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.col != b->loc.col)
		return a->loc.col < b->loc.col ? -1 : 1;
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	return strcmp(a->message, b->message);
}

void finding_list_sort(struct finding_list *l)
{
	if (l->n > 1)
		qsort(l->items, l->n, sizeof(l->items[0]), compare_findings);
}
