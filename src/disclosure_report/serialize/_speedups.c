/*
 * Optional compiled writer of the interchange dict (disclosure_report.serialize._speedups).
 *
 * The pure-Python path (_fast.py) writes a report as one generated dict expression; in CPython
 * that costs about 35 ns per cell, and a 2021 report has some 260 cells. This module does the
 * same walk in C, led by a *plan* that Python derives from the model's attrs fields (see
 * _plans.py), so the model stays the single source of truth and nothing here knows a field.
 *
 * A plan is (cls, entries); each entry is (key, descriptor, kind, arg):
 *   key         the dict key (the attribute's name), a str;
 *   descriptor  the class's slot descriptor of that attribute (a member descriptor);
 *   kind        what to do with the value, one of the KIND_* below;
 *   arg         a plan (KIND_PART, KIND_CELL_PART, KIND_OPTIONAL_PART), a callable
 *               (KIND_HOOK, KIND_OPTIONAL_HOOK) or None.
 * compile(plan, cell) checks the plan and gives a Writer; Writer(obj) returns the dict.
 * A value whose class is not the plan's raises TypeError; nothing is ever guessed.
 *
 * Compiled by hatch_build.py when a C compiler is there; without it, the library uses _fast.py,
 * and the tests prove that both give the same dicts.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

enum {
    KIND_VALUE = 0,         /* the value as it is (int, str, None) */
    KIND_COUNT = 1,         /* an exact int as it is; anything else through `cell` */
    KIND_PART = 2,          /* a nested object, written by the plan in arg */
    KIND_CELL_PART = 3,     /* an object of the plan in arg (money); anything else: `cell` */
    KIND_HOOK = 4,          /* arg(value) */
    KIND_OPTIONAL_HOOK = 5, /* None, or arg(value) */
    KIND_OPTIONAL_PART = 6, /* None, or written by the plan in arg */
    KIND_LAST = 6
};

typedef struct Plan Plan;

typedef struct {
    PyObject *key;      /* borrowed from the Writer's `source` */
    Py_ssize_t offset;  /* of the slot in the instance */
    int kind;
    PyObject *call;     /* borrowed: the hook, for the HOOK kinds */
    Plan *plan;         /* owned: for the PART kinds */
} Entry;

struct Plan {
    PyTypeObject *cls;  /* borrowed */
    Py_ssize_t size;
    Entry entries[];
};

typedef struct {
    PyObject_HEAD
    Plan *plan;
    PyObject *cell;    /* the callable for blank and marked cells */
    PyObject *source;  /* the plan tuple, which owns the keys, classes and hooks */
} Writer;

static void
plan_free(Plan *plan)
{
    if (plan == NULL) {
        return;
    }
    for (Py_ssize_t i = 0; i < plan->size; i++) {
        plan_free(plan->entries[i].plan);
    }
    PyMem_Free(plan);
}

/* Check *source* and build its Plan; NULL with an exception set when it is not a valid plan. */
static Plan *
plan_compile(PyObject *source, int depth)
{
    if (depth > 64) {
        PyErr_SetString(PyExc_ValueError, "plan nested too deeply");
        return NULL;
    }
    PyObject *cls, *entries;
    if (!PyTuple_Check(source) || !PyArg_ParseTuple(source, "O!O!", &PyType_Type, &cls,
                                                    &PyTuple_Type, &entries)) {
        PyErr_SetString(PyExc_TypeError, "a plan is a tuple (class, entries)");
        return NULL;
    }
    Py_ssize_t size = PyTuple_GET_SIZE(entries);
    Plan *plan = PyMem_Calloc(1, sizeof(Plan) + (size_t)size * sizeof(Entry));
    if (plan == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    plan->cls = (PyTypeObject *)cls;
    plan->size = size;
    for (Py_ssize_t i = 0; i < size; i++) {
        Entry *entry = &plan->entries[i];
        PyObject *key, *descriptor, *arg;
        int kind;
        PyObject *item = PyTuple_GET_ITEM(entries, i);
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 4) {
            PyErr_SetString(PyExc_TypeError,
                            "a plan entry is a tuple (key, descriptor, kind, arg)");
            goto error;
        }
        if (!PyArg_ParseTuple(item, "UOiO", &key, &descriptor, &kind, &arg)) {
            goto error;
        }
        if (Py_TYPE(descriptor) != &PyMemberDescr_Type ||
            ((PyMemberDescrObject *)descriptor)->d_common.d_type != plan->cls ||
            ((PyMemberDescrObject *)descriptor)->d_member->type != T_OBJECT_EX) {
            PyErr_Format(PyExc_TypeError, "%R: not a slot of %R", key, cls);
            goto error;
        }
        if (kind < 0 || kind > KIND_LAST) {
            PyErr_Format(PyExc_ValueError, "%R: unknown kind %d", key, kind);
            goto error;
        }
        entry->key = key;
        entry->offset = ((PyMemberDescrObject *)descriptor)->d_member->offset;
        entry->kind = kind;
        if (kind == KIND_PART || kind == KIND_CELL_PART || kind == KIND_OPTIONAL_PART) {
            entry->plan = plan_compile(arg, depth + 1);
            if (entry->plan == NULL) {
                goto error;
            }
        }
        else if (kind == KIND_HOOK || kind == KIND_OPTIONAL_HOOK) {
            if (!PyCallable_Check(arg)) {
                PyErr_Format(PyExc_TypeError, "%R: the hook is not callable", key);
                goto error;
            }
            entry->call = arg;
        }
    }
    return plan;
error:
    plan_free(plan);
    return NULL;
}

static PyObject *write_object(const Plan *plan, PyObject *obj, PyObject *cell);

/* The JSON value of one attribute: a new reference, or NULL with an exception set. */
static inline PyObject *
write_value(const Entry *entry, PyObject *value, PyObject *cell)
{
    switch (entry->kind) {
    case KIND_VALUE:
        return Py_NewRef(value);
    case KIND_COUNT:
        if (PyLong_CheckExact(value)) {
            return Py_NewRef(value);
        }
        return PyObject_CallOneArg(cell, value);
    case KIND_PART:
        return write_object(entry->plan, value, cell);
    case KIND_CELL_PART:
        if (Py_TYPE(value) == entry->plan->cls) {
            return write_object(entry->plan, value, cell);
        }
        return PyObject_CallOneArg(cell, value);
    case KIND_HOOK:
        return PyObject_CallOneArg(entry->call, value);
    case KIND_OPTIONAL_HOOK:
        if (value == Py_None) {
            return Py_NewRef(Py_None);
        }
        return PyObject_CallOneArg(entry->call, value);
    default: /* KIND_OPTIONAL_PART */
        if (value == Py_None) {
            return Py_NewRef(Py_None);
        }
        return write_object(entry->plan, value, cell);
    }
}

static PyObject *
write_object(const Plan *plan, PyObject *obj, PyObject *cell)
{
    if (Py_TYPE(obj) != plan->cls) {
        PyErr_Format(PyExc_TypeError, "expected a %s, got %s", plan->cls->tp_name,
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
#if PY_VERSION_HEX < 0x030D0000
    PyObject *dict = _PyDict_NewPresized(plan->size);
#else
    PyObject *dict = PyDict_New();
#endif
    if (dict == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < plan->size; i++) {
        const Entry *entry = &plan->entries[i];
        PyObject *value = *(PyObject **)((char *)obj + entry->offset);
        if (value == NULL) {
            PyErr_Format(PyExc_AttributeError, "%s has no value for %R",
                         plan->cls->tp_name, entry->key);
            goto error;
        }
        PyObject *json = write_value(entry, value, cell);
        if (json == NULL) {
            goto error;
        }
        int failed = PyDict_SetItem(dict, entry->key, json);
        Py_DECREF(json);
        if (failed) {
            goto error;
        }
    }
    return dict;
error:
    Py_DECREF(dict);
    return NULL;
}

/* --- the Writer type ------------------------------------------------------------------------ */

static PyObject *
Writer_call(Writer *self, PyObject *args, PyObject *kwargs)
{
    PyObject *obj;
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "Writer() takes no keyword arguments");
        return NULL;
    }
    if (!PyArg_UnpackTuple(args, "Writer", 1, 1, &obj)) {
        return NULL;
    }
    if (Py_EnterRecursiveCall(" while writing a report")) {
        return NULL;
    }
    PyObject *result = write_object(self->plan, obj, self->cell);
    Py_LeaveRecursiveCall();
    return result;
}

static void
Writer_dealloc(Writer *self)
{
    plan_free(self->plan);
    Py_XDECREF(self->cell);
    Py_XDECREF(self->source);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject WriterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "disclosure_report.serialize._speedups.Writer",
    .tp_doc = "Writes objects of one plan as dicts (see compile()).",
    .tp_basicsize = sizeof(Writer),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_call = (ternaryfunc)Writer_call,
    .tp_dealloc = (destructor)Writer_dealloc,
};

static PyObject *
speedups_compile(PyObject *module, PyObject *args)
{
    PyObject *source, *cell;
    if (!PyArg_ParseTuple(args, "OO:compile", &source, &cell)) {
        return NULL;
    }
    if (!PyCallable_Check(cell)) {
        PyErr_SetString(PyExc_TypeError, "cell must be callable");
        return NULL;
    }
    Plan *plan = plan_compile(source, 0);
    if (plan == NULL) {
        return NULL;
    }
    Writer *writer = PyObject_New(Writer, &WriterType);
    if (writer == NULL) {
        plan_free(plan);
        return NULL;
    }
    writer->plan = plan;
    writer->cell = Py_NewRef(cell);
    writer->source = Py_NewRef(source);
    return (PyObject *)writer;
}

static PyMethodDef speedups_methods[] = {
    {"compile", speedups_compile, METH_VARARGS,
     "compile(plan, cell) -> Writer: check a plan and give the callable that follows it."},
    {NULL, NULL, 0, NULL},
};

static int
speedups_exec(PyObject *module)
{
    if (PyType_Ready(&WriterType) < 0) {
        return -1;
    }
    if (PyModule_AddIntConstant(module, "KIND_VALUE", KIND_VALUE) < 0 ||
        PyModule_AddIntConstant(module, "KIND_COUNT", KIND_COUNT) < 0 ||
        PyModule_AddIntConstant(module, "KIND_PART", KIND_PART) < 0 ||
        PyModule_AddIntConstant(module, "KIND_CELL_PART", KIND_CELL_PART) < 0 ||
        PyModule_AddIntConstant(module, "KIND_HOOK", KIND_HOOK) < 0 ||
        PyModule_AddIntConstant(module, "KIND_OPTIONAL_HOOK", KIND_OPTIONAL_HOOK) < 0 ||
        PyModule_AddIntConstant(module, "KIND_OPTIONAL_PART", KIND_OPTIONAL_PART) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot speedups_slots[] = {
    {Py_mod_exec, speedups_exec},
    {0, NULL},
};

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "disclosure_report.serialize._speedups",
    .m_doc = "Optional compiled writer of the interchange dict.",
    .m_size = 0,
    .m_methods = speedups_methods,
    .m_slots = speedups_slots,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    return PyModuleDef_Init(&speedups_module);
}
