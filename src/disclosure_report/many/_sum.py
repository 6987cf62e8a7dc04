"""Adding up reports cell by cell, as a county office compiles the reports of its departments.

The rule for a cell of the sum, over the reports that *contribute* the cell's table:

- numbers add up (counts as ``int``, money exactly, see below);
- cells that are all marked not applicable stay not applicable (with the mark they share, else
  ``/``);
- any other mix (a number with a blank or a not-applicable cell, a blank with anything) is
  :data:`~disclosure_report.BLANK`: the sum is not known.

A report *contributes* a table unless every cell of that table is blank: a table left wholly
blank was not filled in, and adds nothing. So an empty report (every cell blank) changes no sum,
and a table that no report contributes is blank in the sum.

Why not "a number plus a blank is the number"? The checks read a blank as an unknown count: a
table whose 总计 is blank and whose parts are 3 and 4 is balanced, and so is one with 10 = 5 + 5.
Adding the blank as nothing would give 10 = 8 + 9, an error that neither report has. With the
rule above, every number in the sum is the sum of numbers that all reports stated, and each
unknown cell hides the sum of the values that made each report balance, so the sum of reports
that have no error finding has none either (for every rule of tables 二, 三 and 四; every rule
reads the cells of one table only).

Money: amounts in one unit add up in that unit; amounts in 元 and in 万元 add up in 万元 (1 万元 =
10,000 元, converted exactly by moving the decimal point). Every addition is exact, never
rounded. An amount printed without a unit cannot be added to one with a unit: that raises
:class:`~disclosure_report.InvalidReportError`.

The narrative sections (一, 五, 六, and the fee record of 六) are not added up: they are empty in
the sum, whose metadata names the compiling body and the year.
"""

from __future__ import annotations

import decimal
import functools

from collections.abc import Callable, Iterable
from decimal import Decimal
from itertools import chain
from operator import add, attrgetter
from typing import Any, Final, overload

import attrs

from disclosure_report.exceptions import InvalidReportError, Problem, UnknownFormatVersionError
from disclosure_report.model import (
    BLANK,
    TABLE_SECTIONS,
    AdministrativeLevel,
    Amount,
    Blank,
    CellKind,
    CellSpec,
    FormatVersion,
    Metadata,
    NotApplicable,
    OtherMatters,
    Report,
    Report2019,
    Report2021,
    Unit,
    table_layout,
    version_of,
)


__all__ = ["sum_reports"]

_EXACT: Final = decimal.Context(
    prec=decimal.MAX_PREC,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.Inexact, decimal.InvalidOperation, decimal.Overflow],
)
"""Decimal arithmetic that never rounds (and would raise if it had to)."""

_Mark = Blank | NotApplicable
_Money = tuple[Decimal, Unit | None]


def _merge_marks(first: _Mark, second: _Mark) -> _Mark:
    """Two cells without a number: not applicable if both are, else blank."""
    if type(first) is NotApplicable and type(second) is NotApplicable:
        return first if first.symbol == second.symbol else NotApplicable()
    return BLANK


def _add_money(first: _Money, second: _Money, address: str) -> _Money:
    """Two amounts, exactly; 元 and 万元 give 万元."""
    (value, unit), (other_value, other_unit) = first, second
    if unit is other_unit:
        return _EXACT.add(value, other_value), unit
    if unit is None or other_unit is None:
        raise InvalidReportError(
            [
                Problem(
                    address,
                    "amounts with a unit, or amounts all without one, to add up",
                    f"an amount in {unit or 'no unit'} and one in {other_unit or 'no unit'}",
                )
            ]
        )
    if unit is Unit.YUAN:
        value = _EXACT.scaleb(value, -4)
    else:
        other_value = _EXACT.scaleb(other_value, -4)
    return _EXACT.add(value, other_value), Unit.WAN_YUAN


@attrs.define
class _TableSum:
    """The running sum of one table over the reports that contribute it."""

    counts: Callable[[Report], tuple[object, ...]]
    """The values of the table's count cells, from a report."""
    amounts: attrgetter[Any] | None
    """The values of its money cells, if it has any."""
    amount_paths: tuple[str, ...]
    contributed: bool = False
    ints: list[int] = attrs.Factory(list)
    """The sum of the numbers of each count cell; overridden by :attr:`marks`."""
    marks: dict[int, _Mark] = attrs.Factory(dict)
    """The count cells whose sum is not a number."""
    money: list[_Money | _Mark] = attrs.Factory(list)

    def add(self, report: Report) -> None:
        values = self.counts(report)
        money = self._money(report)
        try:
            ints = list(map(add, self.ints, values))
        except TypeError:  # a blank or not-applicable cell
            self._add_slowly(values, money)
            return
        if self.marks and self.contributed:
            for index, mark in self.marks.items():
                if mark is not BLANK:
                    self.marks[index] = BLANK
        self.ints = ints
        self._add_money(money)
        self.contributed = True

    def _money(self, report: Report) -> tuple[object, ...]:
        if self.amounts is None:
            return ()
        values = self.amounts(report)
        return values if isinstance(values, tuple) else (values,)

    def _add_slowly(self, values: tuple[object, ...], money: tuple[object, ...]) -> None:
        if all(value is BLANK for value in values) and all(value is BLANK for value in money):
            return
        for index, value in enumerate(values):
            if type(value) is int:
                self.ints[index] += value
                if self.contributed and index in self.marks:
                    self.marks[index] = BLANK
            else:
                assert value is BLANK or type(value) is NotApplicable  # noqa: S101 (model)
                if not self.contributed:
                    self.marks[index] = value
                elif index in self.marks:
                    self.marks[index] = _merge_marks(self.marks[index], value)
                else:
                    self.marks[index] = BLANK
        self._add_money(money)
        self.contributed = True

    def _add_money(self, money: tuple[object, ...]) -> None:
        if not self.contributed:
            self.money = [
                (value.value, value.unit) if type(value) is Amount else value  # type: ignore[misc]
                for value in money
            ]
            return
        for index, value in enumerate(money):
            current = self.money[index]
            if type(value) is Amount:
                if type(current) is tuple:
                    self.money[index] = _add_money(
                        current, (value.value, value.unit), self.amount_paths[index]
                    )
                else:
                    self.money[index] = BLANK
            elif type(current) is tuple:
                self.money[index] = BLANK
            else:
                self.money[index] = _merge_marks(current, value)  # type: ignore[arg-type]

    def values(self) -> tuple[list[object], list[object]]:
        """The sum's count cells and money cells, in the order of the getters."""
        if not self.contributed:
            return [BLANK] * len(self.ints), [BLANK] * len(self.amount_paths)
        counts: list[object] = list(self.ints)
        for index, mark in self.marks.items():
            counts[index] = mark
        money: list[object] = [
            Amount(value[0], value[1]) if isinstance(value, tuple) else value
            for value in self.money
        ]
        return counts, money


def _path(spec: CellSpec) -> str:
    return f"{TABLE_SECTIONS[spec.address.table]}.{spec.address.row}.{spec.address.column}"


@attrs.define
class _Plan:
    """Where the cells of each table of one report class are."""

    counts: dict[int, tuple[str, ...]]
    amounts: dict[int, tuple[str, ...]]

    @classmethod
    def of(cls, report_class: type[Report]) -> _Plan:
        counts: dict[int, list[str]] = {table: [] for table in TABLE_SECTIONS}
        amounts: dict[int, list[str]] = {table: [] for table in TABLE_SECTIONS}
        for spec in table_layout(report_class):
            kind = amounts if spec.kind is CellKind.AMOUNT else counts
            kind[spec.address.table].append(_path(spec))
        return cls(
            {table: tuple(paths) for table, paths in counts.items()},
            {table: tuple(paths) for table, paths in amounts.items()},
        )

    def sums(self) -> dict[int, _TableSum]:
        return {
            table: _TableSum(
                counts=_getter(paths),
                amounts=attrgetter(*self.amounts[table]) if self.amounts[table] else None,
                amount_paths=tuple(f"$.{path}" for path in self.amounts[table]),
                ints=[0] * len(paths),
            )
            for table, paths in self.counts.items()
        }


def _getter(paths: tuple[str, ...]) -> Callable[[Report], tuple[object, ...]]:
    """The values at *paths* (dotted, row by row), as a tuple.

    When every row has the same columns (tables 三 and 四), the rows are fetched once and their
    columns by one getter each, which is much faster than following every dotted path.
    """
    rows: dict[str, list[str]] = {}
    for path in paths:
        row, column = path.rsplit(".", 1)
        rows.setdefault(row, []).append(column)
    columns = {tuple(names) for names in rows.values()}
    if len(columns) != 1 or len(rows) < 2:  # noqa: PLR2004
        return attrgetter(*paths)
    [names] = columns
    get_rows = attrgetter(*rows)
    get_columns = attrgetter(*names)

    def values(report: Report) -> tuple[object, ...]:
        return tuple(chain.from_iterable(map(get_columns, get_rows(report))))

    return values


@functools.cache
def _plan(version: FormatVersion) -> _Plan:
    """The plan of adding up reports of *version*, made on its first sum."""
    return _Plan.of(version.report_class)


@overload
def sum_reports(
    reports: Iterable[Report2019],
    *,
    agency: str,
    year: int,
    level: AdministrativeLevel | None = None,
    region: str | None = None,
) -> Report2019: ...
@overload
def sum_reports(
    reports: Iterable[Report2021],
    *,
    agency: str,
    year: int,
    level: AdministrativeLevel | None = None,
    region: str | None = None,
) -> Report2021: ...
@overload
def sum_reports(
    reports: Iterable[Report],
    *,
    agency: str,
    year: int,
    level: AdministrativeLevel | None = None,
    region: str | None = None,
) -> Report: ...
def sum_reports(
    reports: Iterable[Report],
    *,
    agency: str,
    year: int,
    level: AdministrativeLevel | None = None,
    region: str | None = None,
) -> Report:
    """Add up reports of one format version, cell by cell, into one report.

    The rule for blank and not-applicable cells, for money and for the narrative sections is in
    :mod:`disclosure_report.many` (see ``docs/many-reports.md``). The sum does not depend on the
    order of *reports*, which are read once (any iterable) and never changed.

    Args:
        reports: The reports to add up, all of one format version.
        agency: The body that compiles the sum (the sum's :attr:`Metadata.agency
            <disclosure_report.Metadata.agency>`).
        year: The year of the sum.
        level: The compiling body's administrative level, when known.
        region: Its region, when known.

    Raises:
        InvalidReportError: When there is no report, when the reports are of different format
            versions or are not reports, when amounts with and without a unit would be added,
            or when the metadata is invalid.
    """
    metadata = Metadata(agency=agency, year=year, level=level, region=region)
    template: Report | None = None
    sums: dict[int, _TableSum] = {}
    for index, report in enumerate(reports):
        if template is None:
            try:
                plan = _plan(version_of(report))
            except UnknownFormatVersionError as error:
                raise error.prefixed(f"[{index}]") from None
            template = report
            sums = plan.sums()
        elif type(report) is not type(template):
            raise InvalidReportError(
                [
                    Problem(
                        f"[{index}].format_version",
                        f"{template.format_version!r}, the version of the first report",
                        repr(getattr(report, "format_version", type(report).__name__)),
                    )
                ]
            )
        for table in sums.values():
            table.add(report)
    if template is None:
        raise InvalidReportError([Problem("$", "at least one report", "none")])
    built: Report = _build(template, sums, metadata)
    return built


def _build(template: Report, sums: dict[int, _TableSum], metadata: Metadata) -> Any:
    """*template* with the summed cells, *metadata* and empty narrative sections."""
    plan = _plan(version_of(template))
    changes: dict[tuple[str, ...], object] = {}
    for table, table_sum in sums.items():
        counts, money = table_sum.values()
        for path, value in zip(plan.counts[table], counts, strict=True):
            changes[tuple(path.split("."))] = value
        for path, value in zip(plan.amounts[table], money, strict=True):
            changes[tuple(path.split("."))] = value
    changes["metadata",] = metadata
    changes["overview",] = ""
    changes["problems_and_improvements",] = ""
    changes["other_matters",] = OtherMatters(text="")
    return _replaced(template, changes)


def _replaced(part: Any, changes: dict[tuple[str, ...], object]) -> Any:
    """*part* with the value at each attribute path of *changes* replaced."""
    nested: dict[str, dict[tuple[str, ...], object]] = {}
    for (name, *rest), value in changes.items():
        nested.setdefault(name, {})[tuple(rest)] = value
    return attrs.evolve(
        part,
        **{
            name: inner[()] if () in inner else _replaced(getattr(part, name), inner)
            for name, inner in nested.items()
        },
    )
