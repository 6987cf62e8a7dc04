"""Checks across the reports of one body in consecutive years (X1, X2, X3).

A series is the reports of one body (the same :attr:`Metadata.agency
<disclosure_report.Metadata.agency>`, compared exactly), one per year. Each pair of reports for
years N-1 and N is checked; a missing year breaks the chain, and no rule spans the gap, since
what was carried forward two years ago says nothing about what was carried over this year.

- X1 (error): 二、上年结转 of year N = 四、结转下年度继续办理 of year N-1, per column. Both rows
  are in :data:`~disclosure_report.many.COMPARABLE_CELLS`, so X1 also holds across the change of
  format version, under a rule id of its own (``2021.T3.X1.FROM2019``). Which rules a version
  has is its :attr:`~disclosure_report.FormatVersion.series_rules`.
- X2 (warning, both years in one format version that lists it: 2019): 上一年项目数量 of N = 上一年项目数量 of N-1 +
  本年增/减 of N-1, per row that has them.
- X3 (warning, both years in one format version that lists it: 2021): 现行有效件数 of N = 现行有效件数 of N-1 +
  本年制发件数 of N - 本年废止件数 of N, for 规章 and 行政规范性文件.

Every rule skips a comparison with a blank or not-applicable operand
(:attr:`~disclosure_report.checks.BlankPolicy.SKIP_IF_UNKNOWN`). :func:`series_pairs` says which
pairs of a series are compared and which are not (a gap, or no rule across their versions).

A report without an agency (``""``, or only white space: the reader leaves an agency it could
not read empty) has no known body: it is checked alone, never grouped with other reports.
"""

from __future__ import annotations

import functools

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import pairwise
from operator import attrgetter
from typing import Final

import attrs

from disclosure_report.checks import Finding, Rule, rows_with, series_rules_of, x1_rule
from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.many._comparable import comparable_cells
from disclosure_report.model import (
    ApplicantCounts,
    CellAddress,
    FormatVersion,
    Report,
    version_of,
)


__all__ = ["SeriesPair", "check_series", "series_of", "series_pairs"]

_COLUMNS: Final = tuple(field.name for field in attrs.fields(ApplicantCounts))
_FORWARD: Final = tuple(CellAddress(3, "carried_forward", c) for c in _COLUMNS)
_OVER: Final = tuple(CellAddress(3, "carried_over", c) for c in _COLUMNS)
_FORWARD_VALUES: Final = attrgetter(*(f"applications.carried_forward.{c}" for c in _COLUMNS))
_OVER_VALUES: Final = attrgetter(*(f"applications.carried_over.{c}" for c in _COLUMNS))


@functools.cache
def _x1(previous: FormatVersion, version: FormatVersion) -> Rule | None:
    """Rule X1 between the two versions, when the later lists it and both have its cells."""
    rule = x1_rule(previous, version)
    if rule is None or not {*_FORWARD, *_OVER} <= comparable_cells(previous, version):
        return None
    return rule


@attrs.frozen(kw_only=True)
class SeriesPair:
    """Two reports of one body that follow each other in its series, and whether they were
    compared.

    Attributes:
        years: The earlier report's year and the later one's.
        versions: Their format versions' ids.
        rules: The ids of the rules across years checked on the pair, in the order of
            :func:`check_series`; empty when the pair is not compared.
    """

    years: tuple[int, int]
    versions: tuple[str, str]
    rules: tuple[str, ...]

    @property
    def compared(self) -> bool:
        """Whether any rule compared the two reports."""
        return bool(self.rules)

    @property
    def gap(self) -> bool:
        """Whether years are missing between the two (no rule spans a gap)."""
        return self.years[1] - self.years[0] > 1


def _has_agency(report: Report) -> bool:
    """Whether *report* names its body: a report without one is never part of a series."""
    return bool(report.metadata.agency.strip())


def series_of(reports: Iterable[Report]) -> dict[str, tuple[Report, ...]]:
    """The reports grouped by body, each group sorted by year.

    Bodies are told apart by :attr:`Metadata.agency <disclosure_report.Metadata.agency>`,
    compared exactly; the groups come in the order in which each body first appears. A report
    without an agency (``""`` or white space: one whose agency could not be read) belongs to no
    body and to no group: it is checked alone.

    Raises:
        InvalidReportError: When one body has two reports for the same year.
    """
    groups: dict[str, list[Report]] = {}
    for report in reports:
        if _has_agency(report):
            groups.setdefault(report.metadata.agency, []).append(report)
    problems: list[Problem] = []
    for agency, group in groups.items():
        group.sort(key=lambda report: report.metadata.year)
        years = [report.metadata.year for report in group]
        problems.extend(
            Problem(
                "$.metadata",
                "one report per body and year",
                f"two reports of {agency!r} for {year}",
            )
            for year, following in pairwise(years)
            if year == following
        )
    if problems:
        raise InvalidReportError(problems)
    return {agency: tuple(group) for agency, group in groups.items()}


def check_series(reports: Iterable[Report]) -> tuple[Finding, ...]:
    """Check the reports of one body against the rules across consecutive years.

    Each pair of reports for years N-1 and N gives the findings of X1, then X2 (both reports
    in the 2019 format) or X3 (both in the 2021 format), each in printed order; pairs come in
    order of year. A gap in the years is not checked across. Every finding carries the year of
    each of its cells in :attr:`~disclosure_report.checks.Finding.years`. The reports are only
    read, never changed; the rules of each report alone are :func:`~disclosure_report.check`'s.

    Raises:
        InvalidReportError: When the reports are of more than one body, when there are several
            and one has no agency (its body is unknown), or when two are of one year.
    """
    findings: list[Finding] = []
    for previous, report in pairwise(_one_series(reports)):
        if report.metadata.year == previous.metadata.year + 1:
            findings.extend(_check_pair(previous, report))
    return tuple(findings)


def series_pairs(reports: Iterable[Report]) -> tuple[SeriesPair, ...]:
    """Each pair of reports of one body that follow each other in its series, by year, and
    which rules :func:`check_series` checks on it.

    A pair with years missing between its reports (2019 and 2023) is not compared
    (:attr:`SeriesPair.gap`); nor is a pair of consecutive years whose format versions no rule
    spans. So "no finding" can be told from "nothing compared".

    Raises:
        InvalidReportError: As :func:`check_series`.
    """
    return tuple(
        SeriesPair(
            years=(previous.metadata.year, report.metadata.year),
            versions=(previous.format_version, report.format_version),
            rules=tuple(rule.id for rule in _pair_rules(previous, report)),
        )
        for previous, report in pairwise(_one_series(reports))
    )


def _one_series(reports: Iterable[Report]) -> tuple[Report, ...]:
    """*reports*, of one body, sorted by year; or the library's error."""
    given = list(reports)
    if len(given) > 1:
        unnamed = [
            Problem(
                f"[{index}].metadata.agency",
                "the name of the body (a report without one is checked alone, never in a series)",
                repr(report.metadata.agency),
            )
            for index, report in enumerate(given)
            if not _has_agency(report)
        ]
        if unnamed:
            raise InvalidReportError(unnamed)
    groups = series_of(given)
    if len(groups) > 1:
        raise InvalidReportError(
            [Problem("$.metadata.agency", "reports of one body", ", ".join(map(repr, groups)))]
        )
    return next(iter(groups.values()), ())


def _pair_rules(previous: Report, report: Report) -> tuple[Rule, ...]:
    """The rules across years checked on *previous* and *report*: none across a gap."""
    if report.metadata.year != previous.metadata.year + 1:
        return ()
    earlier, later = version_of(previous), version_of(report)
    x1 = _x1(earlier, later)
    same = series_rules_of(later) if earlier == later else ()
    return (*(() if x1 is None else (x1,)), *same)


def _check_pair(previous: Report, report: Report) -> Iterator[Finding]:
    """The findings of X1, X2 and X3 on two reports of consecutive years."""
    years = (report.metadata.year, previous.metadata.year)
    earlier, later = version_of(previous), version_of(report)
    rule = _x1(earlier, later)
    over = _OVER_VALUES(report) if rule is not None else ()
    forward = _FORWARD_VALUES(previous) if rule is not None else ()
    if rule is not None and over != forward:
        for cells, expected, actual in zip(
            zip(_OVER, _FORWARD, strict=True), forward, over, strict=True
        ):
            if type(expected) is int and type(actual) is int and expected != actual:
                yield _finding(rule, cells, years, expected, actual)
    if earlier != later:
        return
    for series_rule in series_rules_of(later):
        yield from _SERIES_CHECKS[series_rule.id.partition(".")[2]](series_rule, previous, report)


def _x2(rule: Rule, previous: Report, report: Report) -> Iterator[Finding]:
    """X2: items at the end of the previous year = last year's items + last year's change."""
    year, last = report.metadata.year, previous.metadata.year
    for getter, (items_cell, change_cell) in rows_with(
        version_of(report), 2, "previous_items", "change"
    ):
        items, _ = getter(report.active_disclosure)
        last_items, last_change = getter(previous.active_disclosure)
        if type(items) is not int or type(last_items) is not int:
            continue
        if type(last_change) is int and items != last_items + last_change:
            yield _finding(
                rule,
                (items_cell, items_cell, change_cell),
                (year, last, last),
                last_items + last_change,
                items,
            )


def _x3(rule: Rule, previous: Report, report: Report) -> Iterator[Finding]:
    """X3: documents in force = last year's + issued - repealed."""
    year, last = report.metadata.year, previous.metadata.year
    for getter, (issued_cell, repealed_cell, in_force_cell) in rows_with(
        version_of(report), 2, "issued", "repealed", "in_force"
    ):
        issued, repealed, in_force = getter(report.active_disclosure)
        _, _, last_in_force = getter(previous.active_disclosure)
        if type(issued) is not int or type(repealed) is not int:
            continue
        if type(in_force) is not int or type(last_in_force) is not int:
            continue
        expected = last_in_force + issued - repealed
        if in_force != expected:
            yield _finding(
                rule,
                (in_force_cell, in_force_cell, issued_cell, repealed_cell),
                (year, last, year, year),
                expected,
                in_force,
            )


def _finding(
    rule: Rule,
    cells: Sequence[CellAddress],
    years: Sequence[int],
    expected: int,
    actual: int,
) -> Finding:
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        cells=tuple(cells),
        expected=expected,
        actual=actual,
        years=tuple(years),
    )


_SERIES_CHECKS: Final[dict[str, Callable[[Rule, Report, Report], Iterator[Finding]]]] = {
    "T2.X2": _x2,
    "T2.X3": _x3,
}
"""How each rule across years other than X1 is checked, by name."""
