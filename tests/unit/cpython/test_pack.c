/*
 * test_pack.c — rules/cpython.json, the CPython API pack, as the model
 * loads it: the facts refcounts.dat gives, the overlay's corrections
 * (steals, failure conventions, out-parameters, formats, primitives), the
 * aliases the headers need (_SizeT names, 3.11's _Py_NewRef), singletons
 * and object structs. Also the pack vocabulary CPython needed (returns
 * "null"/"field", fails "zero", "stable") and its errors.
 */
#include <criterion/criterion.h>

#include "model/model.h"
#include "model/pack_types.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static struct model *m;

static void load(void)
{
	struct err e = { 0 };
	m = model_new();
	int rc = model_load_pack(m, REFCHECK_RULES_DIR "/cpython.json", &e);
	cr_assert_eq(rc, 0, "cpython.json: %s", e.msg);
}

static void unload(void)
{
	model_free(m);
}

static const struct model_fn *fn(const char *name)
{
	const struct model_fn *f = model_pack_lookup(m, name);
	cr_assert_not_null(f, "%s is not in the pack", name);
	cr_assert_eq(f->source, MODEL_SRC_PACK);
	return f;
}

#define BIT(k) (1u << ((k) - 1))

TestSuite(cpython_pack, .init = load, .fini = unload);

Test(cpython_pack, identity)
{
	cr_assert_eq(model_npacks(m), 1);
	cr_assert_str_eq(model_pack(m, 0)->name, "cpython");
	const char *const *objs;
	uint32_t n = model_object_structs(m, &objs);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(objs[0], "_object");
	cr_assert(model_is_singleton(m, "_Py_NoneStruct"));
	cr_assert(model_is_singleton(m, "_Py_TrueStruct"));
	cr_assert(model_is_singleton(m, "_Py_FalseStruct"));
	cr_assert(model_is_singleton(m, "_Py_NotImplementedStruct"));
	cr_assert(model_is_singleton(m, "_Py_EllipsisObject"));
	cr_assert_not(model_is_singleton(m, "PyList_Type"));
}

/* What refcounts.dat gives: results new or borrowed, failing with NULL. */
Test(cpython_pack, returns_from_refcounts_dat)
{
	cr_assert_eq(fn("PyList_New")->returns, MODEL_RET_NEW);
	cr_assert_eq(fn("PyList_New")->fails, MODEL_FAILS_NULL);
	cr_assert_eq(fn("PyList_GetItem")->returns, MODEL_RET_BORROWED);
	cr_assert_eq(fn("PyDict_GetItem")->returns, MODEL_RET_BORROWED);
	cr_assert_eq(fn("PyObject_GetAttrString")->returns, MODEL_RET_NEW);
	cr_assert_eq(fn("PyList_Append")->fails, MODEL_FAILS_NEGATIVE);
	cr_assert_eq(fn("PyList_Check")->fails, MODEL_FAILS_NEVER);
	cr_assert(fn("PyList_Append")->nonnull & BIT(2));
}

Test(cpython_pack, steals)
{
	cr_assert_eq(fn("PyList_SetItem")->steals, BIT(3));
	cr_assert_eq(fn("PyTuple_SetItem")->steals, BIT(3));
	cr_assert_eq(fn("PyList_SET_ITEM")->steals, BIT(3));
	cr_assert_eq(fn("PyTuple_SET_ITEM")->steals, BIT(3));
	cr_assert_eq(fn("PyModule_AddObject")->steals, 0);
	cr_assert_eq(fn("PyModule_AddObject")->steals_on_success, BIT(3));
	cr_assert_eq(fn("PyModule_AddObject")->fails, MODEL_FAILS_NEGATIVE);
	cr_assert_eq(fn("PyModule_AddObjectRef")->steals | fn("PyModule_AddObjectRef")->steals_on_success, 0);
	cr_assert_eq(fn("PyException_SetCause")->steals, BIT(2));
	cr_assert_eq(fn("PyException_SetContext")->steals, BIT(2));
	cr_assert_eq(fn("PyException_SetTraceback")->steals, 0);
	cr_assert_eq(fn("PyErr_Restore")->steals, BIT(1) | BIT(2) | BIT(3));
	cr_assert_eq(fn("PyErr_Restore")->nonnull, 0);
	cr_assert_eq(fn("PyErr_SetExcInfo")->steals, BIT(1) | BIT(2) | BIT(3));
	cr_assert_eq(fn("_PyErr_ChainExceptions")->steals, BIT(1) | BIT(2) | BIT(3));
	/* refcounts.dat's -1 that are not steals */
	cr_assert_eq(fn("PySet_Discard")->steals, 0);
	cr_assert_eq(fn("PyContext_Exit")->steals, 0);
	cr_assert_eq(fn("PyBytes_ConcatAndDel")->steals, BIT(2));
}

Test(cpython_pack, out_parameters)
{
	cr_assert_eq(fn("PyErr_Fetch")->out_new, BIT(1) | BIT(2) | BIT(3));
	/* no type, no value, no traceback */
	cr_assert_eq(fn("PyErr_Fetch")->null_anchor, 1);
	cr_assert_eq(fn("PyErr_Fetch")->out_null_with, BIT(2) | BIT(3));
	cr_assert_eq(fn("PyErr_GetExcInfo")->out_new, BIT(1) | BIT(2) | BIT(3));
	cr_assert_eq(fn("PyDict_Next")->out_borrowed, BIT(3) | BIT(4));
	cr_assert_eq(fn("PyDict_Next")->fails, MODEL_FAILS_ZERO);
	cr_assert_eq(fn("_PyObject_LookupAttr")->out_new, BIT(3));
	cr_assert(fn("PyArg_UnpackTuple")->out_borrowed & BIT(5));
	cr_assert(fn("PyArg_UnpackTuple")->stable);
	/* replaced in place: the old reference consumed, a new one stored */
	cr_assert_eq(fn("PyErr_NormalizeException")->out_replaces, BIT(1) | BIT(2) | BIT(3));
	cr_assert_eq(fn("_PyBytes_Resize")->out_replaces, BIT(1));
	cr_assert_eq(fn("PyUnicode_Append")->out_new, BIT(1));
	cr_assert_eq(fn("PyUnicode_InternInPlace")->out_replaces, BIT(1));
}

Test(cpython_pack, formats_and_size_t_names)
{
	static const struct { const char *name; enum model_format kind; int arg; } f[] = {
		{ "Py_BuildValue", MODEL_FMT_BUILD, 1 }, { "_Py_BuildValue_SizeT", MODEL_FMT_BUILD, 1 },
		{ "PyObject_CallFunction", MODEL_FMT_BUILD, 2 },
		{ "_PyObject_CallFunction_SizeT", MODEL_FMT_BUILD, 2 },
		{ "PyObject_CallMethod", MODEL_FMT_BUILD, 3 },
		{ "_PyObject_CallMethod_SizeT", MODEL_FMT_BUILD, 3 },
		{ "PyArg_ParseTuple", MODEL_FMT_PARSE, 2 }, { "_PyArg_ParseTuple_SizeT", MODEL_FMT_PARSE, 2 },
		{ "PyArg_ParseTupleAndKeywords", MODEL_FMT_PARSE, 3 },
		{ "_PyArg_ParseTupleAndKeywords_SizeT", MODEL_FMT_PARSE, 3 },
		{ "PyArg_Parse", MODEL_FMT_PARSE, 2 }, { "_PyArg_Parse_SizeT", MODEL_FMT_PARSE, 2 },
	};
	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		const struct model_fn *x = fn(f[i].name);
		cr_assert_eq(x->format, f[i].kind, "%s", f[i].name);
		cr_assert_eq(x->format_arg, f[i].arg, "%s", f[i].name);
		if (f[i].kind == MODEL_FMT_PARSE)
			cr_assert_eq(x->fails, MODEL_FAILS_ZERO, "%s fails with 0", f[i].name);
		else
			cr_assert_eq(x->returns, MODEL_RET_NEW, "%s", f[i].name);
	}
	cr_assert_eq(fn("Py_VaBuildValue")->format, MODEL_FMT_NONE);
}

Test(cpython_pack, primitives)
{
	static const struct { const char *name; enum model_prim p; } p[] = {
		{ "Py_INCREF", MODEL_PRIM_INCREF }, { "Py_XINCREF", MODEL_PRIM_XINCREF },
		{ "Py_DECREF", MODEL_PRIM_DECREF }, { "Py_XDECREF", MODEL_PRIM_XDECREF },
		{ "Py_NewRef", MODEL_PRIM_NEWREF }, { "Py_XNewRef", MODEL_PRIM_XNEWREF },
		{ "_Py_NewRef", MODEL_PRIM_NEWREF }, { "_Py_XNewRef", MODEL_PRIM_XNEWREF },
		{ "_Py_INCREF", MODEL_PRIM_INCREF }, { "_Py_DECREF", MODEL_PRIM_DECREF },
		{ "Py_DecRef", MODEL_PRIM_XDECREF }, { "Py_IncRef", MODEL_PRIM_XINCREF },
	};
	for (size_t i = 0; i < sizeof(p) / sizeof(p[0]); i++) {
		const struct model_fn *x = fn(p[i].name);
		cr_assert_eq(x->prim, p[i].p, "%s", p[i].name);
		cr_assert(x->trusted, "%s", p[i].name);
		cr_assert_eq(x->steals, 0, "%s: a primitive is not a steal", p[i].name);
	}
	cr_assert_eq(fn("_Py_NewRef")->returns, MODEL_RET_NEW);
	cr_assert_eq(fn("Py_DECREF")->returns, MODEL_RET_NONE);
	/* macros over Py_DECREF: no call by these names ever appears */
	cr_assert_null(model_pack_lookup(m, "Py_CLEAR"));
	cr_assert_null(model_pack_lookup(m, "Py_SETREF"));
}

Test(cpython_pack, error_setters_and_accessors)
{
	cr_assert_eq(fn("PyErr_Format")->returns, MODEL_RET_NULL);
	cr_assert_eq(fn("PyErr_NoMemory")->returns, MODEL_RET_NULL);
	cr_assert_eq(fn("PyErr_SetFromErrno")->returns, MODEL_RET_NULL);
	cr_assert_eq(fn("PyErr_Occurred")->fails, MODEL_FAILS_NULL);  /* NULL: no error set */
	cr_assert_eq(fn("Py_TYPE")->returns, MODEL_RET_FIELD);
	cr_assert_eq(fn("Py_SIZE")->returns, MODEL_RET_NONE);
	cr_assert(fn("PyTuple_GetItem")->stable);
	cr_assert_not(fn("PyList_GetItem")->stable);
	cr_assert_not(fn("PyWeakref_GetObject")->stable);
	cr_assert_eq(fn("PyModule_GetDict")->fails, MODEL_FAILS_NEVER);
	cr_assert_eq(fn("PyType_GetModuleByDef")->returns, MODEL_RET_BORROWED);
	cr_assert_eq(fn("_PyLong_GetZero")->returns, MODEL_RET_BORROWED);
}

Test(cpython_pack, runs_code_and_mutates)
{
	cr_assert(fn("PyObject_Call")->runs_code);
	cr_assert(fn("PyObject_CallObject")->runs_code);
	cr_assert(fn("PyObject_GetAttr")->runs_code);
	cr_assert(fn("PyObject_RichCompareBool")->runs_code);
	cr_assert(fn("PyIter_Next")->runs_code);
	cr_assert(fn("PyObject_CallFunction")->runs_code);
	cr_assert_not(fn("Py_BuildValue")->runs_code);
	cr_assert_not(fn("PyList_Append")->runs_code);
	cr_assert_not(fn("PyTuple_New")->runs_code);
	cr_assert(fn("PyDict_SetItem")->mutates & BIT(1));
	cr_assert(fn("PyList_SetItem")->mutates & BIT(1));
	cr_assert_not(fn("PyList_SetItem")->runs_code);
}

/* ---- the vocabulary, on small packs written here ---- */

static int load_text(const char *text, struct err *e)
{
	char path[] = "/tmp/refcheck-pack-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	FILE *f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
	struct model *mm = model_new();
	int rc = model_load_pack(mm, path, e);
	if (rc == 0) {
		const struct model_fn *x = model_pack_lookup(mm, "f");
		cr_assert_not_null(x);
		cr_assert_eq(x->returns, MODEL_RET_NULL);
		cr_assert_eq(x->fails, MODEL_FAILS_ZERO);
		cr_assert(x->stable);
		cr_assert_eq(model_pack_lookup(mm, "g")->returns, MODEL_RET_FIELD);
	}
	model_free(mm);
	unlink(path);
	return rc;
}

Test(pack_vocab, null_zero_stable_field)
{
	struct err e = { 0 };
	cr_assert_eq(load_text("{\"pack\": \"t\", \"functions\": {"
	                       "\"f\": {\"returns\": \"null\", \"fails\": \"zero\", \"stable\": true},"
	                       "\"g\": {\"returns\": \"field\", \"borrowed_from\": 1}}}", &e), 0, "%s", e.msg);
}

Test(pack_vocab, bad_values_are_named)
{
	struct err e = { 0 };
	cr_assert_eq(load_text("{\"pack\": \"t\", \"functions\": {\"f\": {\"fails\": \"zeroish\"}}}", &e),
	             ERR_INVALID);
	cr_assert(strstr(e.msg, "function 'f': 'fails' has an unknown value"), "%s", e.msg);
	err_clear(&e);
	cr_assert_eq(load_text("{\"pack\": \"t\", \"functions\": {\"f\": {\"stable\": 1}}}", &e),
	             ERR_INVALID);
	cr_assert(strstr(e.msg, "'stable' must be true or false"), "%s", e.msg);
}

/* detect_includes: a TU that read Python.h selects the pack. */
Test(cpython_pack, detected_by_python_h)
{
	const struct model_pack_info *p = model_pack(m, 0);
	cr_assert_eq(p->ndetect_includes, 1);
	cr_assert_str_eq(p->detect_includes[0], "Python.h");
	const char *yes[] = { "/usr/include/stdio.h", "/usr/include/python3.11/Python.h" };
	const char *no[] = { "/usr/include/stdio.h", "/src/MyPython.h", "/src/Python.hh" };
	const char *bare[] = { "Python.h" };
	cr_assert(model_pack_detected(p, yes, 2));
	cr_assert_not(model_pack_detected(p, no, 3));
	cr_assert(model_pack_detected(p, bare, 1));
	cr_assert_not(model_pack_detected(p, NULL, 0));
}

Test(cpython_pack, stable_fields)
{
	cr_assert(model_field_is(m, "PyTupleObject", "ob_item", MODEL_FIELD_STABLE));
	cr_assert(model_field_is(m, "_object", "ob_type", MODEL_FIELD_STABLE));
	cr_assert_not(model_field_is(m, "PyListObject", "ob_item", MODEL_FIELD_STABLE));
	cr_assert_not(model_field_is(m, NULL, "ob_item", MODEL_FIELD_STABLE));
}

Test(cpython_pack, shared_arrays)
{
	cr_assert(model_field_is(m, "PyListObject", "ob_item", MODEL_FIELD_SHARED_ARRAY));
	cr_assert_not(model_field_is(m, "PyListObject", "ob_item", MODEL_FIELD_STABLE));
	cr_assert_not(model_field_is(m, "PyTupleObject", "ob_item", MODEL_FIELD_SHARED_ARRAY));
}

Test(pack_vocab, shared_arrays_must_name_a_field)
{
	struct err e = { 0 };
	cr_assert_eq(load_text("{\"pack\": \"t\", \"shared_arrays\": [\"List.\"]}", &e), ERR_INVALID);
	cr_assert(strstr(e.msg, "'shared_arrays' must name fields as \"struct.field\""), "%s", e.msg);
}

Test(pack_vocab, stable_fields_must_name_a_field)
{
	struct err e = { 0 };
	cr_assert_eq(load_text("{\"pack\": \"t\", \"stable_fields\": [\"Tuple\"]}", &e), ERR_INVALID);
	cr_assert(strstr(e.msg, "'stable_fields' must name fields as \"struct.field\""), "%s", e.msg);
}

/* The type tables the cycle checks read: static PyTypeObject and PyType_Spec. */
Test(cpython_pack, type_tables)
{
	const struct model_type_table *t = model_type_table_for(m, "_typeobject");
	cr_assert_not_null(t);
	cr_assert_str_eq(t->members[MODEL_TT_DEALLOC], "tp_dealloc");
	cr_assert_str_eq(t->members[MODEL_TT_TRAVERSE], "tp_traverse");
	cr_assert_str_eq(t->members[MODEL_TT_CLEAR], "tp_clear");
	cr_assert_str_eq(t->members[MODEL_TT_FINALIZE], "tp_finalize");
	cr_assert_eq(t->gc_flag, 1u << 14);     /* Py_TPFLAGS_HAVE_GC */
	const struct model_type_table *s = model_type_table_for(m, "PyType_Spec");
	cr_assert_not_null(s);
	cr_assert(s->has_slots);
	cr_assert_not_null(model_allocator_for(m, "_PyObject_GC_New"));
	cr_assert(model_field_unowned(m, "weakreflist"));
	cr_assert_eq(fn("PyType_GetSlot")->returns, MODEL_RET_BORROWED);
}
