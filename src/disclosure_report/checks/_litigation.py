"""Rule I4 on table 4 (reconsideration and litigation): each group's total is its sum.

A table of numbers that holds is recognised by generated code that adds each group's cells
with ``+`` (:func:`_holds_function`); otherwise the rows are read and summed one by one.
"""

from __future__ import annotations

import functools

from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from disclosure_report.checks._balance import row_totals
from disclosure_report.checks._finding import Finding
from disclosure_report.checks._rows import row_reader, table_rows
from disclosure_report.checks._rules import Rule
from disclosure_report.model import (
    CaseOutcomes,
    CellAddress,
    FormatVersion,
    ReconsiderationAndLitigation,
)


__all__ = ["TABLE4_RULES", "table4_checker"]

TABLE4_RULES: Final = ("T4.I4",)
"""The rules on table 4."""

_COLUMNS: Final = tuple(field.name for field in attrs.fields(CaseOutcomes))
if _COLUMNS[-1] != "total":  # pragma: no cover (a guard on the model's shape)
    raise AssertionError("the total column of table 4 must come last")


def _holds_function(paths: tuple[str, ...]) -> Callable[[Any], bool]:
    """Generate the test that every group of table 4 is all numbers and its total is its sum.

    ``True`` only when each ``a + b + … == total`` compares numbers: a blank or not-applicable
    part raises :class:`TypeError` (then ``False``) and such a total is equal to no number.
    """
    lines = ["def holds(t):"]
    tests = []
    for row, path in enumerate(paths):
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


@attrs.frozen
class _Table4:
    """What rule I4 needs to know about table 4 in one format version."""

    rule: Rule
    paths: tuple[str, ...]
    """The rows, in printed order."""
    holds: Callable[[Any], bool]
    """Whether every group is all numbers and its total is its sum."""
    read_rows: Callable[[Any], list[tuple[object, ...]]]
    cells: tuple[tuple[CellAddress, ...], ...]

    def check(self, table: ReconsiderationAndLitigation) -> tuple[Finding, ...]:
        if self.holds(table):
            return ()
        return tuple(row_totals(self.rule, self.read_rows(table), self.cells))


@functools.cache
def table4_plan(version: FormatVersion, rule: Rule) -> _Table4:
    """The rows and generated readers of table 4 in *version*, checked against *rule*."""
    layout = table_rows(version.report_class, 4)
    paths = tuple(path for path, _ in layout)
    return _Table4(
        rule=rule,
        paths=paths,
        holds=_holds_function(paths),
        read_rows=row_reader([(path, _COLUMNS) for path in paths]),
        cells=tuple(cells for _, cells in layout),
    )


def table4_checker(
    version: FormatVersion, rules: Mapping[str, Rule]
) -> Callable[[ReconsiderationAndLitigation], tuple[Finding, ...]]:
    """The check of table 4 in *version*: I4, one finding per group that breaks it."""
    rule = rules.get("T4.I4")
    if rule is None:
        return lambda _: ()
    return table4_plan(version, rule).check
