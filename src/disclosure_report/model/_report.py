"""The whole report, one class per format version."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, Literal, Self, TypeAlias

import attrs

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.model._applications import (
    ApplicantCounts,
    Applications,
    OtherHandling,
)
from disclosure_report.model._cells import safe_repr
from disclosure_report.model._disclosure import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
)
from disclosure_report.model._fields import is_part, meta
from disclosure_report.model._labels import NC_, Label
from disclosure_report.model._litigation import ReconsiderationAndLitigation
from disclosure_report.model._metadata import Metadata, check_str
from disclosure_report.model._narrative import OtherMatters


if TYPE_CHECKING:
    from disclosure_report.checks import Finding
    from disclosure_report.model._layout import CellAddress


__all__ = ["SECTION_TITLES", "Report", "Report2019", "Report2021", "ReportMethods"]

SECTION_TITLES: Final[dict[str, Label]] = {
    "overview": NC_("section.overview", "I. Overview"),
    "active_disclosure": NC_(
        "section.active_disclosure", "II. Proactive disclosure of government information"
    ),
    "applications": NC_(
        "section.applications", "III. Applications for disclosure received and handled"
    ),
    "reconsideration_and_litigation": NC_(
        "section.reconsideration_and_litigation",
        "IV. Administrative reconsideration and litigation concerning open government information",
    ),
    "problems_and_improvements": NC_(
        "section.problems_and_improvements", "V. Main problems and improvements"
    ),
    "other_matters": NC_("section.other_matters", "VI. Other matters to report"),
}
"""The six section headings of the template, keyed by the report field that holds each."""


def _other_handling_of(kind: type[ApplicantCounts | OtherHandling], version: str) -> Any:
    def validate(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        is_part(Applications)(_, attribute, value)
        assert isinstance(value, Applications)  # noqa: S101 (checked just above)
        found = value.outcomes.other_handling
        if type(found) is not kind:
            raise InvalidReportError(
                [
                    Problem(
                        f"{attribute.name}.outcomes.other_handling",
                        f"a {kind.__name__} (the {version} format)",
                        type(found).__name__,
                    )
                ]
            )

    return validate


def _check_version(version: str) -> Any:
    def validate(_: object, attribute: attrs.Attribute[str], value: object) -> None:
        if value != version:
            raise InvalidReportError([Problem(attribute.name, repr(version), safe_repr(value))])

    return validate


class ReportMethods:
    """What every report class has besides its fields: checks and edits by cell address.

    A base of :class:`~disclosure_report.Report2021` and :class:`~disclosure_report.Report2019`,
    and of the report class of any format version registered later that wants these methods (it
    has no fields and no slots).
    """

    __slots__ = ()

    def check(self) -> tuple[Finding, ...]:
        """Check the report against every rule of its format version.

        See :func:`disclosure_report.checks.check`.
        """
        from disclosure_report.checks import check

        return check(self)  # type: ignore[arg-type]

    def replace(self, address: CellAddress | str, value: object) -> Self:
        """This report with the table cell at *address* set to *value*; this one is unchanged.

        See :func:`disclosure_report.replace_cell`.
        """
        from disclosure_report.model._edit import replace_cell

        return replace_cell(self, address, value)

    @classmethod
    def blank(cls, metadata: Metadata) -> Self:
        """A report of this class's format version to fill in: every table cell blank, the
        sections empty.

        See :func:`disclosure_report.blank_report`.
        """
        from disclosure_report.model._edit import blank_report

        return blank_report(cls, metadata)


@attrs.frozen(kw_only=True)
class Report2021(ReportMethods):
    """An annual report in the 2021 format (国办公开办函〔2021〕30号; reports for 2021 on)."""

    format_version: Literal["2021"] = attrs.field(default="2021", validator=_check_version("2021"))
    metadata: Metadata = attrs.field(validator=is_part(Metadata))
    overview: str = attrs.field(validator=check_str, metadata=meta(SECTION_TITLES["overview"]))
    active_disclosure: ActiveDisclosure2021 = attrs.field(
        validator=is_part(ActiveDisclosure2021),
        metadata=meta(SECTION_TITLES["active_disclosure"]),
    )
    applications: Applications[OtherHandling] = attrs.field(
        validator=_other_handling_of(OtherHandling, "2021"),
        metadata=meta(SECTION_TITLES["applications"]),
    )
    reconsideration_and_litigation: ReconsiderationAndLitigation = attrs.field(
        validator=is_part(ReconsiderationAndLitigation),
        metadata=meta(SECTION_TITLES["reconsideration_and_litigation"]),
    )
    problems_and_improvements: str = attrs.field(
        validator=check_str, metadata=meta(SECTION_TITLES["problems_and_improvements"])
    )
    other_matters: OtherMatters = attrs.field(
        validator=is_part(OtherMatters), metadata=meta(SECTION_TITLES["other_matters"])
    )


@attrs.frozen(kw_only=True)
class Report2019(ReportMethods):
    """An annual report in the 2019 format (国办公开办函〔2019〕60号; reports for 2019 and 2020).

    Some bodies kept using this format for later years; the report year does not decide it.
    """

    format_version: Literal["2019"] = attrs.field(default="2019", validator=_check_version("2019"))
    metadata: Metadata = attrs.field(validator=is_part(Metadata))
    overview: str = attrs.field(validator=check_str, metadata=meta(SECTION_TITLES["overview"]))
    active_disclosure: ActiveDisclosure2019 = attrs.field(
        validator=is_part(ActiveDisclosure2019),
        metadata=meta(SECTION_TITLES["active_disclosure"]),
    )
    applications: Applications[ApplicantCounts] = attrs.field(
        validator=_other_handling_of(ApplicantCounts, "2019"),
        metadata=meta(SECTION_TITLES["applications"]),
    )
    reconsideration_and_litigation: ReconsiderationAndLitigation = attrs.field(
        validator=is_part(ReconsiderationAndLitigation),
        metadata=meta(SECTION_TITLES["reconsideration_and_litigation"]),
    )
    problems_and_improvements: str = attrs.field(
        validator=check_str, metadata=meta(SECTION_TITLES["problems_and_improvements"])
    )
    other_matters: OtherMatters = attrs.field(
        validator=is_part(OtherMatters), metadata=meta(SECTION_TITLES["other_matters"])
    )


Report: TypeAlias = Report2019 | Report2021
"""A report in either format version."""
