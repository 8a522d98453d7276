/*
 * packs.h — which rule packs a run uses, and which one a TU uses.
 *
 * The runtime pack is always on, and so are the packs named with --pack.
 * A pack in the rules folder that says which headers select it
 * ("detect_includes": ["Python.h"]) is also loaded, as its own model over
 * the others: a TU that includes one of those headers is analysed with it
 * (issue 7: "chosen automatically when a file includes Python.h"), every
 * other TU without it. Models are built once and only read afterwards, so
 * worker threads share them.
 */
#ifndef REFCHECK_DRIVER_PACKS_H
#define REFCHECK_DRIVER_PACKS_H

#include "model/model.h"
#include "util/err.h"

#include <stddef.h>

struct ir_tu;

#define PACKS_MAX_AUTO 8

struct pack_set {
	struct model *base;                     /* runtime + --pack */
	struct model *autos[PACKS_MAX_AUTO];    /* base + one detected pack each */
	uint32_t nauto;
};

/* Load the packs: `named` are --pack arguments (a name in `dir`, or a path
 * to a JSON file). Errors name the pack file and the problem. */
int packs_load(struct pack_set *ps, const char *dir, char *const *named, size_t nnamed,
               struct err *e);
void packs_dispose(struct pack_set *ps);
/* The model for a TU: the first auto pack whose headers it includes, or
 * the base. */
const struct model *packs_for_tu(const struct pack_set *ps, const struct ir_tu *tu);
/* Every pack file that can influence results (for the database), each
 * once; *out is malloc'd. */
uint32_t packs_paths(const struct pack_set *ps, const char ***out);
/* Where the packs are: $REFCHECK_RULES_DIR, the installed share folder
 * beside the binary, or the source tree this binary was built from. */
void packs_rules_dir(char *out, size_t size);

#endif
