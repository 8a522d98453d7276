/*
 * cycles_internal.h — what the files of cycles/ share: access paths into an
 * instance (cpath.c), the type model (typegraph.c), the completeness
 * dataflow (flow.c) and the rules (type_checks.c). The rest of the
 * analyzer goes through cycles.h.
 *
 * An access path names a place inside one instance, relative to the
 * object: a sequence of segments, each a field name or CPATH_ELEM ("any
 * element of the array, or the pointee of the pointer, at this place").
 * `self->left` is (left); `self->items[i]` with `rc_object **items` is
 * (items, []); `self->slots[i].key` with `dict_entry *slots` is
 * (slots, [], key). Paths are kept canonical (cpath_canon): the object
 * header is dropped (`&self->ob_base` is the object itself), and a path
 * that enters a record it already passed through (a linked list of
 * entries) is cut back to the first visit, so every node of an owned chain
 * has the same path and loops over it reach a fixed point.
 */
#ifndef REFCHECK_CYCLES_INTERNAL_H
#define REFCHECK_CYCLES_INTERNAL_H

#include "cycles/cycles.h"

#include "ir/ir.h"
#include "model/model.h"
#include "model/pack_types.h"
#include "util/strbuf.h"
#include "util/strmap.h"

#define CPATH_MAX 8
#define CYCLE_MAX_REFS 64       /* owned references tracked per type (a bit each) */

extern const char cpath_elem[];
#define CPATH_ELEM cpath_elem

struct cpath {
	uint8_t n;
	bool bad;                   /* too long: names nothing */
	const char *seg[CPATH_MAX];
};

/* What lies at a place. */
enum cloc_kind {
	CL_UNKNOWN,
	CL_OBJECT,                  /* an object instance; rec NULL = of any type */
	CL_RECORD,                  /* a plain struct held by the instance */
	CL_SLOT                     /* a pointer, or an array, that is not a struct */
};

struct cloc {
	enum cloc_kind kind;
	const struct ir_record *rec;    /* CL_OBJECT, CL_RECORD */
	unsigned depth;                 /* CL_SLOT: pointer levels above an object */
	bool array;                     /* CL_SLOT: an array (else a pointer) */
	const char *target;             /* CL_SLOT, depth >= 1: the object struct */
	const char *elem;               /* CL_SLOT, depth 0: the struct pointed to / held */
	bool foreign;                   /* cpath_canon: the path went into another object */
};

/* An owned reference an instance holds. */
struct cycle_ref {
	struct cpath path;
	const struct ir_field *field;   /* the innermost field: where findings stand */
	const char *holder;             /* the record declaring that field */
	const char *target;             /* object struct it points to; NULL: any object */
	bool array;                     /* behind a CPATH_ELEM: any number of references */
	bool weak;                      /* a weak reference object: owned, but no cycle edge */
	/* Length of the path's prefix that ends with the first step through a
	 * pointer to a plain struct (slots[]), or 0: references under one such
	 * pointer form a group that the instance owns, or borrows, as a whole. */
	uint8_t group;
};

struct cycle_type {
	const struct ir_record *rec;
	struct cycle_ref *refs;
	uint32_t nrefs;
	/* Evidence from the type's analysed dealloc (typegraph.c): references it
	 * never releases on any path do not own, as far as cycles, traverse and
	 * clear are concerned (dealloc-incomplete still reports them); groups
	 * it releases nothing of are borrowed structures and not reported at all. */
	uint64_t unreleased;
	uint64_t borrowed;
};

struct flow_exit;

/* One way out of the analysed function, with what was done by then. */
struct flow_exit {
	struct ir_loc loc;
	uint64_t done;          /* released (dealloc, clear) or visited (traverse) on every path here */
	uint64_t nulled;        /* set to NULL or overwritten on every path here */
};

struct flow_result {
	struct flow_exit *exits;        /* the success exits of the function itself */
	uint32_t nexits, cap_exits;
	uint64_t done_any;              /* done on some path (arrays: some element) */
	uint64_t nulled_any;
	bool truncated;                 /* helpers nested too deeply were not followed */
	bool delegated;                 /* the object was passed to code not followed */
};

struct cycle_table {
	const struct ir_global *global;
	const struct model_type_table *desc;
	const char *fn[MODEL_TT__COUNT];        /* the function for each role, or NULL */
	struct ir_loc at[MODEL_TT__COUNT];      /* where the table names it (else the table) */
	bool tracked;
	bool tracking_known;                    /* false: a base may lend it a traverse */
	bool has_base;                          /* missing functions are inherited */
	int32_t type;                           /* index into types, or -1 */
	bool dealloc_run;                       /* dealloc analysed: the result below */
	struct flow_result dealloc;
	const struct ir_func *dealloc_fn;       /* what was analysed: dealloc, else finalize */
};

struct cycle_model {
	const struct ir_tu *tu;
	struct model_tu *mt;
	const struct model *m;
	struct arena *arena;
	struct strmap records;          /* name → const struct ir_record * */
	struct strmap funcs;            /* name → const struct ir_func * (with a body) */
	struct strmap type_index;       /* record name → 1 + index into types */
	struct cycle_type *types;
	uint32_t ntypes, cap_types;
	struct cycle_table *tables;
	uint32_t ntables, cap_tables;
	/* Transitive ownership: row i (a type, or ntypes = any object) has
	 * bit j set when an i can own, through a chain of references, a j. */
	uint64_t *reach;
	uint32_t words;
};

/* ---- cpath.c ---- */

void cpath_push(struct cpath *p, const char *seg);
bool cpath_eq(const struct cpath *a, const struct cpath *b);
/* Is `pre` a prefix of p (segment by segment, p itself included)? */
bool cpath_prefix(const struct cpath *pre, const struct cpath *p);
bool cpath_has_elem(const struct cpath *p);
/* "self->slots[].key": p as text below an object named `root`. */
void cpath_text(const struct cpath *p, const char *root, struct strbuf *out);
/* What a value of type ty is, as a place. */
struct cloc cloc_of_type(const struct cycle_model *cm, const struct ir_type *ty);
/* What the elements (array) or the pointee (pointer) of a slot are. */
struct cloc cloc_elem(const struct cycle_model *cm, const struct cloc *slot);
/* Canonical form of p inside an instance of root (see the file comment);
 * *at receives what lies there (CL_UNKNOWN if it cannot be told). */
struct cpath cpath_canon(const struct cycle_model *cm, const struct ir_record *root,
                         const struct cpath *p, struct cloc *at);
bool cycle_is_header_field(const struct cycle_model *cm, const struct ir_field *f);

/* ---- typegraph.c ---- */

const struct ir_record *cycle_record(const struct cycle_model *cm, const char *name);
const struct ir_func *cycle_func(const struct cycle_model *cm, const char *name);
int32_t cycle_type_index(const struct cycle_model *cm, const char *record);
/* Can an instance of type `from` (or ntypes: any) own, transitively, one of `to`? */
bool cycle_reaches(const struct cycle_model *cm, uint32_t from, uint32_t to);
/* The graph node a reference points to (a type index, or ntypes for any). */
uint32_t cycle_ref_node(const struct cycle_model *cm, const struct cycle_ref *r);
bool cycle_has_annotation(const char *const *anns, uint32_t n, const char *ann);

/* ---- tables.c ---- */

void cycle_build_tables(struct cycle_model *cm);

/* ---- flow.c ---- */

enum flow_mode { FLOW_DEALLOC, FLOW_TRAVERSE, FLOW_CLEAR };

/* Run the dataflow of `mode` over fn, the function table names for that
 * role; its self_arg-th parameter is an instance of type t (visit_arg:
 * the visitor, for traverse). */
void flow_run(const struct cycle_model *cm, const struct cycle_table *table,
              const struct ir_func *fn, enum flow_mode mode, struct flow_result *out);
void flow_result_dispose(struct flow_result *r);
/* Is reference i done in mask, counting the elements of one struct type
 * reached through several pointers (a deque's left and right blocks) as one? */
bool cycle_ref_done(const struct cycle_type *t, uint32_t i, uint64_t mask);
/* Field `name` of record `static_rec` as the same position in `actual`
 * (C's layout-prefix inheritance: a TaskObj handled as a FutureObj). */
const char *cycle_translate_field(const struct cycle_model *cm, const struct ir_record *actual,
                                  const char *static_rec, const char *name);

#endif
