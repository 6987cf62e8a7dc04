"""How each attribute of the model is read from and written to the interchange dict.

Decided here once, from the model's attrs fields; the Python code that :mod:`._fast` generates
follows the decisions. It knows no field of its own, and the tests hold it to what the cattrs
converter reads and writes.
"""

from __future__ import annotations

import datetime as dt
import enum
import types

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, Final, Literal, get_args, get_origin

import attrs

from disclosure_report.model import (
    Amount,
    IsPart,
    Metadata,
    OtherMatters,
    attrs_class,
    is_amount,
    is_count,
    is_signed_count,
    optional_of,
    substitute,
)
from disclosure_report.serialize._converter import CELL_VALIDATORS, converter


__all__ = [
    "TYPE_ONLY_VALIDATORS",
    "Part",
    "ReadField",
    "ReadStep",
    "WriteStep",
    "can_bypass_init",
    "checked_by_construction",
    "is_inline_leaf",
    "is_plain",
    "read_steps",
    "write_steps",
]

_PLAIN: Final = (int, str)

Part = tuple[type, dict[Any, Any]]
"""An attrs class and the type variables it binds (see :func:`~.model._types.attrs_class`)."""


def is_plain(tp: Any) -> bool:
    """A type whose values are written to JSON as they are: int, str, a Literal of them."""
    if get_origin(tp) is Literal:
        return all(type(arg) in _PLAIN for arg in get_args(tp))
    return tp in _PLAIN


def is_inline_leaf(tp: Any) -> bool:
    """A leaf that the fast readers read themselves (others go through the converter's hook).

    Exact ints and strings, literals of strings, decimal strings, dates, enums of strings.
    """
    if tp in _PLAIN or tp is Decimal or tp is dt.date:
        return True
    if get_origin(tp) is Literal:
        return all(type(arg) is str for arg in get_args(tp))
    return (
        isinstance(tp, type)
        and issubclass(tp, enum.Enum)
        and all(type(member.value) is str for member in tp)
    )


# --- writing -----------------------------------------------------------------------------------


class WriteStep(enum.IntEnum):
    """What the writer does with the value of one attribute."""

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


def write_steps(
    cls: type, typevars: dict[Any, Any]
) -> Iterator[tuple[attrs.Attribute[Any], WriteStep, Part | Callable[[Any], Any] | None]]:
    """Each attribute of *cls*, in order, with its step and that step's argument.

    The argument is the part of the ``*PART`` steps, the hook of the ``*HOOK`` steps, and
    ``None`` otherwise.
    """
    for field in attrs.fields(cls):
        if field.validator in (is_count, is_signed_count):  # int, BLANK or NotApplicable
            yield field, WriteStep.COUNT, None
            continue
        if field.validator is is_amount:  # Amount, BLANK or NotApplicable
            yield field, WriteStep.CELL_PART, (Amount, {})
            continue
        tp = substitute(field.type, typevars)
        part = attrs_class(tp, typevars)
        inner = optional_of(tp)
        if part is not None:
            yield field, WriteStep.PART, part
        elif inner is None:
            if is_plain(tp):
                yield field, WriteStep.VALUE, None
            else:
                yield field, WriteStep.HOOK, converter().get_unstructure_hook(tp)
        elif is_plain(inner):
            yield field, WriteStep.VALUE, None
        elif (part := attrs_class(inner, typevars)) is not None:
            yield field, WriteStep.OPTIONAL_PART, part
        else:
            yield field, WriteStep.OPTIONAL_HOOK, converter().get_unstructure_hook(inner)


# --- reading -----------------------------------------------------------------------------------


class ReadStep(enum.Enum):
    """How a fast reader reads the value of one attribute from the dict."""

    COUNT = enum.auto()
    """A count cell: a non-negative int, ``null`` (blank) or a mark."""
    SIGNED_COUNT = enum.auto()
    """A signed count cell: any int, ``null`` or a mark."""
    CELL_PART = enum.auto()
    """A money cell: an object read as an :class:`~disclosure_report.Amount`, ``null`` or a mark."""
    PART = enum.auto()
    """A nested object."""
    LEAF = enum.auto()
    """A leaf that the reader reads itself (:func:`is_inline_leaf`)."""
    HOOK = enum.auto()
    """Anything else, through the converter's structure hook of the field's type."""


@attrs.frozen(kw_only=True)
class ReadField:
    """One attribute, as a fast reader reads it."""

    field: attrs.Attribute[Any]
    step: ReadStep
    tp: Any
    """The part (``PART``, ``CELL_PART``), the leaf type (``LEAF``) or the field's type."""
    optional: bool = False
    """``null`` stands for ``None`` (checked before *step*)."""
    built: type | None = None
    """The class that the reader builds, for the validators that check it."""
    exact: bool = False
    """Whether the value read is known to be of exactly the field's type."""


def read_steps(cls: type, typevars: dict[Any, Any]) -> Iterator[ReadField]:
    """Each attribute of *cls*, in order, as a fast reader reads it."""
    cells = {is_count: ReadStep.COUNT, is_signed_count: ReadStep.SIGNED_COUNT}
    for field in attrs.fields(cls):
        if field.validator in cells:
            yield ReadField(field=field, step=cells[field.validator], tp=field.type)
        elif field.validator is is_amount:
            yield ReadField(field=field, step=ReadStep.CELL_PART, tp=(Amount, {}))
        else:
            yield _read_field(field, typevars)


def _read_field(field: attrs.Attribute[Any], typevars: dict[Any, Any]) -> ReadField:
    tp = substitute(field.type, typevars)
    inner = optional_of(tp)
    part = attrs_class(tp, typevars)
    if part is not None:
        return ReadField(field=field, step=ReadStep.PART, tp=part, built=part[0], exact=True)
    part = None if inner is None else attrs_class(inner, typevars)
    if part is not None:
        step = ReadStep.PART
        return ReadField(field=field, step=step, tp=part, optional=True, built=part[0], exact=True)
    if is_inline_leaf(tp):
        return ReadField(field=field, step=ReadStep.LEAF, tp=tp, exact=True)
    if inner is not None and is_inline_leaf(inner):
        return ReadField(field=field, step=ReadStep.LEAF, tp=inner, optional=True, exact=True)
    return ReadField(field=field, step=ReadStep.HOOK, tp=tp)


# --- building objects --------------------------------------------------------------------------


def can_bypass_init(cls: type) -> bool:
    """Whether setting the slots and running the validators is exactly what ``__init__`` does."""
    if hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
        return False
    own = vars(cls)
    # attrs writes __init__ into the class it decorates, unless the class brings its own; then
    # it writes __attrs_init__ instead (attrs.define's auto_detect). A hand-written __init__
    # may do anything.
    if "__attrs_attrs__" not in own or "__init__" not in own or "__attrs_init__" in own:
        return False
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


def _type_only_validators() -> dict[Any, Any]:
    """The model's validators that check no more than the fast readers' reading of the leaf.

    Each maps to its field's type. The fast readers check the exact type of these leaves
    themselves, so these validators cannot fail on what they build and are not called. The text
    fields also want no lone surrogate, which the readers refuse in every string (as
    :func:`._leaves.structure_text` does); ``Amount.value`` also wants a finite, non-negative
    Decimal: :data:`._leaves.DECIMAL_PATTERN` admits nothing else. ``tests/test_fast_leaves.py``
    checks each of them against its type and against a lone surrogate.
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
"""Validators made redundant by the fast readers' leaf checks, with the type each one checks."""


def checked_by_construction(read: ReadField) -> bool:
    """Whether a fast reader already guarantees what the validator of *read*'s field checks."""
    validator = read.field.validator
    if validator in CELL_VALIDATORS:
        return True  # Cells are read as the leaf hooks read them: only valid cells.
    if read.exact and TYPE_ONLY_VALIDATORS.get(validator, attrs.NOTHING) == read.field.type:
        return True
    if read.built is not None and isinstance(validator, IsPart):
        return issubclass(read.built, validator.cls)
    return False
