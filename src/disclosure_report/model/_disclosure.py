"""Section 二: proactive disclosure (table 2), in both format versions.

The table is a series of sub-tables, one per item of Article 20 of the Regulations. The 2021
revision changed every sub-table's columns and dropped item (九), so the two versions have
separate classes; only the sub-table layout (item → rows → columns) is shared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from disclosure_report.model._cells import (
    AmountCell,
    Count,
    SignedCount,
    Unit,
    is_amount,
    is_count,
    is_signed_count,
)
from disclosure_report.model._fields import is_part, meta
from disclosure_report.model._labels import NC_


if TYPE_CHECKING:
    from disclosure_report.checks import Finding


__all__ = [
    "ActiveDisclosure2019",
    "ActiveDisclosure2021",
    "Decisions2021",
    "DocumentCounts2019",
    "DocumentCounts2021",
    "Documents2019",
    "Documents2021",
    "FeeAmount2021",
    "FeeItems2019",
    "Fees2019",
    "Fees2021",
    "ItemCounts2019",
    "Licensing2019",
    "Licensing2021",
    "Procurement2019",
    "ProcurementTotals2019",
    "Sanctions2019",
    "Sanctions2021",
]

_ITEM_1 = NC_("t2.article_20_1", "Article 20, item (1)")
_ITEM_5 = NC_("t2.article_20_5", "Article 20, item (5)")
_ITEM_6 = NC_("t2.article_20_6", "Article 20, item (6)")
_ITEM_8 = NC_("t2.article_20_8", "Article 20, item (8)")
_ITEM_9 = NC_("t2.article_20_9", "Article 20, item (9)")
_RULES = NC_("t2.row.rules", "Rules")
_LICENSING = NC_("t2.row.licensing", "Administrative licensing")
_PENALTIES = NC_("t2.row.penalties", "Administrative penalties")
_COMPULSORY_MEASURES = NC_("t2.row.compulsory_measures", "Administrative compulsory measures")
_ADMINISTRATIVE_FEES = NC_("t2.row.administrative_fees", "Administrative and institutional fees")
_PREVIOUS_ITEMS = NC_(
    "t2.2019.col.previous_items", "Number of items at the end of the previous year"
)
_CHANGE = NC_("t2.2019.col.change", "Net increase (+) or decrease (-) this year")


# 2019 rows ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class DocumentCounts2019:
    """Rules or normative documents made and disclosed (2019 columns)."""

    newly_produced: Count = attrs.field(
        validator=is_count,
        metadata=meta(NC_("t2.2019.col.newly_produced", "Newly produced this year")),
    )
    newly_disclosed: Count = attrs.field(
        validator=is_count,
        metadata=meta(NC_("t2.2019.col.newly_disclosed", "Newly disclosed this year")),
    )
    total_disclosed: Count = attrs.field(
        validator=is_count,
        metadata=meta(NC_("t2.2019.col.total_disclosed", "Total publicly disclosed (cumulative)")),
    )


@attrs.frozen(kw_only=True)
class ItemCounts2019:
    """Items of licensing, services, penalties or compulsory measures (2019 columns)."""

    previous_items: Count = attrs.field(
        validator=is_count,
        metadata=meta(_PREVIOUS_ITEMS),
    )
    change: SignedCount = attrs.field(
        validator=is_signed_count,
        metadata=meta(_CHANGE),
    )
    decisions: Count = attrs.field(
        validator=is_count,
        metadata=meta(NC_("t2.2019.col.decisions", "Number of decisions made")),
    )


@attrs.frozen(kw_only=True)
class FeeItems2019:
    """Items of administrative fees (2019: a count of fee items, not money)."""

    previous_items: Count = attrs.field(
        validator=is_count,
        metadata=meta(_PREVIOUS_ITEMS),
    )
    change: SignedCount = attrs.field(
        validator=is_signed_count,
        metadata=meta(_CHANGE),
    )


@attrs.frozen(kw_only=True)
class ProcurementTotals2019:
    """Government centralised procurement: projects and total value (unit as printed)."""

    projects: Count = attrs.field(
        validator=is_count,
        metadata=meta(NC_("t2.2019.col.projects", "Number of procurement projects")),
    )
    amount: AmountCell = attrs.field(
        validator=is_amount,
        metadata=meta(NC_("t2.2019.col.amount", "Total procurement value")),
    )


# 2019 sub-tables ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Documents2019:
    """第二十条第（一）项, 2019: rules and normative documents."""

    rules: DocumentCounts2019 = attrs.field(
        validator=is_part(DocumentCounts2019), metadata=meta(_RULES)
    )
    normative_documents: DocumentCounts2019 = attrs.field(
        validator=is_part(DocumentCounts2019),
        metadata=meta(NC_("t2.2019.row.normative_documents", "Normative documents")),
    )


@attrs.frozen(kw_only=True)
class Licensing2019:
    """第二十条第（五）项, 2019: licensing and other external management and service matters."""

    licensing: ItemCounts2019 = attrs.field(
        validator=is_part(ItemCounts2019),
        metadata=meta(_LICENSING),
    )
    other_services: ItemCounts2019 = attrs.field(
        validator=is_part(ItemCounts2019),
        metadata=meta(
            NC_(
                "t2.2019.row.other_services",
                "Other external management and service matters",
            )
        ),
    )


@attrs.frozen(kw_only=True)
class Sanctions2019:
    """第二十条第（六）项, 2019: administrative penalties and compulsory measures."""

    penalties: ItemCounts2019 = attrs.field(
        validator=is_part(ItemCounts2019),
        metadata=meta(_PENALTIES),
    )
    compulsory_measures: ItemCounts2019 = attrs.field(
        validator=is_part(ItemCounts2019),
        metadata=meta(_COMPULSORY_MEASURES),
    )


@attrs.frozen(kw_only=True)
class Fees2019:
    """第二十条第（八）项, 2019: administrative fee items."""

    administrative_fees: FeeItems2019 = attrs.field(
        validator=is_part(FeeItems2019),
        metadata=meta(_ADMINISTRATIVE_FEES),
    )


@attrs.frozen(kw_only=True)
class Procurement2019:
    """第二十条第（九）项, 2019 only: government centralised procurement."""

    centralized_procurement: ProcurementTotals2019 = attrs.field(
        validator=is_part(ProcurementTotals2019),
        metadata=meta(
            NC_("t2.2019.row.centralized_procurement", "Government centralised procurement")
        ),
    )


@attrs.frozen(kw_only=True)
class ActiveDisclosure2019:
    """Table 2 of the 2019 format: five sub-tables, 22 cells."""

    article_20_1: Documents2019 = attrs.field(
        validator=is_part(Documents2019), metadata=meta(_ITEM_1)
    )
    article_20_5: Licensing2019 = attrs.field(
        validator=is_part(Licensing2019), metadata=meta(_ITEM_5)
    )
    article_20_6: Sanctions2019 = attrs.field(
        validator=is_part(Sanctions2019), metadata=meta(_ITEM_6)
    )
    article_20_8: Fees2019 = attrs.field(validator=is_part(Fees2019), metadata=meta(_ITEM_8))
    article_20_9: Procurement2019 = attrs.field(
        validator=is_part(Procurement2019), metadata=meta(_ITEM_9)
    )

    def check(self, version: str | None = None) -> tuple[Finding, ...]:
        """Check the table against the rules on table 2 of format *version* (2019: I5, X4).

        Without *version*, it is the one registered version whose table 2 this is. See
        :func:`disclosure_report.checks.check_part`.
        """
        from disclosure_report.checks import check_part

        return check_part("active_disclosure", self, version)


# 2021 rows and sub-tables -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class DocumentCounts2021:
    """Rules or administrative normative documents issued, repealed and in force (2021)."""

    issued: Count = attrs.field(
        validator=is_count,
        metadata=meta(NC_("t2.2021.col.issued", "Issued this year")),
    )
    repealed: Count = attrs.field(
        validator=is_count,
        metadata=meta(NC_("t2.2021.col.repealed", "Repealed this year")),
    )
    in_force: Count = attrs.field(
        validator=is_count,
        metadata=meta(NC_("t2.2021.col.in_force", "Currently in force")),
    )


@attrs.frozen(kw_only=True)
class Decisions2021:
    """Decisions made this year, disclosed or lawfully not disclosed (2021)."""

    decisions: Count = attrs.field(
        validator=is_count,
        metadata=meta(NC_("t2.2021.col.decisions", "Decisions made this year")),
    )


@attrs.frozen(kw_only=True)
class FeeAmount2021:
    """Administrative fees collected this year, in 万元 (2021)."""

    amount: AmountCell = attrs.field(
        validator=is_amount,
        metadata=meta(
            NC_("t2.2021.col.amount", "Fees collected this year (unit: 10,000 yuan)"),
            unit=Unit.WAN_YUAN,
        ),
    )


@attrs.frozen(kw_only=True)
class Documents2021:
    """第二十条第（一）项, 2021: rules and administrative normative documents."""

    rules: DocumentCounts2021 = attrs.field(
        validator=is_part(DocumentCounts2021), metadata=meta(_RULES)
    )
    normative_documents: DocumentCounts2021 = attrs.field(
        validator=is_part(DocumentCounts2021),
        metadata=meta(
            NC_(
                "t2.2021.row.normative_documents",
                "Administrative normative documents",
            )
        ),
    )


@attrs.frozen(kw_only=True)
class Licensing2021:
    """第二十条第（五）项, 2021: administrative licensing."""

    licensing: Decisions2021 = attrs.field(
        validator=is_part(Decisions2021),
        metadata=meta(_LICENSING),
    )


@attrs.frozen(kw_only=True)
class Sanctions2021:
    """第二十条第（六）项, 2021: administrative penalties and compulsory measures."""

    penalties: Decisions2021 = attrs.field(
        validator=is_part(Decisions2021),
        metadata=meta(_PENALTIES),
    )
    compulsory_measures: Decisions2021 = attrs.field(
        validator=is_part(Decisions2021),
        metadata=meta(_COMPULSORY_MEASURES),
    )


@attrs.frozen(kw_only=True)
class Fees2021:
    """第二十条第（八）项, 2021: administrative fees collected, in 万元."""

    administrative_fees: FeeAmount2021 = attrs.field(
        validator=is_part(FeeAmount2021),
        metadata=meta(_ADMINISTRATIVE_FEES),
    )


@attrs.frozen(kw_only=True)
class ActiveDisclosure2021:
    """Table 2 of the 2021 format: four sub-tables, 10 cells."""

    article_20_1: Documents2021 = attrs.field(
        validator=is_part(Documents2021), metadata=meta(_ITEM_1)
    )
    article_20_5: Licensing2021 = attrs.field(
        validator=is_part(Licensing2021), metadata=meta(_ITEM_5)
    )
    article_20_6: Sanctions2021 = attrs.field(
        validator=is_part(Sanctions2021), metadata=meta(_ITEM_6)
    )
    article_20_8: Fees2021 = attrs.field(validator=is_part(Fees2021), metadata=meta(_ITEM_8))

    def check(self, version: str | None = None) -> tuple[Finding, ...]:
        """Check the table against the rules on table 2 of format *version*: the 2021 format
        has none that one report can be held to, so for it always ``()``.

        Its counts are non-negative by construction (I5), and the relation between documents
        issued, repealed and in force spans two reports (X3). Present so that every table can
        be checked alike. See :func:`disclosure_report.checks.check_part`.
        """
        from disclosure_report.checks import check_part

        return check_part("active_disclosure", self, version)
