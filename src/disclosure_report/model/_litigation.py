"""Section 四: administrative reconsideration and litigation (table 4), same in both versions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

import attrs

from disclosure_report.model._cells import BLANK, Count, is_count
from disclosure_report.model._fields import is_part, meta
from disclosure_report.model._labels import NC_


if TYPE_CHECKING:
    from disclosure_report.checks import Finding


__all__ = ["CaseOutcomes", "ReconsiderationAndLitigation"]


@attrs.frozen(kw_only=True)
class CaseOutcomes:
    """The outcomes of one kind of case: upheld, corrected, other, pending, and their total.

    Rule I4 of the format: ``total`` equals the sum of the four outcomes.
    """

    upheld: Count = attrs.field(validator=is_count, metadata=meta(NC_("t4.col.upheld", "Upheld")))
    corrected: Count = attrs.field(
        validator=is_count, metadata=meta(NC_("t4.col.corrected", "Corrected"))
    )
    other: Count = attrs.field(
        validator=is_count, metadata=meta(NC_("t4.col.other", "Other outcome"))
    )
    pending: Count = attrs.field(
        validator=is_count, metadata=meta(NC_("t4.col.pending", "Pending"))
    )
    total: Count = attrs.field(validator=is_count, metadata=meta(NC_("t4.col.total", "Total")))

    @classmethod
    def blank(cls) -> Self:
        """Outcomes whose cells are all blank."""
        return cls(upheld=BLANK, corrected=BLANK, other=BLANK, pending=BLANK, total=BLANK)

    @classmethod
    def from_parts(
        cls, *, upheld: int = 0, corrected: int = 0, other: int = 0, pending: int = 0
    ) -> Self:
        """Outcomes whose ``total`` is computed from the four outcomes (omitted ones are 0)."""
        return cls(
            upheld=upheld,
            corrected=corrected,
            other=other,
            pending=pending,
            total=upheld + corrected + other + pending,
        )


_LITIGATION = NC_("t4.litigation", "Administrative litigation")


@attrs.frozen(kw_only=True)
class ReconsiderationAndLitigation:
    """Table 4: cases of administrative reconsideration and litigation about disclosure.

    A case in which the reconsideration organ is a co-defendant counts only for the organ that
    took the original action.
    """

    reconsideration: CaseOutcomes = attrs.field(
        validator=is_part(CaseOutcomes),
        metadata=meta(NC_("t4.reconsideration", "Administrative reconsideration")),
    )
    litigation_direct: CaseOutcomes = attrs.field(
        validator=is_part(CaseOutcomes),
        metadata=meta(
            NC_("t4.litigation_direct", "Suit filed without prior reconsideration"),
            group=_LITIGATION,
        ),
    )
    litigation_after_reconsideration: CaseOutcomes = attrs.field(
        validator=is_part(CaseOutcomes),
        metadata=meta(
            NC_("t4.litigation_after_reconsideration", "Suit filed after reconsideration"),
            group=_LITIGATION,
        ),
    )

    def check(self, version: str) -> tuple[Finding, ...]:
        """Check the table against rule I4 of format *version* (``"2021"``).

        The table is the same in every built-in version, so the version is needed: it gives
        the rule's id (``2021.T4.I4`` or ``2019.T4.I4``). See
        :func:`disclosure_report.checks.check_part`.

        Raises:
            UnknownFormatVersionError: When *version* is not registered.
        """
        from disclosure_report.checks import check_part

        return check_part("reconsideration_and_litigation", self, version)
