"""``disclosure-report rules``: the rules that reports are checked against, or one of them.

Without an id, every rule of the registered format versions (those of one report, then those
across years), one a line: id, severity, formula. With an id, that rule in full: formula,
severity, how it treats blank cells, the template of its messages and its format version.
"""

from __future__ import annotations

import argparse
import json
import sys

from typing import IO, TYPE_CHECKING, Any

from disclosure_report.cli._command import Command, add_lang, locale_of
from disclosure_report.cli._io import EXIT_OK, EXIT_UNREADABLE
from disclosure_report.model import NC_, format_versions


if TYPE_CHECKING:
    from disclosure_report.checks import Rule


_FIELDS = {
    "formula": NC_("cli.rules.formula", "Formula"),
    "severity": NC_("cli.rules.severity", "Severity"),
    "blank_policy": NC_("cli.rules.blank_policy", "Blank cells"),
    "message": NC_("cli.rules.message", "Message"),
    "version": NC_("cli.rules.version", "Format version"),
}
_FIELD = NC_("cli.rules.field", "{label}: {value}")
_BLANK_POLICIES = {
    "unknown_counts": NC_(
        "cli.rules.blank_policy.unknown_counts",
        "a blank or not-applicable operand is an unknown non-negative count: a finding only "
        "when the numbers present prove the rule broken",
    ),
    "skip_if_unknown": NC_(
        "cli.rules.blank_policy.skip_if_unknown",
        "a blank or not-applicable operand means the rule is not evaluated",
    ),
    "no_cells": NC_(
        "cli.rules.blank_policy.no_cells", "the rule reads text and records, not table cells"
    ),
}


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "rule",
        metavar="ID",
        nargs="?",
        default=None,
        help="explain this rule (e.g. 2021.T3.F1); without it, list every rule",
    )
    # The parser is built on each run, so a version registered before it is one of the choices.
    parser.add_argument(
        "--format-version",
        choices=[version.id for version in format_versions()],
        default=None,
        help="only the rules of this format version (default: every one)",
    )
    add_lang(parser)
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="output format (default: text)",
    )


def _record(rule: Rule, locale: str) -> dict[str, Any]:
    from disclosure_report.i18n import translate

    return {
        "id": rule.id,
        "version": rule.version,
        "section": rule.section,
        "table": rule.table,
        "severity": rule.severity.value,
        "formula": translate(rule.formula, locale),
        "blank_policy": rule.blank_policy.value,
        "message": translate(rule.message, locale),
    }


def _selected(version: str | None) -> tuple[Rule, ...]:
    from disclosure_report.checks import all_rules, all_series_rules

    rules = (*all_rules(), *all_series_rules())
    return tuple(rule for rule in rules if version is None or rule.version == version)


def _explain(rule: Rule, locale: str) -> str:
    from disclosure_report.cli._check import _SEVERITIES as SEVERITIES
    from disclosure_report.i18n import translate

    record = _record(rule, locale)
    policy = rule.blank_policy.value
    record["severity"] = translate(SEVERITIES[rule.severity], locale)
    record["blank_policy"] = f"{policy} ({translate(_BLANK_POLICIES[policy], locale)})"
    lines = [rule.id]
    field = translate(_FIELD, locale)
    lines += [
        field.format(label=translate(label, locale), value=record[key])
        for key, label in _FIELDS.items()
    ]
    return "\n".join(lines) + "\n"


def _listing(rules: tuple[Rule, ...], locale: str) -> str:
    from disclosure_report.cli._check import _SEVERITIES as SEVERITIES
    from disclosure_report.i18n import translate

    severities = {rule.id: translate(SEVERITIES[rule.severity], locale) for rule in rules}
    id_width = max((len(rule.id) for rule in rules), default=0)
    severity_width = max((len(severity) for severity in severities.values()), default=0)
    return "".join(
        f"{rule.id:<{id_width}}  {severities[rule.id]:<{severity_width}}  "
        f"{translate(rule.formula, locale)}\n"
        for rule in rules
    )


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    from disclosure_report.checks import rule_by_id
    from disclosure_report.exceptions import DisclosureReportError

    locale = locale_of(args)
    if args.rule is not None:
        try:
            rule = rule_by_id(args.rule)
        except DisclosureReportError:
            print(
                f"disclosure-report: no rule {args.rule!r}; "
                "'disclosure-report rules' lists every rule",
                file=sys.stderr,
            )
            return EXIT_UNREADABLE
        if args.format == "json":
            json.dump(_record(rule, locale), out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            out.write(_explain(rule, locale))
        return EXIT_OK
    rules = _selected(args.format_version)
    if args.format == "json":
        json.dump([_record(rule, locale) for rule in rules], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(_listing(rules, locale))
    return EXIT_OK


RULES = Command(
    "list the rules that reports are checked against, or explain one (rules ID)",
    _add_arguments,
    _run,
)
