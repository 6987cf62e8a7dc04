/*
 * Optional compiled reader and writer of the interchange dict
 * (disclosure_report.serialize._speedups).
 *
 * The generated Python code (_fast.py) costs about 35 ns per dict entry written and 50 ns per
 * attribute set, and a 2021 report has some 260 cells. This module does the same walks in C,
 * led by *plans* that Python derives from the model's attrs fields (_compiled.py, following
 * _steps.py), so the model stays the single source of truth and nothing here knows a field.
 *
 * Writing. A plan is (cls, entries); each entry is (key, descriptor, kind, arg):
 *   key         the dict key (the attribute's name), a str;
 *   descriptor  the class's slot descriptor of that attribute (a member descriptor);
 *   kind        what to do with the value, one of the KIND_* below;
 *   arg         a plan (the PART kinds), a callable (the HOOK kinds) or None.
 * compile(plan, cell) checks the plan and gives a Writer; Writer(obj) returns the dict.
 * A value whose class is not the plan's raises TypeError; nothing is ever guessed.
 *
 * Reading. A read plan is described at read_plan_compile(); compile_reader() gives a Reader,
 * and Reader(data) returns the object, or raises at the first value that is not valid (the
 * library then asks its detailed converter what is wrong, so messages here are terse).
 *
 * Compiled by hatch_build.py when a C compiler is there; without it, the library uses _fast.py,
 * and the tests hold both to the same results.
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
    PyObject *template;
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
    Py_XDECREF(plan->template);
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
    plan->template = PyDict_New();
    if (plan->template == NULL) goto error;
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
        if (PyDict_SetItem(plan->template, key, Py_None) < 0) goto error;
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
    PyObject *dict = PyDict_Copy(plan->template);
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

/* --- reading: dict -> objects ------------------------------------------------------------- */

enum {
    READ_INT = 0,           /* exactly an int */
    READ_STR = 1,           /* exactly a str */
    READ_COUNT = 2,         /* an int from 0 to max_count, or a blank or marked cell */
    READ_SIGNED_COUNT = 3,  /* an int within +-max_count, or a blank or marked cell */
    READ_PART = 4,          /* exactly a dict, read by the plan in arg */
    READ_CELL_PART = 5,     /* a dict read by the plan in arg (money), or a blank or marked cell */
    READ_CHOICE = 6,        /* exactly a str that is a key of the dict in arg: its value */
    READ_CALL = 7,          /* arg(value), which raises on what it does not accept */
    READ_LAST = 7,
    READ_OPTIONAL = 16      /* added to a kind: None is None */
};

typedef struct ReadPlan ReadPlan;

typedef struct {
    PyObject *key;       /* borrowed from the Reader's `source`, as are the others */
    Py_ssize_t offset;
    int kind;
    int optional;
    PyObject *arg;       /* the choices or the callable */
    PyObject *fallback;  /* the default when the key is missing; NULL: the key is required */
    ReadPlan *plan;      /* owned: for the PART kinds */
} ReadEntry;

typedef struct {
    PyObject *validator;
    PyObject *attribute;
    Py_ssize_t offset;   /* of the slot whose value is validated */
} Check;

struct ReadPlan {
    PyTypeObject *cls;
    Py_ssize_t size;
    Py_ssize_t checks_size;
    Check *checks;       /* owned */
    ReadEntry entries[];
};

typedef struct {
    PyObject_HEAD
    ReadPlan *plan;
    PyObject *blank;   /* the blank cell */
    PyObject *marks;   /* dict: symbol -> not-applicable cell */
    PyObject *source;
    long long max_count;
} Reader;

static void
read_plan_free(ReadPlan *plan)
{
    if (plan == NULL) {
        return;
    }
    for (Py_ssize_t i = 0; i < plan->size; i++) {
        read_plan_free(plan->entries[i].plan);
    }
    PyMem_Free(plan->checks);
    PyMem_Free(plan);
}

static Py_ssize_t
slot_offset(PyObject *descriptor, PyTypeObject *cls, PyObject *key)
{
    if (Py_TYPE(descriptor) != &PyMemberDescr_Type ||
        ((PyMemberDescrObject *)descriptor)->d_common.d_type != cls ||
        ((PyMemberDescrObject *)descriptor)->d_member->type != T_OBJECT_EX) {
        PyErr_Format(PyExc_TypeError, "%R: not a slot of %R", key, (PyObject *)cls);
        return -1;
    }
    return ((PyMemberDescrObject *)descriptor)->d_member->offset;
}

/*
 * A read plan is (cls, entries, checks):
 *   entries: (key, descriptor, kind, arg, default) each; default is `missing` when required;
 *   checks:  (validator, attribute, descriptor) each: validator(obj, attribute, value) is called
 *            once the object is built, as attrs' __init__ would.
 * cls must be a class whose __init__ only sets its slots and runs those validators (Python
 * checks that before it builds a plan); its objects are made with tp_alloc, as object.__new__
 * makes them.
 */
static ReadPlan *
read_plan_compile(PyObject *source, PyObject *missing, int depth)
{
    if (depth > 64) {
        PyErr_SetString(PyExc_ValueError, "plan nested too deeply");
        return NULL;
    }
    if (!PyTuple_Check(source) || PyTuple_GET_SIZE(source) != 3 ||
        !PyType_Check(PyTuple_GET_ITEM(source, 0)) ||
        !PyTuple_Check(PyTuple_GET_ITEM(source, 1)) ||
        !PyTuple_Check(PyTuple_GET_ITEM(source, 2))) {
        PyErr_SetString(PyExc_TypeError, "a read plan is a tuple (class, entries, checks)");
        return NULL;
    }
    PyTypeObject *cls = (PyTypeObject *)PyTuple_GET_ITEM(source, 0);
    PyObject *entries = PyTuple_GET_ITEM(source, 1);
    PyObject *checks = PyTuple_GET_ITEM(source, 2);
    Py_ssize_t size = PyTuple_GET_SIZE(entries);
    ReadPlan *plan = PyMem_Calloc(1, sizeof(ReadPlan) + (size_t)size * sizeof(ReadEntry));
    if (plan == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    plan->cls = cls;
    plan->size = size;
    for (Py_ssize_t i = 0; i < size; i++) {
        ReadEntry *entry = &plan->entries[i];
        PyObject *item = PyTuple_GET_ITEM(entries, i);
        PyObject *key, *descriptor, *arg, *fallback;
        int kind;
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 5) {
            PyErr_SetString(PyExc_TypeError,
                            "a read plan entry is a tuple (key, descriptor, kind, arg, default)");
            goto error;
        }
        if (!PyArg_ParseTuple(item, "UOiOO", &key, &descriptor, &kind, &arg, &fallback)) {
            goto error;
        }
        entry->key = key;
        entry->offset = slot_offset(descriptor, cls, key);
        if (entry->offset < 0) {
            goto error;
        }
        entry->optional = (kind & READ_OPTIONAL) != 0;
        entry->kind = kind & ~READ_OPTIONAL;
        if (kind < 0 || entry->kind > READ_LAST) {
            PyErr_Format(PyExc_ValueError, "%R: unknown kind %d", key, kind);
            goto error;
        }
        entry->arg = arg;
        entry->fallback = fallback == missing ? NULL : fallback;
        if (entry->kind == READ_PART || entry->kind == READ_CELL_PART) {
            entry->plan = read_plan_compile(arg, missing, depth + 1);
            if (entry->plan == NULL) {
                goto error;
            }
        }
        else if (entry->kind == READ_CHOICE && !PyDict_CheckExact(arg)) {
            PyErr_Format(PyExc_TypeError, "%R: the choices are not a dict", key);
            goto error;
        }
        else if (entry->kind == READ_CALL && !PyCallable_Check(arg)) {
            PyErr_Format(PyExc_TypeError, "%R: the reader is not callable", key);
            goto error;
        }
    }
    plan->checks_size = PyTuple_GET_SIZE(checks);
    plan->checks = PyMem_Calloc((size_t)plan->checks_size + 1, sizeof(Check));
    if (plan->checks == NULL) {
        PyErr_NoMemory();
        goto error;
    }
    for (Py_ssize_t i = 0; i < plan->checks_size; i++) {
        Check *check = &plan->checks[i];
        PyObject *item = PyTuple_GET_ITEM(checks, i), *descriptor;
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 3) {
            PyErr_SetString(PyExc_TypeError,
                            "a check is a tuple (validator, attribute, descriptor)");
            goto error;
        }
        check->validator = PyTuple_GET_ITEM(item, 0);
        check->attribute = PyTuple_GET_ITEM(item, 1);
        descriptor = PyTuple_GET_ITEM(item, 2);
        if (!PyCallable_Check(check->validator)) {
            PyErr_SetString(PyExc_TypeError, "a validator is not callable");
            goto error;
        }
        check->offset = slot_offset(descriptor, cls, descriptor);
        if (check->offset < 0) {
            goto error;
        }
    }
    return plan;
error:
    read_plan_free(plan);
    return NULL;
}

static PyObject *read_object(const Reader *reader, const ReadPlan *plan, PyObject *data);

/* A blank or marked cell: a new reference, or NULL with an exception set. */
static PyObject *
read_mark(const Reader *reader, PyObject *raw)
{
    if (raw == Py_None) {
        return Py_NewRef(reader->blank);
    }
    if (PyUnicode_CheckExact(raw)) {
        PyObject *mark = PyDict_GetItemWithError(reader->marks, raw);
        if (mark != NULL) {
            return Py_NewRef(mark);
        }
        if (PyErr_Occurred()) {
            return NULL;
        }
    }
    PyErr_SetString(PyExc_ValueError, "not a cell");
    return NULL;
}

/* Whether the int *number* is within +-max (from 0 to max when it is not *signed*). */
static int
within(PyObject *number, long long max, int is_signed)
{
    int overflow;
    long long value = PyLong_AsLongLongAndOverflow(number, &overflow);
    if (overflow != 0 || (value == -1 && PyErr_Occurred())) {
        PyErr_Clear();
        return 0;
    }
    return value <= max && value >= (is_signed ? -max : 0);
}

/* The value of one attribute: a new reference, or NULL with an exception set. */
static PyObject *
read_value(const Reader *reader, const ReadEntry *entry, PyObject *raw)
{
    if (entry->optional && raw == Py_None) {
        return Py_NewRef(Py_None);
    }
    switch (entry->kind) {
    case READ_INT:
        if (PyLong_CheckExact(raw)) {
            return Py_NewRef(raw);
        }
        break;
    case READ_STR:
        if (PyUnicode_CheckExact(raw)) {
            return Py_NewRef(raw);
        }
        break;
    case READ_COUNT:
    case READ_SIGNED_COUNT:
        if (PyLong_CheckExact(raw)) {
            if (!within(raw, reader->max_count, entry->kind == READ_SIGNED_COUNT)) {
                break;
            }
            return Py_NewRef(raw);
        }
        return read_mark(reader, raw);
    case READ_PART:
        return read_object(reader, entry->plan, raw);
    case READ_CELL_PART:
        if (PyDict_CheckExact(raw)) {
            return read_object(reader, entry->plan, raw);
        }
        return read_mark(reader, raw);
    case READ_CHOICE:
        if (PyUnicode_CheckExact(raw)) {
            PyObject *choice = PyDict_GetItemWithError(entry->arg, raw);
            if (choice != NULL) {
                return Py_NewRef(choice);
            }
            if (PyErr_Occurred()) {
                return NULL;
            }
        }
        break;
    default: /* READ_CALL */
        return PyObject_CallOneArg(entry->arg, raw);
    }
    PyErr_Format(PyExc_ValueError, "not a valid value for %R", entry->key);
    return NULL;
}

static PyObject *
read_object(const Reader *reader, const ReadPlan *plan, PyObject *data)
{
    if (!PyDict_CheckExact(data)) {
        PyErr_Format(PyExc_ValueError, "expected an object for a %s", plan->cls->tp_name);
        return NULL;
    }
    PyObject *obj = plan->cls->tp_alloc(plan->cls, 0);
    if (obj == NULL) {
        return NULL;
    }
    Py_ssize_t found = 0;
    for (Py_ssize_t i = 0; i < plan->size; i++) {
        const ReadEntry *entry = &plan->entries[i];
        PyObject *raw = PyDict_GetItemWithError(data, entry->key), *value;
        if (raw != NULL) {
            found++;
            value = read_value(reader, entry, raw);
        }
        else if (PyErr_Occurred()) {
            goto error;
        }
        else if (entry->fallback != NULL) {
            value = Py_NewRef(entry->fallback);
        }
        else {
            PyErr_Format(PyExc_ValueError, "%R is missing", entry->key);
            goto error;
        }
        if (value == NULL) {
            goto error;
        }
        *(PyObject **)((char *)obj + entry->offset) = value;
    }
    if (found != PyDict_GET_SIZE(data)) {
        PyErr_Format(PyExc_ValueError, "unknown keys for a %s", plan->cls->tp_name);
        goto error;
    }
    for (Py_ssize_t i = 0; i < plan->checks_size; i++) {
        const Check *check = &plan->checks[i];
        PyObject *value = *(PyObject **)((char *)obj + check->offset);
        PyObject *args[3] = {obj, check->attribute, value};
        PyObject *result = PyObject_Vectorcall(check->validator, args, 3, NULL);
        if (result == NULL) {
            goto error;
        }
        Py_DECREF(result);
    }
    return obj;
error:
    Py_DECREF(obj);
    return NULL;
}

static PyObject *
Reader_call(Reader *self, PyObject *args, PyObject *kwargs)
{
    PyObject *data;
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "Reader() takes no keyword arguments");
        return NULL;
    }
    if (!PyArg_UnpackTuple(args, "Reader", 1, 1, &data)) {
        return NULL;
    }
    if (Py_EnterRecursiveCall(" while reading a report")) {
        return NULL;
    }
    PyObject *result = read_object(self, self->plan, data);
    Py_LeaveRecursiveCall();
    return result;
}

static void
Reader_dealloc(Reader *self)
{
    read_plan_free(self->plan);
    Py_XDECREF(self->blank);
    Py_XDECREF(self->marks);
    Py_XDECREF(self->source);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject ReaderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "disclosure_report.serialize._speedups.Reader",
    .tp_doc = "Reads dicts into objects of one read plan (see compile_reader()).",
    .tp_basicsize = sizeof(Reader),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_call = (ternaryfunc)Reader_call,
    .tp_dealloc = (destructor)Reader_dealloc,
};

static PyObject *
speedups_compile_reader(PyObject *module, PyObject *args)
{
    PyObject *source, *blank, *marks, *missing;
    long long max_count;
    if (!PyArg_ParseTuple(args, "OOO!OL:compile_reader", &source, &blank, &PyDict_Type, &marks,
                          &missing, &max_count)) {
        return NULL;
    }
    if (max_count < 0) {
        PyErr_SetString(PyExc_ValueError, "max_count must not be negative");
        return NULL;
    }
    ReadPlan *plan = read_plan_compile(source, missing, 0);
    if (plan == NULL) {
        return NULL;
    }
    Reader *reader = PyObject_New(Reader, &ReaderType);
    if (reader == NULL) {
        read_plan_free(plan);
        return NULL;
    }
    reader->plan = plan;
    reader->blank = Py_NewRef(blank);
    reader->marks = Py_NewRef(marks);
    reader->source = Py_NewRef(source);
    reader->max_count = max_count;
    return (PyObject *)reader;
}

static PyMethodDef speedups_methods[] = {
    {"compile", speedups_compile, METH_VARARGS,
     "compile(plan, cell) -> Writer: check a plan and give the callable that follows it."},
    {"compile_reader", speedups_compile_reader, METH_VARARGS,
     "compile_reader(plan, blank, marks, missing, max_count) -> Reader: check a read plan and "
     "give the "
     "callable that follows it."},
    {NULL, NULL, 0, NULL},
};

static int
speedups_exec(PyObject *module)
{
    if (PyType_Ready(&WriterType) < 0 || PyType_Ready(&ReaderType) < 0) {
        return -1;
    }
    static const struct {
        const char *name;
        int value;
    } read_kinds[] = {
        {"READ_INT", READ_INT},
        {"READ_STR", READ_STR},
        {"READ_COUNT", READ_COUNT},
        {"READ_SIGNED_COUNT", READ_SIGNED_COUNT},
        {"READ_PART", READ_PART},
        {"READ_CELL_PART", READ_CELL_PART},
        {"READ_CHOICE", READ_CHOICE},
        {"READ_CALL", READ_CALL},
        {"READ_OPTIONAL", READ_OPTIONAL},
    };
    for (size_t i = 0; i < sizeof(read_kinds) / sizeof(read_kinds[0]); i++) {
        if (PyModule_AddIntConstant(module, read_kinds[i].name, read_kinds[i].value) < 0) {
            return -1;
        }
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
