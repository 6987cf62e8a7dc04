"""The optional compiled reader and writer (``_speedups.c``), led by plans made here.

A plan is a tuple of plain Python objects: per attribute, its key, its slot descriptor, what to
do (a ``KIND_*`` or ``READ_*`` constant of the module) and what that needs (a nested plan, a
hook, the choices of an enum). :mod:`._steps` decides each of them from the model's fields, as
it does for the generated Python code, so the C module knows no field of its own.

``DISCLOSURE_REPORT_PURE_PYTHON=1`` in the environment (when the library is imported, or when
it is built) leaves the compiled module out.
"""

from __future__ import annotations

import datetime as dt
import enum
import os

from collections.abc import Callable
from decimal import Decimal
from types import ModuleType
from typing import Any, Final, Literal, get_args, get_origin

import attrs

from disclosure_report.model import BLANK, MAX_COUNT
from disclosure_report.serialize._converter import converter
from disclosure_report.serialize._leaves import (
    MARK_CELLS,
    structure_date,
    structure_decimal,
    unstructure_cell,
)
from disclosure_report.serialize._steps import (
    ReadField,
    ReadStep,
    can_bypass_init,
    checked_by_construction,
    read_steps,
    write_steps,
)


__all__ = ["PURE_PYTHON_VARIABLE", "SPEEDUPS", "compiled_reader", "compiled_writer"]

PURE_PYTHON_VARIABLE: Final = "DISCLOSURE_REPORT_PURE_PYTHON"
"""Set to a non-empty value, this environment variable leaves the compiled module out."""


def _load() -> ModuleType | None:
    if os.environ.get(PURE_PYTHON_VARIABLE):
        return None
    try:
        from disclosure_report.serialize import _speedups
    except ImportError:  # not built: no compiler, or built with the variable set
        return None
    return _speedups


SPEEDUPS: Final = _load()
"""The compiled module, or ``None`` when it was not built or is switched off."""


# --- writing -----------------------------------------------------------------------------------


def _write_plan(cls: type, typevars: dict[Any, Any]) -> tuple[type, tuple[tuple[Any, ...], ...]]:
    entries = []
    for field, step, arg in write_steps(cls, typevars):
        written = _write_plan(*arg) if isinstance(arg, tuple) else arg
        entries.append((field.name, vars(cls).get(field.name), int(step), written))
    return cls, tuple(entries)


def compiled_writer(cls: type) -> Callable[[Any], dict[str, Any]] | None:
    """The compiled writer of *cls*, or ``None`` without the compiled module.

    Raises:
        TypeError: If the module cannot follow the model (a field that is not a slot, say):
            a bug of ours, which the tests would show, not something to hide by falling back.
    """
    if SPEEDUPS is None:
        return None
    writer: Callable[[Any], dict[str, Any]] = SPEEDUPS.compile(
        _write_plan(cls, {}), unstructure_cell
    )
    return writer


# --- reading -----------------------------------------------------------------------------------

_MISSING: Final = object()
"""The default of an entry whose key is required."""


class _NotCompilableError(Exception):
    """A class of the model that the compiled reader cannot build as its ``__init__`` would."""


def _leaf(module: ModuleType, tp: Any) -> tuple[int, object]:
    """The kind and argument that read the leaf type *tp* as :mod:`._leaves` reads it."""
    if tp is int:
        return module.READ_INT, None
    if tp is str:
        return module.READ_STR, None
    if tp is Decimal:
        return module.READ_CALL, structure_decimal
    if tp is dt.date:
        return module.READ_CALL, structure_date
    if get_origin(tp) is Literal:
        return module.READ_CHOICE, {arg: arg for arg in get_args(tp)}
    members: type[enum.Enum] = tp  # is_inline_leaf: what is left is an enum of strings
    return module.READ_CHOICE, {member.value: member for member in members}


def _entry(module: ModuleType, read: ReadField) -> tuple[int, object]:
    """The kind and argument of the entry that reads *read*."""
    if read.step is ReadStep.COUNT:
        return module.READ_COUNT, None
    if read.step is ReadStep.SIGNED_COUNT:
        return module.READ_SIGNED_COUNT, None
    if read.step is ReadStep.CELL_PART:
        return module.READ_CELL_PART, _read_plan(module, *read.tp)
    if read.step is ReadStep.PART:
        return module.READ_PART, _read_plan(module, *read.tp)
    if read.step is ReadStep.LEAF:
        return _leaf(module, read.tp)
    hook, tp = converter().get_structure_hook(read.tp), read.tp
    return module.READ_CALL, lambda value: hook(value, tp)


def _read_plan(module: ModuleType, cls: type, typevars: dict[Any, Any]) -> tuple[Any, ...]:
    if not can_bypass_init(cls):
        raise _NotCompilableError(cls)
    entries, checks = [], []
    for read in read_steps(cls, typevars):
        field = read.field
        descriptor = vars(cls)[field.name]
        kind, arg = _entry(module, read)
        if read.optional:
            kind |= module.READ_OPTIONAL
        default = _MISSING if field.default is attrs.NOTHING else field.default
        entries.append((field.name, descriptor, kind, arg, default))
        if field.validator is not None and not checked_by_construction(read):
            checks.append((field.validator, field, descriptor))
    return cls, tuple(entries), tuple(checks)


def compiled_reader(cls: type) -> Callable[[Any], Any] | None:
    """The compiled reader of *cls*, or ``None``.

    ``None`` without the compiled module, and when a class of the model has an ``__init__``
    that does more than set its slots and run its validators (none does today; the generated
    Python reader calls such an ``__init__``). The reader raises (anything) at the first value
    that is not valid; :func:`disclosure_report.from_dict` then asks the converter why.
    """
    if SPEEDUPS is None:
        return None
    try:
        plan = _read_plan(SPEEDUPS, cls, {})
    except _NotCompilableError:
        return None
    reader: Callable[[Any], Any] = SPEEDUPS.compile_reader(
        plan, BLANK, MARK_CELLS, _MISSING, MAX_COUNT
    )
    return reader
