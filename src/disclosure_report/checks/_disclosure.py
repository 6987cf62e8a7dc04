"""Rules I5 and X4 on table 2 of the 2019 format (proactive disclosure).

Both are inequalities, evaluated only when every operand is a number (policy
:attr:`~disclosure_report.checks.BlankPolicy.SKIP_IF_UNKNOWN`). The 2021 table has no rule that
one report can be held to: its counts are non-negative by construction (I5) and the relation of
issued, repealed and in-force documents spans two years (X3).
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Final, TypeAlias

from disclosure_report.checks._finding import Finding
from disclosure_report.checks._layout import table_rows
from disclosure_report.checks._rules import (
    I5_2019,
    X4_PRODUCED_2019,
    X4_TOTAL_2019,
)
from disclosure_report.model import (
    ActiveDisclosure2019,
    CellAddress,
    Report2019,
)


__all__ = ["check_active_disclosure_2019"]


_Getter: TypeAlias = Callable[[ActiveDisclosure2019], tuple[object, ...]]


def _rows_with(*columns: str) -> tuple[tuple[_Getter, tuple[CellAddress, ...]], ...]:
    """Each row that has *columns*: a getter of their values, and their addresses."""
    found: list[tuple[_Getter, tuple[CellAddress, ...]]] = []
    for path, cells in table_rows(Report2019, 2):
        by_column = {cell.column: cell for cell in cells}
        if all(column in by_column for column in columns):
            getter = attrgetter(*(f"{path}.{column}" for column in columns))
            found.append((getter, tuple(by_column[column] for column in columns)))
    return tuple(found)


_ITEM_ROWS: Final = _rows_with("previous_items", "change")
_DOCUMENT_ROWS: Final = _rows_with("newly_produced", "newly_disclosed", "total_disclosed")


def check_active_disclosure_2019(table: ActiveDisclosure2019) -> tuple[Finding, ...]:
    """Findings of I5, then X4 (total, then produced), each in printed order."""
    items: list[Finding] = []
    totals: list[Finding] = []
    produced: list[Finding] = []
    for getter, (previous_cell, change_cell) in _ITEM_ROWS:
        previous, change = getter(table)
        if type(previous) is int and type(change) is int and previous + change < 0:
            items.append(
                Finding(
                    rule=I5_2019.id,
                    severity=I5_2019.severity,
                    cells=(previous_cell, change_cell),
                    expected=0,
                    actual=previous + change,
                )
            )
    for getter, (produced_cell, new_cell, total_cell) in _DOCUMENT_ROWS:
        new_produced, new_disclosed, total_disclosed = getter(table)
        if type(new_disclosed) is not int:
            continue
        if type(total_disclosed) is int and total_disclosed < new_disclosed:
            totals.append(
                Finding(
                    rule=X4_TOTAL_2019.id,
                    severity=X4_TOTAL_2019.severity,
                    cells=(total_cell, new_cell),
                    expected=new_disclosed,
                    actual=total_disclosed,
                )
            )
        if type(new_produced) is int and new_disclosed > new_produced:
            produced.append(
                Finding(
                    rule=X4_PRODUCED_2019.id,
                    severity=X4_PRODUCED_2019.severity,
                    cells=(new_cell, produced_cell),
                    expected=new_produced,
                    actual=new_disclosed,
                )
            )
    if items or totals or produced:
        return (*items, *totals, *produced)
    return ()
