/*
 * cycles.h — the type model of a translation unit and the checks on it
 * (DESIGN §1 "cycles", issue 6).
 *
 * A `cycle_model` is built once per TU from its IR (records, globals,
 * functions) and the packs' type-table descriptions (model/pack_types.h):
 *  - object types: the TU's object structs, each with the references its
 *    instances own (fields that point to objects, arrays of them, and
 *    such fields inside records the instance holds or points to), minus
 *    fields marked RC_BORROWED_FIELD, RC_WEAK_FIELD or named unowned by a
 *    pack;
 *  - type tables: the TU's globals whose type a pack names as a type table,
 *    with the functions they name (dealloc, traverse, clear, finalize),
 *    whether the collector tracks their instances, and their object struct;
 *  - the ownership graph of types: T → U when a T can own a U; a field of
 *    generic object type reaches every type.
 *
 * cycle_check_tu runs the type-level rules once per TU:
 * cycle-untracked-type, refcount-dealloc-incomplete,
 * cycle-traverse-incomplete and cycle-clear-incomplete. The engine check
 * cycle-created (checks/cycle_created.c) asks the model, through
 * engine_cycle_model(), which types are tracked and which fields own.
 *
 * The model only reads the IR and the model, which must outlive it.
 */
#ifndef REFCHECK_CYCLES_H
#define REFCHECK_CYCLES_H

#include <stdbool.h>
#include <stdint.h>

struct ir_tu;
struct ir_stmt;
struct ir_func;
struct model_tu;
struct finding_list;
struct cycle_model;

enum cycle_tracking {
	CYCLE_UNKNOWN,          /* no type table seen for it */
	CYCLE_TRACKED,          /* the collector traverses its instances */
	CYCLE_UNTRACKED         /* it has a type table without traverse */
};

struct cycle_model *cycle_model_new(const struct ir_tu *tu, struct model_tu *mt);
void cycle_model_free(struct cycle_model *cm);

/* The type-level rules; findings are appended to out. */
void cycle_check_tu(const struct cycle_model *cm, struct finding_list *out);

/* ---- queries (for cycle-created) ---- */

/* Tracking of the instances of an object struct: known only when every
 * type table of the TU for that struct agrees. */
enum cycle_tracking cycle_record_tracking(const struct cycle_model *cm, const char *record);
/* Tracking of the instances of the type table named by a global. */
enum cycle_tracking cycle_table_tracking(const struct cycle_model *cm, const char *global);
/* Does a store into record.field hand the object an owned reference?
 * False for borrowed, weak and unowned fields; true when unknown. */
bool cycle_field_owns(const struct cycle_model *cm, const char *record, const char *field);
/* The type table whose instance a call statement returns: an allocator of
 * the pack given &table, or a function of the TU that allocates only
 * instances of one table. NULL when unknown. */
const char *cycle_call_table(const struct cycle_model *cm, const struct ir_stmt *call);
/* Is record an object type of the TU (generic headers such as rc_object,
 * which stand for any object, are not)? */
bool cycle_is_object_type(const struct cycle_model *cm, const char *record);

#endif
