/*
 * ir.h — refcheck's intermediate representation: the seam between the
 * libclang front end and everything after it (DESIGN §1).
 *
 * A translation unit lowers to one `ir_tu`: the functions defined in its
 * main file, each as a control-flow graph of basic blocks; the function
 * declarations it saw (with their rc: annotations); the struct types that
 * matter to reference counting; and file-scope variables with their static
 * initialisers (type tables).
 *
 * Invariants the front end guarantees and the engine relies on:
 *  - Nothing here refers to libclang. All strings and nodes live in the
 *    TU's arena and die with `ir_tu_free`.
 *  - Statements are simple: every call is its own IR_S_CALL statement whose
 *    arguments are pure expressions (no calls, no assignments, no && || ?:
 *    inside). Nested calls are flattened into temporaries (IR_VAR_TEMP) in
 *    evaluation order, so `f(g(x))` is `t1 = g(x); f(t1)`.
 *  - `&&`, `||`, `?:` and GNU `a ?: b` become branches; a value they produce
 *    is written to a temporary on each arm.
 *  - Casts are dropped: an expression's `ty` is its type after conversion,
 *    and the value it denotes is that of the operand.
 *  - Block 0 is the entry. Every block ends in exactly one terminator;
 *    IR_T_RETURN blocks have no successors. Blocks unreachable from the
 *    entry are removed and `preds` is filled (cfg_finish in cfg.c).
 *  - Locations are expansion locations in user code: a statement produced
 *    by a macro is located at the macro's call site, and `macro` names it.
 */
#ifndef REFCHECK_IR_H
#define REFCHECK_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

/* A source range. `file` indexes ir_tu.files; lines and columns are 1-based,
 * columns in bytes, end exclusive (SARIF's endColumn). line 0 = unknown. */
struct ir_loc {
	uint32_t file;
	uint32_t line, col;
	uint32_t end_line, end_col;
};

/* What the engine needs to know of a C type. */
enum ir_type_class {
	IR_TY_VOID,
	IR_TY_INT,      /* integers, enums, _Bool, char */
	IR_TY_FLOAT,
	IR_TY_PTR,      /* a pointer; see obj_depth */
	IR_TY_FUNCPTR,  /* a pointer to a function */
	IR_TY_RECORD,   /* a struct or union value */
	IR_TY_ARRAY,
	IR_TY_OTHER
};

struct ir_type {
	enum ir_type_class cls;
	/* Pointer levels above an object struct: 1 for `rc_object *` or
	 * `PyListObject *`, 2 for `rc_object **` (out-parameters), 0 when the
	 * type has nothing to do with objects. An array of object pointers has
	 * cls IR_TY_ARRAY and obj_depth 1. */
	unsigned obj_depth;
	const char *spelling;   /* as clang spells it, e.g. "rc_object *" */
	/* For obj_depth > 0: the object struct pointed to ("rc_object",
	 * "PyListObject"); for IR_TY_RECORD: the record's name. Else NULL. */
	const char *record;
	/* For IR_TY_PTR and IR_TY_ARRAY with obj_depth 0: the struct or union
	 * pointed to or held (`dict_entry *slots`, `struct pair tab[4]`), if
	 * any, named as ir_record names it; else NULL. Added for the cycle
	 * checks (issue 6), which follow owned references into such records. */
	const char *elem_record;
};

enum ir_var_kind {
	IR_VAR_PARAM,   /* the first nparams vars of a function, in order */
	IR_VAR_LOCAL,
	IR_VAR_STATIC,  /* a function-scope static: survives the call */
	IR_VAR_TEMP     /* made by lowering; written once per evaluation */
};

struct ir_var {
	const char *name;       /* temps are named "t1", "t2", … */
	const struct ir_type *ty;
	enum ir_var_kind kind;
	bool addr_taken;        /* &var appears somewhere in the function */
	struct ir_loc loc;      /* the declaration */
};

enum ir_expr_kind {
	IR_E_VAR,       /* u.var: a local, parameter, static or temp */
	IR_E_GLOBAL,    /* u.name: a file-scope or extern variable */
	IR_E_FUNC,      /* u.name: a function designator (not called) */
	IR_E_INT,       /* u.ival: integer or character constant, folded enum/sizeof */
	IR_E_NULL,      /* a null pointer constant (NULL, 0 or (void *)0 as a pointer) */
	IR_E_STR,       /* u.str: string literal, escapes decoded */
	IR_E_FIELD,     /* u.field: base.name or base->name */
	IR_E_DEREF,     /* u.unary.operand: *operand */
	IR_E_INDEX,     /* u.binary: l[r] */
	IR_E_ADDR,      /* u.unary.operand: &operand */
	IR_E_UNOP,      /* u.unary: op operand */
	IR_E_BINOP,     /* u.binary: l op r */
	IR_E_UNKNOWN    /* anything else (float literal, compound literal value …) */
};

enum ir_op {
	IR_OP_NONE,
	/* unary */
	IR_OP_NOT, IR_OP_NEG, IR_OP_BITNOT, IR_OP_PLUS,
	/* binary */
	IR_OP_ADD, IR_OP_SUB, IR_OP_MUL, IR_OP_DIV, IR_OP_REM,
	IR_OP_SHL, IR_OP_SHR, IR_OP_BITAND, IR_OP_BITOR, IR_OP_BITXOR,
	IR_OP_EQ, IR_OP_NE, IR_OP_LT, IR_OP_LE, IR_OP_GT, IR_OP_GE
};

struct ir_expr {
	enum ir_expr_kind kind;
	const struct ir_type *ty;
	/* The front end sets it (a point: start = end) on FIELD, DEREF, INDEX
	 * and ADDR, where an object is used through the expression; line 0
	 * elsewhere. Statements and terminators carry full ranges. */
	struct ir_loc loc;
	union {
		uint32_t var;                   /* IR_E_VAR: index into func->vars */
		const char *name;               /* IR_E_GLOBAL, IR_E_FUNC */
		int64_t ival;                   /* IR_E_INT */
		const char *str;                /* IR_E_STR */
		struct {
			struct ir_expr *base;
			const char *name;
			bool arrow;             /* base->name (base is a pointer) */
		} field;
		struct {
			enum ir_op op;          /* IR_OP_NONE for DEREF and ADDR */
			struct ir_expr *operand;
		} unary;
		struct {
			enum ir_op op;          /* IR_OP_NONE for INDEX */
			struct ir_expr *l, *r;
		} binary;
	} u;
	/* IR_E_INT folded from sizeof(T) or sizeof expr (or _Alignof) of a
	 * struct type: the record's name (how a type table names its object struct, issue 6);
	 * else NULL. */
	const char *sizeof_record;
};

enum ir_stmt_kind {
	IR_S_ASSIGN,    /* dst = src: src is a pure expression */
	IR_S_CALL,      /* [dst =] callee(args…) */
	IR_S_EVAL       /* a pure expression evaluated for its uses only */
};

struct ir_call {
	const char *callee;     /* the function's name; NULL for an indirect call */
	struct ir_expr *fn;     /* indirect calls: the function-pointer expression */
	struct ir_expr **args;
	uint32_t nargs;
	/* The outermost macro whose expansion produced this call (RC_CLEAR,
	 * Py_DECREF, …), or NULL when written directly. */
	const char *macro;
	bool noreturn;          /* abort(), exit(), __attribute__((noreturn)) … */
};

struct ir_stmt {
	enum ir_stmt_kind kind;
	struct ir_loc loc;
	/* ASSIGN: the lvalue written (VAR, GLOBAL, FIELD, DEREF, INDEX).
	 * CALL: where the result goes, or NULL when it is discarded. */
	struct ir_expr *dst;
	struct ir_expr *src;    /* ASSIGN and EVAL */
	struct ir_call call;    /* CALL */
};

enum ir_term_kind {
	IR_T_NONE,          /* only while a block is being built */
	IR_T_GOTO,          /* succ[0] */
	IR_T_BRANCH,        /* cond: succ[0] if non-zero, succ[1] if zero */
	IR_T_SWITCH,        /* cond: cases, else succ[0] (default or the end) */
	IR_T_RETURN,        /* cond = the returned value or NULL; no successors */
	IR_T_UNREACHABLE    /* after a noreturn call; no successors */
};

struct ir_case {
	int64_t lo, hi;     /* case lo: or GNU case lo ... hi: */
	uint32_t block;
};

struct ir_term {
	enum ir_term_kind kind;
	/* RETURN: the return statement, or the closing brace when control falls
	 * off the end. BRANCH/SWITCH: the condition. */
	struct ir_loc loc;
	struct ir_expr *cond;
	uint32_t succ[2];
	struct ir_case *cases;
	uint32_t ncases;
};

struct ir_block {
	uint32_t id;                /* its index in func->blocks */
	struct ir_stmt *stmts;
	uint32_t nstmts, cap_stmts;
	struct ir_term term;
	uint32_t *preds;
	uint32_t npreds;
	const char *label;          /* the C label that starts it, if any */
};

struct ir_func {
	const char *name;
	struct ir_loc loc;          /* the function's name in its definition */
	struct ir_loc end;          /* its closing brace */
	const struct ir_type *ret;
	bool is_static;
	bool variadic;
	const char **annotations;   /* "rc:returns_new", … from annotate() */
	uint32_t nannotations;
	struct ir_var *vars;        /* params first */
	uint32_t nvars, nparams, cap_vars;
	struct ir_block *blocks;
	uint32_t nblocks, cap_blocks;
	/* Set when lowering gave up (too large, nested too deeply): the reason,
	 * and blocks is then empty. The engine reports it, never treats it as
	 * clean. */
	const char *skipped;
};

/* A function declaration (or definition) seen in the TU, in any file. */
struct ir_decl {
	const char *name;
	struct ir_loc loc;
	const struct ir_type *ret;
	const struct ir_type **params;
	uint32_t nparams;
	bool variadic;
	bool noreturn;
	bool defined;               /* has a body in the main file */
	const char **annotations;
	uint32_t nannotations;
};

struct ir_field {
	const char *name;
	const struct ir_type *ty;
	struct ir_loc loc;
	int64_t array_len;          /* 0: not an array; -1: flexible or unknown */
	const char **annotations;
	uint32_t nannotations;
};

/* A struct (or union) type: those defined in the main file, and every
 * object struct (one that starts with an object header) anywhere. */
struct ir_record {
	const char *name;           /* the tag, else the typedef name */
	struct ir_loc loc;
	bool is_object;             /* starts with an object header */
	bool in_main_file;
	struct ir_field *fields;
	uint32_t nfields;
};

/* A static initialiser, as a tree. A positional element of a struct is
 * given the field name it initialises, so users of the IR never need to
 * count positions. */
struct ir_init {
	const char *field;          /* the member initialised, or NULL (array element / scalar) */
	int64_t index;              /* array index, or position in the list */
	struct ir_loc loc;
	struct ir_expr *expr;       /* a leaf: FUNC, INT, STR, ADDR(GLOBAL), … */
	struct ir_init *elems;      /* a braced list */
	uint32_t nelems;
};

struct ir_global {
	const char *name;
	const struct ir_type *ty;
	struct ir_loc loc;
	bool is_static;
	bool in_main_file;
	struct ir_init *init;       /* NULL without an initialiser */
};

/* A diagnostic from the compiler (parse errors and warnings). */
enum ir_diag_severity { IR_DIAG_NOTE, IR_DIAG_WARNING, IR_DIAG_ERROR, IR_DIAG_FATAL };

struct ir_diag {
	enum ir_diag_severity severity;
	struct ir_loc loc;
	const char *text;           /* already formatted as a compiler line */
};

struct ir_tu {
	struct arena *arena;
	const char *path;           /* the main file as given */
	const char **files;         /* file table for ir_loc.file; files[0] = path */
	uint32_t nfiles, cap_files;
	struct ir_func *funcs;
	uint32_t nfuncs, cap_funcs;
	struct ir_decl *decls;
	uint32_t ndecls, cap_decls;
	struct ir_record *records;
	uint32_t nrecords, cap_records;
	struct ir_global *globals;
	uint32_t nglobals, cap_globals;
	struct ir_diag *diags;
	uint32_t ndiags, cap_diags;
	/* Every file the TU included, directly or not, as absolute real paths
	 * (each once, in inclusion order; the main file is not among them).
	 * The store hashes them to decide whether a re-run may skip the TU. */
	const char **includes;
	uint32_t nincludes, cap_includes;
};

/* ---- builders (used by lowering and by tests that build IR by hand) ---- */

struct ir_tu *ir_tu_new(const char *path);
void ir_tu_free(struct ir_tu *tu);
/* Copy a string into the TU's arena. */
const char *ir_strdup(struct ir_tu *tu, const char *s);
uint32_t ir_tu_file(struct ir_tu *tu, const char *path);

const struct ir_type *ir_type_make(struct ir_tu *tu, enum ir_type_class cls,
                                   unsigned obj_depth, const char *spelling,
                                   const char *record);

/* A pointer or array (obj_depth 0) whose pointee or element is the struct
 * elem_record (see ir_type.elem_record). */
const struct ir_type *ir_type_make_elem(struct ir_tu *tu, enum ir_type_class cls,
                                        const char *spelling, const char *elem_record);

struct ir_func *ir_func_add(struct ir_tu *tu, const char *name, const struct ir_type *ret);
uint32_t ir_var_add(struct ir_tu *tu, struct ir_func *fn, const char *name,
                    const struct ir_type *ty, enum ir_var_kind kind);
uint32_t ir_block_add(struct ir_tu *tu, struct ir_func *fn);
struct ir_stmt *ir_stmt_add(struct ir_tu *tu, struct ir_func *fn, uint32_t block,
                            enum ir_stmt_kind kind);
/* Argument array for a call statement, nargs slots, zeroed. */
struct ir_expr **ir_args_new(struct ir_tu *tu, uint32_t nargs);

struct ir_expr *ir_expr_new(struct ir_tu *tu, enum ir_expr_kind kind, const struct ir_type *ty);
struct ir_expr *ir_expr_var(struct ir_tu *tu, const struct ir_func *fn, uint32_t var);
struct ir_expr *ir_expr_int(struct ir_tu *tu, int64_t v);
struct ir_expr *ir_expr_null(struct ir_tu *tu);
struct ir_expr *ir_expr_field(struct ir_tu *tu, struct ir_expr *base, const char *name,
                              bool arrow, const struct ir_type *ty);
struct ir_expr *ir_expr_unary(struct ir_tu *tu, enum ir_expr_kind kind, enum ir_op op,
                              struct ir_expr *operand, const struct ir_type *ty);
struct ir_expr *ir_expr_binary(struct ir_tu *tu, enum ir_expr_kind kind, enum ir_op op,
                               struct ir_expr *l, struct ir_expr *r, const struct ir_type *ty);

void ir_term_goto(struct ir_func *fn, uint32_t block, uint32_t to);
void ir_term_branch(struct ir_func *fn, uint32_t block, struct ir_expr *cond,
                    uint32_t then_block, uint32_t else_block);
void ir_term_return(struct ir_func *fn, uint32_t block, struct ir_expr *value);
/* Added by the front end (issue 2). A SWITCH starts with no cases and
 * default_block as succ[0]; ir_term_add_case appends one case. */
void ir_term_switch(struct ir_func *fn, uint32_t block, struct ir_expr *cond,
                    uint32_t default_block);
void ir_term_add_case(struct ir_func *fn, uint32_t block, int64_t lo, int64_t hi,
                      uint32_t target);
void ir_term_unreachable(struct ir_func *fn, uint32_t block);
/* A shallow copy of e (the same children): for a value used twice, since
 * lowering may retype or rewrite the node it is handed. */
struct ir_expr *ir_expr_copy(struct ir_tu *tu, const struct ir_expr *e);
/* Does pred hold for e or one of its subexpressions (operands, bases)?
 * Visits e first, then its operands left to right; stops at the first
 * true. NULL e: false. */
bool ir_expr_any(const struct ir_expr *e, bool (*pred)(const struct ir_expr *e, void *arg),
                 void *arg);

const char *ir_op_spelling(enum ir_op op);
const char *ir_file_name(const struct ir_tu *tu, uint32_t file);

#endif
