/*
 * rc/annotate.h - ownership annotations read by the refcheck analyzer.
 *
 * Every macro here costs nothing at compile time: under clang it expands to
 * __attribute__((annotate("rc:..."))), which libclang exposes to refcheck;
 * elsewhere it expands to nothing. The strings are a contract with the
 * analyzer (DESIGN §3, issue 3) and must not change:
 *
 *   RC_RETURNS_NEW          "rc:returns_new"        caller owns the result
 *   RC_RETURNS_BORROWED     "rc:returns_borrowed"   caller must not release it
 *   RC_MAY_FAIL             "rc:may_fail"           NULL (pointer) or -1 (int) on failure
 *   RC_STEALS(n)            "rc:steals(n)"          argument n (1-based) is taken, even on failure
 *   RC_STEALS_ON_SUCCESS(n) "rc:steals_on_success(n)"
 *   RC_OUT_NEW(n)           "rc:out_new(n)"         *arg n receives a new reference on success
 *   RC_OUT_BORROWED(n)      "rc:out_borrowed(n)"    *arg n receives a borrowed reference
 *   RC_RUNS_CODE            "rc:runs_code"          may call back into user code
 *   RC_CALLBACK(n)          "rc:callback(n)"        argument n is a function called later with
 *                                                   references lent for the call (borrowed)
 *   RC_TRUSTED              "rc:trusted"            implements refcounting itself
 *   RC_BORROWED_FIELD       "rc:borrowed_field"     a struct field that owns no reference
 *   RC_WEAK_FIELD           "rc:weak_field"         a field owning a weak reference object
 *                                                   (rc_weakref_new): released by dealloc,
 *                                                   but never part of a reference cycle
 *   RC_PRIM_INCREF ...      "rc:incref" ...         the refcount primitives (object = arg 1)
 *
 * Put them before the declaration's return type:
 *
 *     RC_RETURNS_NEW RC_MAY_FAIL rc_object *make_thing(int n);
 *
 * and RC_BORROWED_FIELD / RC_WEAK_FIELD after a field's declarator:
 *
 *     rc_object *parent RC_BORROWED_FIELD;
 *     rc_object *owner_ref RC_WEAK_FIELD;
 */
#ifndef RC_ANNOTATE_H
#define RC_ANNOTATE_H

#if defined(__clang__)
#define RC_ANNOTATE(text) __attribute__((annotate(text)))
#else
#define RC_ANNOTATE(text)
#endif

#define RC_RETURNS_NEW RC_ANNOTATE("rc:returns_new")
#define RC_RETURNS_BORROWED RC_ANNOTATE("rc:returns_borrowed")
#define RC_MAY_FAIL RC_ANNOTATE("rc:may_fail")
#define RC_STEALS(n) RC_ANNOTATE("rc:steals(" #n ")")
#define RC_STEALS_ON_SUCCESS(n) RC_ANNOTATE("rc:steals_on_success(" #n ")")
#define RC_OUT_NEW(n) RC_ANNOTATE("rc:out_new(" #n ")")
#define RC_OUT_BORROWED(n) RC_ANNOTATE("rc:out_borrowed(" #n ")")
#define RC_RUNS_CODE RC_ANNOTATE("rc:runs_code")
#define RC_CALLBACK(n) RC_ANNOTATE("rc:callback(" #n ")")
#define RC_TRUSTED RC_ANNOTATE("rc:trusted")
#define RC_BORROWED_FIELD RC_ANNOTATE("rc:borrowed_field")
#define RC_WEAK_FIELD RC_ANNOTATE("rc:weak_field")

#define RC_PRIM_INCREF RC_ANNOTATE("rc:incref")
#define RC_PRIM_XINCREF RC_ANNOTATE("rc:xincref")
#define RC_PRIM_DECREF RC_ANNOTATE("rc:decref")
#define RC_PRIM_XDECREF RC_ANNOTATE("rc:xdecref")
#define RC_PRIM_NEWREF RC_ANNOTATE("rc:newref")
#define RC_PRIM_XNEWREF RC_ANNOTATE("rc:xnewref")

/* Export marker for the library's public functions (hidden visibility is
 * the default inside the library). */
#if defined(RC_BUILDING_LIBRARY) && defined(__GNUC__)
#define RC_API __attribute__((visibility("default")))
#else
#define RC_API
#endif

#endif /* RC_ANNOTATE_H */
