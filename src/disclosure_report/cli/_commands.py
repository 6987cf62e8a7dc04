"""The subcommands of ``disclosure-report``."""

from __future__ import annotations

import json

from collections.abc import Callable
from decimal import Decimal
from typing import IO, Any

import attrs

from disclosure_report._tidy import cell_records
from disclosure_report.checks import Finding, Severity, check
from disclosure_report.cli._io import EXIT_ERRORS, EXIT_OK, load_report
from disclosure_report.i18n import translate
from disclosure_report.model import NC_, REPORT_TITLE, Report


_SUMMARY = NC_("cli.check.summary", "{errors} errors, {warnings} warnings")
_SEVERITIES = {
    Severity.ERROR: NC_("cli.severity.error", "error"),
    Severity.WARNING: NC_("cli.severity.warning", "warning"),
}
_FORMAT = NC_("cli.check.format", "format {version}")


@attrs.frozen
class Command:
    """A subcommand: its help text and what it does."""

    help: str
    run: Callable[[str, str, str, IO[str]], int]
    has_format: bool = False


def _number(value: int | Decimal | None) -> int | str | None:
    return str(value) if isinstance(value, Decimal) else value


def _finding_record(finding: Finding, locale: str) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "cells": [str(cell) for cell in finding.cells],
        "expected": _number(finding.expected),
        "actual": _number(finding.actual),
        "unknown": [str(cell) for cell in finding.unknown],
        "message": finding.message(locale),
    }


def _describe(report: Report, locale: str) -> str:
    meta = report.metadata
    title = translate(REPORT_TITLE, locale).format(agency=meta.agency, year=meta.year)
    version = translate(_FORMAT, locale).format(version=report.format_version)
    return f"{title} ({version})"


def run_check(file: str, locale: str, output_format: str, out: IO[str]) -> int:
    """Check a report and print its findings."""
    report = load_report(file)
    findings = check(report)
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = len(findings) - errors
    if output_format == "json":
        document = {
            "report": {
                "agency": report.metadata.agency,
                "year": report.metadata.year,
                "format_version": report.format_version,
            },
            "errors": errors,
            "warnings": warnings,
            "findings": [_finding_record(f, locale) for f in findings],
        }
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(f"{_describe(report, locale)}\n")
        for finding in findings:
            severity = translate(_SEVERITIES[finding.severity], locale)
            out.write(f"{severity}: [{finding.rule}] {finding.message(locale)}\n")
        summary = translate(_SUMMARY, locale)
        out.write(summary.format(errors=errors, warnings=warnings) + "\n")
    return EXIT_ERRORS if errors else EXIT_OK


def run_cells(file: str, locale: str, _: str, out: IO[str]) -> int:
    """Print every table cell as JSON Lines, in the official printed order."""
    report = load_report(file)
    for record in cell_records(report, locale=locale):
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
    return EXIT_OK


COMMANDS: dict[str, Command] = {
    "check": Command(
        "check a report's balance rules and print the findings", run_check, has_format=True
    ),
    "cells": Command("print every table cell as JSON Lines, in printed order", run_cells),
}
