/*
 * incremental.c — deciding whether a translation unit must be analysed
 * again (issue 5, DESIGN §6).
 *
 * A TU's key is the hash of: its main file's content, its compiler flags,
 * and the run's environment (refcheck's version and the bytes of its own
 * executable, so a rebuilt analyzer never trusts old results; the packs'
 * names and contents). Besides the key, the store keeps each header the TU
 * included with its content hash at analysis time. A TU is unchanged when
 * its key is the same and every stored header still hashes the same; only
 * then are its stored findings reused without parsing it.
 *
 * Hashes are XXH3-128 (libxxhash), printed as 32 hex digits: fast enough
 * that a no-change re-run costs reading each file once, and collisions are
 * out of reach for a cache.
 */
#include "store/store_internal.h"

#include "util/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <xxhash.h>

struct store_hashes {
	struct strmap map;      /* path (owned) → 33-byte hex hash (owned) */
};

static void hex128(char out[33], XXH128_hash_t h)
{
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)h.high64,
	         (unsigned long long)h.low64);
}

struct store_hashes *store_hashes_new(void)
{
	return xcalloc(1, sizeof(struct store_hashes));
}

void store_hashes_free(struct store_hashes *h)
{
	if (!h)
		return;
	size_t it = 0;
	const char *key;
	void *value;
	while (strmap_next(&h->map, &it, &key, &value)) {
		free((char *)key);
		free(value);
	}
	strmap_dispose(&h->map);
	free(h);
}

static int hash_stream(FILE *f, char out[33])
{
	XXH3_state_t *st = XXH3_createState();
	char buf[1 << 16];
	size_t n;
	XXH3_128bits_reset(st);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		XXH3_128bits_update(st, buf, n);
	int bad = ferror(f);
	hex128(out, XXH3_128bits_digest(st));
	XXH3_freeState(st);
	return bad ? -1 : 0;
}

int store_hash_file(struct store_hashes *h, const char *path, char out[33], struct err *e)
{
	const char *cached = strmap_get(&h->map, path);
	if (cached) {
		memcpy(out, cached, 33);
		return 0;
	}
	FILE *f = fopen(path, "rb");
	if (!f)
		return err_set(e, ERR_NOTFOUND, "%s: %s", path, strerror(errno));
	int bad = hash_stream(f, out);
	fclose(f);
	if (bad)
		return err_set(e, ERR_GENERIC, "%s: read error", path);
	char *copy = xmalloc(33);
	memcpy(copy, out, 33);
	strmap_put(&h->map, xstrdup(path), copy);
	return 0;
}

void store_hash_strings(char out[33], const char *const *v, uint32_t n)
{
	XXH3_state_t *st = XXH3_createState();
	XXH3_128bits_reset(st);
	for (uint32_t i = 0; i < n; i++) {
		/* Length first: a delimiter that no string can fake. */
		uint64_t len = strlen(v[i]);
		XXH3_128bits_update(st, &len, sizeof(len));
		XXH3_128bits_update(st, v[i], len);
	}
	hex128(out, XXH3_128bits_digest(st));
	XXH3_freeState(st);
}

int store_env_hash(struct store_hashes *h, char out[33], const char *version,
                   const char *config, const char *const *pack_paths, uint32_t npacks,
                   struct err *e)
{
	/* version, exe hash, config, then (path, hash) per pack */
	uint32_t n = 3 + 2 * npacks;
	const char **parts = xcalloc(n, sizeof(*parts));
	char (*hashes)[33] = xcalloc(npacks + 1, 33);
	int error = 0;
	parts[0] = version;
	/* An unreadable executable image (odd platforms) just means the
	 * version string alone decides. */
	struct err ignore = { 0 };
	if (store_hash_file(h, "/proc/self/exe", hashes[npacks], &ignore) < 0)
		snprintf(hashes[npacks], 33, "no-exe");
	parts[1] = hashes[npacks];
	parts[2] = config ? config : "";
	for (uint32_t i = 0; i < npacks && error == 0; i++) {
		error = store_hash_file(h, pack_paths[i], hashes[i], e);
		parts[3 + 2 * i] = pack_paths[i];
		parts[4 + 2 * i] = hashes[i];
	}
	if (error == 0)
		store_hash_strings(out, parts, n);
	free(parts);
	free(hashes);
	return error;
}

int store_tu_key_init(struct store_tu_key *k, struct store_hashes *h, const char *path,
                      const char *const *flags, uint32_t nflags, const char env[33],
                      struct err *e)
{
	memset(k, 0, sizeof(*k));
	k->path = path;
	memcpy(k->env, env, 33);
	store_hash_strings(k->flags, flags, nflags);
	int error = store_hash_file(h, path, k->content, e);
	if (error < 0)
		return error;
	const char *parts[] = { k->content, k->flags, k->env };
	store_hash_strings(k->key, parts, 3);
	return 0;
}

void store_tu_key_set_deps(struct store_tu_key *k, struct store_hashes *h,
                           const char *const *deps, uint32_t ndeps)
{
	char **names = xcalloc(ndeps + 1, sizeof(*names));
	char **hashes = xcalloc(ndeps + 1, sizeof(*hashes));
	for (uint32_t i = 0; i < ndeps; i++) {
		struct err ignore = { 0 };
		names[i] = xstrdup(deps[i]);
		hashes[i] = xmalloc(33);
		if (store_hash_file(h, deps[i], hashes[i], &ignore) < 0)
			snprintf(hashes[i], 33, "missing");
	}
	k->deps = (const char *const *)names;
	k->dep_hashes = (const char *const *)hashes;
	k->ndeps = ndeps;
}

void store_tu_key_dispose(struct store_tu_key *k)
{
	for (uint32_t i = 0; i < k->ndeps; i++) {
		free((char *)k->deps[i]);
		free((char *)k->dep_hashes[i]);
	}
	free((void *)k->deps);
	free((void *)k->dep_hashes);
	k->deps = k->dep_hashes = NULL;
	k->ndeps = 0;
}

int store_hashes_dep(char out[33], const char *dep, void *arg)
{
	struct err ignore = { 0 };
	if (store_hash_file(arg, dep, out, &ignore) < 0)
		snprintf(out, 33, "missing");
	return 0;
}

int store_tu_unchanged(struct store *s, const char *path, const char *key,
                       int (*now)(char out[33], const char *dep, void *arg), void *arg,
                       bool *out, struct err *e)
{
	*out = false;
	sqlite3_stmt *st = store_prepare(s,
		"SELECT id FROM files WHERE path = ?1 AND key = ?2 AND failed = 0", e);
	if (!st)
		return e->code;
	store_bind_text(st, 1, path);
	store_bind_text(st, 2, key);
	int rc = store_step(s, st, e);
	int64_t file_id = rc == 1 ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc <= 0)
		return rc;
	st = store_prepare(s, "SELECT path, hash FROM file_deps WHERE file_id = ?1", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, file_id);
	bool same = true;
	while (same && (rc = store_step(s, st, e)) == 1) {
		char h[33];
		if (now(h, store_col_text(st, 0), arg) < 0 || strcmp(h, store_col_text(st, 1)) != 0)
			same = false;
	}
	sqlite3_reset(st);
	if (rc < 0)
		return rc;
	*out = same;
	return 0;
}
