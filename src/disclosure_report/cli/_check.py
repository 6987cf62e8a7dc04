"""``disclosure-report check``: the findings of the balance rules of one or more reports.

With several files, each report is checked on its own (its output as for one file), and then
the reports of each body that has more than one are checked as a series across the years
(:func:`~disclosure_report.many.check_series`). With one file, the output is exactly that of a
single report.
"""

from __future__ import annotations

import argparse
import json
import sys

from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from disclosure_report.checks import Finding, Rule, Severity, check, rules_of
from disclosure_report.cli._command import (
    EXIT_CODES,
    FILES_HELP,
    Command,
    add_lang,
    locale_of,
    output,
)
from disclosure_report.cli._folder import MAX_JOBS, run_summary
from disclosure_report.cli._io import (
    EXIT_ERRORS,
    EXIT_INCOMPLETE,
    EXIT_OK,
    EXIT_UNREADABLE,
    Loaded,
)
from disclosure_report.cli._many import load_reports
from disclosure_report.cli._notes import note_record, print_notes
from disclosure_report.cli._progress import progress
from disclosure_report.exceptions import InvalidReportError
from disclosure_report.i18n import report_title, translate
from disclosure_report.model import (
    NC_,
    SECTION_TITLES,
    Report,
    format_version,
)


# One form for a count of 1 and one for any other: English needs the two, Chinese one.
_ERRORS = (
    NC_("cli.check.summary.error", "{count} error"),
    NC_("cli.check.summary.errors", "{count} errors"),
)
_WARNINGS = (
    NC_("cli.check.summary.warning", "{count} warning"),
    NC_("cli.check.summary.warnings", "{count} warnings"),
)
_SUMMARY = NC_("cli.check.summary.counts", "{errors}, {warnings}")
_TABLES_READ = NC_("cli.check.tables.read", "Tables read: {tables}")
_TABLES_MISSING = NC_(
    "cli.check.tables.missing", "Tables not found, their rules not checked: {tables}"
)
_TABLE_NAMES = {
    2: NC_("cli.check.table.2", "2"),
    3: NC_("cli.check.table.3", "3"),
    4: NC_("cli.check.table.4", "4"),
}
_SEVERITIES = {
    Severity.ERROR: NC_("cli.severity.error", "error"),
    Severity.WARNING: NC_("cli.severity.warning", "warning"),
}
_FORMAT = NC_("cli.check.format", "format {version}")
_SERIES = NC_("cli.check.series", "Reports of {agency}, {first} to {last}, year by year")
_COMPARED = NC_("cli.check.series.compared", "Years compared: {pairs}")
_GAPS = NC_("cli.check.series.gaps", "Not compared, years missing in between: {pairs}")
_NO_RULE = NC_(
    "cli.check.series.no_rule", "Not compared, no rule across their format versions: {pairs}"
)
_PAIR = NC_("cli.check.series.pair", "{earlier}–{later}")
_PAIR_SEPARATOR = NC_("cli.check.series.pair_separator", ", ")
_CHECKED = NC_("cli.check.checked", "Checked {parts} against {count} rules of format {version}")
_CHECKED_TABLE = NC_("cli.check.checked.table", "table {number}")
_CHECKED_SECTION = NC_("cli.check.checked.section", "section {number}")
_NUMERALS = NC_("cli.check.numerals", "I II III IV V VI")
"""The numbers of the report's six sections, as the format numbers them, space-separated."""


def _jobs(text: str) -> int:
    """The value of ``--jobs``: a whole number of worker processes, 1 to :data:`MAX_JOBS`."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_JOBS:
        raise argparse.ArgumentTypeError(f"a whole number from 1 to {MAX_JOBS}: {text!r}")
    return value


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        metavar="PATH",
        nargs="+",
        help=f"reports, or folders of reports (every file in them, at any depth, in sorted "
        f"order; hidden files left out): {FILES_HELP}",
    )
    add_lang(parser)
    parser.add_argument(
        "--summary",
        type=output,
        metavar="OUT",
        help="check in parallel and write a summary of every file, its findings and reading "
        "notes to OUT: .csv (with OUT-findings.csv and OUT-notes.csv beside it), .html (one "
        "page) or .xlsx (needs openpyxl); the results are kept as they come in OUT.state",
    )
    parser.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="with --summary: worker processes (default: the number of cores)",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="with --summary: skip the files whose content was checked by an earlier run "
        "(interrupted or not), as kept in OUT.state",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="output format (default: text)",
    )
    parser.epilog = (
        "Exit codes: 0: no error finding (there may be warnings); 1: an error finding, a "
        "balance rule is broken; 3: no error finding, but a table of a published report's "
        "format was not found, so its rules were not checked; with --summary, 2 also when a "
        f"file is not a report or a body has two different reports for one year; {EXIT_CODES}"
    )


def _number(value: int | Decimal | None) -> int | str | None:
    return str(value) if isinstance(value, Decimal) else value


def _finding_record(finding: Finding, locale: str) -> dict[str, Any]:
    quote = {"quote": finding.quote} if finding.quote else {}
    years = {"years": list(finding.years)} if finding.years else {}
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "cells": [str(cell) for cell in finding.cells],
        "expected": _number(finding.expected),
        "actual": _number(finding.actual),
        "unknown": [str(cell) for cell in finding.unknown],
        "message": finding.message(locale),
        **quote,
        **years,
    }


def _describe(report: Report, locale: str) -> str:
    meta = report.metadata
    title = report_title(meta.agency, meta.year, locale)
    version = translate(_FORMAT, locale).format(version=report.format_version)
    return f"{title} ({version})"


def _counts(findings: tuple[Finding, ...]) -> tuple[int, int]:
    errors = sum(f.severity is Severity.ERROR for f in findings)
    return errors, len(findings) - errors


def _checked_parts(rules: tuple[Rule, ...]) -> tuple[list[int], list[str]]:
    """The tables (2, 3, 4) and the sections without a table (their fields) that *rules* check."""
    tables = sorted({rule.table for rule in rules if rule.table is not None})
    sections = [s for s in SECTION_TITLES if any(r.section == s and r.table is None for r in rules)]
    return tables, sections


def _checked_record(report: Report) -> dict[str, Any]:
    """What was checked: the rules of the report's format version, and the parts they check."""
    rules = rules_of(format_version(report.format_version))
    tables, sections = _checked_parts(rules)
    return {"rules": [rule.id for rule in rules], "tables": tables, "sections": sections}


def _checked_line(report: Report, locale: str) -> str:
    """The line saying what was checked: which tables and sections, against how many rules."""
    rules = rules_of(format_version(report.format_version))
    tables, sections = _checked_parts(rules)
    numerals = translate(_NUMERALS, locale).split()
    section_numbers = {name: numerals[i] for i, name in enumerate(SECTION_TITLES)}
    parts = [
        *(translate(_CHECKED_TABLE, locale).format(number=numerals[t - 1]) for t in tables),
        *(translate(_CHECKED_SECTION, locale).format(number=section_numbers[s]) for s in sections),
    ]
    return translate(_CHECKED, locale).format(
        parts=translate(_PAIR_SEPARATOR, locale).join(parts),
        count=len(rules),
        version=report.format_version,
    )


def _report_document(loaded: Loaded, findings: tuple[Finding, ...], locale: str) -> dict[str, Any]:
    report = loaded.report
    errors, warnings = _counts(findings)
    return {
        "report": {
            "agency": report.metadata.agency,
            "year": report.metadata.year,
            "format_version": report.format_version,
        },
        "checked": _checked_record(report),
        "errors": errors,
        "warnings": warnings,
        "findings": [_finding_record(f, locale) for f in findings],
        "notes": [note_record(note) for note in loaded.notes],
        "tables": {"read": list(loaded.tables_found), "not_found": list(loaded.tables_missing)},
    }


def _series_document(
    series: tuple[Report, ...], findings: tuple[Finding, ...], locale: str
) -> dict[str, Any]:
    from disclosure_report.many import series_pairs

    errors, warnings = _counts(findings)
    pairs = series_pairs(series)
    return {
        "series": {
            "agency": series[0].metadata.agency,
            "years": [report.metadata.year for report in series],
            "compared": [list(pair.years) for pair in pairs if pair.compared],
            "not_compared": [
                {"years": list(pair.years), "reason": "gap" if pair.gap else "no_rule"}
                for pair in pairs
                if not pair.compared
            ],
        },
        "errors": errors,
        "warnings": warnings,
        "findings": [_finding_record(f, locale) for f in findings],
    }


def _pairs_lines(series: tuple[Report, ...], locale: str) -> list[str]:
    """Which pairs of years of *series* were compared, and which not (and why)."""
    from disclosure_report.many import series_pairs

    pairs = series_pairs(series)
    separator = translate(_PAIR_SEPARATOR, locale)
    lines = []
    for label, chosen in (
        (_COMPARED, [p for p in pairs if p.compared]),
        (_GAPS, [p for p in pairs if not p.compared and p.gap]),
        (_NO_RULE, [p for p in pairs if not p.compared and not p.gap]),
    ):
        if chosen:
            shown = separator.join(
                translate(_PAIR, locale).format(earlier=p.years[0], later=p.years[1])
                for p in chosen
            )
            lines.append(translate(label, locale).format(pairs=shown))
    return lines


def _tables_lines(loaded: Loaded, locale: str) -> tuple[str, ...]:
    """Which tables of a published report were read, and which not; nothing for a report in
    the interchange format, which has them all."""
    if loaded.kind == "json":
        return ()
    separator = translate(_PAIR_SEPARATOR, locale)
    lines = []
    for label, tables in (
        (_TABLES_READ, loaded.tables_found),
        (_TABLES_MISSING, loaded.tables_missing),
    ):
        if tables:
            names = separator.join(
                translate(_TABLE_NAMES[t], locale) if t in _TABLE_NAMES else str(t) for t in tables
            )
            lines.append(translate(label, locale).format(tables=names))
    return tuple(lines)


def _summary(findings: tuple[Finding, ...], locale: str) -> str:
    errors, warnings = _counts(findings)
    return translate(_SUMMARY, locale).format(
        errors=translate(_ERRORS[errors != 1], locale).format(count=errors),
        warnings=translate(_WARNINGS[warnings != 1], locale).format(count=warnings),
    )


def _write_findings(
    heading: str,
    findings: tuple[Finding, ...],
    locale: str,
    out: IO[str],
    *,
    notes: tuple[str, ...] = (),
    tables: tuple[str, ...] = (),
) -> None:
    out.write(f"{heading}\n")
    for note in notes:
        out.write(f"{note}\n")
    for finding in findings:
        severity = translate(_SEVERITIES[finding.severity], locale)
        out.write(f"{severity}: [{finding.rule}] {finding.message(locale)}\n")
    for line in tables:
        out.write(f"{line}\n")
    out.write(_summary(findings, locale) + "\n")


_Series = tuple[tuple[Report, ...], tuple[Finding, ...]]


def _series(reports: list[Report]) -> tuple[list[_Series], bool]:
    """Each body with more than one report: its reports by year and their series findings.

    Also whether a series could not be checked (two reports of one year: its problems go to
    standard error).
    """
    groups: dict[str, list[Report]] = {}
    for report in reports:
        if report.metadata.agency.strip():  # a report without an agency is checked alone
            groups.setdefault(report.metadata.agency, []).append(report)
    checked = []
    failed = False
    for agency, group in groups.items():
        if len(group) < 2:  # noqa: PLR2004 (a series needs two reports)
            continue
        from disclosure_report.many import check_series

        try:
            findings = check_series(group)
        except InvalidReportError as error:
            print(f"disclosure-report: cannot check the series of {agency}:", file=sys.stderr)
            for problem in error.problems:
                print(f"  {problem}", file=sys.stderr)
            failed = True
            continue
        group.sort(key=lambda report: report.metadata.year)
        checked.append((tuple(group), findings))
    return checked, failed


def _files(args: argparse.Namespace) -> list[str] | None:
    """The files to check: each folder replaced by its files
    (:func:`disclosure_report.batch.walk`); ``None`` after saying why there are none, or why
    the flags are wrong."""
    if args.jobs is not None or args.resume:
        print("disclosure-report: --jobs and --resume need --summary OUT", file=sys.stderr)
        return None
    paths: list[str] = args.files
    if not any(path != "-" and Path(path).is_dir() for path in paths):
        return paths
    from disclosure_report.batch import walk

    files = list(walk(paths))
    if not files:
        print("disclosure-report: no file to check in " + ", ".join(paths), file=sys.stderr)
        return None
    return files


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    locale = locale_of(args)
    if args.summary is not None:
        return run_summary(args, locale, out)
    files = _files(args)
    if files is None:
        return EXIT_UNREADABLE
    loaded, unreadable = load_reports(files)
    checked = [
        (file, each, check(each.report))
        for file, each in progress(loaded, total=len(loaded), label="checking")
    ]
    series, series_failed = _series([each.report for _, each in loaded])
    errors = sum(
        _counts(findings)[0] for findings in (*(c[2] for c in checked), *(s[1] for s in series))
    )
    if args.format == "json":
        documents = [_report_document(each, findings, locale) for _, each, findings in checked]
        if len(files) > 1:
            warnings = sum(document["warnings"] for document in documents) + sum(
                _counts(findings)[1] for _, findings in series
            )
            json.dump(
                {
                    "reports": documents,
                    "series": [_series_document(s, findings, locale) for s, findings in series],
                    "errors": errors,
                    "warnings": warnings,
                },
                out,
                ensure_ascii=False,
                indent=2,
            )
            out.write("\n")
        elif documents:
            json.dump(documents[0], out, ensure_ascii=False, indent=2)
            out.write("\n")
    else:
        for file, each, findings in checked:
            print_notes(each.notes, file)
            _write_findings(
                _describe(each.report, locale),
                findings,
                locale,
                out,
                notes=(_checked_line(each.report, locale),),
                tables=_tables_lines(each, locale),
            )
        for group, findings in series:
            heading = translate(_SERIES, locale).format(
                agency=group[0].metadata.agency,
                first=group[0].metadata.year,
                last=group[-1].metadata.year,
            )
            _write_findings(
                heading, findings, locale, out, notes=tuple(_pairs_lines(group, locale))
            )
    if unreadable or series_failed:
        return EXIT_UNREADABLE
    if errors:
        return EXIT_ERRORS
    # Blank cells break no rule: a report without a table must not pass as balanced.
    return EXIT_INCOMPLETE if any(each.tables_missing for _, each in loaded) else EXIT_OK


CHECK = Command(
    "check the balance rules of reports, and of the reports of one body across the years",
    _add_arguments,
    _run,
)
