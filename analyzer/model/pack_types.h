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
	MODEL_TT__COUNT
};

/* A slot array reached from a member of the table (PyType_Spec.slots):
 * an array of {id, value} structs ended by id 0. */
struct model_tt_slots {
	const char *member;             /* the table's member pointing at the array */
	const char *id_field;           /* the element's id member ("slot") */
	const char *value_field;        /* the element's value member ("pfunc") */
	bool has_id[MODEL_TT__COUNT];
	int64_t ids[MODEL_TT__COUNT];   /* role → slot id (Py_tp_dealloc = 52 …) */
};

struct model_type_table {
	const char *pack;               /* the pack that described it */
	const char *strct;              /* the table's struct type ("rc_type") */
	const char *members[MODEL_TT__COUNT];   /* role → member name, or NULL */
	uint64_t gc_flag;               /* non-zero: tracked only if flags has this bit */
	bool has_slots;
	struct model_tt_slots slots;
	uint8_t self_arg;               /* 1-based: the object in dealloc/traverse/clear */
	uint8_t visit_arg;              /* 1-based: the visitor in traverse */
};

/* A function whose result is an instance of the type table passed in one
 * of its arguments (rc_new_at(&node_type, …), _PyObject_GC_New(&T)). */
struct model_allocator {
	const char *function;
	uint8_t type_arg;               /* 1-based */
};

struct model_type_info {
	struct model_type_table *tables;
	uint32_t ntables, cap_tables;
	struct model_allocator *allocators;
	uint32_t nallocators, cap_allocators;
	const char **unowned_fields;    /* field names that never own a reference */
	uint32_t nunowned_fields, cap_unowned_fields;
};

/* Everything every loaded pack says about type tables (read-only). */
const struct model_type_info *model_type_info(const struct model *m);
/* The table description for a struct type name, or NULL. */
const struct model_type_table *model_type_table_for(const struct model *m, const char *strct);
const struct model_allocator *model_allocator_for(const struct model *m, const char *function);
bool model_field_unowned(const struct model *m, const char *field);
const char *model_tt_role_name(enum model_tt_role r);

#endif
