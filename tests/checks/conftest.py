"""Balanced reports of both versions, built with the ``from_parts`` constructors, and a helper
that replaces one table cell."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest

from disclosure_report.model import (
    TABLE_SECTIONS,
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    Amount,
    ApplicantCounts,
    Applications,
    CaseOutcomes,
    CellAddress,
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
    NotHandled,
    OtherHandling,
    OtherMatters,
    Outcomes,
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


A = ApplicantCounts.from_parts


def _outcomes(other_handling: ApplicantCounts | OtherHandling) -> dict[str, object]:
    return {
        "other_handling": other_handling,
        "granted": A(natural_persons=40, commercial_enterprises=7, research_institutions=1),
        "partially_granted": A(natural_persons=6, legal_service_providers=2),
        "withheld": Withheld.from_parts(
            state_secret=A(natural_persons=1),
            third_party_rights=A(natural_persons=2, commercial_enterprises=1),
            process_information=A(public_interest_organizations=1),
        ),
        "unable_to_provide": UnableToProvide.from_parts(
            not_held=A(natural_persons=9, commercial_enterprises=2, other=1),
            unclear_after_correction=A(natural_persons=1),
        ),
        "not_handled": NotHandled.from_parts(
            repeated=A(natural_persons=3), petition_or_complaint=A(other=2)
        ),
    }


def _applications(other_handling: ApplicantCounts | OtherHandling) -> Applications:  # type: ignore[type-arg]
    outcomes = Outcomes.from_parts(**_outcomes(other_handling))  # type: ignore[arg-type, type-var]
    return Applications.from_parts(
        new_received=A(
            natural_persons=62,
            commercial_enterprises=11,
            research_institutions=2,
            public_interest_organizations=1,
            legal_service_providers=3,
            other=4,
        ),
        carried_over=A(natural_persons=5, commercial_enterprises=1),
        outcomes=outcomes,
    )


def _litigation() -> ReconsiderationAndLitigation:
    return ReconsiderationAndLitigation(
        reconsideration=CaseOutcomes.from_parts(upheld=25, corrected=3, other=8, pending=1),
        litigation_direct=CaseOutcomes.from_parts(upheld=3, corrected=3),
        litigation_after_reconsideration=CaseOutcomes.from_parts(upheld=3, pending=2),
    )


def build_2021() -> Report2021:
    """A balanced 2021 report."""
    docs = DocumentCounts2021(issued=2, repealed=1, in_force=30)
    return Report2021(
        metadata=Metadata(agency="某某市某某局", year=2023),
        overview="2023年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。",
        active_disclosure=ActiveDisclosure2021(
            article_20_1=Documents2021(rules=docs, normative_documents=docs),
            article_20_5=Licensing2021(licensing=Decisions2021(decisions=120)),
            article_20_6=Sanctions2021(
                penalties=Decisions2021(decisions=35),
                compulsory_measures=Decisions2021(decisions=4),
            ),
            article_20_8=Fees2021(
                administrative_fees=FeeAmount2021(
                    amount=Amount(value=Decimal("12.5"), unit=Unit.WAN_YUAN)
                )
            ),
        ),
        applications=_applications(
            OtherHandling.from_parts(
                no_correction=A(natural_persons=2),
                unpaid_fee=A(commercial_enterprises=1),
                other=A(other=1),
            )
        ),
        reconsideration_and_litigation=_litigation(),
        problems_and_improvements="主动公开的深度和广度有待加强。",
        other_matters=OtherMatters(text="2023年，无收取信息处理费情况。"),
    )


def build_2019() -> Report2019:
    """A balanced 2019 report."""
    docs = DocumentCounts2019(newly_produced=3, newly_disclosed=3, total_disclosed=40)
    items = ItemCounts2019(previous_items=20, change=-5, decisions=300)
    return Report2019(
        metadata=Metadata(agency="某某市某某局", year=2020),
        overview="2020年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。",
        active_disclosure=ActiveDisclosure2019(
            article_20_1=Documents2019(rules=docs, normative_documents=docs),
            article_20_5=Licensing2019(licensing=items, other_services=items),
            article_20_6=Sanctions2019(penalties=items, compulsory_measures=items),
            article_20_8=Fees2019(administrative_fees=FeeItems2019(previous_items=4, change=0)),
            article_20_9=Procurement2019(
                centralized_procurement=ProcurementTotals2019(
                    projects=2, amount=Amount(value=Decimal(251000), unit=Unit.YUAN)
                )
            ),
        ),
        applications=_applications(A(natural_persons=3, other=1)),
        reconsideration_and_litigation=_litigation(),
        problems_and_improvements="主动公开的深度和广度有待加强。",
        other_matters=OtherMatters(text="无。"),
    )


def _replace(obj: object, names: list[str], value: object) -> object:
    name, *rest = names
    new = value if not rest else _replace(getattr(obj, name), rest, value)
    return attrs.evolve(obj, **{name: new})  # type: ignore[misc]


def with_cell(report: Report, address: CellAddress, value: object) -> Report:
    """A copy of *report* whose cell at *address* holds *value*."""
    names = [TABLE_SECTIONS[address.table], *address.row.split("."), address.column]
    return _replace(report, names, value)  # type: ignore[return-value]


def cell(report: Report, address: CellAddress) -> object:
    """The value of the cell at *address*."""
    value: object = getattr(report, TABLE_SECTIONS[address.table])
    for name in (*address.row.split("."), address.column):
        value = getattr(value, name)
    return value


@pytest.fixture
def report_2021() -> Report2021:
    return build_2021()


@pytest.fixture
def report_2019() -> Report2019:
    return build_2019()


@pytest.fixture(params=["2019", "2021"])
def report(request: pytest.FixtureRequest) -> Report:
    return build_2019() if request.param == "2019" else build_2021()


def build(version: str) -> Report:
    """A balanced report of format *version*."""
    return build_2019() if version == "2019" else build_2021()


@pytest.fixture(name="build")
def _build() -> Callable[[str], Report]:
    return build


@pytest.fixture(name="with_cell")
def _with_cell() -> Callable[[Report, CellAddress, object], Report]:
    return with_cell


@pytest.fixture(name="cell")
def _cell() -> Callable[[Report, CellAddress], object]:
    return cell
