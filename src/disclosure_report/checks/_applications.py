"""Rules F1, I1 and I2 on table 3 (applications received and handled).

The rows, columns and cell addresses come from the model's layout, once per format version, and
the rows are read by generated straight-line code (:func:`~._layout.row_reader`). A table whose
cells are all numbers and that balances is recognised by a few ``map`` calls over the rows.
Otherwise each row (I1) and column (F1, I2) is summed in one pass over its values, and only the
operands of a rule proven broken are handed to :func:`~._balance.balance` for the finding.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import add
from typing import Any, Final

import attrs

from disclosure_report.checks._balance import (
    Operand,
    balance,
    proven,
    row_totals,
    row_totals_hold,
)
from disclosure_report.checks._finding import Finding
from disclosure_report.checks._layout import row_reader, table_rows
from disclosure_report.checks._rules import (
    F1_2019,
    F1_2021,
    I1_2019,
    I1_2021,
    I2_2019,
    I2_2021,
    Rule,
)
from disclosure_report.model import (
    ApplicantCounts,
    Applications,
    CellAddress,
    OtherHandling,
    Report2019,
    Report2021,
)


__all__ = ["check_applications"]

_COLUMNS: Final = tuple(field.name for field in attrs.fields(ApplicantCounts))
if _COLUMNS[-1] != "total":  # pragma: no cover (a guard on the model's shape)
    raise AssertionError("the total column of table 3 must come last")


@attrs.frozen
class _Table3:
    """What the rules need to know about table 3 in one format version."""

    f1: Rule
    i1: Rule
    i2: Rule
    read_rows: Callable[[Any], list[tuple[object, ...]]]
    """The values of every row of the table, in printed order, by column."""
    cells: tuple[tuple[CellAddress, ...], ...]
    """The cells of each row."""
    new: int
    """Index of ``new_received`` in the rows; likewise the next three."""
    carried_over: int
    total: int
    forward: int
    leaves: slice
    """The outcome rows above ``outcomes.total``."""

    def check(self, applications: Applications[Any]) -> tuple[Finding, ...]:
        rows = self.read_rows(applications)
        if self._holds(rows):
            return ()
        return (*self._f1(rows), *row_totals(self.i1, rows, self.cells), *self._i2(rows))

    def _holds(self, rows: list[tuple[object, ...]]) -> bool:
        try:
            return (
                tuple(map(add, rows[self.new], rows[self.carried_over]))
                == tuple(map(add, rows[self.total], rows[self.forward]))
                and row_totals_hold(rows)
                and tuple(map(sum, zip(*rows[self.leaves], strict=True))) == rows[self.total]
            )
        except TypeError:  # a blank or not-applicable cell
            return False

    def _operand(self, rows: list[tuple[object, ...]], row: int, column: int) -> Operand:
        return self.cells[row][column], rows[row][column]

    def _f1(self, rows: list[tuple[object, ...]]) -> list[Finding]:
        findings = []
        new, carried_over = rows[self.new], rows[self.carried_over]
        total, forward = rows[self.total], rows[self.forward]
        for column in range(len(_COLUMNS)):
            if not proven(
                (new[column], carried_over[column]), (total[column], forward[column])
            ):
                continue
            finding = balance(
                self.f1,
                (
                    self._operand(rows, self.new, column),
                    self._operand(rows, self.carried_over, column),
                ),
                (
                    self._operand(rows, self.total, column),
                    self._operand(rows, self.forward, column),
                ),
                actual_first=False,
            )
            if finding is not None:
                findings.append(finding)
        return findings

    def _i2(self, rows: list[tuple[object, ...]]) -> list[Finding]:
        findings = []
        leaves = range(len(rows))[self.leaves]
        totals = rows[self.total]
        for column, values in enumerate(zip(*rows[self.leaves], strict=True)):
            total = totals[column]
            if total.__class__ is not int:
                continue  # Counts: known parts never add up to less than an unknown total.
            known = 0
            unknown = False
            for value in values:
                if value.__class__ is int:
                    known += value
                else:
                    unknown = True
            if not ((known > total) if unknown else (known != total)):
                continue
            finding = balance(
                self.i2,
                tuple(self._operand(rows, row, column) for row in leaves),
                (self._operand(rows, self.total, column),),
                actual_first=True,
            )
            if finding is not None:
                findings.append(finding)
        return findings


def _table3(report_class: type[Report2019 | Report2021], f1: Rule, i1: Rule, i2: Rule) -> _Table3:
    layout = table_rows(report_class, 3)
    paths = [path for path, _ in layout]
    total = paths.index("outcomes.total")
    leaves = [i for i, path in enumerate(paths) if path.startswith("outcomes.") and i != total]
    if leaves != list(range(leaves[0], total)):  # pragma: no cover (a guard on the model's shape)
        raise AssertionError("the outcome rows must directly precede outcomes.total")
    return _Table3(
        f1=f1,
        i1=i1,
        i2=i2,
        read_rows=row_reader([(path, _COLUMNS) for path in paths]),
        cells=tuple(cells for _, cells in layout),
        new=paths.index("new_received"),
        carried_over=paths.index("carried_over"),
        total=total,
        forward=paths.index("carried_forward"),
        leaves=slice(leaves[0], total),
    )


_BY_SHAPE: Final[dict[type, _Table3]] = {
    ApplicantCounts: _table3(Report2019, F1_2019, I1_2019, I2_2019),
    OtherHandling: _table3(Report2021, F1_2021, I1_2021, I2_2021),
}


def check_applications(applications: Applications[Any]) -> tuple[Finding, ...]:
    """Findings of F1, I1 and I2 on table 3, in that order; each in printed order.

    The format version follows from the shape of （六）其他处理: one row (2019) or three (2021).
    """
    return _BY_SHAPE[type(applications.outcomes.other_handling)].check(applications)
