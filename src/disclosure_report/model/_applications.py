"""Section 三: applications received and handled (table 3), shared by both format versions.

Every row of the table is an :class:`ApplicantCounts` (seven columns by type of applicant). Rows
are grouped as the official table groups them: :class:`Outcomes` (``三、本年度办理结果``) holds
（一）–（七）, and （三）–（五） are groups of numbered sub-rows. The two versions differ only in
（六）其他处理: one row in 2019 (:class:`ApplicantCounts`), three sub-rows in 2021
(:class:`OtherHandling`), hence the type parameter of :class:`Outcomes` and
:class:`Applications`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, Self, TypeVar

import attrs

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.model._cells import BLANK, Count, is_count, safe_repr
from disclosure_report.model._fields import is_part, meta
from disclosure_report.model._labels import NC_


if TYPE_CHECKING:
    from disclosure_report.checks import Finding


__all__ = [
    "ApplicantCounts",
    "Applications",
    "NotHandled",
    "OtherHandling",
    "Outcomes",
    "UnableToProvide",
    "Withheld",
]

_ORGANIZATIONS = NC_("t3.col.organizations", "Legal persons or other organisations")


@attrs.frozen(kw_only=True)
class ApplicantCounts:
    """One row of table 3: a count per type of applicant, and their total.

    Rule I1 of the format: ``total`` equals the sum of the six other columns.
    """

    natural_persons: Count = attrs.field(
        validator=is_count, metadata=meta(NC_("t3.col.natural_persons", "Natural persons"))
    )
    commercial_enterprises: Count = attrs.field(
        validator=is_count,
        metadata=meta(
            NC_("t3.col.commercial_enterprises", "Commercial enterprises"),
            group=_ORGANIZATIONS,
        ),
    )
    research_institutions: Count = attrs.field(
        validator=is_count,
        metadata=meta(
            NC_("t3.col.research_institutions", "Research institutions"),
            group=_ORGANIZATIONS,
        ),
    )
    public_interest_organizations: Count = attrs.field(
        validator=is_count,
        metadata=meta(
            NC_("t3.col.public_interest_organizations", "Public-interest organisations"),
            group=_ORGANIZATIONS,
        ),
    )
    legal_service_providers: Count = attrs.field(
        validator=is_count,
        metadata=meta(
            NC_("t3.col.legal_service_providers", "Legal service providers"),
            group=_ORGANIZATIONS,
        ),
    )
    other: Count = attrs.field(
        validator=is_count,
        metadata=meta(NC_("t3.col.other", "Other"), group=_ORGANIZATIONS),
    )
    total: Count = attrs.field(validator=is_count, metadata=meta(NC_("t3.col.total", "Total")))

    @classmethod
    def blank(cls) -> Self:
        """A row of blank cells."""
        return cls(**dict.fromkeys(_APPLICANT_COLUMNS, BLANK))

    @classmethod
    def from_parts(
        cls,
        *,
        natural_persons: int = 0,
        commercial_enterprises: int = 0,
        research_institutions: int = 0,
        public_interest_organizations: int = 0,
        legal_service_providers: int = 0,
        other: int = 0,
    ) -> Self:
        """A row whose ``total`` is computed from the six applicant columns (omitted ones are 0)."""
        parts = (
            natural_persons,
            commercial_enterprises,
            research_institutions,
            public_interest_organizations,
            legal_service_providers,
            other,
        )
        return cls(
            natural_persons=natural_persons,
            commercial_enterprises=commercial_enterprises,
            research_institutions=research_institutions,
            public_interest_organizations=public_interest_organizations,
            legal_service_providers=legal_service_providers,
            other=other,
            total=_sum_ints(parts),
        )


_APPLICANT_COLUMNS = tuple(f.name for f in attrs.fields(ApplicantCounts))


def _sum_ints(values: tuple[Count, ...]) -> int:
    total = 0
    for value in values:
        if type(value) is not int:
            raise InvalidReportError(
                [Problem("", "numbers only, to compute a total", safe_repr(value))]
            )
        total += value
    return total


class _RowGroup:
    """Mixin of the groups of rows: a builder whose omitted rows are rows of zeros."""

    __slots__ = ()

    @classmethod
    def from_parts(cls, **rows: ApplicantCounts) -> Self:
        """Build the group from the rows given; the rows not given are rows of zeros."""
        names = [f.name for f in attrs.fields(cls)]  # type: ignore[arg-type]
        unknown = sorted(rows.keys() - set(names))
        if unknown:
            raise InvalidReportError(
                Problem(name, f"a row of {cls.__name__}", "an unknown row name") for name in unknown
            )
        zero = ApplicantCounts.from_parts()
        return cls(**{name: rows.get(name, zero) for name in names})


def leaf_rows(part: object) -> list[ApplicantCounts]:
    """Every :class:`ApplicantCounts` row inside *part*, in printed order."""
    if type(part) is ApplicantCounts:
        return [part]
    rows: list[ApplicantCounts] = []
    for field in attrs.fields(type(part)):  # type: ignore[arg-type]
        rows.extend(leaf_rows(getattr(part, field.name)))
    return rows


def column_sums(rows: list[ApplicantCounts]) -> ApplicantCounts:
    """Column-wise sum of rows of plain numbers (blank or not-applicable cells are refused)."""
    return ApplicantCounts(
        **{
            name: _sum_ints(tuple(getattr(row, name) for row in rows))
            for name in _APPLICANT_COLUMNS
        }
    )


@attrs.frozen(kw_only=True)
class Withheld(_RowGroup):
    """（三）不予公开: applications refused, by ground (eight sub-rows)."""

    state_secret: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(NC_("t3.row.state_secret", "1. State secret")),
    )
    prohibited_by_law: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(
            NC_(
                "t3.row.prohibited_by_law",
                "2. Disclosure prohibited by other laws or administrative regulations",
            )
        ),
    )
    endangers_security: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(
            NC_(
                "t3.row.endangers_security",
                '3. Would endanger the "three securities and one stability"',
            )
        ),
    )
    third_party_rights: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(
            NC_(
                "t3.row.third_party_rights",
                "4. Protection of third parties' lawful rights and interests",
            )
        ),
    )
    internal_affairs: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(
            NC_(
                "t3.row.internal_affairs",
                "5. Internal-affairs information (three categories)",
            )
        ),
    )
    process_information: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(
            NC_(
                "t3.row.process_information",
                "6. Process information (four categories)",
            )
        ),
    )
    enforcement_files: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(NC_("t3.row.enforcement_files", "7. Administrative enforcement case files")),
    )
    inquiry_matters: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(NC_("t3.row.inquiry_matters", "8. Matters for administrative inquiry")),
    )


@attrs.frozen(kw_only=True)
class UnableToProvide(_RowGroup):
    """（四）无法提供: information that could not be provided (three sub-rows)."""

    not_held: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(NC_("t3.row.not_held", "1. Information not held by this organ")),
    )
    needs_creation: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(
            NC_(
                "t3.row.needs_creation",
                "2. No existing information; it would have to be newly produced",
            )
        ),
    )
    unclear_after_correction: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(
            NC_(
                "t3.row.unclear_after_correction",
                "3. Request still unclear after correction",
            )
        ),
    )


@attrs.frozen(kw_only=True)
class NotHandled(_RowGroup):
    """（五）不予处理: applications not handled (five sub-rows)."""

    petition_or_complaint: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(NC_("t3.row.petition_or_complaint", "1. Petitions, reports or complaints")),
    )
    repeated: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(NC_("t3.row.repeated", "2. Repeated applications")),
    )
    publications: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(NC_("t3.row.publications", "3. Requests for published materials")),
    )
    excessive: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(
            NC_(
                "t3.row.excessive",
                "4. Excessive repeated applications without good reason",
            )
        ),
    )
    confirmation: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(
            NC_(
                "t3.row.confirmation",
                "5. Requests to confirm or re-issue information already obtained",
            )
        ),
    )


@attrs.frozen(kw_only=True)
class OtherHandling(_RowGroup):
    """（六）其他处理 as the 2021 format splits it (three sub-rows)."""

    no_correction: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(
            NC_(
                "t3.row.no_correction",
                "1. Applicant did not correct the application in time without good "
                "reason; handling ended",
            )
        ),
    )
    unpaid_fee: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(
            NC_(
                "t3.row.unpaid_fee",
                "2. Applicant did not pay the fee notice in time; handling ended",
            )
        ),
    )
    other: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(NC_("t3.row.other_handling_other", "3. Other")),
    )


OtherT = TypeVar("OtherT", ApplicantCounts, OtherHandling)
"""The shape of （六）其他处理: one row (2019) or three sub-rows (2021)."""


@attrs.frozen(kw_only=True)
class Outcomes(Generic[OtherT]):
    """三、本年度办理结果: the year's outcomes, rows （一） to （七）.

    Rule I2 of the format: ``total`` (（七）总计) equals the sum of every outcome row above it.
    """

    granted: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(NC_("t3.row.granted", "(1) Disclosed")),
    )
    partially_granted: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(
            NC_(
                "t3.row.partially_granted",
                "(2) Partially disclosed (separable cases are counted here only)",
            )
        ),
    )
    withheld: Withheld = attrs.field(
        validator=is_part(Withheld),
        metadata=meta(NC_("t3.row.withheld", "(3) Withheld")),
    )
    unable_to_provide: UnableToProvide = attrs.field(
        validator=is_part(UnableToProvide),
        metadata=meta(NC_("t3.row.unable_to_provide", "(4) Unable to provide")),
    )
    not_handled: NotHandled = attrs.field(
        validator=is_part(NotHandled),
        metadata=meta(NC_("t3.row.not_handled", "(5) Not handled")),
    )
    other_handling: OtherT = attrs.field(
        validator=is_part((ApplicantCounts, OtherHandling)),
        metadata=meta(NC_("t3.row.other_handling", "(6) Other handling")),
    )
    total: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(NC_("t3.row.outcomes_total", "(7) Total")),
    )

    @classmethod
    def from_parts(
        cls,
        *,
        other_handling: OtherT,
        granted: ApplicantCounts | None = None,
        partially_granted: ApplicantCounts | None = None,
        withheld: Withheld | None = None,
        unable_to_provide: UnableToProvide | None = None,
        not_handled: NotHandled | None = None,
    ) -> Outcomes[OtherT]:
        """Outcomes whose ``total`` row is computed from every row above it.

        Omitted rows and groups are zeros; *other_handling* decides the format version (an
        :class:`ApplicantCounts` row for 2019, :class:`OtherHandling` for 2021).
        """
        zero = ApplicantCounts.from_parts()
        parts = {
            "granted": granted or zero,
            "partially_granted": partially_granted or zero,
            "withheld": withheld or Withheld.from_parts(),
            "unable_to_provide": unable_to_provide or UnableToProvide.from_parts(),
            "not_handled": not_handled or NotHandled.from_parts(),
            "other_handling": other_handling,
        }
        rows = [row for part in parts.values() for row in leaf_rows(part)]
        return cls(**parts, total=column_sums(rows))  # type: ignore[arg-type]


@attrs.frozen(kw_only=True)
class Applications(Generic[OtherT]):
    """Table 3: applications received and handled, per type of applicant.

    Rule F1, stated in the table's header: for every column, ``new_received + carried_over``
    equals ``outcomes.total + carried_forward``.
    """

    new_received: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(NC_("t3.row.new_received", "1. New applications received this year")),
    )
    carried_over: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(
            NC_(
                "t3.row.carried_over",
                "2. Applications carried over from the previous year",
            )
        ),
    )
    outcomes: Outcomes[OtherT] = attrs.field(
        validator=is_part(Outcomes),
        metadata=meta(NC_("t3.row.outcomes", "3. Outcomes this year")),
    )
    carried_forward: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(NC_("t3.row.carried_forward", "4. Carried over to next year")),
    )

    @classmethod
    def from_parts(
        cls,
        *,
        new_received: ApplicantCounts,
        carried_over: ApplicantCounts,
        outcomes: Outcomes[OtherT],
    ) -> Applications[OtherT]:
        """A table whose ``carried_forward`` row is computed so that rule F1 holds.

        Raises:
            InvalidReportError: When more applications were handled than received and carried
                over in some column, so that nothing could be carried forward.
        """
        received = column_sums([new_received, carried_over])
        handled = outcomes.total
        forward: dict[str, int] = {}
        problems = []
        for name in _APPLICANT_COLUMNS:
            left: int = getattr(received, name)
            right = getattr(handled, name)
            if type(right) is not int:
                problems.append(Problem(f"outcomes.total.{name}", "a number", safe_repr(right)))
                continue
            forward[name] = left - right
            if forward[name] < 0:
                problems.append(
                    Problem(
                        f"carried_forward.{name}",
                        "new_received + carried_over >= outcomes.total",
                        f"{left} received, {right} handled",
                    )
                )
        if problems:
            raise InvalidReportError(problems)
        return cls(
            new_received=new_received,
            carried_over=carried_over,
            outcomes=outcomes,
            carried_forward=ApplicantCounts(**forward),
        )

    def check(self, version: str | None = None) -> tuple[Finding, ...]:
        """Check the table against the rules on table 3 (F1, I1, I2) of format *version*.

        Without *version*, it is the one registered version whose table 3 this is: the shape of
        （六）其他处理 tells 2019 (one row) from 2021 (three sub-rows). See
        :func:`disclosure_report.checks.check_part`.
        """
        from disclosure_report.checks import check_part

        return check_part("applications", self, version)
