"""The balance rules (勾稽关系) and guidance that one report is checked against.

Each :class:`Rule` is one rule of §3 of the format reference (or one piece of the format's own
guidance) in one format version, with a stable id such as ``2021.T3.F1``: the version, where the
rule applies (``T2``–``T4`` for tables 二–四, ``S1``/``S6`` for sections 一 and 六) and the rule's
name. Each rule is defined once here, by name (``T3.F1``); each format version of the
registry (:class:`~disclosure_report.FormatVersion`) lists the names of the rules it has, and
:func:`rules_of` makes its :class:`Rule` objects. :data:`RULES` lists the built-in versions'
rules in printed order, 2019 first.

Rule I3 (一 + 二 = the sum of every outcome row + 四) has no rule of its own: it is F1 with
``（七）总计`` replaced by the sum of the rows above it, which is what I2 asserts, so a report that
passes F1 and I2 passes I3, and one that fails I3 fails F1 or I2 in the same column.
"""

from __future__ import annotations

import enum
import functools

from collections.abc import Mapping
from typing import Final

import attrs

from disclosure_report.exceptions import DisclosureReportError
from disclosure_report.model import NC_, FormatVersion, Label, format_version, format_versions


__all__ = [
    "RULES",
    "SERIES_RULES",
    "BlankPolicy",
    "Rule",
    "Severity",
    "all_rules",
    "all_series_rules",
    "rule_by_id",
    "rules_of",
    "series_rules_of",
    "x1_rule",
]


class Severity(enum.StrEnum):
    """How serious a finding is."""

    ERROR = "error"
    """The numbers prove that a hard rule of the format is broken."""
    WARNING = "warning"
    """Worth a look, as a heuristic or the format's guidance is not met."""


class BlankPolicy(enum.StrEnum):
    """How a rule treats operands that are blank or marked not applicable."""

    UNKNOWN_COUNTS = "unknown_counts"
    """Such operands are unknown non-negative counts. The rule is broken only when the numbers
    present prove it: every operand is a number and the two sides differ, or one side is fully
    known and the known numbers of the other side already exceed it. The finding lists the
    unknown operands."""
    SKIP_IF_UNKNOWN = "skip_if_unknown"
    """Any unknown operand means the rule is not evaluated."""
    NO_CELLS = "no_cells"
    """The rule reads narrative text or records, not table cells."""


@attrs.frozen(kw_only=True)
class Rule:
    """One rule that a report is checked against.

    Attributes:
        id: Stable id: format version, place and rule (``2021.T3.F1``).
        version: The format version the rule belongs to.
        section: The report field the rule reads (``applications``, ``overview`` …).
        table: The table the rule checks (2, 3 or 4), or ``None`` for guidance on narrative.
        severity: The severity of the rule's findings.
        formula: What the rule asserts (translatable; official wording where the format has it).
        blank_policy: How blank and not-applicable operands are treated.
        message: The message of a finding, with ``%(name)s`` placeholders: ``expected``,
            ``actual``, ``row`` and ``column`` (labels of the finding's first cell) and
            ``section`` (the title of :attr:`section`).
    """

    id: str
    version: str
    section: str
    table: int | None
    severity: Severity
    formula: Label
    blank_policy: BlankPolicy
    message: Label


AT_LEAST: Final = NC_("check.at_least", "at least %(value)s")
"""How a lower bound is shown in a message: the known part of a sum with unknown operands."""

ROW_IN_GROUP: Final = NC_("check.row_in_group", "%(group)s / %(row)s")
"""How a row is named in a message together with the group that spans it."""

_F1_FORMULA = NC_(
    "rule.F1.formula",
    "For each column: item 1 + item 2 = item 3 + item 4 (new applications received + "
    "applications carried over from the previous year = outcomes total + applications "
    "carried over to next year)",
)
_F1_MESSAGE = NC_(
    "rule.F1.message",
    'Column "%(column)s": item 1 + item 2 (%(expected)s) does not equal '
    "item 3 + item 4 (%(actual)s).",
)
_I1_FORMULA = NC_(
    "rule.I1.formula",
    "For each row: Total = natural persons + commercial enterprises + research institutions "
    "+ public-interest organisations + legal service providers + other",
)
_I1_MESSAGE = NC_(
    "rule.I1.message",
    'Row "%(row)s": the total (%(actual)s) does not equal the sum of the six types of '
    "applicant (%(expected)s).",
)
_I2_MESSAGE = NC_(
    "rule.I2.message",
    'Column "%(column)s": "%(row)s" (%(actual)s) does not equal the sum of the outcome rows '
    "above it (%(expected)s).",
)
_I4_FORMULA = NC_(
    "rule.I4.formula",
    "For reconsideration and for each kind of suit: Total = upheld + corrected + other "
    "outcome + pending",
)
_I4_MESSAGE = NC_(
    "rule.I4.message",
    '"%(row)s": the total (%(actual)s) does not equal upheld + corrected + other outcome + '
    "pending (%(expected)s).",
)
_I5_FORMULA = NC_(
    "rule.I5.formula",
    "For each row with a net change: number of items at the end of the previous year + net "
    "increase or decrease this year >= 0 (the current number of items cannot be negative)",
)
_I5_MESSAGE = NC_(
    "rule.I5.message",
    '"%(row)s": the number of items at the end of the previous year plus the net change '
    "this year is %(actual)s; the current number of items cannot be negative.",
)
_X4_TOTAL_FORMULA = NC_(
    "rule.X4.TOTAL.formula",
    "For rules and normative documents: total publicly disclosed >= newly disclosed this year",
)
_X4_TOTAL_MESSAGE = NC_(
    "rule.X4.TOTAL.message",
    '"%(row)s": the total publicly disclosed (%(actual)s) is less than the number newly '
    "disclosed this year (%(expected)s).",
)
_X4_PRODUCED_FORMULA = NC_(
    "rule.X4.PRODUCED.formula",
    "For rules and normative documents: newly disclosed this year <= newly produced this "
    "year, as a rule",
)
_X4_PRODUCED_MESSAGE = NC_(
    "rule.X4.PRODUCED.message",
    '"%(row)s": more documents were newly disclosed this year (%(actual)s) than newly '
    "produced (%(expected)s); check whether documents of earlier years are counted.",
)
_S1_FORMULA = NC_(
    "rule.S1.LENGTH.formula",
    "The overview is no longer than about 1,000 characters, whitespace not counted",
)
_S1_MESSAGE = NC_(
    "rule.S1.LENGTH.message",
    '"%(section)s" is %(actual)s characters long, whitespace not counted; the format asks '
    "for no more than about %(expected)s.",
)
_S6_FORMULA = NC_(
    "rule.S6.FEES.formula",
    "Section VI reports the information-processing fees collected",
)
_S6_MESSAGE = NC_(
    "rule.S6.FEES.message",
    '"%(section)s" says nothing about information-processing fees, which the 2021 format '
    "asks every organ to report there.",
)

_X5_FORMULA = NC_(
    "rule.X5.formula",
    "The numbers the overview states about the tables (applications received, handled and "
    "carried over; reconsideration and litigation cases; documents in force) equal the tables",
)
_X5_MESSAGE = NC_(
    "rule.X5.message",
    '"%(section)s" states %(actual)s for "%(row)s" (%(column)s), but the table has '
    "%(expected)s: “%(quote)s”",
)

OVERVIEW_LIMIT: Final = 1000
"""Rule S1.LENGTH: the most characters, whitespace not counted, that the overview should have."""


@attrs.frozen(kw_only=True)
class _Definition:
    """What a rule is in every format version that lists it: all of :class:`Rule` but the id,
    the version and (where a version words it differently) the formula."""

    section: str
    table: int | None
    severity: Severity
    formula: Label | None
    blank_policy: BlankPolicy
    message: Label


def _table3(formula: Label | None, message: Label) -> _Definition:
    return _Definition(
        section="applications",
        table=3,
        severity=Severity.ERROR,
        formula=formula,
        blank_policy=BlankPolicy.UNKNOWN_COUNTS,
        message=message,
    )


def _table2(severity: Severity, formula: Label, message: Label) -> _Definition:
    return _Definition(
        section="active_disclosure",
        table=2,
        severity=severity,
        formula=formula,
        blank_policy=BlankPolicy.SKIP_IF_UNKNOWN,
        message=message,
    )


_DEFINITIONS: Final[dict[str, _Definition]] = {
    "S1.LENGTH": _Definition(
        section="overview",
        table=None,
        severity=Severity.WARNING,
        formula=_S1_FORMULA,
        blank_policy=BlankPolicy.NO_CELLS,
        message=_S1_MESSAGE,
    ),
    "S1.X5": _Definition(
        section="overview",
        table=None,
        severity=Severity.WARNING,
        formula=_X5_FORMULA,
        blank_policy=BlankPolicy.SKIP_IF_UNKNOWN,
        message=_X5_MESSAGE,
    ),
    "T2.I5": _table2(Severity.ERROR, _I5_FORMULA, _I5_MESSAGE),
    "T2.X4.TOTAL": _table2(Severity.WARNING, _X4_TOTAL_FORMULA, _X4_TOTAL_MESSAGE),
    "T2.X4.PRODUCED": _table2(Severity.WARNING, _X4_PRODUCED_FORMULA, _X4_PRODUCED_MESSAGE),
    "T3.F1": _table3(_F1_FORMULA, _F1_MESSAGE),
    "T3.I1": _table3(_I1_FORMULA, _I1_MESSAGE),
    # I2's formula names the outcome rows, which differ between versions: each version words it.
    "T3.I2": _table3(None, _I2_MESSAGE),
    "T4.I4": _Definition(
        section="reconsideration_and_litigation",
        table=4,
        severity=Severity.ERROR,
        formula=_I4_FORMULA,
        blank_policy=BlankPolicy.UNKNOWN_COUNTS,
        message=_I4_MESSAGE,
    ),
    "S6.FEES": _Definition(
        section="other_matters",
        table=None,
        severity=Severity.WARNING,
        formula=_S6_FORMULA,
        blank_policy=BlankPolicy.NO_CELLS,
        message=_S6_MESSAGE,
    ),
}
"""Every rule of one report, by name (the part of its id after the version)."""

RULE_NAMES: Final = tuple(_DEFINITIONS)
"""The names of the rules of one report that a format version may list (``T3.F1`` …)."""


def _rule(version: FormatVersion, name: str, definitions: Mapping[str, _Definition]) -> Rule:
    definition = definitions.get(_family(name))
    if definition is None:
        known = ", ".join(definitions)
        msg = f"format version {version.id!r} lists the rule {name!r}; known rules: {known}"
        raise DisclosureReportError(msg)
    formula = version.formulas.get(name, definition.formula)
    if formula is None:
        msg = f"format version {version.id!r} must word the formula of {name!r} (formulas=)"
        raise DisclosureReportError(msg)
    return Rule(
        id=version.rule_id(name),
        version=version.id,
        section=definition.section,
        table=definition.table,
        severity=definition.severity,
        formula=formula,
        blank_policy=definition.blank_policy,
        message=definition.message,
    )


def _family(name: str) -> str:
    """``T3.X1`` for ``T3.X1.FROM2019``: the rule that a cross-version variant belongs to."""
    head, dot, tail = name.rpartition(".")
    return head if dot and tail.startswith("FROM") else name


@functools.cache
def rules_of(version: FormatVersion) -> tuple[Rule, ...]:
    """The rules of one report of *version*, in the order it lists them.

    Raises:
        DisclosureReportError: When the version lists a rule that is not defined here.
    """
    return tuple(_rule(version, name, _DEFINITIONS) for name in version.rules)


# Rules across the reports of one body in consecutive years (disclosure_report.many) ------

_X1_FORMULA = NC_(
    "rule.X1.formula",
    "For each column, same body: item 2 of year N (applications carried over from the "
    "previous year) = item 4 of year N-1 (carried over to next year)",
)
_X1_ACROSS_FORMULA = NC_(
    "rule.X1.FROM.formula",
    "For each column, same body, year N-1 and year N in different format versions: "
    "item 2 of year N = item 4 of year N-1",
)
_X1_MESSAGE = NC_(
    "rule.X1.message",
    'Column "%(column)s": item 2 of %(year)s (%(actual)s) does not equal item 4 of '
    "%(previous_year)s (%(expected)s).",
)
_X2_FORMULA = NC_(
    "rule.X2.formula",
    "For each row with a net change: number of items at the end of the previous year in year "
    "N = that number in year N-1 + net increase or decrease in year N-1",
)
_X2_MESSAGE = NC_(
    "rule.X2.message",
    '"%(row)s": the number of items at the end of the previous year in %(year)s '
    "(%(actual)s) does not equal that number plus the net change in %(previous_year)s "
    "(%(expected)s).",
)
_X3_FORMULA = NC_(
    "rule.X3.formula",
    "For rules and normative documents: currently in force in year N = currently in force in "
    "year N-1 + issued in year N - repealed in year N, as a rule",
)
_X3_MESSAGE = NC_(
    "rule.X3.message",
    '"%(row)s": %(actual)s currently in force in %(year)s; those in force in '
    "%(previous_year)s plus those issued and minus those repealed in %(year)s make "
    "%(expected)s.",
)


_SERIES_DEFINITIONS: Final[dict[str, _Definition]] = {
    "T3.X1": _Definition(
        section="applications",
        table=3,
        severity=Severity.ERROR,
        formula=_X1_FORMULA,
        blank_policy=BlankPolicy.SKIP_IF_UNKNOWN,
        message=_X1_MESSAGE,
    ),
    "T2.X2": _table2(Severity.WARNING, _X2_FORMULA, _X2_MESSAGE),
    "T2.X3": _table2(Severity.WARNING, _X3_FORMULA, _X3_MESSAGE),
}
"""Every rule across two reports of one body, by name."""


def x1_rule(previous: FormatVersion, version: FormatVersion) -> Rule | None:
    """Rule X1 between a report of *previous* and one of *version* the year after.

    Its name is ``T3.X1``, with the suffix ``FROM<id>`` of the earlier version when the two
    differ; the later version words that variant's formula where it has one, else the generic
    formula says so (``rule.X1.FROM.formula``). ``None`` when *version* does not list X1.
    """
    if "T3.X1" not in version.series_rules:
        return None
    if previous == version:
        return _rule(version, "T3.X1", _SERIES_DEFINITIONS)
    name = f"T3.X1.FROM{previous.id}"
    definitions = {"T3.X1": attrs.evolve(_SERIES_DEFINITIONS["T3.X1"], formula=_X1_ACROSS_FORMULA)}
    return _rule(version, name, definitions)


@functools.cache
def series_rules_of(version: FormatVersion) -> tuple[Rule, ...]:
    """The rules across years whose later report is of *version*, other than X1 (see
    :func:`x1_rule`), in the order it lists them."""
    return tuple(
        _rule(version, name, _SERIES_DEFINITIONS)
        for name in version.series_rules
        if name != "T3.X1"
    )


def all_rules() -> tuple[Rule, ...]:
    """The rules of one report in every registered format version, oldest version first."""
    return tuple(rule for version in format_versions() for rule in rules_of(version))


def all_series_rules() -> tuple[Rule, ...]:
    """The rules across years for every pair of registered versions: X1 within each version,
    X1 across each pair (earlier version first), then each version's other series rules."""
    versions = format_versions()
    pairs = [(v, v) for v in versions]
    pairs += [(earlier, later) for earlier in versions for later in versions if earlier != later]
    x1 = [rule for earlier, later in pairs if (rule := x1_rule(earlier, later)) is not None]
    return (*x1, *(rule for version in versions for rule in series_rules_of(version)))


def rule_by_id(rule_id: str) -> Rule:
    """The rule with id *rule_id*, of one report or across years, in any registered version.

    Raises:
        UnknownFormatVersionError: When the id's version is not registered.
        DisclosureReportError: When that version has no such rule.
    """
    version = format_version(rule_id.partition(".")[0])
    for rule in (*rules_of(version), *series_rules_of(version)):
        if rule.id == rule_id:
            return rule
    name = rule_id.partition(".")[2]
    previous = name.removeprefix("T3.X1.FROM") if name.startswith("T3.X1.FROM") else version.id
    if name == "T3.X1" or name.startswith("T3.X1.FROM"):
        found = x1_rule(format_version(previous), version)
        if found is not None and found.id == rule_id:
            return found
    msg = f"no rule {rule_id!r} in format version {version.id!r}"
    raise DisclosureReportError(msg)


RULES: Final[tuple[Rule, ...]] = all_rules()
"""Every rule of one report in the built-in format versions, 2019 first, each version's rules
in the order of the parts they check (:func:`all_rules` includes versions registered later)."""

SERIES_RULES: Final[tuple[Rule, ...]] = all_series_rules()
"""The rules across two reports of one body in consecutive years, in the built-in versions,
checked by :func:`disclosure_report.many.check_series`: X1 for each pair of format versions,
then X2 (2019 format) and X3 (2021 format). The id names the version of the later report; a
suffix ``FROM<version>`` names the earlier report's version when the two differ."""
