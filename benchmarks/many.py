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
import resource
import sys
import tempfile
import time

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from _builder import generate

from disclosure_report import Report, Severity, check
from disclosure_report.many import (
    check_series,
    series_of,
    sum_reports,
    write_csv,
)


T = TypeVar("T")
CHECK_AND_SUM_TARGET = 10.0
MEMORY_TARGET = 1 << 30


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
    return {year: sum_reports(group, agency="合计", year=year) for year, group in by_year.items()}


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
    sum_errors = sum(f.severity is Severity.ERROR for total in sums.values() for f in check(total))
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
