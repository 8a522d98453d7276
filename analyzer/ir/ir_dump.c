/*
 * ir_dump.c — the text form of the IR (see ir_dump.h). Everything here is
 * deterministic: no addresses, no hash order; names, numbers and the order
 * of the IR arrays only.
 *
 * Names: locals print as their C name; a name used by two vars of one
 * function (shadowing) or an empty one (an unnamed parameter) prints as
 * `name#index`. Globals print as `@name`, function designators as their
 * name, string literals C-escaped, a folded sizeof of a struct as
 * `sizeof(name):value`.
 */
#include "ir_dump.h"

#include "../util/strbuf.h"

#include <inttypes.h>
#include <string.h>

static bool var_name_ambiguous(const struct ir_func *fn, uint32_t v)
{
	const char *name = fn->vars[v].name;
	if (!name || !*name)
		return true;
	for (uint32_t i = 0; i < fn->nvars; i++)
		if (i != v && fn->vars[i].name && strcmp(fn->vars[i].name, name) == 0)
			return true;
	return false;
}

static void dump_var_name(struct strbuf *sb, const struct ir_func *fn, uint32_t v)
{
	if (!fn || v >= fn->nvars) {
		sb_printf(sb, "var#%u", v);
		return;
	}
	sb_add(sb, fn->vars[v].name ? fn->vars[v].name : "");
	if (var_name_ambiguous(fn, v))
		sb_printf(sb, "#%u", v);
}

static void dump_string(struct strbuf *sb, const char *s)
{
	sb_addc(sb, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': sb_add(sb, "\\\""); break;
		case '\\': sb_add(sb, "\\\\"); break;
		case '\n': sb_add(sb, "\\n"); break;
		case '\t': sb_add(sb, "\\t"); break;
		case '\r': sb_add(sb, "\\r"); break;
		default:
			if (*p < 0x20 || *p >= 0x7f)
				sb_printf(sb, "\\%03o", *p);
			else
				sb_addc(sb, (char)*p);
		}
	}
	sb_addc(sb, '"');
}

/* Operands that need parentheses when they are the base of . -> [] or the
 * operand of a prefix operator. */
static bool needs_parens(const struct ir_expr *e)
{
	return e->kind == IR_E_DEREF || e->kind == IR_E_ADDR || e->kind == IR_E_UNOP;
}

static void dump_expr(struct strbuf *sb, const struct ir_func *fn, const struct ir_expr *e, bool top);

/* e as the operand of a prefix operator or the base of . -> []. */
static void dump_operand(struct strbuf *sb, const struct ir_func *fn, const struct ir_expr *e)
{
	if (needs_parens(e))
		sb_addc(sb, '(');
	dump_expr(sb, fn, e, false);
	if (needs_parens(e))
		sb_addc(sb, ')');
}

static void dump_expr(struct strbuf *sb, const struct ir_func *fn, const struct ir_expr *e, bool top)
{
	if (!e) {
		sb_add(sb, "<none>");
		return;
	}
	switch (e->kind) {
	case IR_E_VAR:
		dump_var_name(sb, fn, e->u.var);
		break;
	case IR_E_GLOBAL:
		sb_printf(sb, "@%s", e->u.name);
		break;
	case IR_E_FUNC:
		sb_add(sb, e->u.name);
		break;
	case IR_E_INT:
		if (e->sizeof_record)
			sb_printf(sb, "sizeof(%s):", e->sizeof_record);
		sb_printf(sb, "%" PRId64, e->u.ival);
		break;
	case IR_E_NULL:
		sb_add(sb, "NULL");
		break;
	case IR_E_STR:
		dump_string(sb, e->u.str ? e->u.str : "");
		break;
	case IR_E_FIELD:
		dump_operand(sb, fn, e->u.field.base);
		sb_add(sb, e->u.field.arrow ? "->" : ".");
		sb_add(sb, e->u.field.name);
		break;
	case IR_E_DEREF:
	case IR_E_ADDR:
	case IR_E_UNOP:
		sb_add(sb, e->kind == IR_E_DEREF ? "*" : e->kind == IR_E_ADDR ? "&" : ir_op_spelling(e->u.unary.op));
		dump_operand(sb, fn, e->u.unary.operand);
		break;
	case IR_E_INDEX:
		dump_operand(sb, fn, e->u.binary.l);
		sb_addc(sb, '[');
		dump_expr(sb, fn, e->u.binary.r, true);
		sb_addc(sb, ']');
		break;
	case IR_E_BINOP:
		if (!top)
			sb_addc(sb, '(');
		dump_expr(sb, fn, e->u.binary.l, false);
		sb_printf(sb, " %s ", ir_op_spelling(e->u.binary.op));
		dump_expr(sb, fn, e->u.binary.r, false);
		if (!top)
			sb_addc(sb, ')');
		break;
	case IR_E_UNKNOWN:
		sb_add(sb, "?");
		break;
	}
}

void ir_dump_expr(struct strbuf *sb, const struct ir_func *fn, const struct ir_expr *e)
{
	dump_expr(sb, fn, e, true);
}

static void dump_loc(struct strbuf *sb, const struct ir_tu *tu, struct ir_loc loc, unsigned flags)
{
	if (!(flags & IR_DUMP_LOCS) || loc.line == 0)
		return;
	sb_add(sb, "  @");
	if (loc.file != 0)
		sb_printf(sb, "%s:", ir_file_name(tu, loc.file));
	sb_printf(sb, "%u:%u", loc.line, loc.col);
}

static void dump_type(struct strbuf *sb, const struct ir_type *ty)
{
	if (!ty) {
		sb_add(sb, "?");
		return;
	}
	sb_add(sb, ty->spelling && *ty->spelling ? ty->spelling : "?");
}

static void dump_type_note(struct strbuf *sb, const struct ir_type *ty)
{
	if (ty && ty->obj_depth)
		sb_printf(sb, ", obj %u %s", ty->obj_depth, ty->record ? ty->record : "?");
	else if (ty && ty->cls == IR_TY_RECORD && ty->record)
		sb_printf(sb, ", record %s", ty->record);
	else if (ty && ty->elem_record)
		sb_printf(sb, ", elem %s", ty->elem_record);
}

static void dump_annotations(struct strbuf *sb, const char *const *ann, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		sb_addc(sb, ' ');
		dump_string(sb, ann[i]);
	}
}

static void dump_stmt(struct strbuf *sb, const struct ir_tu *tu, const struct ir_func *fn,
                      const struct ir_stmt *s, unsigned flags)
{
	sb_add(sb, "  ");
	switch (s->kind) {
	case IR_S_ASSIGN:
		dump_expr(sb, fn, s->dst, true);
		sb_add(sb, " = ");
		dump_expr(sb, fn, s->src, true);
		break;
	case IR_S_EVAL:
		sb_add(sb, "eval ");
		dump_expr(sb, fn, s->src, true);
		break;
	case IR_S_CALL:
		if (s->dst) {
			dump_expr(sb, fn, s->dst, true);
			sb_add(sb, " = ");
		}
		if (s->call.callee) {
			sb_add(sb, s->call.callee);
		} else {
			sb_add(sb, "(*");
			dump_expr(sb, fn, s->call.fn, false);
			sb_addc(sb, ')');
		}
		sb_addc(sb, '(');
		for (uint32_t i = 0; i < s->call.nargs; i++) {
			if (i)
				sb_add(sb, ", ");
			dump_expr(sb, fn, s->call.args[i], true);
		}
		sb_addc(sb, ')');
		if (s->call.macro)
			sb_printf(sb, " [macro %s]", s->call.macro);
		if (s->call.noreturn)
			sb_add(sb, " [noreturn]");
		break;
	}
	dump_loc(sb, tu, s->loc, flags);
	sb_addc(sb, '\n');
}

static void dump_term(struct strbuf *sb, const struct ir_tu *tu, const struct ir_func *fn,
                      const struct ir_term *t, unsigned flags)
{
	sb_add(sb, "  ");
	switch (t->kind) {
	case IR_T_NONE:
		sb_add(sb, "<no terminator>");
		break;
	case IR_T_GOTO:
		sb_printf(sb, "goto bb%u", t->succ[0]);
		break;
	case IR_T_BRANCH:
		sb_add(sb, "branch (");
		dump_expr(sb, fn, t->cond, true);
		sb_printf(sb, ") bb%u bb%u", t->succ[0], t->succ[1]);
		break;
	case IR_T_SWITCH:
		sb_add(sb, "switch (");
		dump_expr(sb, fn, t->cond, true);
		sb_add(sb, ")");
		for (uint32_t i = 0; i < t->ncases; i++) {
			if (t->cases[i].lo == t->cases[i].hi)
				sb_printf(sb, " %" PRId64 ":bb%u", t->cases[i].lo, t->cases[i].block);
			else
				sb_printf(sb, " %" PRId64 "...%" PRId64 ":bb%u", t->cases[i].lo,
				          t->cases[i].hi, t->cases[i].block);
		}
		sb_printf(sb, " default:bb%u", t->succ[0]);
		break;
	case IR_T_RETURN:
		sb_add(sb, "return");
		if (t->cond) {
			sb_addc(sb, ' ');
			dump_expr(sb, fn, t->cond, true);
		}
		break;
	case IR_T_UNREACHABLE:
		sb_add(sb, "unreachable");
		break;
	}
	dump_loc(sb, tu, t->loc, flags);
	sb_addc(sb, '\n');
}

static const char *var_kind_name(enum ir_var_kind k)
{
	switch (k) {
	case IR_VAR_PARAM: return "param";
	case IR_VAR_LOCAL: return "local";
	case IR_VAR_STATIC: return "static";
	case IR_VAR_TEMP: return "temp";
	}
	return "?";
}

void ir_dump_func(struct strbuf *sb, const struct ir_tu *tu, const struct ir_func *fn,
                  unsigned flags)
{
	sb_printf(sb, "function %s(", fn->name);
	for (uint32_t i = 0; i < fn->nparams && i < fn->nvars; i++) {
		if (i)
			sb_add(sb, ", ");
		dump_var_name(sb, fn, i);
	}
	if (fn->variadic)
		sb_add(sb, fn->nparams ? ", ..." : "...");
	sb_add(sb, ") -> ");
	dump_type(sb, fn->ret);
	if (fn->is_static)
		sb_add(sb, " [static]");
	dump_loc(sb, tu, fn->loc, flags);
	sb_addc(sb, '\n');
	if (fn->nannotations) {
		sb_add(sb, "  annotations:");
		dump_annotations(sb, fn->annotations, fn->nannotations);
		sb_addc(sb, '\n');
	}
	if (fn->skipped) {
		sb_printf(sb, "  skipped: %s\n", fn->skipped);
		return;
	}
	for (uint32_t v = 0; v < fn->nvars; v++) {
		const struct ir_var *var = &fn->vars[v];
		sb_add(sb, "  var ");
		dump_var_name(sb, fn, v);
		sb_add(sb, ": ");
		dump_type(sb, var->ty);
		sb_printf(sb, " (%s", var_kind_name(var->kind));
		if (var->addr_taken)
			sb_add(sb, ", addr_taken");
		dump_type_note(sb, var->ty);
		sb_add(sb, ")\n");
	}
	for (uint32_t b = 0; b < fn->nblocks; b++) {
		const struct ir_block *blk = &fn->blocks[b];
		sb_printf(sb, "bb%u", b);
		if (blk->label)
			sb_printf(sb, " (%s)", blk->label);
		sb_addc(sb, ':');
		if (blk->npreds) {
			sb_add(sb, " <-");
			for (uint32_t p = 0; p < blk->npreds; p++)
				sb_printf(sb, " bb%u", blk->preds[p]);
		}
		sb_addc(sb, '\n');
		for (uint32_t s = 0; s < blk->nstmts; s++)
			dump_stmt(sb, tu, fn, &blk->stmts[s], flags);
		dump_term(sb, tu, fn, &blk->term, flags);
	}
}

static void dump_init(struct strbuf *sb, const struct ir_init *in, bool top)
{
	if (top)
		;
	else if (in->field && *in->field)
		sb_printf(sb, ".%s = ", in->field);
	else if (!in->field)
		sb_printf(sb, "[%" PRId64 "] = ", in->index);
	if (in->expr) {
		dump_expr(sb, NULL, in->expr, true);
		return;
	}
	sb_add(sb, "{");
	for (uint32_t i = 0; i < in->nelems; i++) {
		sb_add(sb, i ? ", " : " ");
		dump_init(sb, &in->elems[i], false);
	}
	sb_add(sb, in->nelems ? " }" : "}");
}

static void dump_records(struct strbuf *sb, const struct ir_tu *tu, unsigned flags)
{
	for (uint32_t r = 0; r < tu->nrecords; r++) {
		const struct ir_record *rec = &tu->records[r];
		sb_printf(sb, "record %s", rec->name);
		if (rec->is_object)
			sb_add(sb, " [object]");
		if (!rec->in_main_file)
			sb_add(sb, " [external]");
		dump_loc(sb, tu, rec->loc, flags);
		sb_addc(sb, '\n');
		for (uint32_t f = 0; f < rec->nfields; f++) {
			const struct ir_field *fd = &rec->fields[f];
			sb_printf(sb, "  field %s: ", fd->name);
			dump_type(sb, fd->ty);
			if (fd->array_len)
				sb_printf(sb, " [len %" PRId64 "]", fd->array_len);
			if (fd->ty && (fd->ty->obj_depth || fd->ty->elem_record ||
			               (fd->ty->cls == IR_TY_RECORD && fd->ty->record))) {
				struct strbuf note = STRBUF_INIT;
				dump_type_note(&note, fd->ty);
				sb_printf(sb, " (%s)", sb_str(&note) + 2); /* past ", " */
				sb_dispose(&note);
			}
			dump_annotations(sb, fd->annotations, fd->nannotations);
			sb_addc(sb, '\n');
		}
	}
}

void ir_dump_stats(struct strbuf *sb, const struct ir_tu *tu)
{
	uint32_t lowered = 0, skipped = 0, errors = 0;
	uint64_t blocks = 0, stmts = 0;
	for (uint32_t f = 0; f < tu->nfuncs; f++) {
		const struct ir_func *fn = &tu->funcs[f];
		if (fn->skipped) {
			skipped++;
			continue;
		}
		lowered++;
		blocks += fn->nblocks;
		for (uint32_t b = 0; b < fn->nblocks; b++)
			stmts += fn->blocks[b].nstmts;
	}
	for (uint32_t d = 0; d < tu->ndiags; d++)
		errors += tu->diags[d].severity >= IR_DIAG_ERROR;
	sb_printf(sb, "%s: %u functions lowered, %u skipped, %" PRIu64 " blocks, %" PRIu64
	          " statements, %u declarations, %u records, %u globals, %u compiler errors\n",
	          tu->path, lowered, skipped, blocks, stmts, tu->ndecls, tu->nrecords, tu->nglobals,
	          errors);
}

void ir_dump_tu(struct strbuf *sb, const struct ir_tu *tu, unsigned flags)
{
	if (flags & IR_DUMP_STATS) {
		ir_dump_stats(sb, tu);
		return;
	}
	sb_printf(sb, "tu %s\n", tu->path);
	dump_records(sb, tu, flags);
	for (uint32_t g = 0; g < tu->nglobals; g++) {
		const struct ir_global *gl = &tu->globals[g];
		sb_printf(sb, "global %s: ", gl->name);
		dump_type(sb, gl->ty);
		if (gl->is_static)
			sb_add(sb, " [static]");
		if (!gl->in_main_file)
			sb_add(sb, " [external]");
		if (gl->init) {
			sb_add(sb, " = ");
			dump_init(sb, gl->init, true);
		}
		dump_loc(sb, tu, gl->loc, flags);
		sb_addc(sb, '\n');
	}
	for (uint32_t d = 0; d < tu->ndecls; d++) {
		const struct ir_decl *dc = &tu->decls[d];
		if (!dc->defined && !dc->nannotations && !dc->noreturn)
			continue;
		sb_printf(sb, "decl %s(", dc->name);
		for (uint32_t p = 0; p < dc->nparams; p++) {
			if (p)
				sb_add(sb, ", ");
			dump_type(sb, dc->params[p]);
		}
		if (dc->variadic)
			sb_add(sb, dc->nparams ? ", ..." : "...");
		sb_add(sb, ") -> ");
		dump_type(sb, dc->ret);
		if (dc->defined)
			sb_add(sb, " [defined]");
		if (dc->noreturn)
			sb_add(sb, " [noreturn]");
		dump_annotations(sb, dc->annotations, dc->nannotations);
		sb_addc(sb, '\n');
	}
	for (uint32_t f = 0; f < tu->nfuncs; f++) {
		sb_addc(sb, '\n');
		ir_dump_func(sb, tu, &tu->funcs[f], flags);
	}
}
