/*
 * A file that includes Python.h is analysed with the cpython pack without
 * --pack: PyModule_AddObject's steal on success, PyList_New's new result
 * and Py_DECREF are known, so the leak on AddObject's failure is found and
 * the success path is clean.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int add_list(PyObject *m)
{
	PyObject *l = PyList_New(0);
	if (l == NULL)
		return -1;
	if (PyModule_AddObject(m, "items", l) != 0)
		return -1;
	return 0;
}

/*
 * check-name: the cpython pack is chosen for a file that includes Python.h
 * check-command: refcheck check --no-db $file -- -I/usr/include/python3.11
 * check-exit-value: 1
 * check-output-contains: pack_detected_by_include.c:16:3: warning: reference to 'l' (new, from PyList_New at line 12) leaks on this path [refcount-leak]
 * check-output-contains: 'PyModule_AddObject(...) != 0' is true
 * check-summary-contains: 1 finding (1 refcount-leak)
 */
