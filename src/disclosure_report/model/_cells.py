"""Cell values: a number, a blank cell, or a cell marked not applicable.

Published tables distinguish three states that must not be confused: ``0`` (a number), an empty
cell (:data:`BLANK`) and a cell marked not applicable with ``/``, ``-`` or ``—``
(:class:`NotApplicable`). Money is an exact :class:`~decimal.Decimal` with its unit
(:class:`Amount`).
"""

from __future__ import annotations

import enum

from decimal import Decimal
from typing import Any, Final, TypeAlias

import attrs

from disclosure_report.exceptions import InvalidReportError, Problem


__all__ = [
    "BLANK",
    "MAX_COUNT",
    "NOT_APPLICABLE_SYMBOLS",
    "Amount",
    "AmountCell",
    "Blank",
    "Count",
    "NotApplicable",
    "SignedCount",
    "Unit",
    "describe_value",
    "is_amount",
    "is_count",
    "is_signed_count",
    "safe_repr",
]


MAX_COUNT: Final = 2**53 - 1
"""The largest count (and, negated, the smallest signed count) that a cell holds.

9,007,199,254,740,991: the largest integer that every JSON reader keeps exact (RFC 7493), far
above any count a report prints, so that the interchange format means the same everywhere.
"""


class Blank(enum.Enum):
    """The type of :data:`BLANK`: a cell left empty in the published report."""

    BLANK = "blank"

    def __repr__(self) -> str:
        return "BLANK"


BLANK: Final = Blank.BLANK
"""A cell left empty. Not a zero: checks treat it as an unknown value."""

NOT_APPLICABLE_SYMBOLS: Final = frozenset(
    {"/", "／", "-", "－", "--", "—", "——", "–", "―", "无", "\\", "＼"}
)
"""The marks that publishers print for "not applicable"."""


def _check_symbol(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if value not in NOT_APPLICABLE_SYMBOLS:
        raise InvalidReportError(
            [
                Problem(
                    attribute.name,
                    "a not-applicable mark: one of " + " ".join(sorted(NOT_APPLICABLE_SYMBOLS)),
                    repr(value),
                )
            ]
        )


@attrs.frozen
class NotApplicable:
    """A cell marked not applicable.

    Attributes:
        symbol: The mark as printed (``/`` by default; ``-``, ``—`` … are kept as they were so
            that a report renders as it was published).
    """

    symbol: str = attrs.field(default="/", validator=_check_symbol)


class Unit(enum.StrEnum):
    """Unit of a money cell."""

    YUAN = "元"
    WAN_YUAN = "万元"


def _check_amount_value(_: object, attribute: attrs.Attribute[Decimal], value: object) -> None:
    if type(value) is not Decimal or not value.is_finite() or value < 0:
        raise InvalidReportError(
            [
                Problem(
                    attribute.name,
                    "a finite, non-negative Decimal",
                    describe_value(value),
                )
            ]
        )


def _check_unit(_: object, attribute: attrs.Attribute[Unit | None], value: object) -> None:
    if value is not None and type(value) is not Unit:
        raise InvalidReportError(
            [Problem(attribute.name, "a Unit (元 or 万元) or None", describe_value(value))]
        )


@attrs.frozen
class Amount:
    """An amount of money, exact, with the unit it is stated in.

    Attributes:
        value: The amount as published, never rounded.
        unit: :attr:`Unit.WAN_YUAN` or :attr:`Unit.YUAN`; ``None`` when the report printed no unit
            and the format defines none (the 2019 procurement total).
    """

    value: Decimal = attrs.field(validator=_check_amount_value)
    unit: Unit | None = attrs.field(validator=_check_unit)


Count: TypeAlias = int | Blank | NotApplicable
"""A count cell: a non-negative ``int``, :data:`BLANK` or :class:`NotApplicable`."""

SignedCount: TypeAlias = int | Blank | NotApplicable
"""A signed count cell (the 2019 ``本年增/减``): any ``int``, :data:`BLANK` or :class:`NotApplicable`."""

AmountCell: TypeAlias = Amount | Blank | NotApplicable
"""A money cell: an :class:`Amount`, :data:`BLANK` or :class:`NotApplicable`."""


_MAX_REPR: Final = 60


def safe_repr(value: object) -> str:
    """``repr(value)``, or a placeholder for an int with more digits than ``int`` → ``str``
    allows (``sys.get_int_max_str_digits``), whose ``repr`` raises."""
    try:
        return repr(value)
    except ValueError:
        return "<too many digits to show>"


def describe_value(value: object) -> str:
    """The type and a short repr of *value*, for a :class:`~disclosure_report.exceptions.Problem`."""
    text = safe_repr(value)
    if len(text) > _MAX_REPR:
        text = text[: _MAX_REPR - 3] + "..."
    return f"{type(value).__name__} {text}"


def is_count(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a count cell (rule I5: counts are non-negative integers)."""
    if type(value) is int:
        if 0 <= value <= MAX_COUNT:
            return
    elif value is BLANK or type(value) is NotApplicable:
        return
    raise InvalidReportError(
        [
            Problem(
                attribute.name,
                f"a count: an integer from 0 to {MAX_COUNT}, BLANK or NotApplicable",
                describe_value(value),
            )
        ]
    )


def is_signed_count(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a signed count cell (the 2019 ``本年增/减``, which may be negative)."""
    if type(value) is int:
        if -MAX_COUNT <= value <= MAX_COUNT:
            return
    elif value is BLANK or type(value) is NotApplicable:
        return
    raise InvalidReportError(
        [
            Problem(
                attribute.name,
                f"a signed count: an integer from {-MAX_COUNT} to {MAX_COUNT}, BLANK or "
                "NotApplicable",
                describe_value(value),
            )
        ]
    )


def is_amount(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a money cell."""
    if type(value) is Amount or value is BLANK or type(value) is NotApplicable:
        return
    raise InvalidReportError(
        [
            Problem(
                attribute.name,
                "an amount: an Amount, BLANK or NotApplicable",
                describe_value(value),
            )
        ]
    )
