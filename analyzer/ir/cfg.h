/*
 * cfg.h — control-flow graph utilities over ir_func (ir.h).
 *
 * Lowering builds blocks freely (a join block per `if`, a fresh dead block
 * after every return or goto, one block per label); cfg_finish then brings
 * the function to the shape ir.h promises: block 0 the entry, every block
 * reachable from it, `preds` filled, ids equal to indexes. The other
 * functions are read-only queries the engine uses to walk the graph.
 */
#ifndef REFCHECK_CFG_H
#define REFCHECK_CFG_H

#include "ir.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ir_tu;

/*
 * Normalise a freshly lowered function, in this order:
 *  1. jumps through empty, unlabelled GOTO blocks go straight to their
 *     target (a block that jumps to itself is kept: it is an endless loop);
 *  2. a BRANCH whose two arms reach the same block becomes a GOTO, the
 *     condition kept as an IR_S_EVAL statement (it is still a use);
 *  3. blocks unreachable from block 0 are removed;
 *  4. a block whose only predecessor jumps to it unconditionally is
 *     appended to that predecessor (unless it is labelled or the entry);
 *  5. the survivors are renumbered in their original order and `preds`
 *     is filled (ascending, without duplicates).
 * Post-condition: cfg_validate(fn) holds. A skipped function (no blocks)
 * is left alone. tu provides the arena for the EVAL statements of step 2.
 */
void cfg_finish(struct ir_tu *tu, struct ir_func *fn);

/* Successors of a block, in order: BRANCH then-arm, else-arm; SWITCH every
 * case's block in case order, then the default (succ[0]); GOTO succ[0].
 * Duplicates are possible (several cases to one block). */
uint32_t cfg_nsuccs(const struct ir_block *b);
uint32_t cfg_succ(const struct ir_block *b, uint32_t i);

/*
 * Check the invariants of ir.h on fn: ids equal indexes, every block has a
 * terminator, successors are in range, RETURN and UNREACHABLE have none,
 * every block is reachable from block 0, and preds is exactly the set of
 * blocks with an edge to each block. Returns true when they hold; else
 * writes the first violation into why (when why is not NULL).
 */
bool cfg_validate(const struct ir_func *fn, char *why, size_t whysize);

/* Reverse postorder of the blocks reachable from block 0 (all of them after
 * cfg_finish), written to out (fn->nblocks slots); returns the count. */
uint32_t cfg_rpo(const struct ir_func *fn, uint32_t *out);

/* Marks in heads (fn->nblocks slots) the targets of back edges, i.e. the
 * loop heads, found by a depth-first walk from block 0. Returns how many. */
uint32_t cfg_loop_heads(const struct ir_func *fn, bool *heads);

#endif
