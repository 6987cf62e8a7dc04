"""Straight-line code, generated from the model's fields, for the common case of valid data.

A 2021 report is some 35 objects and 200 cells. Going through cattrs' per-field hooks and each
class's ``__init__`` costs several times the budget that the issue sets (about 25 µs to read a
report, 10 µs to write one), so this module writes one Python function per format version and
direction, with every field of every nested class inlined, and compiles it on first use:

* :func:`structure` reads a dict and gives up (raises anything) at the first bad value;
  :func:`disclosure_report.from_dict` then reruns the detailed cattrs converter to report every
  problem. Objects are created without their ``__init__`` where that is equivalent (frozen,
  slotted attrs classes without converters or init hooks): each slot is set directly and every
  validator that the generated code does not make redundant is called, as ``__init__`` would.
  Cells, money, dates, enums, literals and plain scalars are read inline, with the patterns and
  mark instances of :mod:`._leaves` (where each encoding is defined); any other leaf type goes
  through the converter's own hook.
* :func:`unstructure` writes a report as one nested dict expression; values other than plain
  ints and strings go through the converter's unstructure hooks.

Set ``DISCLOSURE_REPORT_DEBUG_CODEGEN=1`` to print the generated source.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import types

from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, Literal, get_args, get_origin

import attrs

from disclosure_report.model import (
    BLANK,
    Amount,
    Metadata,
    OtherMatters,
    Report,
    Report2019,
    Report2021,
)
from disclosure_report.model._cells import is_count, is_signed_count
from disclosure_report.model._fields import is_part
from disclosure_report.model._types import attrs_class, optional_of, substitute
from disclosure_report.serialize._converter import CELL_VALIDATORS, converter
from disclosure_report.serialize._leaves import (
    DATE_PATTERN,
    DECIMAL_PATTERN,
    MARK_CELLS,
    unstructure_cell,
)
from disclosure_report.serialize._writing import Step, compiled_writer, steps


__all__ = ["REPORT_CLASSES", "structure", "unstructure"]

REPORT_CLASSES: Final[dict[str, type[Report]]] = {
    attrs.fields(cls).format_version.default: cls for cls in (Report2019, Report2021)
}
"""The report class of each format version, keyed by the default of its version field."""

_IS_PART_CODE: Final = getattr(is_part(object), "__code__", None)
_PLAIN: Final = (int, str)


def _type_only_validators() -> dict[Any, Any]:
    """The model's validators that check no more than that a value is of its field's type.

    Each maps to that type. The generated code checks the exact type of these leaves itself, so
    these validators cannot fail on what it builds and are not called. ``Amount.value`` also
    wants a finite, non-negative Decimal: :data:`._leaves.DECIMAL_PATTERN` admits nothing else.
    ``tests/test_serialize.py`` checks each of them against its type.
    """
    metadata, amount = attrs.fields(Metadata), attrs.fields(Amount)
    fields = (
        metadata.agency,
        metadata.source_url,
        metadata.published,
        metadata.level,
        amount.value,
        amount.unit,
        attrs.fields(OtherMatters).text,
        attrs.fields(OtherMatters).processing_fees,
    )
    return {field.validator: field.type for field in fields}


TYPE_ONLY_VALIDATORS: Final = _type_only_validators()
"""Validators made redundant by the generated type checks, with the type each one checks."""


class _Fail(Exception):  # noqa: N818 (control flow inside the generated code only)
    """Raised by the generated code at the first bad value."""


class _Code:
    """A function being generated: its lines and the names it refers to."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.namespace: dict[str, Any] = {"_Fail": _Fail, "_new": object.__new__}
        self._count = 0

    def var(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}{self._count}"

    def const(self, prefix: str, value: object) -> str:
        name = self.var(f"_{prefix}")
        self.namespace[name] = value
        return name

    def emit(self, indent: int, line: str) -> None:
        self.lines.append("    " * indent + line)

    def compile(self, name: str, header: str) -> Callable[..., Any]:
        source = f"{header}\n" + "\n".join(self.lines)
        if os.environ.get("DISCLOSURE_REPORT_DEBUG_CODEGEN"):
            print(source)  # noqa: T201 (asked for)
        code = compile(source, f"<disclosure_report generated {name}>", "exec")
        exec(code, self.namespace)  # noqa: S102 (our own generated code)
        function: Callable[..., Any] = self.namespace[name]
        return function


# --- types -----------------------------------------------------------------------------------


def _can_bypass_init(cls: type) -> bool:
    """Whether setting the slots and running the validators is exactly what ``__init__`` does."""
    if hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
        return False
    init_code = getattr(vars(cls).get("__init__"), "__code__", None)
    if init_code is None or not init_code.co_filename.startswith("<attrs generated"):
        return False  # A hand-written __init__ may do anything.
    fields = attrs.fields(cls)
    slots = {
        slot
        for klass in cls.__mro__
        for slot in klass.__dict__.get("__slots__", ())
        if slot != "__weakref__"
    }
    return (
        cls.__dictoffset__ == 0  # instances have no __dict__
        and slots == {field.name for field in fields}
        and all(
            field.init
            and field.converter is None
            and isinstance(getattr(cls, field.name, None), types.MemberDescriptorType)
            and not isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
            for field in fields
        )
    )


def _checked_by_construction(
    field: attrs.Attribute[Any], built: type | None, *, exact: bool
) -> bool:
    """Whether the generated code already guarantees what *field*'s validator checks.

    *exact*: the generated code has checked that the value is of exactly the field's type.
    """
    validator = field.validator
    if validator in CELL_VALIDATORS:
        return True  # Cells are read inline, as the leaf hooks read them: only valid cells.
    if exact and TYPE_ONLY_VALIDATORS.get(validator, attrs.NOTHING) == field.type:
        return True
    if (
        built is not None
        and _IS_PART_CODE is not None
        and getattr(validator, "__code__", None) is _IS_PART_CODE
    ):
        cells = dict(
            zip(
                validator.__code__.co_freevars,  # type: ignore[union-attr]
                (cell.cell_contents for cell in validator.__closure__),  # type: ignore[union-attr]
                strict=True,
            )
        )
        return issubclass(built, cells["cls"])
    return False


# --- dict → objects --------------------------------------------------------------------------


class _StructureWriter:
    def __init__(self, code: _Code) -> None:
        self.code = code

    def build(self, cls: type, typevars: dict[Any, Any], src: str, indent: int) -> str:
        """Emit the lines that build a *cls* from the dict in *src*; return the result's name."""
        code = self.code
        fields = attrs.fields(cls)
        code.emit(indent, f"if {src}.__class__ is not dict: raise _Fail")
        if all(field.default is attrs.NOTHING for field in fields):
            code.emit(indent, f"if len({src}) != {len(fields)}: raise _Fail")
        else:
            keys = code.const("K", frozenset(field.name for field in fields))
            code.emit(indent, f"if not {keys}.issuperset({src}): raise _Fail")
        values: list[tuple[attrs.Attribute[Any], str, tuple[type | None, bool]]] = []
        for field in fields:
            value = code.var("v")
            if field.default is attrs.NOTHING:
                code.emit(indent, f"{value} = {src}[{field.name!r}]")
            else:
                default = code.const("D", field.default)
                code.emit(indent, f"{value} = {src}.get({field.name!r}, {default})")
            values.append((field, value, self.value(field, typevars, value, indent)))

        result = code.var("o")
        if not _can_bypass_init(cls):
            args = ", ".join(f"{field.alias}={value}" for field, value, _ in values)
            code.emit(indent, f"{result} = {code.const('C', cls)}({args})")
            return result
        code.emit(indent, f"{result} = _new({code.const('C', cls)})")
        for field, value, _ in values:
            setter = code.const("S", getattr(cls, field.name).__set__)
            code.emit(indent, f"{setter}({result}, {value})")
        for field, value, (built, exact) in values:
            if field.validator is not None and not _checked_by_construction(
                field, built, exact=exact
            ):
                validator = code.const("V", field.validator)
                attribute = code.const("A", field)
                code.emit(indent, f"{validator}({result}, {attribute}, {value})")
        return result

    def mark(self, value: str, indent: int) -> None:
        """Emit the lines that read a cell that is not a number: ``null`` or a mark.

        The same values as :func:`._leaves.structure_count` returns (the shared instance of
        each mark), without a call per cell; anything else fails (a negative count, a bool, an
        unknown mark: ``KeyError``).
        """
        code = self.code
        code.emit(indent, f"if {value} is None: {value} = {code.const('BLANK', BLANK)}")
        marks = code.const("M", MARK_CELLS)
        code.emit(indent, f"elif type({value}) is str: {value} = {marks}[{value}]")
        code.emit(indent, "else: raise _Fail")

    def value(
        self, field: attrs.Attribute[Any], typevars: dict[Any, Any], value: str, indent: int
    ) -> tuple[type | None, bool]:
        """Emit the lines that turn *value* into the field's value.

        Returns the class built (for a part) and whether the value is then known to be of
        exactly the field's type.
        """
        code = self.code
        if field.validator in CELL_VALIDATORS:
            self.cell(field.validator, value, indent)
            return None, False
        tp = substitute(field.type, typevars)
        part = attrs_class(tp, typevars)
        if part is not None:
            built = self.build(*part, value, indent)
            code.emit(indent, f"{value} = {built}")
            return part[0], True
        inner = optional_of(tp)
        optional_part = None if inner is None else attrs_class(inner, typevars)
        if optional_part is not None:
            code.emit(indent, f"if {value} is not None:")
            built = self.build(*optional_part, value, indent + 1)
            code.emit(indent + 1, f"{value} = {built}")
            return optional_part[0], True
        if _inline_leaf(tp):
            self.leaf(tp, value, indent)
            return None, True
        if inner is not None and _inline_leaf(inner):
            code.emit(indent, f"if {value} is not None:")
            self.leaf(inner, value, indent + 1)
            return None, True
        hook = code.const("H", converter().get_structure_hook(tp))
        code.emit(indent, f"{value} = {hook}({value}, {code.const('T', tp)})")
        return None, False

    def cell(self, validator: object, value: str, indent: int) -> None:
        """Emit the lines that read a table cell, as the leaf hook of its *validator* does."""
        code = self.code
        if validator is is_count:
            code.emit(indent, f"if {value}.__class__ is not int or {value} < 0:")
        elif validator is is_signed_count:
            code.emit(indent, f"if {value}.__class__ is not int:")
        else:  # is_amount
            code.emit(indent, f"if {value}.__class__ is dict:")
            built = self.build(Amount, {}, value, indent + 1)
            code.emit(indent + 1, f"{value} = {built}")
            code.emit(indent, "else:")
        self.mark(value, indent + 1)

    def leaf(self, tp: Any, value: str, indent: int) -> None:
        """Emit the lines that read the leaf *value* of type *tp* as :mod:`._leaves` does."""
        code = self.code
        fail = f"if {value}.__class__ is not {{}}: raise _Fail"
        if tp in _PLAIN:
            code.emit(indent, fail.format(tp.__name__))
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


def _inline_leaf(tp: Any) -> bool:
    """Whether :meth:`_StructureWriter.leaf` reads values of *tp* (else: the converter's hook)."""
    if tp in _PLAIN or tp is Decimal or tp is dt.date:
        return True
    if get_origin(tp) is Literal:
        return all(type(arg) is str for arg in get_args(tp))
    return (
        isinstance(tp, type)
        and issubclass(tp, enum.Enum)
        and all(type(member.value) is str for member in tp)
    )


def _structure_function(cls: type) -> Callable[[dict[str, Any]], Any]:
    code = _Code()
    result = _StructureWriter(code).build(cls, {}, "d", 1)
    code.emit(1, f"return {result}")
    name = f"structure_{cls.__name__}"
    return code.compile(name, f"def {name}(d):")


# --- objects → dict --------------------------------------------------------------------------


_WRITE: Final = {
    Step.VALUE: "{v}",
    Step.COUNT: "{v} if {v}.__class__ is int else _cell({v})",
    Step.CELL_PART: "{f}({v}) if {v}.__class__ is {c} else _cell({v})",
    Step.HOOK: "{f}({v})",
    Step.OPTIONAL_HOOK: "None if {v} is None else {f}({v})",
    Step.OPTIONAL_PART: "None if {v} is None else {f}({v})",
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
        for field, step, arg in steps(cls, typevars):
            value = self.code.var("t")
            self.code.emit(1, f"{value} = {src}.{field.name}")
            items.append(f"{field.name!r}: {self.value(step, arg, value)}")
        return "{" + ", ".join(items) + "}"

    def value(self, step: Step, arg: Any, value: str) -> str:
        """The expression of the JSON value in *value*, written as *step* says."""
        if step is Step.PART:
            return self.expression(arg[0], arg[1], value)
        function = cls = ""
        if step in (Step.CELL_PART, Step.OPTIONAL_PART):
            function, cls = self.function(*arg), self.code.const("C", arg[0])
        elif step in (Step.HOOK, Step.OPTIONAL_HOOK):
            function = self.code.const("H", arg)
        return _WRITE[step].format(v=value, f=function, c=cls)

    def function(self, cls: type, typevars: dict[Any, Any]) -> str:
        """The name of a separate generated function for *cls* (a part that may be absent)."""
        if cls not in self._functions:
            function = _unstructure_function(cls, typevars)
            self._functions[cls] = self.code.const("F", function)
        return self._functions[cls]


def _unstructure_function(
    cls: type, typevars: dict[Any, Any]
) -> Callable[[Any], dict[str, Any]]:
    code = _Code()
    expression = _UnstructureWriter(code).expression(cls, typevars, "r")
    code.emit(1, f"return {expression}")
    name = f"unstructure_{cls.__name__}"
    return code.compile(name, f"def {name}(r):")


# --- entry points ----------------------------------------------------------------------------
# Compiled on first use, one function per version and direction, so that importing the library
# does not pay for the versions it never reads or writes.

_STRUCTURE: Final[dict[str, Callable[[dict[str, Any]], Any]]] = {}
_UNSTRUCTURE: Final[dict[type, Callable[[Any], dict[str, Any]]]] = {}


def structure(data: Any) -> Report:
    """Build a report from a valid interchange dict; on bad data, raise (anything)."""
    version = data["format_version"]
    function = _STRUCTURE.get(version)
    if function is None:
        function = _structure_function(REPORT_CLASSES[version])
        _STRUCTURE[version] = function
    report: Report = function(data)
    return report


def unstructure(report: Report) -> dict[str, Any]:
    """The interchange dict of *report*.

    Raises:
        TypeError: If *report* is not a :class:`~disclosure_report.Report2019` or
            :class:`~disclosure_report.Report2021`.
    """
    function = _UNSTRUCTURE.get(type(report))
    if function is None:
        if type(report) not in REPORT_CLASSES.values():
            raise TypeError(
                f"expected a Report2019 or Report2021, got {type(report).__name__}"
            )
        function = compiled_writer(type(report)) or _unstructure_function(type(report), {})
        _UNSTRUCTURE[type(report)] = function
    return function(report)
