/*
 * source.c — a small cache of whole files split into lines (see source.h).
 */
#include "report/source.h"

#include "util/xalloc.h"

#include <stdio.h>
#include <string.h>

#define SOURCE_MAX_BYTES (256u << 20)

struct source_file {
	char *path;
	char *data;
	size_t size;
	size_t *starts;     /* offset of each line */
	uint32_t nlines;
};

struct source_cache {
	struct source_file *files;
	uint32_t n, cap;
};

struct source_cache *source_cache_new(void)
{
	return xcalloc(1, sizeof(struct source_cache));
}

void source_cache_free(struct source_cache *c)
{
	if (!c)
		return;
	for (uint32_t i = 0; i < c->n; i++) {
		free(c->files[i].path);
		free(c->files[i].data);
		free(c->files[i].starts);
	}
	free(c->files);
	free(c);
}

static void load(struct source_file *f)
{
	FILE *fp = fopen(f->path, "rb");
	if (!fp)
		return;
	size_t cap = 0;
	char buf[65536];
	size_t got;
	while ((got = fread(buf, 1, sizeof(buf), fp)) > 0 && f->size < SOURCE_MAX_BYTES) {
		VEC_RESERVE(f->data, cap, f->size + got + 1);
		memcpy(f->data + f->size, buf, got);
		f->size += got;
	}
	fclose(fp);
	size_t lcap = 0;
	VEC_PUSH(f->starts, f->nlines, lcap, 0);
	for (size_t i = 0; i < f->size; i++)
		if (f->data[i] == '\n' && i + 1 < f->size)
			VEC_PUSH(f->starts, f->nlines, lcap, i + 1);
}

static struct source_file *get(struct source_cache *c, const char *path)
{
	for (uint32_t i = 0; i < c->n; i++)
		if (strcmp(c->files[i].path, path) == 0)
			return &c->files[i];
	struct source_file f = { 0 };
	f.path = xstrdup(path);
	load(&f);
	VEC_PUSH(c->files, c->n, c->cap, f);
	return &c->files[c->n - 1];
}

const char *source_line(struct source_cache *c, const char *path, uint32_t line, size_t *len)
{
	struct source_file *f = get(c, path);
	if (!f->data || line == 0 || line > f->nlines)
		return NULL;
	size_t start = f->starts[line - 1];
	size_t end = line < f->nlines ? f->starts[line] - 1 : f->size;
	while (end > start && (f->data[end - 1] == '\n' || f->data[end - 1] == '\r'))
		end--;
	*len = end - start;
	return f->data + start;
}
