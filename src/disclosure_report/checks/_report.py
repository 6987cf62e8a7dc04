"""Checking a whole report: every rule of its format version, in printed order."""

from __future__ import annotations

from disclosure_report.checks._applications import check_applications
from disclosure_report.checks._disclosure import check_active_disclosure_2019
from disclosure_report.checks._finding import Finding
from disclosure_report.checks._litigation import (
    check_reconsideration_and_litigation,
)
from disclosure_report.checks._narrative import (
    check_other_matters,
    check_overview,
)
from disclosure_report.checks._statements import check_statements
from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.model import Report, Report2019, Report2021


__all__ = ["check"]


def check(report: Report) -> tuple[Finding, ...]:
    """Check *report* against every rule of its format version.

    Returns:
        The findings, in the order of :data:`~disclosure_report.checks.RULES` and, within a
        rule, in printed order (by row, or by column for per-column rules). Empty when the
        report breaks no rule. The report is only read, never changed.

    Raises:
        InvalidReportError: When *report* is not a :class:`~disclosure_report.Report2019` or
            :class:`~disclosure_report.Report2021`.
    """
    if type(report) is Report2021:
        return (
            check_overview(report)
            + check_statements(report)
            + check_applications(report.applications)
            + check_reconsideration_and_litigation(report.reconsideration_and_litigation, "2021")
            + check_other_matters(report)
        )
    if type(report) is Report2019:
        return (
            check_statements(report)
            + check_active_disclosure_2019(report.active_disclosure)
            + check_applications(report.applications)
            + check_reconsideration_and_litigation(report.reconsideration_and_litigation, "2019")
        )
    raise InvalidReportError([Problem("$", "a Report2019 or a Report2021", type(report).__name__)])
