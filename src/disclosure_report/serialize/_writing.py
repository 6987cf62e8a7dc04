"""How each attribute of the model is written to the interchange dict, decided once.

Two writers follow these decisions: the generated Python code of :mod:`._fast`, everywhere, and
the compiled writer of ``_speedups.c``, where the build could compile it. Both walk the
model's attrs fields through :func:`steps`, so neither knows a field of its own, and the tests
prove that they write the same dicts as the cattrs converter.

``DISCLOSURE_REPORT_PURE_PYTHON=1`` in the environment (when the library is imported, or when
it is built) leaves the compiled writer out.
"""

from __future__ import annotations

import enum
import os

from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any, Final, Literal, get_args, get_origin

import attrs

from disclosure_report.model import Amount
from disclosure_report.model._cells import is_amount, is_count, is_signed_count
from disclosure_report.model._types import attrs_class, optional_of, substitute
from disclosure_report.serialize._converter import converter
from disclosure_report.serialize._leaves import unstructure_cell


__all__ = ["PURE_PYTHON_VARIABLE", "Step", "compiled_writer", "is_plain", "steps"]

PURE_PYTHON_VARIABLE: Final = "DISCLOSURE_REPORT_PURE_PYTHON"
"""Set to a non-empty value, this environment variable leaves the compiled writer out."""

_PLAIN: Final = (int, str)


class Step(enum.IntEnum):
    """What a writer does with the value of one attribute (``KIND_*`` in ``_speedups.c``)."""

    VALUE = 0
    """Written as it is: an int, a str, a literal of them, or ``None``."""
    COUNT = 1
    """A count cell: an int as it is; a blank or marked cell through ``unstructure_cell``."""
    PART = 2
    """A nested object, written as a dict of its own attributes."""
    CELL_PART = 3
    """A money cell: an :class:`~disclosure_report.Amount` as a dict; else as a count's mark."""
    HOOK = 4
    """A leaf (a date, a Decimal, an enum), through the converter's unstructure hook."""
    OPTIONAL_HOOK = 5
    """``None``, or a leaf through the converter's hook."""
    OPTIONAL_PART = 6
    """``None``, or a nested object."""


Part = tuple[type, dict[Any, Any]]
"""An attrs class and the type variables it binds (see :func:`~.model._types.attrs_class`)."""


def is_plain(tp: Any) -> bool:
    """A type whose values are written to JSON as they are: int, str, a Literal of them."""
    if get_origin(tp) is Literal:
        return all(type(arg) in _PLAIN for arg in get_args(tp))
    return tp in _PLAIN


def steps(
    cls: type, typevars: dict[Any, Any]
) -> Iterator[tuple[attrs.Attribute[Any], Step, Part | Callable[[Any], Any] | None]]:
    """Each attribute of *cls*, in order, with its step and that step's argument.

    The argument is the part (class and type variables) of the ``*PART`` steps, the hook of the
    ``*HOOK`` steps, and ``None`` otherwise.
    """
    for field in attrs.fields(cls):
        if field.validator in (is_count, is_signed_count):  # int, BLANK or NotApplicable
            yield field, Step.COUNT, None
            continue
        if field.validator is is_amount:  # Amount, BLANK or NotApplicable
            yield field, Step.CELL_PART, (Amount, {})
            continue
        tp = substitute(field.type, typevars)
        part = attrs_class(tp, typevars)
        inner = optional_of(tp)
        if part is not None:
            yield field, Step.PART, part
        elif inner is None:
            if is_plain(tp):
                yield field, Step.VALUE, None
            else:
                yield field, Step.HOOK, converter().get_unstructure_hook(tp)
        elif is_plain(inner):
            yield field, Step.VALUE, None
        elif (part := attrs_class(inner, typevars)) is not None:
            yield field, Step.OPTIONAL_PART, part
        else:
            yield field, Step.OPTIONAL_HOOK, converter().get_unstructure_hook(inner)


# --- the compiled writer ---------------------------------------------------------------------


def _plan(cls: type, typevars: dict[Any, Any]) -> tuple[type, tuple[tuple[Any, ...], ...]]:
    """The plan that ``_speedups.compile`` takes: *cls* and, per attribute, what to write."""
    entries = []
    for field, step, arg in steps(cls, typevars):
        descriptor = vars(cls).get(field.name)
        written = _plan(*arg) if isinstance(arg, tuple) else arg
        entries.append((field.name, descriptor, int(step), written))
    return cls, tuple(entries)


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


def compiled_writer(cls: type) -> Callable[[Any], dict[str, Any]] | None:
    """The compiled writer of *cls*, or ``None`` without the compiled module.

    Raises:
        TypeError: If the module cannot follow the model (a field that is not a slot, say):
            a bug of ours, which the tests would show, not something to hide by falling back.
    """
    if SPEEDUPS is None:
        return None
    writer: Callable[[Any], dict[str, Any]] = SPEEDUPS.compile(_plan(cls, {}), unstructure_cell)
    return writer
