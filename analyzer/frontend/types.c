/*
 * types.c — CXType → ir_type, and which structs are object structs.
 *
 * Every expression of a function has a type, so conversion is cached per
 * TU by the CXType itself (its qualified-type word, see fe_internal.h):
 * the spelling and the walk over typedefs happen once per distinct type.
 *
 * Object structs (ir.h, obj_depth): a struct is one when its tag or a
 * typedef name on the way to it is an object root (fe_options), or when
 * its first member is itself an object struct by value: that is how
 * RC_OBJECT_HEAD and PyObject_HEAD embed the header. The answer is cached
 * per record name.
 */
#include "fe_internal.h"

#include "../util/arena.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

#include <string.h>

/* Remove one layer of sugar (typedef, elaborated `struct x`, attributes,
 * _Atomic); returns the type unchanged when there is none. */
static CXType desugar(CXType t)
{
	switch (t.kind) {
	case CXType_Typedef:
		return clang_getTypedefDeclUnderlyingType(clang_getTypeDeclaration(t));
	case CXType_Elaborated:
		return clang_Type_getNamedType(t);
	case CXType_Attributed:
		return clang_Type_getModifiedType(t);
	case CXType_Atomic:
		return clang_Type_getValueType(t);
	case CXType_Pointer:
	case CXType_Record:
	case CXType_ConstantArray:
	case CXType_IncompleteArray:
	case CXType_VariableArray:
	case CXType_DependentSizedArray:
	case CXType_FunctionProto:
	case CXType_FunctionNoProto:
	case CXType_Enum:
		return t;
	default: {
		CXType c = clang_getCanonicalType(t);
		return c;
	}
	}
}

static bool is_root(const struct fe_options *o, const char *name)
{
	if (!name)
		return false;
	for (size_t i = 0; i < o->nobject_roots; i++)
		if (strcmp(o->object_roots[i], name) == 0)
			return true;
	return false;
}

static bool root_cstr(const struct fe_options *o, CXString s)
{
	bool yes = is_root(o, clang_getCString(s));
	clang_disposeString(s);
	return yes;
}

const char *fe_record_name(struct fe_tu *t, CXType record)
{
	CXType canon = clang_getCanonicalType(record);
	if (canon.kind != CXType_Record)
		return NULL;
	CXCursor decl = clang_getTypeDeclaration(canon);
	CXString s = clang_getCursorSpelling(decl);
	const char *p = clang_getCString(s);
	const char *name = NULL;
	if (p && *p && !strstr(p, "(unnamed") && !strstr(p, "(anonymous"))
		name = arena_strdup(t->tu->arena, p);
	clang_disposeString(s);
	return name;
}

struct first_field {
	CXType ty;
	bool found;
};

static enum CXVisitorResult first_field_visit(CXCursor c, CXClientData arg)
{
	struct first_field *ff = arg;
	ff->ty = clang_getCursorType(c);
	ff->found = true;
	return CXVisit_Break;
}

/* Is t (a struct by value, possibly behind typedefs) an object struct? */
static bool is_object(struct fe_tu *t, CXType ty)
{
	const char *pending[16];
	unsigned npending = 0;
	bool result = false;
	for (unsigned guard = 0; guard < 64; guard++) {
		if (ty.kind == CXType_Typedef) {
			if (root_cstr(t->opt, clang_getTypedefName(ty))) {
				result = true;
				break;
			}
			ty = desugar(ty);
			continue;
		}
		CXType d = desugar(ty);
		if (d.kind != ty.kind) {
			ty = d;
			continue;
		}
		if (ty.kind != CXType_Record)
			break;
		const char *name = fe_record_name(t, ty);
		uint64_t cached;
		if (name && namemap_get(&t->objects, name, &cached)) {
			result = cached != 0;
			break;
		}
		if (name && is_root(t->opt, name)) {
			result = true;
			break;
		}
		if (name && npending < sizeof(pending) / sizeof(pending[0]))
			pending[npending++] = name;
		struct first_field ff = { .found = false };
		clang_Type_visitFields(clang_getCanonicalType(ty), first_field_visit, &ff);
		if (!ff.found)
			break;
		ty = ff.ty;
	}
	/* Every named record on the way has the same answer. */
	for (unsigned i = 0; i < npending; i++)
		namemap_put(&t->objects, pending[i], result ? 1 : 0);
	return result;
}

bool fe_record_is_object(struct fe_tu *t, CXType record)
{
	return is_object(t, record);
}

static enum ir_type_class classify(CXType canon)
{
	switch (canon.kind) {
	case CXType_Void:
		return IR_TY_VOID;
	case CXType_Bool: case CXType_Char_U: case CXType_UChar: case CXType_Char16:
	case CXType_Char32: case CXType_UShort: case CXType_UInt: case CXType_ULong:
	case CXType_ULongLong: case CXType_UInt128: case CXType_Char_S: case CXType_SChar:
	case CXType_WChar: case CXType_Short: case CXType_Int: case CXType_Long:
	case CXType_LongLong: case CXType_Int128: case CXType_Enum:
		return IR_TY_INT;
	case CXType_Float: case CXType_Double: case CXType_LongDouble: case CXType_Float128:
	case CXType_Half: case CXType_Float16: case CXType_BFloat16: case CXType_Ibm128:
		return IR_TY_FLOAT;
	case CXType_Pointer: {
		CXType p = clang_getCanonicalType(clang_getPointeeType(canon));
		return p.kind == CXType_FunctionProto || p.kind == CXType_FunctionNoProto
		               ? IR_TY_FUNCPTR : IR_TY_PTR;
	}
	case CXType_Record:
		return IR_TY_RECORD;
	case CXType_ConstantArray: case CXType_IncompleteArray: case CXType_VariableArray:
	case CXType_DependentSizedArray:
		return IR_TY_ARRAY;
	case CXType_Atomic:
		return classify(clang_getCanonicalType(clang_Type_getValueType(canon)));
	default:
		return IR_TY_OTHER;
	}
}

static bool is_array_kind(enum CXTypeKind k)
{
	return k == CXType_ConstantArray || k == CXType_IncompleteArray ||
	       k == CXType_VariableArray || k == CXType_DependentSizedArray;
}

/* Remove sugar until ty's own kind is want; the canonical type when that
 * does not get there (a parameter declared as an array is a DecayedType
 * whose own kind is the array's, its canonical type the pointer). */
static CXType desugar_to(CXType ty, bool (*want)(enum CXTypeKind))
{
	for (unsigned guard = 0; guard < 16 && !want(ty.kind); guard++) {
		CXType d = desugar(ty);
		if (d.kind == ty.kind)
			return clang_getCanonicalType(ty);
		ty = d;
	}
	return want(ty.kind) ? ty : clang_getCanonicalType(ty);
}

static bool is_pointer_kind(enum CXTypeKind k)
{
	return k == CXType_Pointer;
}

/* Pointer levels above an object struct (through an array of pointers at
 * the outermost level), and that struct's name. Sugar on the pointee is
 * kept as long as possible: a typedef name can be a root (PyObject). */
static unsigned obj_depth(struct fe_tu *t, CXType ty, const char **record)
{
	unsigned depth = 0;
	for (unsigned guard = 0; guard < 32; guard++) {
		enum CXTypeKind k = clang_getCanonicalType(ty).kind;
		if (k == CXType_Atomic) {
			/* _Atomic(PyObject *) holds an object pointer like its value type. */
			ty = clang_Type_getValueType(clang_getCanonicalType(ty));
		} else if (k == CXType_Pointer) {
			ty = clang_getPointeeType(desugar_to(ty, is_pointer_kind));
			depth++;
		} else if (is_array_kind(k) && depth == 0) {
			ty = clang_getArrayElementType(desugar_to(ty, is_array_kind));
		} else {
			break;
		}
	}
	if (depth == 0 || !is_object(t, ty))
		return 0;
	*record = fe_record_name(t, ty);
	return depth;
}

/* For a pointer or array that is not about objects: the struct or union
 * at the bottom of its pointer and array levels (`entry *slots`,
 * `struct pair tab[4]`), named as ir_record names it; else NULL. */
static const char *elem_record(struct fe_tu *t, CXType canon)
{
	for (unsigned guard = 0; guard < 32; guard++) {
		if (canon.kind == CXType_Pointer)
			canon = clang_getCanonicalType(clang_getPointeeType(canon));
		else if (is_array_kind(canon.kind))
			canon = clang_getCanonicalType(clang_getArrayElementType(canon));
		else
			break;
	}
	return canon.kind == CXType_Record ? fe_record_name(t, canon) : NULL;
}

static struct fe_tinfo *tinfo_for(struct fe_tu *t, CXType ty)
{
	uint64_t key = (uint64_t)(uintptr_t)ty.data[0], idx;
	if (ty.kind == CXType_Invalid)
		key = 0;
	if (u64map_get(&t->types, key, &idx))
		return &t->tinfo[idx];

	CXType canon = clang_getCanonicalType(ty);
	enum ir_type_class cls = classify(canon);
	const char *record = NULL;
	unsigned depth = 0;
	if (cls == IR_TY_PTR || cls == IR_TY_ARRAY)
		depth = obj_depth(t, ty, &record);
	else if (cls == IR_TY_RECORD)
		record = fe_record_name(t, canon);
	CXString sp = clang_getTypeSpelling(ty);
	const char *spelling = clang_getCString(sp);
	struct fe_tinfo info = { 0 };
	info.ir = ir_type_make(t->tu, cls, depth, spelling ? spelling : "", record);
	if ((cls == IR_TY_PTR || cls == IR_TY_ARRAY) && depth == 0)
		((struct ir_type *)info.ir)->elem_record = elem_record(t, canon);
	CXType fnty = canon.kind == CXType_Pointer ? clang_getCanonicalType(clang_getPointeeType(canon)) : canon;
	if ((fnty.kind == CXType_FunctionProto || fnty.kind == CXType_FunctionNoProto) && spelling)
		info.noreturn = strstr(spelling, "noreturn") != NULL;
	clang_disposeString(sp);

	VEC_PUSH(t->tinfo, t->ntinfo, t->cap_tinfo, info);
	u64map_put(&t->types, key, t->ntinfo - 1);
	return &t->tinfo[t->ntinfo - 1];
}

const struct ir_type *fe_type(struct fe_tu *t, CXType ty)
{
	return tinfo_for(t, ty)->ir;
}

bool fe_type_noreturn(struct fe_tu *t, CXType ty)
{
	return tinfo_for(t, ty)->noreturn;
}

const struct ir_type *fe_param_type(struct fe_tu *t, CXType ty)
{
	CXType canon = clang_getCanonicalType(ty);
	if (!is_array_kind(canon.kind))
		return fe_type(t, ty);
	/* A parameter declared as an array is a pointer to its element;
	 * libclang reports the type as written. */
	CXType elem = clang_getArrayElementType(canon);
	const struct ir_type *e = fe_type(t, elem);
	unsigned depth = 0;
	const char *record = NULL;
	if (e->obj_depth) {
		depth = e->obj_depth + 1;
		record = e->record;
	} else if (e->cls == IR_TY_RECORD && fe_record_is_object(t, elem)) {
		depth = 1;
		record = e->record;
	}
	struct strbuf sb = STRBUF_INIT;
	sb_printf(&sb, "%s *", e->spelling);
	struct ir_type *r = (struct ir_type *)ir_type_make(t->tu, IR_TY_PTR, depth, sb_str(&sb), record);
	if (depth == 0)
		r->elem_record = e->cls == IR_TY_RECORD ? e->record : e->elem_record;
	sb_dispose(&sb);
	return r;
}
