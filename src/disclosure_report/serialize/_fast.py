"""Straight-line code, generated from the model's fields, for the common case of valid data.

A 2021 report is some 35 objects and 200 cells. Going through cattrs' per-field hooks and each
class's ``__init__`` costs several times the budget that the issue sets (about 25 µs to read a
report, 10 µs to write one), so this module writes one Python function per format version and
direction, with every field of every nested class inlined, and compiles it on first use:

* :func:`structure` reads a dict and gives up (raises anything) at the first bad value;
  :func:`disclosure_report.from_dict` then reruns the detailed cattrs converter to report every
  problem. Objects are created without their ``__init__`` where that is equivalent (frozen,
  slotted attrs classes without converters or init hooks), and every validator that the
  generated code does not make redundant is called, as ``__init__`` would. Cells, money, dates,
  enums, literals and plain scalars are read inline, with the patterns and mark instances of
  :mod:`._leaves` (where each encoding is defined); any other leaf type goes through the
  converter's own hook.
* :func:`unstructure` writes a report as one nested dict expression; values other than plain
  ints and strings go through the converter's unstructure hooks.

What makes the reader fast, step by step, measured on one core of a busy 2-core machine
(CPython 3.11; one fixed pool of 1,000 generated 2021 reports, each read from its own dict, best
of several passes; ``benchmarks/run.py``, with fresh reports each run, gives about 45 → 32 µs
for the whole, see ``benchmarks/README.md``):

* Filling the slots. Calling each slot descriptor's ``__set__`` cost about 40 ns a slot (265
  in a 2021 report) plus 95 ns an object; now each object is created as an instance of its
  :func:`builder_class`, its slots are filled by plain assignments (a few ns each) and its
  ``__class__`` is then set to the model class. ``from_dict``: 38 → 29 µs.
* Few names. Each value is stored in its slot as soon as it is read, through one local ``v``
  (the object and the part's dict at each depth are ``o<n>`` and ``d<n>``, a row's cells
  ``c<n>``), and each constant has one global name: the reader of a 2021 report has 18 locals
  instead of over 1,000, and some 20 ``EXTENDED_ARG`` instructions instead of about 1,000.
  29 → 26 µs.
* The count's range. ``0 <= n <= 2**30 - 1`` is two specialized comparisons; only a larger int
  pays for the exact check (``n >> 53``, a generic operation of some 10 ns). 26 → 24 µs.
* Shared rows. A row of counts that is all zeros is the one instance of :func:`zero_row`;
  real reports are mostly zeros (the bundled example, all 28 rows: 20.2 → 18.5 µs, and 5.3 →
  2.5 KiB kept per report).

Ideas that did not pay: ``type(v)`` instead of ``v.__class__`` (the interpreter specializes
both); reading a dict's values at once after comparing ``tuple(d)`` with the expected keys
(slower than one subscript a key for these small dicts).

What each attribute needs is decided in :mod:`._steps`.

Set ``DISCLOSURE_REPORT_DEBUG_CODEGEN=1`` to print the generated source.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys

from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, Literal, get_args, get_origin

import attrs

from disclosure_report.model import (
    BLANK,
    MAX_COUNT,
    Report,
    report_class_of,
    version_of,
)
from disclosure_report.serialize._code_cache import compile_cached
from disclosure_report.serialize._converter import converter
from disclosure_report.serialize._leaves import (
    DATE_PATTERN,
    DECIMAL_PATTERN,
    MARK_CELLS,
    unstructure_cell,
)
from disclosure_report.serialize._steps import (
    ReadField,
    ReadStep,
    WriteStep,
    can_bypass_init,
    checked_by_construction,
    read_steps,
    write_steps,
)


__all__ = ["fast_reader", "structure", "unstructure"]


class _Fail(Exception):  # noqa: N818 (control flow inside the generated code only)
    """Raised by the generated code at the first bad value."""


class _Code:
    """A function being generated: its lines and the names it refers to."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.namespace: dict[str, Any] = {"_Fail": _Fail, "_new": object.__new__}
        self._count = 0
        self._consts: dict[int, str] = {}

    def var(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}{self._count}"

    def const(self, prefix: str, value: object) -> str:
        """The global name of *value* in the generated code: one name per object.

        One name per object rather than per use keeps the names of a report's reader well
        under 128, so that loading one needs no ``EXTENDED_ARG`` instruction.
        """
        name = self._consts.get(id(value))
        if name is None:
            name = self._consts[id(value)] = self.var(f"_{prefix}")
            self.namespace[name] = value  # which keeps the object, and so its id, alive
        return name

    def emit(self, indent: int, line: str) -> None:
        self.lines.append("    " * indent + line)

    def compile(self, name: str, header: str) -> Callable[..., Any]:
        source = f"{header}\n" + "\n".join(self.lines)
        if os.environ.get("DISCLOSURE_REPORT_DEBUG_CODEGEN"):
            print(source)  # noqa: T201 (asked for)
        code = compile_cached(source, f"<disclosure_report generated {name}>")
        exec(code, self.namespace)  # noqa: S102 (our own generated code)
        function: Callable[..., Any] = self.namespace[name]
        return function


# --- dict → objects --------------------------------------------------------------------------


_BITS: Final = MAX_COUNT.bit_length()
"""A count's bits: ``n >> _BITS`` is 0 exactly when ``0 <= n <= MAX_COUNT`` (2**53 - 1)."""

_ONE_DIGIT: Final = min((1 << sys.int_info.bits_per_digit) - 1, MAX_COUNT)
"""The largest int of one internal digit (2**30 - 1 on 64-bit CPython).

Comparing two such ints takes the interpreter one specialized step, where ``n >> _BITS`` is a
generic call (about 10 ns a cell more); so a count is first compared with 0 and this bound, and
only a larger one is shifted.
"""


@functools.cache
def builder_class(cls: type) -> type | None:
    """A subclass of *cls* that adds nothing but plain attribute assignment; ``None`` if unusable.

    *cls* is a frozen, slotted attrs class that :func:`~._steps.can_bypass_init` admits. Its
    ``__setattr__`` and ``__delattr__`` raise, so the only way to fill its slots without
    ``__init__`` is to call each slot descriptor's ``__set__`` (about 40 ns a slot, plus 95 ns
    for the object). Its builder class restores :class:`object`'s own ``__setattr__``,
    ``__delattr__`` and ``__init__`` and adds no slot, so its instances have exactly the layout
    of *cls*. The generated code calls it (cheaper than ``object.__new__``), fills the slots
    with plain assignments (which the interpreter specializes to a store at the slot's offset,
    a few ns each), and then makes the object an instance of *cls* by assigning ``__class__``,
    which CPython allows between classes of one layout. The result is the object that
    ``object.__new__(cls)`` and the slot setters would have built; a builder instance never
    leaves the generated code. (A sibling class with the same slots would not do: CPython 3.11
    refuses ``__class__`` assignment between classes that both list ``__weakref__``.) The
    assignment is tried once here, and a class where it fails is built with the slot setters.
    The builder is visible only in ``cls.__subclasses__()``.
    """
    builder = type(
        f"_Build{cls.__name__}",
        (cls,),
        {
            "__slots__": (),
            "__module__": __name__,
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
            "__init__": object.__init__,
        },
    )
    try:
        probe: object = object.__new__(builder)
        probe.__class__ = cls
    except TypeError:
        return None
    return builder if type(probe) is cls else None


@functools.cache
def zero_row(cls: type) -> object | None:
    """The one shared instance of *cls* with every cell 0, if *cls* is a row of counts.

    A row of counts (:class:`~disclosure_report.ApplicantCounts`,
    :class:`~disclosure_report.CaseOutcomes` …) has only count cells, which the generated code
    reads and checks, and no other validator. Reports are mostly zeros (every row of the
    bundled example is), and a frozen row is compared by value, never by identity, so the
    reader gives every all-zero row of this class the same object, as it gives every cell
    marked ``/`` the same :class:`~disclosure_report.NotApplicable`: creating none saves its
    time and its memory (about 60 ns and 100 bytes a row). ``None`` for any other class.
    """
    reads = list(read_steps(cls, {}))
    if (
        not reads
        or not can_bypass_init(cls)
        or any(read.step not in _COUNT_STEPS or read.optional for read in reads)
        or not all([BLANK, *MARK_CELLS.values()])  # what the generated test relies on
    ):
        return None
    zero: object = cls(**{str(read.field.alias): 0 for read in reads})
    return zero


_COUNT_STEPS: Final = (ReadStep.COUNT, ReadStep.SIGNED_COUNT)


class _StructureWriter:
    def __init__(self, code: _Code) -> None:
        self.code = code

    def build(
        self, cls: type, typevars: dict[Any, Any], src: str, indent: int, depth: int = 0
    ) -> str:
        """Emit the lines that build a *cls* from the dict in *src*; return the result's name.

        The object being built at nesting depth *n* is ``o<n>`` and the dict of a part read at
        that depth is ``d<n+1>``; every other value passes through ``v`` and is stored in its
        slot as soon as it is read. So a reader has a few dozen local names, not one per cell.
        """
        code = self.code
        self.check_keys(cls, src, indent)
        result = f"o{depth}"
        zero = zero_row(cls)
        if zero is not None:
            self.build_row(cls, zero, src, indent, result)
            return result
        store = self.start(cls, result, indent)
        kept: list[tuple[ReadField, str]] = []  # what __init__ or the validators are given
        for read in read_steps(cls, typevars):
            field = read.field
            value = f"d{depth + 1}" if read.step in (ReadStep.PART, ReadStep.CELL_PART) else "v"
            self.get(field, src, value, indent)
            self.value(read, value, indent, depth + 1)
            if store is None:  # given to __init__ at the end
                kept.append((read, code.var("u")))
                code.emit(indent, f"{kept[-1][1]} = {value}")
                continue
            code.emit(indent, store(field.name, value))
            if field.validator is not None and not checked_by_construction(read):
                kept.append((read, f"{result}.{field.name}"))

        if store is None:
            args = ", ".join(f"{read.field.alias}={value}" for read, value in kept)
            code.emit(indent, f"{result} = {code.const('C', cls)}({args})")
            return result
        if builder_class(cls) is not None:
            code.emit(indent, f"{result}.__class__ = {code.const('C', cls)}")
        for read, value in kept:  # after every slot is set, as __init__ runs them
            validator = code.const("V", read.field.validator)
            attribute = code.const("A", read.field)
            code.emit(indent, f"{validator}({result}, {attribute}, {value})")
        return result

    def build_row(self, cls: type, zero: object, src: str, indent: int, result: str) -> None:
        """Emit the lines that build the row of counts *cls* in *result*, or take *zero*.

        The cells are read into ``c0``, ``c1`` … first; when every one is the int 0 (a falsy
        value: blank and marked cells are truthy), *result* is the shared all-zero row.
        """
        code = self.code
        cells = []
        for n, read in enumerate(read_steps(cls, {})):
            cells.append((read.field.name, f"c{n}"))
            self.get(read.field, src, f"c{n}", indent)
            self.value(read, f"c{n}", indent, 0)
        code.emit(indent, f"if {' or '.join(cell for _, cell in cells)}:")
        store = self.start(cls, result, indent + 1)
        assert store is not None  # noqa: S101 (zero_row admits only such classes)
        for name, cell in cells:
            code.emit(indent + 1, store(name, cell))
        if builder_class(cls) is not None:
            code.emit(indent + 1, f"{result}.__class__ = {code.const('C', cls)}")
        code.emit(indent, f"else: {result} = {code.const('Z', zero)}")

    def get(self, field: attrs.Attribute[Any], src: str, value: str, indent: int) -> None:
        """Emit the line that reads *field* from the dict *src* into *value*."""
        if field.default is attrs.NOTHING:
            self.code.emit(indent, f"{value} = {src}[{field.name!r}]")
        else:
            default = self.code.const("D", field.default)
            self.code.emit(indent, f"{value} = {src}.get({field.name!r}, {default})")

    def check_keys(self, cls: type, src: str, indent: int) -> None:
        """Emit the lines that fail unless *src* is a dict with no key that *cls* lacks."""
        code = self.code
        fields = attrs.fields(cls)
        code.emit(indent, f"if {src}.__class__ is not dict: raise _Fail")
        if all(field.default is attrs.NOTHING for field in fields):
            code.emit(indent, f"if len({src}) != {len(fields)}: raise _Fail")
        else:
            keys = code.const("K", frozenset(field.name for field in fields))
            code.emit(indent, f"if not {keys}.issuperset({src}): raise _Fail")

    def start(self, cls: type, result: str, indent: int) -> Callable[[str, str], str] | None:
        """Emit the line that creates the object *result* without its ``__init__``, if it can.

        Return what makes the line that stores a value in the slot of a name, or ``None`` when
        *cls* must be built through its ``__init__``.
        """
        code = self.code
        if not can_bypass_init(cls):
            return None
        builder = builder_class(cls)
        if builder is not None:
            code.emit(indent, f"{result} = {code.const('B', builder)}()")
            return lambda name, value: f"{result}.{name} = {value}"
        code.emit(indent, f"{result} = _new({code.const('C', cls)})")

        def through_setter(name: str, value: str) -> str:
            return f"{code.const('S', getattr(cls, name).__set__)}({result}, {value})"

        return through_setter

    def mark(self, value: str, indent: int, out_of_range: str | None) -> None:
        """Emit the lines that read a cell that is not a small number: ``null`` or a mark.

        The same values as :func:`._leaves.structure_count` returns (the shared instance of
        each mark), without a call per cell; anything else fails (a negative count, a bool, an
        unknown mark: ``KeyError``), but an int for which the expression *out_of_range* is
        false, which is kept.
        """
        code = self.code
        code.emit(indent, f"if {value} is None: {value} = {code.const('BLANK', BLANK)}")
        marks = code.const("M", MARK_CELLS)
        code.emit(indent, f"elif type({value}) is str: {value} = {marks}[{value}]")
        if out_of_range is None:
            code.emit(indent, "else: raise _Fail")
        else:  # an int beyond one digit: kept if within MAX_COUNT
            code.emit(indent, f"elif {value}.__class__ is not int or {out_of_range}: raise _Fail")

    def value(self, read: ReadField, value: str, indent: int, depth: int) -> None:
        """Emit the lines that turn *value* into the value of *read*'s field.

        A part is built at nesting depth *depth*.
        """
        code = self.code
        if read.optional:
            code.emit(indent, f"if {value} is not None:")
            indent += 1
        if read.step is ReadStep.COUNT:  # from 0 to MAX_COUNT: no bit from 2**53 up, no sign
            code.emit(
                indent,
                f"if {value}.__class__ is not int or {value} < 0 or {value} > {_ONE_DIGIT}:",
            )
            self.mark(value, indent + 1, f"{value} >> {_BITS}")
        elif read.step is ReadStep.SIGNED_COUNT:
            code.emit(
                indent,
                f"if {value}.__class__ is not int or {value} < {-_ONE_DIGIT} "
                f"or {value} > {_ONE_DIGIT}:",
            )
            self.mark(value, indent + 1, f"abs({value}) >> {_BITS}")
        elif read.step is ReadStep.CELL_PART:
            code.emit(indent, f"if {value}.__class__ is dict:")
            built = self.build(read.tp[0], read.tp[1], value, indent + 1, depth)
            code.emit(indent + 1, f"{value} = {built}")
            code.emit(indent, "else:")
            self.mark(value, indent + 1, None)
        elif read.step is ReadStep.PART:
            built = self.build(read.tp[0], read.tp[1], value, indent, depth)
            code.emit(indent, f"{value} = {built}")
        elif read.step is ReadStep.LEAF:
            self.leaf(read.tp, value, indent)
        else:
            hook = code.const("H", converter().get_structure_hook(read.tp))
            code.emit(indent, f"{value} = {hook}({value}, {code.const('T', read.tp)})")

    def leaf(self, tp: Any, value: str, indent: int) -> None:
        """Emit the lines that read the leaf *value* of type *tp* as :mod:`._leaves` does."""
        code = self.code
        fail = f"if {value}.__class__ is not {{}}: raise _Fail"
        if tp is int:
            code.emit(indent, fail.format("int"))
        elif tp is str:  # text: as _leaves.structure_text, no lone surrogate
            code.emit(indent, fail.format("str"))
            # UTF-8 fails on exactly the lone surrogates (UnicodeEncodeError); ASCII never does.
            code.emit(indent, f"if not {value}.isascii(): {value}.encode()")
        elif get_origin(tp) is Literal:  # strings only; the version must be exactly a str
            allowed = code.const("L", frozenset(get_args(tp)))
            code.emit(indent, f"if {value}.__class__ is not str or {value} not in {allowed}:")
            code.emit(indent + 1, "raise _Fail")
        elif tp is Decimal:
            match = code.const("match", DECIMAL_PATTERN.fullmatch)
            code.emit(indent, f"if {value}.__class__ is not str or {match}({value}) is None:")
            code.emit(indent + 1, "raise _Fail")
            code.emit(indent, f"{value} = {code.const('Decimal', Decimal)}({value})")
        elif tp is dt.date:
            match = code.const("match", DATE_PATTERN.fullmatch)
            code.emit(indent, f"if {value}.__class__ is not str or {match}({value}) is None:")
            code.emit(indent + 1, "raise _Fail")
            date = code.const("date", dt.date.fromisoformat)
            code.emit(indent, f"{value} = {date}({value})")  # ValueError: not in the calendar
        else:  # an enum of strings, written as its value; KeyError for any other string
            code.emit(indent, fail.format("str"))
            members = code.const("E", {member.value: member for member in tp})
            code.emit(indent, f"{value} = {members}[{value}]")


def _structure_function(cls: type) -> Callable[[dict[str, Any]], Any]:
    code = _Code()
    result = _StructureWriter(code).build(cls, {}, "d", 1)
    code.emit(1, f"return {result}")
    name = f"structure_{cls.__name__}"
    return code.compile(name, f"def {name}(d):")


# --- objects → dict --------------------------------------------------------------------------


_WRITE: Final = {
    WriteStep.VALUE: "{v}",
    WriteStep.COUNT: "{v} if {v}.__class__ is int else _cell({v})",
    WriteStep.CELL_PART: "{f}({v}) if {v}.__class__ is {c} else _cell({v})",
    WriteStep.HOOK: "{f}({v})",
    WriteStep.OPTIONAL_HOOK: "None if {v} is None else {f}({v})",
    WriteStep.OPTIONAL_PART: "None if {v} is None else {f}({v})",
}
"""The expression that writes a value of each step but PART ({v}: the value, {f}: the
function or hook, {c}: the part's class)."""


class _UnstructureWriter:
    def __init__(self, code: _Code) -> None:
        self.code = code
        code.namespace["_cell"] = unstructure_cell
        self._functions: dict[type, str] = {}

    def expression(self, cls: type, typevars: dict[Any, Any], src: str) -> str:
        """Emit the lines that read the *cls* in *src*; return the expression of its dict."""
        items = []
        for field, step, arg in write_steps(cls, typevars):
            value = self.code.var("t")
            self.code.emit(1, f"{value} = {src}.{field.name}")
            items.append(f"{field.name!r}: {self.value(step, arg, value)}")
        return "{" + ", ".join(items) + "}"

    def value(self, step: WriteStep, arg: Any, value: str) -> str:
        """The expression of the JSON value in *value*, written as *step* says."""
        if step is WriteStep.PART:
            return self.expression(arg[0], arg[1], value)
        function = cls = ""
        if step in (WriteStep.CELL_PART, WriteStep.OPTIONAL_PART):
            function, cls = self.function(*arg), self.code.const("C", arg[0])
        elif step in (WriteStep.HOOK, WriteStep.OPTIONAL_HOOK):
            function = self.code.const("H", arg)
        return _WRITE[step].format(v=value, f=function, c=cls)

    def function(self, cls: type, typevars: dict[Any, Any]) -> str:
        """The name of a separate generated function for *cls* (a part that may be absent)."""
        if cls not in self._functions:
            function = _unstructure_function(cls, typevars)
            self._functions[cls] = self.code.const("F", function)
        return self._functions[cls]


def _unstructure_function(cls: type, typevars: dict[Any, Any]) -> Callable[[Any], dict[str, Any]]:
    code = _Code()
    expression = _UnstructureWriter(code).expression(cls, typevars, "r")
    code.emit(1, f"return {expression}")
    name = f"unstructure_{cls.__name__}"
    return code.compile(name, f"def {name}(r):")


# --- entry points ----------------------------------------------------------------------------
# Compiled on first use, one function per version and direction, so that importing the library
# does not pay for the versions it never reads or writes.

_UNSTRUCTURE: Final[dict[type, Callable[[Any], dict[str, Any]]]] = {}
_READERS: Final[dict[type, Callable[[dict[str, Any]], Any]]] = {}


def structure(data: Any) -> Report:
    """Build a report from a valid interchange dict; on bad data, raise (anything)."""
    cls = report_class_of(data["format_version"])
    function = _READERS.get(cls) or fast_reader(cls)
    report: Report = function(data)
    return report


def fast_reader(cls: type[Report]) -> Callable[[dict[str, Any]], Any]:
    """The generated reader of *cls*, which :func:`structure` uses.

    The tests hold it to the detailed converter.
    """
    reader = _READERS.get(cls)
    if reader is None:
        reader = _READERS[cls] = _structure_function(cls)
    return reader


def unstructure(report: Report) -> dict[str, Any]:
    """The interchange dict of *report*.

    Raises:
        UnknownFormatVersionError: If *report* is not a report of a registered format version.
    """
    cls = version_of(report).report_class  # registered now, not only when first written
    function = _UNSTRUCTURE.get(cls)
    if function is None:
        function = _unstructure_function(cls, {})
        _UNSTRUCTURE[cls] = function
    return function(report)
