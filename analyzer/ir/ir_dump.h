/*
 * ir_dump.h — a stable text form of the IR, for `refcheck dump-ir`, for
 * debugging, and for golden tests (tests compare dumps as strings, so the
 * format only changes on purpose). The format is described in
 * analyzer/ir/README.md; in short:
 *
 *   function f(p, n) -> rc_object *  [static]  @3:12
 *     var p: rc_object * (param, obj 1 rc_object)
 *     var t1: rc_object * (temp, obj 1 rc_object)
 *   bb0:
 *     t1 = rc_list_new()                      @4:9
 *     branch (t1 == NULL) bb1 bb2             @5:6
 *   bb1: <- bb0
 *     return NULL                             @5:16
 *
 * Locations (`@line:col`, with the file name first when it is not the main
 * file) are printed only with IR_DUMP_LOCS.
 */
#ifndef REFCHECK_IR_DUMP_H
#define REFCHECK_IR_DUMP_H

#include "ir.h"

struct strbuf;

enum {
	IR_DUMP_LOCS = 1u << 0,     /* append @line:col to statements and terminators */
	IR_DUMP_STATS = 1u << 1,    /* ir_dump_tu: only the one-line counts */
};

/* One function: header, vars, blocks. */
void ir_dump_func(struct strbuf *sb, const struct ir_tu *tu, const struct ir_func *fn,
                  unsigned flags);
/* The whole TU: records, globals, the interesting declarations (defined,
 * annotated or noreturn), then every function. */
void ir_dump_tu(struct strbuf *sb, const struct ir_tu *tu, unsigned flags);
/* One line of counts: functions lowered and skipped, blocks, statements,
 * declarations, records, globals, compiler errors. */
void ir_dump_stats(struct strbuf *sb, const struct ir_tu *tu);
/* An expression of fn in C-like syntax (fn may be NULL for initialisers). */
void ir_dump_expr(struct strbuf *sb, const struct ir_func *fn, const struct ir_expr *e);

#endif
