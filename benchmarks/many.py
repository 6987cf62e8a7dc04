"""Many reports in one process: generate, check (each report and each body's series), sum, export.

    python benchmarks/many.py                      # 100,000 reports
    python benchmarks/many.py --reports 20000 --no-parquet

Reports come from a fast deterministic random builder (the ``random`` module, seeded), balanced
by construction and chained from year to year, so that neither the single-report checks nor the
series checks find an error: 2019 and 2020 in the 2019 format, 2021 on in the 2021 format, for
as many bodies as it takes. A few reports (``--marks``) have blank or not-applicable cells.

Printed: the time of each stage, the rate, and the peak resident memory of the process; with
the targets (check + sum under 10 s, under 1 GB) and OK or BELOW TARGET.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time

from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

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
    Severity,
    UnableToProvide,
    Unit,
    Withheld,
    check,
)
from disclosure_report.many import (
    check_series,
    series_of,
    sum_reports,
    write_csv,
)


T = TypeVar("T")
YEARS = tuple(range(2019, 2026))
"""2019 and 2020 in the 2019 format, 2021 to 2025 in the 2021 format."""
CHECK_AND_SUM_TARGET = 10.0
MEMORY_TARGET = 1 << 30
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
                name: getattr(outcomes.total, name) - getattr(self.forward, name)
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
                rules=DocumentCounts2019(newly_produced=made, newly_disclosed=made, total_disclosed=made + 9),
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


_ITEM_ROWS = ("licensing", "other_services", "penalties", "compulsory_measures", "administrative_fees")


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


def timed(label: str, function: Callable[[], T], count: int) -> tuple[T, float]:
    start = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - start
    print(f"{label:<28} {seconds:8.2f} s  {count / seconds:>12,.0f} reports/s")
    return result, seconds


def peak_memory() -> int:
    """Peak resident memory of this process in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def check_all(reports: Sequence[Report]) -> int:
    """Check every report, then every body's series; the number of error findings."""
    errors = 0
    for report in reports:
        errors += sum(f.severity is Severity.ERROR for f in check(report))
    for series in series_of(reports).values():
        errors += sum(f.severity is Severity.ERROR for f in check_series(series))
    return errors


def sum_all(reports: Sequence[Report]) -> dict[int, Report]:
    """The sum of every year's reports."""
    by_year: dict[int, list[Report]] = {}
    for report in reports:
        by_year.setdefault(report.metadata.year, []).append(report)
    return {
        year: sum_reports(group, agency="合计", year=year) for year, group in by_year.items()
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--marks", type=float, default=0.05, help="share of reports with marks")
    parser.add_argument("--no-parquet", action="store_true", help="skip the Parquet export")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    count = args.reports

    reports, _ = timed("generate", lambda: generate(count, args.marks), count)
    errors, check_seconds = timed("check (each + series)", lambda: check_all(reports), count)
    sums, sum_seconds = timed("sum (per year)", lambda: sum_all(reports), count)
    sum_errors = sum(
        f.severity is Severity.ERROR for total in sums.values() for f in check(total)
    )
    memory = peak_memory()
    with tempfile.TemporaryDirectory() as directory:
        csv_path = Path(directory) / "cells.csv"
        rows, _ = timed("export CSV", lambda: write_csv(reports, csv_path), count)
        print(f"{'':<28} {rows:,} records, {csv_path.stat().st_size / 1e6:,.0f} MB")
        if not args.no_parquet:
            try:
                from disclosure_report.many import write_parquet

                parquet = Path(directory) / "cells.parquet"
                timed("export Parquet", lambda: write_parquet(reports, parquet), count)
                print(f"{'':<28} {parquet.stat().st_size / 1e6:,.1f} MB")
            except ImportError as error:
                print(f"export Parquet               skipped: {error}")

    both = check_seconds + sum_seconds
    fast = both < CHECK_AND_SUM_TARGET
    small = memory < MEMORY_TARGET
    print()
    print(f"error findings: {errors} in the reports, {sum_errors} in the sums (expected 0)")
    print(
        f"check + sum: {both:.2f} s (target < {CHECK_AND_SUM_TARGET:.0f} s) "
        + ("OK" if fast else "BELOW TARGET")
    )
    print(
        f"peak memory after check + sum: {memory / 2**20:,.0f} MiB (target < 1024 MiB) "
        + ("OK" if small else "BELOW TARGET")
    )
    print(f"peak memory at the end: {peak_memory() / 2**20:,.0f} MiB")
    if errors or sum_errors:
        return 1
    return 1 if args.strict and not (fast and small) else 0


if __name__ == "__main__":
    sys.exit(main())
