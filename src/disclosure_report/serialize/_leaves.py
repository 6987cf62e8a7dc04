"""The interchange encoding of every leaf value: cells, money, dates, enums, plain scalars.

Each ``structure_*`` function takes a value read from JSON and returns the model's value, or
raises :class:`~._errors.WireError` saying what was expected. They are strict: nothing is coerced
(no bool for an int, no float for money, no ``"5"`` for 5). The cattrs converter uses these
functions; the generated fast path reads the same leaves inline with the same patterns
(:data:`DECIMAL_PATTERN`, :data:`DATE_PATTERN`) and mark instances (:data:`MARK_CELLS`), and
its tests prove that both read every leaf alike.
"""

from __future__ import annotations

import datetime as dt
import enum
import re

from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, TypeVar

from disclosure_report.model import (
    BLANK,
    MAX_COUNT,
    NOT_APPLICABLE_SYMBOLS,
    TEXT_EXPECTED,
    Amount,
    AmountCell,
    Blank,
    Count,
    NotApplicable,
    SignedCount,
    lone_surrogate_at,
)
from disclosure_report.serialize._errors import WireError, describe


__all__ = [
    "AMOUNT_EXPECTED",
    "COUNT_EXPECTED",
    "DATE_PATTERN",
    "DECIMAL_PATTERN",
    "MARK_CELLS",
    "SIGNED_COUNT_EXPECTED",
    "enum_hook",
    "exact_hook",
    "make_amount_cell_hook",
    "structure_count",
    "structure_date",
    "structure_decimal",
    "structure_signed_count",
    "structure_text",
    "unstructure_cell",
    "unstructure_date",
    "unstructure_decimal",
]

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")

_MARKS: Final = ", ".join(f'"{symbol}"' for symbol in sorted(NOT_APPLICABLE_SYMBOLS))
_BLANK_OR_MARK: Final = f"null (a blank cell) or a not-applicable mark ({_MARKS})"

COUNT_EXPECTED: Final = f"a count: an integer from 0 to {MAX_COUNT}, {_BLANK_OR_MARK}"
SIGNED_COUNT_EXPECTED: Final = (
    f"a signed count: an integer from {-MAX_COUNT} to {MAX_COUNT}, {_BLANK_OR_MARK}"
)
AMOUNT_EXPECTED: Final = (
    'an amount: an object {"value": "<decimal string>", "unit": "万元", "元" or null}, '
    + _BLANK_OR_MARK
)
DECIMAL_EXPECTED: Final = (
    'a non-negative decimal number as a string in plain notation (such as "5949.088667")'
)
DATE_EXPECTED: Final = 'a date as a string "YYYY-MM-DD"'

# Canonical plain notation only: no sign, exponent, leading zeros, spaces or non-ASCII digits, so
# that every accepted string is exactly what to_dict writes back.
DECIMAL_PATTERN: Final = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?", re.ASCII)
"""Money as written: a non-negative decimal in plain notation (never non-finite)."""
DATE_PATTERN: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
"""A date as written, before :meth:`datetime.date.fromisoformat` checks the calendar."""


# NotApplicable is frozen and compared by value, so one instance per mark serves every cell.
MARK_CELLS: Final = {symbol: NotApplicable(symbol=symbol) for symbol in NOT_APPLICABLE_SYMBOLS}
"""The cell of each not-applicable mark, by its symbol."""


def _mark(value: object, expected: str) -> Blank | NotApplicable:
    """A blank cell (``null``) or a not-applicable mark (its symbol)."""
    if value is None:
        return BLANK
    if type(value) is str and value in MARK_CELLS:
        return MARK_CELLS[value]
    raise WireError(expected, describe(value))


def structure_count(value: object) -> Count:
    """A count cell: an ``int`` from 0 to MAX_COUNT (never a bool or float), ``null`` or a mark."""
    if type(value) is int:
        if 0 <= value <= MAX_COUNT:
            return value
        raise WireError(COUNT_EXPECTED, describe(value))
    return _mark(value, COUNT_EXPECTED)


def structure_signed_count(value: object) -> SignedCount:
    """A signed count cell (2019 ``本年增/减``): an ``int`` within ±MAX_COUNT, ``null`` or a mark."""
    if type(value) is int:
        if -MAX_COUNT <= value <= MAX_COUNT:
            return value
        raise WireError(SIGNED_COUNT_EXPECTED, describe(value))
    return _mark(value, SIGNED_COUNT_EXPECTED)


def make_amount_cell_hook(
    structure_amount: Callable[[dict[Any, Any]], Amount],
) -> Callable[[object], AmountCell]:
    """The hook of money cells; objects go to *structure_amount* (the converter's)."""

    def structure_amount_cell(value: object) -> AmountCell:
        if type(value) is dict:
            return structure_amount(value)
        return _mark(value, AMOUNT_EXPECTED)

    return structure_amount_cell


def structure_decimal(value: object) -> Decimal:
    """Money: a decimal string in plain notation, read exactly (never a JSON number)."""
    if type(value) is str and DECIMAL_PATTERN.fullmatch(value):
        return Decimal(value)
    raise WireError(DECIMAL_EXPECTED, describe(value))


def structure_date(value: object) -> dt.date:
    """A calendar date written ``YYYY-MM-DD``."""
    if type(value) is str and DATE_PATTERN.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise WireError(DATE_EXPECTED, describe(value))


def enum_hook(cls: type[E]) -> Callable[[object], E]:
    """The hook of an enum written as its value (``"万元"``, ``"national"``)."""
    members = {member.value: member for member in cls}
    expected = "one of " + ", ".join(f'"{value}"' for value in members)

    def structure_enum(value: object) -> E:
        if type(value) is str and value in members:
            return members[value]
        raise WireError(expected, describe(value))

    return structure_enum


_SCALAR_NAMES: Final = {int: "an integer", str: "a string"}


def exact_hook(cls: type[T]) -> Callable[[object], T]:
    """The hook of a plain scalar: a value of exactly *cls* (so no bool where an int belongs)."""
    expected = _SCALAR_NAMES.get(cls, f"a {cls.__name__}")

    def structure_exact(value: object) -> T:
        if type(value) is cls:
            return value
        raise WireError(expected, describe(value))

    return structure_exact


def structure_text(value: object) -> str:
    """Text: a string that UTF-8 can encode, so one without a lone surrogate.

    What the model's text fields accept (:data:`~disclosure_report.model.TEXT_EXPECTED`): a JSON
    escape such as ``"\\ud800"`` gives a lone surrogate, which no writer could write back.
    """
    if type(value) is not str:
        raise WireError(_SCALAR_NAMES[str], describe(value))
    at = lone_surrogate_at(value)
    if at is not None:
        got = f"{describe(value)}, with a lone surrogate (U+{ord(value[at]):04X}) at character {at}"
        raise WireError(TEXT_EXPECTED, got)
    return value


def unstructure_decimal(value: Decimal) -> str:
    """Plain notation, exact (``Decimal("1E+3")`` → ``"1000"``)."""
    # copy_abs: amounts are never negative (the model checks), but Decimal("-0") passes that
    # check and would be written "-0", which is not canonical.
    return format(value.copy_abs(), "f")


def unstructure_date(value: dt.date) -> str:
    """``YYYY-MM-DD``."""
    return value.isoformat()


def unstructure_cell(value: Blank | NotApplicable) -> str | None:
    """A blank cell is ``null``; a not-applicable cell is its mark."""
    if type(value) is NotApplicable:
        return value.symbol
    if value is BLANK:
        return None
    raise TypeError(f"not a cell value: {value!r}")
