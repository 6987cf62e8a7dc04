"""Rules I5 and X4 on table 2 (proactive disclosure), which the 2019 format has.

Both are inequalities, evaluated only when every operand is a number (policy
:attr:`~disclosure_report.checks.BlankPolicy.SKIP_IF_UNKNOWN`). The 2021 table has no rule that
one report can be held to: its counts are non-negative by construction (I5) and the relation of
issued, repealed and in-force documents spans two years (X3).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from disclosure_report.checks._finding import Finding
from disclosure_report.checks._rows import rows_with
from disclosure_report.checks._rules import Rule
from disclosure_report.model import FormatVersion


__all__ = ["TABLE2_RULES", "table2_checker"]

TABLE2_RULES: Final = ("T2.I5", "T2.X4.TOTAL", "T2.X4.PRODUCED")
"""The rules on table 2 alone, checked together."""


def table2_checker(
    version: FormatVersion, rules: Mapping[str, Rule]
) -> Callable[[Any], tuple[Finding, ...]]:
    """The check of table 2 in *version*: I5, then X4 (total, then produced), as it lists them.

    I5 reads every row with the columns ``previous_items`` and ``change``, X4 every row with
    ``newly_produced``, ``newly_disclosed`` and ``total_disclosed``.
    """
    i5, x4_total, x4_produced = (rules.get(name) for name in TABLE2_RULES)
    item_rows = rows_with(version, 2, "previous_items", "change") if i5 else ()
    document_rows = (
        rows_with(version, 2, "newly_produced", "newly_disclosed", "total_disclosed")
        if x4_total or x4_produced
        else ()
    )
    if not item_rows and not document_rows:
        return lambda _: ()

    def check(table: object) -> tuple[Finding, ...]:
        items: list[Finding] = []
        totals: list[Finding] = []
        produced: list[Finding] = []
        for getter, (previous_cell, change_cell) in item_rows:
            previous, change = getter(table)
            if i5 and type(previous) is int and type(change) is int and previous + change < 0:
                items.append(
                    Finding(
                        rule=i5.id,
                        severity=i5.severity,
                        cells=(previous_cell, change_cell),
                        expected=0,
                        actual=previous + change,
                    )
                )
        for getter, (produced_cell, new_cell, total_cell) in document_rows:
            new_produced, new_disclosed, total_disclosed = getter(table)
            if type(new_disclosed) is not int:
                continue
            if x4_total and type(total_disclosed) is int and total_disclosed < new_disclosed:
                totals.append(
                    Finding(
                        rule=x4_total.id,
                        severity=x4_total.severity,
                        cells=(total_cell, new_cell),
                        expected=new_disclosed,
                        actual=total_disclosed,
                    )
                )
            if x4_produced and type(new_produced) is int and new_disclosed > new_produced:
                produced.append(
                    Finding(
                        rule=x4_produced.id,
                        severity=x4_produced.severity,
                        cells=(new_cell, produced_cell),
                        expected=new_produced,
                        actual=new_disclosed,
                    )
                )
        if items or totals or produced:
            return (*items, *totals, *produced)
        return ()

    return check
