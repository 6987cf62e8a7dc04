"""The balance rules (勾稽关系) and guidance that one report is checked against.

Each :class:`Rule` is one rule of §3 of the format reference (or one piece of the format's own
guidance) in one format version, with a stable id such as ``2021.T3.F1``: the version, where the
rule applies (``T2``–``T4`` for tables 二–四, ``S1``/``S6`` for sections 一 and 六) and the rule's
name. :data:`RULES` lists them in printed order, 2019 first.

Rule I3 (一 + 二 = the sum of every outcome row + 四) has no rule of its own: it is F1 with
``（七）总计`` replaced by the sum of the rows above it, which is what I2 asserts, so a report that
passes F1 and I2 passes I3, and one that fails I3 fails F1 or I2 in the same column.
"""

from __future__ import annotations

import enum

from typing import Final, Literal

import attrs

from disclosure_report.model import NC_, Label


__all__ = ["RULES", "SERIES_RULES", "BlankPolicy", "Rule", "Severity"]


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


FormatVersion = Literal["2019", "2021"]


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
    version: FormatVersion
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
_I2_FORMULA_2019 = NC_(
    "rule.I2.2019.formula",
    "For each column: (7) Total = (1) + (2) + (3) items 1–8 + (4) items 1–3 + (5) items 1–5 + (6)",
)
_I2_FORMULA_2021 = NC_(
    "rule.I2.2021.formula",
    "For each column: (7) Total = (1) + (2) + (3) items 1–8 + (4) items 1–3 + (5) items 1–5 "
    "+ (6) items 1–3",
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


def _table3(version: FormatVersion) -> tuple[Rule, ...]:
    return (
        Rule(
            id=f"{version}.T3.F1",
            version=version,
            section="applications",
            table=3,
            severity=Severity.ERROR,
            formula=_F1_FORMULA,
            blank_policy=BlankPolicy.UNKNOWN_COUNTS,
            message=_F1_MESSAGE,
        ),
        Rule(
            id=f"{version}.T3.I1",
            version=version,
            section="applications",
            table=3,
            severity=Severity.ERROR,
            formula=_I1_FORMULA,
            blank_policy=BlankPolicy.UNKNOWN_COUNTS,
            message=_I1_MESSAGE,
        ),
        Rule(
            id=f"{version}.T3.I2",
            version=version,
            section="applications",
            table=3,
            severity=Severity.ERROR,
            formula=_I2_FORMULA_2019 if version == "2019" else _I2_FORMULA_2021,
            blank_policy=BlankPolicy.UNKNOWN_COUNTS,
            message=_I2_MESSAGE,
        ),
    )


def _table4(version: FormatVersion) -> Rule:
    return Rule(
        id=f"{version}.T4.I4",
        version=version,
        section="reconsideration_and_litigation",
        table=4,
        severity=Severity.ERROR,
        formula=_I4_FORMULA,
        blank_policy=BlankPolicy.UNKNOWN_COUNTS,
        message=_I4_MESSAGE,
    )


I5_2019: Final = Rule(
    id="2019.T2.I5",
    version="2019",
    section="active_disclosure",
    table=2,
    severity=Severity.ERROR,
    formula=_I5_FORMULA,
    blank_policy=BlankPolicy.SKIP_IF_UNKNOWN,
    message=_I5_MESSAGE,
)
X4_TOTAL_2019: Final = Rule(
    id="2019.T2.X4.TOTAL",
    version="2019",
    section="active_disclosure",
    table=2,
    severity=Severity.WARNING,
    formula=_X4_TOTAL_FORMULA,
    blank_policy=BlankPolicy.SKIP_IF_UNKNOWN,
    message=_X4_TOTAL_MESSAGE,
)
X4_PRODUCED_2019: Final = Rule(
    id="2019.T2.X4.PRODUCED",
    version="2019",
    section="active_disclosure",
    table=2,
    severity=Severity.WARNING,
    formula=_X4_PRODUCED_FORMULA,
    blank_policy=BlankPolicy.SKIP_IF_UNKNOWN,
    message=_X4_PRODUCED_MESSAGE,
)
F1_2019, I1_2019, I2_2019 = _table3("2019")


def _x5(version: FormatVersion) -> Rule:
    return Rule(
        id=f"{version}.S1.X5",
        version=version,
        section="overview",
        table=None,
        severity=Severity.WARNING,
        formula=_X5_FORMULA,
        blank_policy=BlankPolicy.SKIP_IF_UNKNOWN,
        message=_X5_MESSAGE,
    )


X5_2019: Final = _x5("2019")
X5_2021: Final = _x5("2021")

I4_2019: Final = _table4("2019")

S1_LENGTH_2021: Final = Rule(
    id="2021.S1.LENGTH",
    version="2021",
    section="overview",
    table=None,
    severity=Severity.WARNING,
    formula=_S1_FORMULA,
    blank_policy=BlankPolicy.NO_CELLS,
    message=_S1_MESSAGE,
)
F1_2021, I1_2021, I2_2021 = _table3("2021")
I4_2021: Final = _table4("2021")
S6_FEES_2021: Final = Rule(
    id="2021.S6.FEES",
    version="2021",
    section="other_matters",
    table=None,
    severity=Severity.WARNING,
    formula=_S6_FORMULA,
    blank_policy=BlankPolicy.NO_CELLS,
    message=_S6_MESSAGE,
)

RULES: Final[tuple[Rule, ...]] = (
    X5_2019,
    I5_2019,
    X4_TOTAL_2019,
    X4_PRODUCED_2019,
    F1_2019,
    I1_2019,
    I2_2019,
    I4_2019,
    S1_LENGTH_2021,
    X5_2021,
    F1_2021,
    I1_2021,
    I2_2021,
    I4_2021,
    S6_FEES_2021,
)
"""Every rule, 2019 first, each version's rules in the order of the parts they check."""


# Rules across the reports of one body in consecutive years (disclosure_report.many) ------

_X1_FORMULA = NC_(
    "rule.X1.formula",
    "For each column, same body: item 2 of year N (applications carried over from the "
    "previous year) = item 4 of year N-1 (carried over to next year)",
)
_X1_FROM_2019_FORMULA = NC_(
    "rule.X1.FROM2019.formula",
    "For each column, same body, year N-1 in the 2019 format and year N in the 2021 format: "
    "item 2 of year N = item 4 of year N-1",
)
_X1_FROM_2021_FORMULA = NC_(
    "rule.X1.FROM2021.formula",
    "For each column, same body, year N-1 in the 2021 format and year N in the 2019 format: "
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


def _x1(version: FormatVersion, previous: FormatVersion, formula: Label) -> Rule:
    suffix = "" if version == previous else f".FROM{previous}"
    return Rule(
        id=f"{version}.T3.X1{suffix}",
        version=version,
        section="applications",
        table=3,
        severity=Severity.ERROR,
        formula=formula,
        blank_policy=BlankPolicy.SKIP_IF_UNKNOWN,
        message=_X1_MESSAGE,
    )


X1_2019: Final = _x1("2019", "2019", _X1_FORMULA)
X1_2021: Final = _x1("2021", "2021", _X1_FORMULA)
X1_2021_FROM_2019: Final = _x1("2021", "2019", _X1_FROM_2019_FORMULA)
X1_2019_FROM_2021: Final = _x1("2019", "2021", _X1_FROM_2021_FORMULA)
X2_2019: Final = Rule(
    id="2019.T2.X2",
    version="2019",
    section="active_disclosure",
    table=2,
    severity=Severity.WARNING,
    formula=_X2_FORMULA,
    blank_policy=BlankPolicy.SKIP_IF_UNKNOWN,
    message=_X2_MESSAGE,
)
X3_2021: Final = Rule(
    id="2021.T2.X3",
    version="2021",
    section="active_disclosure",
    table=2,
    severity=Severity.WARNING,
    formula=_X3_FORMULA,
    blank_policy=BlankPolicy.SKIP_IF_UNKNOWN,
    message=_X3_MESSAGE,
)

SERIES_RULES: Final[tuple[Rule, ...]] = (
    X1_2019,
    X1_2021,
    X1_2021_FROM_2019,
    X1_2019_FROM_2021,
    X2_2019,
    X3_2021,
)
"""The rules across two reports of one body in consecutive years, checked by
:func:`disclosure_report.many.check_series`: X1 for each pair of format versions, then X2 (2019
format) and X3 (2021 format). The id names the version of the later report; a suffix
``FROM<version>`` names the earlier report's version when the two differ."""

BY_ID: Final[dict[str, Rule]] = {rule.id: rule for rule in (*RULES, *SERIES_RULES)}
"""The rules by id, those of :data:`SERIES_RULES` included."""
