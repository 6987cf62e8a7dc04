"""Checking a whole report, or one of its tables: the rules its format version lists, in order.

Each rule of :mod:`._rules` is checked by one checker here, and rules that read the same table
share one (F1, I1 and I2 read table 3 in one pass). The checkers of a format version are made
once, on its first report, from the version's layout and rules
(:class:`~disclosure_report.FormatVersion`), so a version registered later is checked alike.
"""

from __future__ import annotations

import functools
import operator

from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from disclosure_report.checks._applications import TABLE3_RULES, table3_checker
from disclosure_report.checks._disclosure import TABLE2_RULES, table2_checker
from disclosure_report.checks._finding import Finding
from disclosure_report.checks._litigation import TABLE4_RULES, table4_checker
from disclosure_report.checks._narrative import check_other_matters, check_overview
from disclosure_report.checks._rules import Rule, rules_of
from disclosure_report.checks._statements import check_statements
from disclosure_report.exceptions import Problem, UnknownFormatVersionError
from disclosure_report.model import (
    TABLE_SECTIONS,
    FormatVersion,
    Report,
    format_version,
    format_versions,
    version_of,
)


__all__ = ["check", "check_part"]

_Checker = Callable[[Any], tuple[Finding, ...]]
_Factory = Callable[[FormatVersion, Mapping[str, Rule]], _Checker]


def _narrative(function: Callable[[Any, Rule], tuple[Finding, ...]]) -> _Factory:
    def factory(_: FormatVersion, rules: Mapping[str, Rule]) -> _Checker:
        [rule] = rules.values()
        return lambda report: function(report, rule)

    return factory


_GROUPS: Final[tuple[tuple[tuple[str, ...], str | None, _Factory], ...]] = (
    (("S1.LENGTH",), None, _narrative(check_overview)),
    (("S1.X5",), None, _narrative(check_statements)),
    (TABLE2_RULES, TABLE_SECTIONS[2], table2_checker),
    (TABLE3_RULES, TABLE_SECTIONS[3], table3_checker),
    (TABLE4_RULES, TABLE_SECTIONS[4], table4_checker),
    (("S6.FEES",), None, _narrative(check_other_matters)),
)
"""The rules checked together, the report field holding the table they read (their checker
takes that table) or ``None`` (their checker takes the report), and how the checker is made."""


def _on_report(section: str | None, checker: _Checker) -> _Checker:
    if section is None:
        return checker
    get = operator.attrgetter(section)
    return lambda report: checker(get(report))


@functools.cache
def _checkers(version: FormatVersion, section: str | None = None) -> tuple[_Checker, ...]:
    """The checkers of *version*'s rules in the order it lists them (a group at its first
    rule), each taking the report; or only those of the table held by the field *section*,
    each taking that table."""
    rules = dict(zip(version.rules, rules_of(version), strict=True))
    checkers = []
    done: set[int] = set()
    for name in version.rules:
        for index, (names, reads, factory) in enumerate(_GROUPS):
            if name not in names or index in done or (section is not None and reads != section):
                continue
            done.add(index)
            checker = factory(version, {n: rules[n] for n in names if n in rules})
            checkers.append(checker if section is not None else _on_report(reads, checker))
    return tuple(checkers)


def check(report: Report) -> tuple[Finding, ...]:
    """Check *report* against every rule of its format version.

    Returns:
        The findings, in the order of :data:`~disclosure_report.checks.RULES` and, within a
        rule, in printed order (by row, or by column for per-column rules). Empty when the
        report breaks no rule. The report is only read, never changed.

    Raises:
        UnknownFormatVersionError: When *report* is not a report of a registered format version
            (an :class:`~disclosure_report.InvalidReportError`).
    """
    findings: tuple[Finding, ...] = ()
    for checker in _checkers(version_of(report)):
        found = checker(report)
        if found:
            findings += found
    return findings


def check_part(section: str, part: object, version: str | None = None) -> tuple[Finding, ...]:
    """Check one table of a report, *part*, held by the report field *section*, against the
    rules of format version *version* on that table.

    Without *version*, the version is the one registered version whose report accepts *part*
    in that field (table 2 differs between 2019 and 2021, and so does table 3; table 4 does not).

    Raises:
        UnknownFormatVersionError: When *version* is not registered, or is ``None`` and not
            exactly one registered version accepts *part*.
    """
    try:
        found = _version_for(section, part) if version is None else format_version(version)
    except UnknownFormatVersionError as error:
        raise UnknownFormatVersionError(
            attrs.evolve(problem, path="version") for problem in error.problems
        ) from None
    findings: tuple[Finding, ...] = ()
    for checker in _checkers(found, section):
        findings += checker(part)
    return findings


def _version_for(section: str, part: object) -> FormatVersion:
    fits = []
    for version in format_versions():
        field = attrs.fields_dict(version.report_class)[section]
        try:
            if field.validator is not None:
                field.validator(None, field, part)
        except Exception:  # noqa: BLE001, S112 (the field's validator says no)
            continue
        fits.append(version)
    if len(fits) != 1:
        ids = ", ".join(repr(v.id) for v in fits) or "none"
        raise UnknownFormatVersionError(
            [
                Problem(
                    "version",
                    f"the format version of this {type(part).__name__} (it fits: {ids})",
                    "None",
                )
            ]
        )
    return fits[0]
