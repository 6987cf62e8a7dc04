"""Section 六's structured part: the information-processing fees of the 2021 format."""

from __future__ import annotations

import attrs

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.model._cells import MAX_COUNT, Amount, describe_value
from disclosure_report.model._fields import is_part, meta
from disclosure_report.model._labels import NC_
from disclosure_report.model._metadata import check_str


__all__ = ["OtherMatters", "ProcessingFees"]


def _check_optional_count(_: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is not None and (type(value) is not int or not 0 <= value <= MAX_COUNT):
        raise InvalidReportError(
            [
                Problem(
                    attribute.name,
                    f"an integer from 0 to {MAX_COUNT} or None",
                    describe_value(value),
                )
            ]
        )


def _check_optional_fees(
    _: object, attribute: attrs.Attribute[ProcessingFees | None], value: object
) -> None:
    if value is not None:
        is_part(ProcessingFees)(_, attribute, value)


@attrs.frozen(kw_only=True)
class ProcessingFees:
    """Information-processing fees (信息处理费) collected under 国办函〔2020〕109号.

    The 2021 format asks every body to report them in section 六; it sets no unit or table, so
    the amount keeps the unit it was stated in. "No fees were collected" is an amount of 0.

    Attributes:
        amount: The total collected in the report year.
        applications: The number of applications for which a fee was charged, when stated.
    """

    amount: Amount = attrs.field(
        validator=is_part(Amount),
        metadata=meta(NC_("s6.fees.amount", "Information-processing fees collected")),
    )
    applications: int | None = attrs.field(
        default=None,
        validator=_check_optional_count,
        metadata=meta(NC_("s6.fees.applications", "Applications charged a fee")),
    )


@attrs.frozen(kw_only=True)
class OtherMatters:
    """Section 六: other matters to report, as text, and the processing fees if recorded.

    Attributes:
        text: The section's text.
        processing_fees: The information-processing fees, when recorded as data.
    """

    text: str = attrs.field(validator=check_str, metadata=meta(NC_("s6.text", "Text")))
    processing_fees: ProcessingFees | None = attrs.field(
        default=None,
        validator=_check_optional_fees,
        metadata=meta(NC_("s6.fees", "Information-processing fees")),
    )
