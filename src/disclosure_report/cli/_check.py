"""``disclosure-report check``: the findings of a report's balance rules."""

from __future__ import annotations

import argparse
import json

from decimal import Decimal
from typing import IO, Any

from disclosure_report.checks import Finding, Severity, check
from disclosure_report.cli._command import (
    Command,
    add_file,
    add_lang,
    locale_of,
)
from disclosure_report.cli._io import EXIT_ERRORS, EXIT_OK, load
from disclosure_report.cli._notes import note_record, print_notes
from disclosure_report.i18n import translate
from disclosure_report.model import NC_, REPORT_TITLE, Report


_SUMMARY = NC_("cli.check.summary", "{errors} errors, {warnings} warnings")
_SEVERITIES = {
    Severity.ERROR: NC_("cli.severity.error", "error"),
    Severity.WARNING: NC_("cli.severity.warning", "warning"),
}
_FORMAT = NC_("cli.check.format", "format {version}")


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file(parser)
    add_lang(parser)
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="output format (default: text)",
    )


def _number(value: int | Decimal | None) -> int | str | None:
    return str(value) if isinstance(value, Decimal) else value


def _finding_record(finding: Finding, locale: str) -> dict[str, Any]:
    quote = {"quote": finding.quote} if finding.quote else {}
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "cells": [str(cell) for cell in finding.cells],
        "expected": _number(finding.expected),
        "actual": _number(finding.actual),
        "unknown": [str(cell) for cell in finding.unknown],
        "message": finding.message(locale),
        **quote,
    }


def _describe(report: Report, locale: str) -> str:
    meta = report.metadata
    title = translate(REPORT_TITLE, locale).format(agency=meta.agency, year=meta.year)
    version = translate(_FORMAT, locale).format(version=report.format_version)
    return f"{title} ({version})"


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    locale = locale_of(args)
    loaded = load(args.file)
    report = loaded.report
    findings = check(report)
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = len(findings) - errors
    if args.format == "json":
        document = {
            "report": {
                "agency": report.metadata.agency,
                "year": report.metadata.year,
                "format_version": report.format_version,
            },
            "errors": errors,
            "warnings": warnings,
            "findings": [_finding_record(f, locale) for f in findings],
            "notes": [note_record(note) for note in loaded.notes],
        }
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        print_notes(loaded.notes, args.file)
        out.write(f"{_describe(report, locale)}\n")
        for finding in findings:
            severity = translate(_SEVERITIES[finding.severity], locale)
            out.write(f"{severity}: [{finding.rule}] {finding.message(locale)}\n")
        summary = translate(_SUMMARY, locale)
        out.write(summary.format(errors=errors, warnings=warnings) + "\n")
    return EXIT_ERRORS if errors else EXIT_OK


CHECK = Command("check a report's balance rules and print the findings", _add_arguments, _run)
