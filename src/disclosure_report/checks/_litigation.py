"""Rule I4 on table 4 (reconsideration and litigation): each group's total is its sum.

A table of numbers that holds is recognised by generated code that adds each group's cells
with ``+`` (:func:`_holds_function`); otherwise the rows are read and summed one by one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, Literal

import attrs

from disclosure_report.checks._balance import row_totals
from disclosure_report.checks._finding import Finding
from disclosure_report.checks._layout import row_reader, table_rows
from disclosure_report.checks._rules import I4_2019, I4_2021, Rule
from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.model import (
    CaseOutcomes,
    ReconsiderationAndLitigation,
    Report2019,
    Report2021,
)


__all__ = ["check_reconsideration_and_litigation"]

_COLUMNS: Final = tuple(field.name for field in attrs.fields(CaseOutcomes))
if _COLUMNS[-1] != "total":  # pragma: no cover (a guard on the model's shape)
    raise AssertionError("the total column of table 4 must come last")

_LAYOUT: Final = table_rows(Report2021, 4)
if table_rows(Report2019, 4) != _LAYOUT:  # pragma: no cover (a guard on the model's shape)
    raise AssertionError("table 4 must be the same in both versions")
_READ_ROWS: Final = row_reader([(path, _COLUMNS) for path, _ in _LAYOUT])


def _holds_function() -> Callable[[Any], bool]:
    """Generate the test that every group of table 4 is all numbers and its total is its sum.

    ``True`` only when each ``a + b + … == total`` compares numbers: a blank or not-applicable
    part raises :class:`TypeError` (then ``False``) and such a total is equal to no number.
    """
    lines = ["def holds(t):"]
    tests = []
    for row, (path, _) in enumerate(_LAYOUT):
        if not all(part.isidentifier() for part in path.split(".")):  # pragma: no cover
            raise AssertionError(f"not a path of attributes: {path!r}")
        lines.append(f"    r{row} = t.{path}")
        parts = " + ".join(f"r{row}.{column}" for column in _COLUMNS[:-1])
        tests.append(f"{parts} == r{row}.{_COLUMNS[-1]}")
    lines += ["    try:", "        return (" + "\n            and ".join(tests) + ")"]
    lines += ["    except TypeError:", "        return False"]
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), "<disclosure_report table 4 test>", "exec"), namespace)  # noqa: S102 (our own code, from the model's field names)
    holds: Callable[[Any], bool] = namespace["holds"]
    return holds


_HOLDS: Final = _holds_function()
_CELLS: Final = tuple(cells for _, cells in _LAYOUT)
_RULES: Final[dict[object, Rule]] = {"2019": I4_2019, "2021": I4_2021}


def check_reconsideration_and_litigation(
    table: ReconsiderationAndLitigation, version: Literal["2019", "2021"]
) -> tuple[Finding, ...]:
    """Findings of I4 (``2019.T4.I4`` or ``2021.T4.I4``), one per group that breaks it.

    Raises:
        InvalidReportError: When *version* is not a format version.
    """
    rule = _RULES.get(version)
    if rule is None:
        raise InvalidReportError([Problem("version", "'2019' or '2021'", repr(version))])
    if _HOLDS(table):
        return ()
    return tuple(row_totals(rule, _READ_ROWS(table), _CELLS))
