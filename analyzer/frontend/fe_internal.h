/*
 * fe_internal.h — what the front end's files share: the per-TU context
 * (struct fe_tu: caches keyed by libclang handles), the per-function
 * lowering context (struct lower: current block, jump targets, variables),
 * and the helpers over cursors. libclang types stop here: nothing declared
 * in this header is visible outside analyzer/frontend/.
 *
 * Keys: libclang handles are used as map keys through their first data
 * word: a declaration cursor's data[0] is the declaration (that is what
 * clang_equalCursors compares for declarations), a CXType's data[0] is the
 * qualified type, a CXFile is a pointer. All are stable for the life of
 * the CXTranslationUnit, which outlives every map here.
 */
#ifndef REFCHECK_FE_INTERNAL_H
#define REFCHECK_FE_INTERNAL_H

#include <clang-c/Index.h>

#include "fe.h"
#include "map.h"
#include "../ir/ir.h"

#include <stdbool.h>
#include <stdint.h>

#define FE_NO_BLOCK UINT32_MAX

struct fe_tinfo {
	const struct ir_type *ir;
	bool noreturn;              /* a function (pointer) type marked noreturn */
};

/* One translation unit being lowered. */
struct fe_tu {
	const struct fe_options *opt;
	CXTranslationUnit ctu;
	struct ir_tu *tu;
	CXFile main_file;           /* the main file, or NULL when clang_getFile failed */
	struct u64map types;        /* CXType → index into tinfo */
	struct fe_tinfo *tinfo;
	size_t ntinfo, cap_tinfo;
	struct u64map files;        /* CXFile → (file index << 1) | is_main */
	struct strmap objects;      /* record name → 1 object struct, 0 not */
	struct strmap decls;        /* function name → index into tu->decls */
	struct strmap globals;      /* variable name → index into tu->globals */
	struct u64map records;      /* record declaration → index into tu->records */
	struct u64map noreturn_decls; /* FunctionDecl → 1 noreturn, 0 not (calls to block-scope decls) */
	struct u64map names;        /* FunctionDecl → its name in the arena (callees) */
	struct u64map texts;        /* CXFile → index into text (file contents) */
	struct fe_text { const char *p; size_t len; } *text;
	uint32_t ntext, cap_text;
};

struct fe_switch {
	uint32_t head;              /* the block ending in the SWITCH */
	uint32_t default_block;     /* FE_NO_BLOCK until `default:` is seen */
};

/* One function being lowered (or, with fn == NULL, a static initialiser,
 * where nothing may emit statements). */
struct lower {
	struct fe_tu *t;
	struct ir_tu *tu;
	struct ir_func *fn;
	uint32_t cur;               /* the open block statements go to */
	bool cur_reusable;          /* cur is empty and may start a label */
	uint32_t brk, cont;         /* targets of break / continue, or FE_NO_BLOCK */
	struct fe_switch *sw;       /* innermost switch, or NULL */
	struct u64map vars;         /* declaration → var index */
	struct strmap labels;       /* label name → block */
	uint32_t *indirect;         /* blocks ending in `goto *p` */
	uint32_t nindirect, cap_indirect;
	const char **addr_labels;   /* labels whose address is taken (&&l) */
	uint32_t naddr_labels, cap_addr_labels;
	uint32_t ntemps;
	uint32_t depth;             /* current nesting of lower_* calls */
	uint32_t no_escape_depth;   /* an array decaying at this depth is an index base */
	bool too_deep;              /* depth exceeded max_depth: give up */
	uint32_t nstmts;            /* IR statements emitted */
	/* Variables with a cleanup attribute in scope, outermost first
	 * (lower_cleanup.c); the block nesting (1 = the function's body); the
	 * stack heights that break and continue keep. */
	struct lw_cleanup *cleanups;
	uint32_t ncleanups, cap_cleanups;
	uint32_t scope_depth;
	uint32_t brk_keep, cont_keep;
};

struct lw_cleanup {
	uint32_t var;
	const char *fn;             /* called as fn(&var) when var goes out of scope */
	uint32_t depth;             /* scope_depth of its block */
};

/* ---- cursors (cursor.c) ---- */

/* The direct children of a cursor, collected into a small array. */
struct kids {
	CXCursor *v;
	unsigned n, cap;
	CXCursor inl[6];
};

void kids_init(struct kids *k);
void kids_push(struct kids *k, CXCursor c);
void kids_get(struct kids *k, CXCursor c);
/* Only the children that are expressions or statements (no TypeRef,
 * MemberRef, attributes). */
void kids_get_code(struct kids *k, CXCursor c);
void kids_dispose(struct kids *k);

/* Source range of a cursor as file locations: macro-produced code at the
 * macro's call site, code written in a macro argument where it is written. */
struct ir_loc fe_loc(struct fe_tu *t, CXCursor c);
/* The cursor's location as a point (start = end): cheap, for expressions,
 * whose full ranges would cost an AST walk each (statements have them). */
struct ir_loc fe_point_loc(struct fe_tu *t, CXCursor c);
/* The location of just the cursor's name (a declaration's identifier). */
struct ir_loc fe_name_loc(struct fe_tu *t, CXCursor c, const char *name);
/* The position just before the cursor's extent ends (a closing brace). */
struct ir_loc fe_end_loc(struct fe_tu *t, CXCursor c);
uint32_t fe_file_index(struct fe_tu *t, CXFile f, bool *is_main);
/* Is the expansion location of c in the main file? (Not
 * clang_Location_isFromMainFile, which is false for any macro location.) */
bool fe_in_main_file(struct fe_tu *t, CXCursor c);
/* The name of a function declaration, spelled once per declaration. */
const char *fe_decl_name(struct fe_tu *t, CXCursor decl);
/* Spelling of c copied into the TU's arena. */
const char *fe_spelling(struct fe_tu *t, CXCursor c);
/* A field's name; "" for an anonymous struct or union member (which
 * libclang spells by its type). */
const char *fe_field_name(struct fe_tu *t, CXCursor field);
/* Copy a CXString into the arena and dispose it. */
const char *fe_take_string(struct fe_tu *t, CXString s);
/* The macro whose expansion produced the code at c, when c was written in
 * a macro's body (not in its arguments): the name at its call site. */
const char *fe_macro_at(struct fe_tu *t, CXCursor c);
/* The contents of f (libclang's buffer, valid for the TU), cached per
 * file; NULL when unavailable. Reading the text is how names, keywords and
 * punctuation at a location are found: a token lookup would translate the
 * file to a location first, which searches the source manager. */
const char *fe_file_text(struct fe_tu *t, CXFile f, size_t *len);
/* The identifier starting at offset off of f, copied into the arena, or
 * NULL. */
const char *fe_ident_at(struct fe_tu *t, CXFile f, unsigned off);
/* Does the text of f at off start with the word w (not followed by an
 * identifier character)? */
bool fe_word_at(struct fe_tu *t, CXFile f, unsigned off, const char *w);
/* Strip parentheses and conversions that do not change the value. */
CXCursor fe_strip(CXCursor c);
/* An implicit conversion: UnexposedExpr with one operand at the same
 * location (unlike va_arg, which also has one operand). */
bool fe_is_implicit_cast(CXCursor c);
/* The GNU `a ?: b` (BinaryConditionalOperator) among UnexposedExprs. */
bool fe_is_gnu_cond(CXCursor c, const struct kids *k);

/* Children of c as lowering reads them (all, or only expressions and
 * statements). One clang_visitChildren per call: a single recursive visit
 * of the body into a tree was measured slower (the visit costs the same
 * per node, and the lookup comes on top), see analyzer/frontend/README.md. */
void lw_kids(struct lower *lw, struct kids *k, CXCursor c);
void lw_kids_code(struct lower *lw, struct kids *k, CXCursor c);

/* ---- types (types.c) ---- */

const struct ir_type *fe_type(struct fe_tu *t, CXType ty);
bool fe_type_noreturn(struct fe_tu *t, CXType ty);
/* The type of a parameter: one declared as an array is a pointer. */
const struct ir_type *fe_param_type(struct fe_tu *t, CXType ty);
/* Record name for a record type: its tag, else its typedef name; NULL for
 * an unnamed struct. */
const char *fe_record_name(struct fe_tu *t, CXType record);
bool fe_record_is_object(struct fe_tu *t, CXType record);

/* ---- declarations (decls.c) ---- */

/* The top-level pass: ir_decl for every function declaration, ir_record
 * for main-file and object structs, ir_global for variables. */
void fe_collect_decls(struct fe_tu *t, struct kids *defs);
/* Is this function declaration noreturn (attribute, _Noreturn, or a libc
 * function known not to return)? */
bool fe_decl_noreturn(struct fe_tu *t, CXCursor fn);
/* annotate("…") strings on a declaration, in the arena. */
void fe_annotations(struct fe_tu *t, CXCursor c, const char ***out, uint32_t *n);
/* Static initialiser of a global as an ir_init tree (lower_init.c). */
struct ir_init *fe_global_init(struct fe_tu *t, CXCursor init, CXType ty);

/* ---- inputs (discover.c) ---- */

/* The files named by paths, folders searched for *.c (see fe.h); problems
 * reported through problem. Returns ERR_INVALID after a problem, else 0.
 * *files is a heap array of heap strings. */
int fe_expand_paths(char *const *paths, size_t npaths, fe_problem_fn problem, void *arg,
                    char ***files, size_t *nfiles);
void fe_job_add(struct fe_joblist *out, const char *file, char *const *argv, size_t argc,
                const char *directory);

/* ---- lowering (lower.c, lower_expr.c, lower_init.c) ---- */

/* Lower the function definition fn (a FunctionDecl with a body). */
void fe_lower_function(struct fe_tu *t, CXCursor fn);

bool lw_enter(struct lower *lw);
void lw_leave(struct lower *lw);
uint32_t lw_new_block(struct lower *lw);
/* Continue in block b (after the current one was terminated). */
void lw_set_block(struct lower *lw, uint32_t b, bool reusable);
/* Terminate the current block (if still open) with a goto to b; cur stays
 * the terminated block until lw_set_block. */
void lw_jump(struct lower *lw, uint32_t b);
/* lw_jump, then continue in b. */
void lw_goto(struct lower *lw, uint32_t b);
/* Terminate the current block (already given its terminator) and continue
 * in a fresh, so far unreachable, block. */
void lw_dead(struct lower *lw);
struct ir_stmt *lw_stmt(struct lower *lw, enum ir_stmt_kind kind, struct ir_loc loc);
uint32_t lw_temp(struct lower *lw, const struct ir_type *ty);
void lw_stmt_lower(struct lower *lw, CXCursor c);

enum want { WANT_DISCARD, WANT_VALUE };

/* Lower an expression: emits the statements its side effects need into the
 * current block (and blocks for && || ?:), returns the pure expression of
 * its value (NULL only with WANT_DISCARD, for a void or discarded value). */
struct ir_expr *lw_expr(struct lower *lw, CXCursor c, enum want want);
/* Lower a condition: control goes to t when it is non-zero, else to f. */
void lw_cond(struct lower *lw, CXCursor c, uint32_t t, uint32_t f);
/* dst = value of c: a call writes its result to dst directly. */
void lw_store(struct lower *lw, struct ir_expr *dst, CXCursor c, struct ir_loc loc);
struct ir_expr *lw_unknown(struct lower *lw, CXType ty);
/* dst = src (a target that is not an lvalue still uses src). */
void lw_assign(struct lower *lw, struct ir_expr *dst, struct ir_expr *src, struct ir_loc loc);
/* *e, of type ty (*&x is x). */
struct ir_expr *lw_deref(struct lower *lw, struct ir_expr *e, CXType ty);
/* Terminate the current block with a branch on e. */
void lw_branch(struct lower *lw, struct ir_expr *e, uint32_t t, uint32_t f, struct ir_loc loc);
struct ir_expr *lw_var_ref(struct lower *lw, uint32_t var);
/* Lower an initialiser list into assignments to obj (function scope). */
void lw_init_list(struct lower *lw, struct ir_expr *obj, CXCursor list, CXType ty);
/* The IR var for a declaration (adding a local when first seen). */
bool lw_lookup_var(struct lower *lw, CXCursor decl, uint32_t *out);

/* ---- atomic builtins (lower_atomic.c) ---- */

/* If c (an UnexposedExpr with children k) is an atomic store, load,
 * exchange or compare-exchange, lower it as one and set *out to its value
 * (NULL for none or WANT_DISCARD); false for anything else. */
bool lw_atomic(struct lower *lw, CXCursor c, const struct kids *k, enum want want,
               struct ir_expr **out);

/* ---- cleanup attributes (lower_cleanup.c) ---- */

/* If decl (a local, just declared as var) has __attribute__((cleanup(f))),
 * push it on lw's stack. */
void lw_cleanup_note(struct lower *lw, CXCursor decl, uint32_t var);
/* Emit the cleanup calls of the stack above height `keep`, innermost
 * first, at loc (nothing if the current block is closed). */
void lw_cleanup_run(struct lower *lw, uint32_t keep, struct ir_loc loc);
/* The height a goto keeps: the variables of the function's outermost block. */
uint32_t lw_cleanup_goto_keep(const struct lower *lw);
void lw_mark_addr_taken(struct lower *lw, const struct ir_expr *e);

#endif
