"""A pydantic v2 model of a 2021 report: what a user would write instead of this library.

For the benchmark only (``benchmarks/run.py``); pydantic is not a dependency of the library.

The model validates the same interchange dict as :func:`disclosure_report.from_dict`, as
faithfully as pydantic's own means allow, and nothing is coerced (``strict``):

* a count is an ``int`` from 0 to ``MAX_COUNT``, ``None`` (a blank cell) or one of the
  not-applicable marks (a ``Literal`` of the same symbols); blank and marked cells stay ``None``
  and the mark's string instead of becoming ``BLANK`` and ``NotApplicable`` objects;
* money is an object ``{"value": "<decimal string>", "unit": "万元" | "元" | null}``, the value
  matching the library's own pattern (plain notation, no sign) and turned into an exact
  :class:`~decimal.Decimal`; a money cell may also be ``None`` or a mark;
* the publication date is a ``"YYYY-MM-DD"`` string turned into a :class:`datetime.date`; the
  level is one of its five strings; the year is from 2008 to 2100; the version is ``"2021"``;
* every object forbids unknown keys, and the optional keys (``published``, ``source_url``,
  ``level``, ``region``, ``processing_fees``, its ``applications``) may be left out, as in the
  interchange format.

Differences that remain: pydantic's error messages and paths are its own, and a bool is refused
where a count is expected (as the library does) because of ``strict``.

**The checks.** :func:`check_model` runs the same rules as :func:`disclosure_report.checks.check`
on a 2021 report, on the pydantic objects themselves, by calling the library's own rule code,
which only reads attributes by name and treats every cell that is not an ``int`` as unknown:
the checkers that :func:`~disclosure_report.checks.check` runs on a 2021 report (S1 length, X5
with its cached parse of the overview, F1/I1/I2 on table 3, I4 on table 4 and S6 fees), called
on the pydantic objects in the same order. The findings are the library's :class:`~disclosure_report.Finding`
objects; the benchmark asserts that both sides find the same ones on every report.
"""

from __future__ import annotations

import datetime as dt

from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictInt, StrictStr

from disclosure_report.checks import Finding
from disclosure_report.checks._report import _checkers
from disclosure_report.model import MAX_COUNT, NOT_APPLICABLE_SYMBOLS, format_version
from disclosure_report.serialize import DATE_PATTERN, DECIMAL_PATTERN


__all__ = ["PydanticReport2021", "check_model"]

if TYPE_CHECKING:  # the symbols are the library's, read at run time
    Mark: TypeAlias = str
else:
    Mark = Literal[tuple(sorted(NOT_APPLICABLE_SYMBOLS))]
Count: TypeAlias = Annotated[StrictInt, Field(ge=0, le=MAX_COUNT)] | Mark | None


def _decimal(value: object) -> Decimal:
    """A money string in plain notation, as an exact Decimal (what the library accepts)."""
    if type(value) is not str or DECIMAL_PATTERN.fullmatch(value) is None:
        raise ValueError("a non-negative decimal number as a string in plain notation")
    return Decimal(value)


def _date(value: object) -> dt.date:
    """A ``"YYYY-MM-DD"`` string, as a date (``ValueError`` for a day not in the calendar)."""
    if type(value) is not str or DATE_PATTERN.fullmatch(value) is None:
        raise ValueError('a date as a string "YYYY-MM-DD"')
    return dt.date.fromisoformat(value)


# Read from a string, kept as a Decimal / date, written back as a string in JSON mode.
DecimalString = Annotated[Decimal, BeforeValidator(_decimal)]
DateString = Annotated[dt.date, BeforeValidator(_date)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Amount(_Model):
    value: DecimalString
    unit: Literal["元", "万元"] | None


AmountCell = Amount | None | Mark


class Metadata(_Model):
    agency: StrictStr
    year: Annotated[StrictInt, Field(ge=2008, le=2100)]
    published: DateString | None = None
    source_url: StrictStr | None = None
    level: Literal["national", "provincial", "prefectural", "county", "township"] | None = None
    region: StrictStr | None = None


class Documents(_Model):
    issued: Count
    repealed: Count
    in_force: Count


class Article20_1(_Model):  # noqa: N801 (the article's number)
    rules: Documents
    normative_documents: Documents


class Decisions(_Model):
    decisions: Count


class Article20_5(_Model):  # noqa: N801
    licensing: Decisions


class Article20_6(_Model):  # noqa: N801
    penalties: Decisions
    compulsory_measures: Decisions


class Fees(_Model):
    amount: AmountCell


class Article20_8(_Model):  # noqa: N801
    administrative_fees: Fees


class ActiveDisclosure(_Model):
    article_20_1: Article20_1
    article_20_5: Article20_5
    article_20_6: Article20_6
    article_20_8: Article20_8


class ApplicantCounts(_Model):
    natural_persons: Count
    commercial_enterprises: Count
    research_institutions: Count
    public_interest_organizations: Count
    legal_service_providers: Count
    other: Count
    total: Count


class Withheld(_Model):
    state_secret: ApplicantCounts
    prohibited_by_law: ApplicantCounts
    endangers_security: ApplicantCounts
    third_party_rights: ApplicantCounts
    internal_affairs: ApplicantCounts
    process_information: ApplicantCounts
    enforcement_files: ApplicantCounts
    inquiry_matters: ApplicantCounts


class UnableToProvide(_Model):
    not_held: ApplicantCounts
    needs_creation: ApplicantCounts
    unclear_after_correction: ApplicantCounts


class NotHandled(_Model):
    petition_or_complaint: ApplicantCounts
    repeated: ApplicantCounts
    publications: ApplicantCounts
    excessive: ApplicantCounts
    confirmation: ApplicantCounts


class OtherHandlingRows(_Model):
    no_correction: ApplicantCounts
    unpaid_fee: ApplicantCounts
    other: ApplicantCounts


class Outcomes(_Model):
    granted: ApplicantCounts
    partially_granted: ApplicantCounts
    withheld: Withheld
    unable_to_provide: UnableToProvide
    not_handled: NotHandled
    other_handling: OtherHandlingRows
    total: ApplicantCounts


class Applications(_Model):
    new_received: ApplicantCounts
    carried_over: ApplicantCounts
    outcomes: Outcomes
    carried_forward: ApplicantCounts


class CaseOutcomes(_Model):
    upheld: Count
    corrected: Count
    other: Count
    pending: Count
    total: Count


class ReconsiderationAndLitigation(_Model):
    reconsideration: CaseOutcomes
    litigation_direct: CaseOutcomes
    litigation_after_reconsideration: CaseOutcomes


class ProcessingFees(_Model):
    amount: Amount
    applications: Annotated[StrictInt, Field(ge=0, le=MAX_COUNT)] | None = None


class OtherMatters(_Model):
    text: StrictStr
    processing_fees: ProcessingFees | None = None


class PydanticReport2021(_Model):
    """A 2021 report; ``model_validate`` reads the interchange dict, ``model_dump`` writes it."""

    format_version: Literal["2021"] = "2021"
    metadata: Metadata
    overview: StrictStr
    active_disclosure: ActiveDisclosure
    applications: Applications
    reconsideration_and_litigation: ReconsiderationAndLitigation
    problems_and_improvements: StrictStr
    other_matters: OtherMatters


_CHECKERS = _checkers(format_version("2021"))


def check_model(report: PydanticReport2021) -> tuple[Finding, ...]:
    """Every rule of the 2021 format on *report*, in the order of ``checks.check``."""
    model: Any = report  # the library's rules read attributes by name
    findings: tuple[Finding, ...] = ()
    for checker in _CHECKERS:
        found = checker(model)
        if found:
            findings += found
    return findings
