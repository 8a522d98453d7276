/*
 * pack_types.h — what a pack says about type tables, as plain structs
 * (issue 6). pack_types.c parses a pack's "type_tables" key into these at
 * load time; the cycle checks (cycles/) read them through
 * model_type_info() and never see JSON (STYLE §3).
 *
 * A type table is a static struct that describes an object type to its
 * runtime: our rc_type, CPython's PyTypeObject, or PyType_Spec with its
 * PyType_Slot array. The pack names the table struct and, for each role
 * (dealloc, traverse, clear, …), the member that holds the function;
 * nothing about a particular API is written in C.
 */
#ifndef REFCHECK_PACK_TYPES_H
#define REFCHECK_PACK_TYPES_H

#include <stdbool.h>
#include <stdint.h>

struct model;

/* The roles a type-table member (or slot) can play. */
enum model_tt_role {
	MODEL_TT_SIZE,          /* sizeof(the object struct): names the instances' record */
	MODEL_TT_DEALLOC,
	MODEL_TT_FINALIZE,
	MODEL_TT_TRAVERSE,
	MODEL_TT_CLEAR,
	MODEL_TT_FLAGS,
	MODEL_TT_BASE,          /* a base type: missing functions are inherited from it */
	MODEL_TT__COUNT
};

#define MODEL_TT_MAX_IDS 4

/* A slot array reached from a member of the table (PyType_Spec.slots):
 * an array of {id, value} structs ended by id 0. */
struct model_tt_slots {
	const char *member;             /* the table's member pointing at the array */
	const char *id_field;           /* the element's id member ("slot") */
	const char *value_field;        /* the element's value member ("pfunc") */
	uint8_t nids[MODEL_TT__COUNT];
	int64_t ids[MODEL_TT__COUNT][MODEL_TT_MAX_IDS];    /* role → slot ids (Py_tp_dealloc = 52 …) */
};

struct model_type_table {
	const char *pack;               /* the pack that described it */
	const char *strct;              /* the table's struct type ("rc_type") */
	const char *members[MODEL_TT__COUNT];   /* role → member name, or NULL */
	uint64_t gc_flag;               /* non-zero: tracked only if flags has this bit */
	bool has_slots;
	struct model_tt_slots slots;
	bool finalize_releases;         /* finalize may release references (CPython's tp_finalize) */
	uint8_t self_arg;               /* 1-based: the object in dealloc/traverse/clear */
	uint8_t visit_arg;              /* 1-based: the visitor in traverse */
};

/* A function whose result is an instance of the type table passed in one
 * of its arguments (rc_new_at(&node_type, …), _PyObject_GC_New(&T)). */
struct model_allocator {
	const char *function;
	uint8_t type_arg;               /* 1-based */
};

/* A call that gives the type table passed in table_arg a base type when
 * base_arg is not NULL (PyType_FromSpecWithBases(&spec, base)). */
struct model_derive {
	const char *function;
	uint8_t table_arg, base_arg;    /* 1-based */
};

struct model_type_info {
	struct model_type_table *tables;
	uint32_t ntables, cap_tables;
	struct model_allocator *allocators;
	uint32_t nallocators, cap_allocators;
	/* Field names that never own a reference; "*x" matches a suffix, "x*" a prefix. */
	const char **unowned_fields;
	uint32_t nunowned_fields, cap_unowned_fields;
	/* Calls a dealloc makes whose non-zero result means the object was
	 * resurrected and lives on (PyObject_CallFinalizerFromDealloc). */
	const char **resurrect_calls;
	uint32_t nresurrect_calls, cap_resurrect_calls;
	struct model_derive *derives;
	uint32_t nderives, cap_derives;
};

/* Everything every loaded pack says about type tables (read-only). */
const struct model_type_info *model_type_info(const struct model *m);
/* The table description for a struct type name, or NULL. */
const struct model_type_table *model_type_table_for(const struct model *m, const char *strct);
const struct model_allocator *model_allocator_for(const struct model *m, const char *function);
bool model_field_unowned(const struct model *m, const char *field);
bool model_is_resurrect_call(const struct model *m, const char *function);
const struct model_derive *model_derive_for(const struct model *m, const char *function);
const char *model_tt_role_name(enum model_tt_role r);

#endif
