"""Rules of the form "this sum equals that sum", with blank cells as unknown counts.

Policy :attr:`~disclosure_report.checks.BlankPolicy.UNKNOWN_COUNTS`: a blank or not-applicable
operand is an unknown non-negative count. Such a rule is broken only when the numbers present
prove it: every operand is a number and the two sides differ, or one side is fully known and the
known numbers of the other side already add up to more.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import itemgetter, sub
from typing import Literal, TypeAlias

from disclosure_report.checks._finding import Finding
from disclosure_report.checks._rules import Rule
from disclosure_report.model import CellAddress


__all__ = ["Operand", "balance", "proven", "row_totals", "row_totals_hold"]

Operand: TypeAlias = tuple[CellAddress, object]
"""A cell and its value."""

_LAST = itemgetter(-1)


def balance(
    rule: Rule,
    expected: Sequence[Operand],
    actual: Sequence[Operand],
    *,
    actual_first: bool,
) -> Finding | None:
    """A finding when ``sum(expected) == sum(actual)`` is proven false, else ``None``.

    Args:
        rule: The rule being evaluated.
        expected: The operands of the side that states what is expected (the parts of a total,
            the left side of F1).
        actual: The operands of the side being checked (the printed total, the right side of
            F1).
        actual_first: List the *actual* cells first in the finding (a checked total), rather
            than in the formula's order.
    """
    expected_sum, expected_unknown = _known_sum(expected)
    actual_sum, actual_unknown = _known_sum(actual)
    at_least: Literal["expected", "actual"] | None
    if not expected_unknown and not actual_unknown:
        if expected_sum == actual_sum:
            return None
        at_least = None
    elif not expected_unknown and actual_sum > expected_sum:
        at_least = "actual"
    elif not actual_unknown and expected_sum > actual_sum:
        at_least = "expected"
    else:
        return None
    ordered = (*actual, *expected) if actual_first else (*expected, *actual)
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        cells=tuple(address for address, _ in ordered),
        expected=expected_sum,
        actual=actual_sum,
        unknown=tuple(address for address, value in ordered if type(value) is not int),
        at_least=at_least,
    )


def _known_sum(operands: Sequence[Operand]) -> tuple[int, bool]:
    """The sum of the numbers among *operands*, and whether any operand is not a number."""
    total = 0
    unknown = False
    for _, value in operands:
        if type(value) is int:
            total += value
        else:
            unknown = True
    return total, unknown


def proven(expected: Iterable[object], actual: Iterable[object]) -> bool:
    """Whether :func:`balance` on these operand values finds the rule broken.

    The same decision, without building the operands and the finding: the checks call
    :func:`balance` only for the (rare) operands that this says are broken.
    """
    expected_sum = actual_sum = 0
    expected_unknown = actual_unknown = False
    for value in expected:
        if value.__class__ is int:
            expected_sum += value
        else:
            expected_unknown = True
    for value in actual:
        if value.__class__ is int:
            actual_sum += value
        else:
            actual_unknown = True
    if not expected_unknown:
        return actual_sum != expected_sum if not actual_unknown else actual_sum > expected_sum
    return not actual_unknown and expected_sum > actual_sum


def row_totals(
    rule: Rule,
    rows: Sequence[tuple[object, ...]],
    cells: Sequence[tuple[CellAddress, ...]],
) -> list[Finding]:
    """Findings of *rule* (last column = sum of the others) for each row, in order.

    The values are counts (never negative), so a row whose total is blank or not applicable
    is never proven wrong: the known parts cannot add up to less than nothing. Each other row
    is summed in one pass; :func:`balance` builds the finding of a row proven wrong.

    Args:
        rule: I1 or I4.
        rows: Each row's values, the total last.
        cells: Each row's cell addresses, in the same order.
    """
    findings = []
    for values, addresses in zip(rows, cells, strict=True):
        total = values[-1]
        if total.__class__ is not int:
            continue
        known = 0
        unknown = False
        for value in values:
            if value.__class__ is int:
                known += value
            else:
                unknown = True
        parts = known - total
        if (parts > total) if unknown else (parts != total):
            operands = tuple(zip(addresses, values, strict=True))
            finding = balance(rule, operands[:-1], operands[-1:], actual_first=True)
            if finding is not None:  # pragma: no branch (proven above)
                findings.append(finding)
    return findings


def row_totals_hold(rows: Sequence[tuple[object, ...]]) -> bool:
    """Whether every row holds numbers only and its last value is the sum of the others.

    The fast path of :func:`row_totals`, run in C by ``map``: ``sum(row) - total == total``.
    A blank or not-applicable cell makes ``sum`` raise :class:`TypeError`: then ``False``.
    """
    try:
        totals = tuple(map(_LAST, rows))
        return tuple(map(sub, map(sum, rows), totals)) == totals  # type: ignore[arg-type]
    except TypeError:
        return False
