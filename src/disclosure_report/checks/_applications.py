"""Rules F1, I1 and I2 on table 3 (applications received and handled).

The rows, columns and cell addresses come from the model's layout, once per format version, and
the rows are read by generated straight-line code (:func:`~._layout.row_reader`). A table whose
cells are all numbers and that balances is recognised by one more generated function, which
adds the cells of every rule with ``+`` straight from the objects (:func:`_holds_function`).
Otherwise each row (I1) and column (F1, I2) is summed in one pass over its values, and only the
operands of a rule proven broken are handed to :func:`~._balance.balance` for the finding.
"""

from __future__ import annotations

import functools

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import attrs

from disclosure_report.checks._balance import (
    Operand,
    balance,
    proven,
    row_totals,
)
from disclosure_report.checks._finding import Finding
from disclosure_report.checks._rows import row_reader, table_rows
from disclosure_report.checks._rules import Rule
from disclosure_report.exceptions import DisclosureReportError
from disclosure_report.model import (
    ApplicantCounts,
    Applications,
    CellAddress,
    FormatVersion,
)


__all__ = ["TABLE3_RULES", "table3_checker"]

TABLE3_RULES: Final = ("T3.F1", "T3.I1", "T3.I2")
"""The rules on table 3 alone, checked together."""

_COLUMNS: Final = tuple(field.name for field in attrs.fields(ApplicantCounts))
if _COLUMNS[-1] != "total":  # pragma: no cover (a guard on the model's shape)
    raise AssertionError("the total column of table 3 must come last")


@attrs.frozen
class _Table3:
    """What the rules need to know about table 3 in one format version."""

    f1: Rule | None
    i1: Rule | None
    i2: Rule | None
    read_rows: Callable[[Any], list[tuple[object, ...]]]
    """The values of every row of the table, in printed order, by column."""
    holds: Callable[[Any], bool]
    """Whether every cell of the table is a number and F1, I1 and I2 all hold."""
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
        if self.holds(applications):
            return ()
        rows = self.read_rows(applications)
        i1 = () if self.i1 is None else row_totals(self.i1, rows, self.cells)
        return (*self._f1(rows, self.f1), *i1, *self._i2(rows, self.i2))

    def _operand(self, rows: list[tuple[object, ...]], row: int, column: int) -> Operand:
        return self.cells[row][column], rows[row][column]

    def _f1(self, rows: list[tuple[object, ...]], rule: Rule | None) -> list[Finding]:
        findings: list[Finding] = []
        if rule is None:
            return findings
        new, carried_over = rows[self.new], rows[self.carried_over]
        total, forward = rows[self.total], rows[self.forward]
        for column in range(len(_COLUMNS)):
            if not proven((new[column], carried_over[column]), (total[column], forward[column])):
                continue
            finding = balance(
                rule,
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

    def _i2(self, rows: list[tuple[object, ...]], rule: Rule | None) -> list[Finding]:
        findings: list[Finding] = []
        if rule is None:
            return findings
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
                rule,
                tuple(self._operand(rows, row, column) for row in leaves),
                (self._operand(rows, self.total, column),),
                actual_first=True,
            )
            if finding is not None:
                findings.append(finding)
        return findings


def _holds_function(
    paths: Sequence[str], *, new: int, carried_over: int, total: int, forward: int, leaves: slice
) -> Callable[[Any], bool]:
    """Generate the test that the table, all numbers, balances: F1, I1 and I2 in one expression.

    Each cell is read once into a local and the rules are ``+`` and ``==`` of those locals:
    F1 per column (new + carried over = total + carried forward), I1 per row (the parts add up
    to the last column), I2 per column (the outcome rows add up to ``outcomes.total``). Every
    cell is an operand of ``+`` in F1 or I2, so a blank or not-applicable cell raises
    :class:`TypeError` (then ``False``), and ``True`` means only numbers, every rule exact.
    """
    lines = ["def holds(t):"]
    objects: dict[str, str] = {"": "t"}

    def fetch(path: str) -> str:
        if path not in objects:
            parent, _, name = path.rpartition(".")
            source = fetch(parent)
            objects[path] = f"o{len(objects)}"
            lines.append(f"    {objects[path]} = {source}.{name}")
        return objects[path]

    if not all(part.isidentifier() for path in paths for part in path.split(".")):
        raise ValueError(f"not paths of attributes: {paths!r}")
    cell = [[f"c{row}_{column}" for column in range(len(_COLUMNS))] for row in range(len(paths))]
    for row, path in enumerate(paths):
        source = fetch(path)
        lines += [f"    {cell[row][c]} = {source}.{name}" for c, name in enumerate(_COLUMNS)]
    columns = range(len(_COLUMNS))
    tests = [
        f"{cell[new][c]} + {cell[carried_over][c]} == {cell[total][c]} + {cell[forward][c]}"
        for c in columns
    ]
    tests += [f"{' + '.join(cells[:-1])} == {cells[-1]}" for cells in cell]
    parts = cell[leaves]
    tests += [" + ".join(row[c] for row in parts) + f" == {cell[total][c]}" for c in columns]
    lines += ["    try:", "        return (" + "\n            and ".join(tests) + ")"]
    lines += ["    except TypeError:", "        return False"]
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), "<disclosure_report table 3 test>", "exec"), namespace)  # noqa: S102 (our own code, from the model's field names)
    holds: Callable[[Any], bool] = namespace["holds"]
    return holds


@functools.cache
def table3_plan(
    version: FormatVersion, rules: tuple[Rule | None, Rule | None, Rule | None]
) -> _Table3:
    layout = table_rows(version.report_class, 3)
    paths = [path for path, _ in layout]
    total = paths.index("outcomes.total")
    leaves = [i for i, path in enumerate(paths) if path.startswith("outcomes.") and i != total]
    if leaves != list(range(leaves[0], total)):
        msg = (
            f"format version {version.id!r}: the outcome rows must directly precede outcomes.total"
        )
        raise DisclosureReportError(msg)
    new, carried_over = paths.index("new_received"), paths.index("carried_over")
    forward = paths.index("carried_forward")
    f1, i1, i2 = rules
    return _Table3(
        f1=f1,
        i1=i1,
        i2=i2,
        read_rows=row_reader([(path, _COLUMNS) for path in paths]),
        holds=_holds_function(
            paths,
            new=new,
            carried_over=carried_over,
            total=total,
            forward=forward,
            leaves=slice(leaves[0], total),
        ),
        cells=tuple(cells for _, cells in layout),
        new=new,
        carried_over=carried_over,
        total=total,
        forward=forward,
        leaves=slice(leaves[0], total),
    )


def table3_checker(
    version: FormatVersion, rules: Mapping[str, Rule]
) -> Callable[[Applications[Any]], tuple[Finding, ...]]:
    """The check of table 3 in *version* against its *rules* (by name) among F1, I1 and I2.

    Findings come rule by rule in that order, each in printed order. The rows, columns and
    cells come from the version's layout, so a version with other outcome rows is checked
    alike: I2 adds up every row between ``outcomes`` and ``outcomes.total``.
    """
    f1, i1, i2 = (rules.get(name) for name in TABLE3_RULES)
    return table3_plan(version, (f1, i1, i2)).check
