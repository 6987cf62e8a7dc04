"""Balanced reports built quickly with the ``random`` module, for the benchmarks.

:class:`Builder` makes the reports of one body year after year, each chained to the one before
(documents in force, items, applications carried over), so that neither the single-report
checks nor the series checks find an error; :func:`generate` makes many bodies' reports. A
share of the reports (*marks*) has blank or not-applicable cells. Seeded: the same arguments
give the same reports.
"""

from __future__ import annotations

import random

from decimal import Decimal
from typing import Any

import attrs

from disclosure_report import (
    BLANK,
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    Amount,
    ApplicantCounts,
    Applications,
    CaseOutcomes,
    Decisions2021,
    DocumentCounts2019,
    DocumentCounts2021,
    Documents2019,
    Documents2021,
    FeeAmount2021,
    FeeItems2019,
    Fees2019,
    Fees2021,
    ItemCounts2019,
    Licensing2019,
    Licensing2021,
    Metadata,
    NotApplicable,
    NotHandled,
    OtherHandling,
    OtherMatters,
    Outcomes,
    ProcessingFees,
    Procurement2019,
    ProcurementTotals2019,
    ReconsiderationAndLitigation,
    Report,
    Report2019,
    Report2021,
    Sanctions2019,
    Sanctions2021,
    UnableToProvide,
    Unit,
    Withheld,
)


YEARS = tuple(range(2019, 2026))
"""2019 and 2020 in the 2019 format, 2021 to 2025 in the 2021 format."""
_PARTS = (
    "natural_persons",
    "commercial_enterprises",
    "research_institutions",
    "public_interest_organizations",
    "legal_service_providers",
    "other",
)


class Builder:
    """Balanced reports of one body, year after year, each chained to the one before."""

    def __init__(self, rng: random.Random, agency: str, marks: float) -> None:
        self.rng = rng
        self.agency = agency
        self.marks = marks
        self.forward = ApplicantCounts.from_parts()
        self.in_force = {"rules": rng.randint(0, 30), "normative_documents": rng.randint(0, 90)}
        self.items: dict[str, tuple[int, int]] = {
            name: (rng.randint(0, 200), 0) for name in _ITEM_ROWS
        }

    def n(self, top: int = 9) -> int:
        return self.rng.choice((0, 0, self.rng.randint(0, top)))

    def row(self) -> ApplicantCounts:
        return ApplicantCounts.from_parts(**{name: self.n() for name in _PARTS})

    def group(self, cls: Any) -> Any:
        return cls.from_parts(**{name: self.row() for name in _fields(cls)})

    def report(self, year: int) -> Report:
        version = "2019" if year < 2021 else "2021"
        marked = self.rng.random() < self.marks
        outcomes: Any = Outcomes.from_parts(
            granted=self.row(),
            partially_granted=self.row(),
            withheld=self.group(Withheld),
            unable_to_provide=self.group(UnableToProvide),
            not_handled=self.group(NotHandled),
            other_handling=self.row() if version == "2019" else self.group(OtherHandling),
        )
        extra = self.row()
        new = ApplicantCounts.from_parts(
            **{
                name: getattr(outcomes.total, name)
                - getattr(self.forward, name)
                + getattr(extra, name)
                if getattr(outcomes.total, name) >= getattr(self.forward, name)
                else getattr(extra, name)
                for name in _PARTS
            }
        )
        applications = Applications.from_parts(
            new_received=new, carried_over=self.forward, outcomes=outcomes
        )
        self.forward = applications.carried_forward
        groups = {
            name: CaseOutcomes.from_parts(
                upheld=self.n(), corrected=self.n(), other=self.n(), pending=self.n()
            )
            for name in ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
        }
        if marked:
            groups["reconsideration"] = CaseOutcomes(
                upheld=BLANK, corrected=0, other=NotApplicable("—"), pending=0, total=BLANK
            )
        common: dict[str, Any] = {
            "metadata": Metadata(agency=self.agency, year=year),
            "overview": "概述",
            "applications": applications,
            "reconsideration_and_litigation": ReconsiderationAndLitigation(**groups),
            "problems_and_improvements": "无",
        }
        if version == "2021":
            return Report2021(
                active_disclosure=self._table2_2021(marked),
                other_matters=OtherMatters(
                    text="本年度未收取信息处理费。",
                    processing_fees=ProcessingFees(amount=Amount(Decimal(0), Unit.YUAN)),
                ),
                **common,
            )
        return Report2019(
            active_disclosure=self._table2_2019(), other_matters=OtherMatters(text="无"), **common
        )

    def _documents_2021(self, name: str) -> DocumentCounts2021:
        issued = self.n()
        repealed = self.rng.randint(0, min(3, self.in_force[name] + issued))
        self.in_force[name] += issued - repealed
        return DocumentCounts2021(issued=issued, repealed=repealed, in_force=self.in_force[name])

    def _table2_2021(self, marked: bool) -> ActiveDisclosure2021:
        return ActiveDisclosure2021(
            article_20_1=Documents2021(
                rules=self._documents_2021("rules"),
                normative_documents=self._documents_2021("normative_documents"),
            ),
            article_20_5=Licensing2021(licensing=Decisions2021(decisions=self.n(999))),
            article_20_6=Sanctions2021(
                penalties=Decisions2021(decisions=BLANK if marked else self.n(999)),
                compulsory_measures=Decisions2021(decisions=self.n()),
            ),
            article_20_8=Fees2021(
                administrative_fees=FeeAmount2021(
                    amount=Amount(Decimal(self.rng.randint(0, 10**8)).scaleb(-4), Unit.WAN_YUAN)
                )
            ),
        )

    def _items(self, name: str) -> ItemCounts2019:
        previous, change = self.items[name]
        previous += change
        change = self.rng.randint(-min(previous, 5), 5)
        self.items[name] = (previous, change)
        return ItemCounts2019(previous_items=previous, change=change, decisions=self.n(999))

    def _table2_2019(self) -> ActiveDisclosure2019:
        fee_previous = sum(self.items["administrative_fees"])
        fee_change = 0
        self.items["administrative_fees"] = (fee_previous, fee_change)
        made = self.n()
        return ActiveDisclosure2019(
            article_20_1=Documents2019(
                rules=DocumentCounts2019(
                    newly_produced=made, newly_disclosed=made, total_disclosed=made + 9
                ),
                normative_documents=DocumentCounts2019(
                    newly_produced=made, newly_disclosed=made, total_disclosed=made + 40
                ),
            ),
            article_20_5=Licensing2019(
                licensing=self._items("licensing"), other_services=self._items("other_services")
            ),
            article_20_6=Sanctions2019(
                penalties=self._items("penalties"),
                compulsory_measures=self._items("compulsory_measures"),
            ),
            article_20_8=Fees2019(
                administrative_fees=FeeItems2019(previous_items=fee_previous, change=fee_change)
            ),
            article_20_9=Procurement2019(
                centralized_procurement=ProcurementTotals2019(
                    projects=self.n(),
                    amount=Amount(Decimal(self.rng.randint(0, 10**9)).scaleb(-2), Unit.YUAN),
                )
            ),
        )


_ITEM_ROWS = (
    "licensing",
    "other_services",
    "penalties",
    "compulsory_measures",
    "administrative_fees",
)


def _fields(cls: Any) -> list[str]:
    return [field.name for field in attrs.fields(cls)]


def generate(count: int, marks: float, seed: int = 2026) -> list[Report]:
    """*count* reports: bodies of :data:`YEARS` reports each (the last body may have fewer)."""
    rng = random.Random(seed)
    reports: list[Report] = []
    body = 0
    while len(reports) < count:
        builder = Builder(rng, f"机关{body:06d}", marks)
        body += 1
        reports.extend(builder.report(year) for year in YEARS[: count - len(reports)])
    return reports
