"""Benchmark reading, checking and writing reports; print each figure next to its target.

Run from the repository root (``python benchmarks/run.py --help`` for options)::

    python benchmarks/run.py

It generates varied valid reports of both format versions (with
:func:`disclosure_report.testing.reports` when hypothesis is installed, otherwise with a small
random builder), loads each from its JSON text as a program that works on reports holds them,
pins itself to one CPU, and times each operation over the whole pool, keeping the best of
several passes. Targets (issue 2, one core): ``from_dict`` + ``check`` of a 2021
report at least 22,000 reports/s, ``to_dict`` at least 100,000 reports/s. The budgets of
``from_dict`` alone (about 30 µs) and ``check`` alone (about 15 µs) are what those targets leave
to each. It also times the cattrs converter both ways and, when pydantic is installed, the
pydantic v2 model of ``_pydantic_model.py``, and prints the ratios of issue 12: ``from_dict`` +
``check`` and ``to_dict`` at least 1.5x pydantic's ``model_validate`` + the same checks and
``model_dump``.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import platform
import sys
import time
import tracemalloc

from collections.abc import Callable, Sequence
from functools import partial
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any


sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from _builder import YEARS, generate

from disclosure_report.checks import check
from disclosure_report.checks._statements import statements_of
from disclosure_report.model import Report
from disclosure_report.serialize import (
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from disclosure_report.serialize._converter import converter


VERSIONS = ("2021", "2019")
CHECK_BUDGET_US = 15.0
FROM_DICT_BUDGET_US = 30.0

# Targets in reports per second, per (operation, version); None: measured, no target.
TARGETS: dict[tuple[str, str], float | None] = {
    ("from_dict", "2021"): 1e6 / FROM_DICT_BUDGET_US,
    ("check", "2021"): 1e6 / CHECK_BUDGET_US,
    ("from_dict + check", "2021"): 22_000,
    ("to_dict", "2021"): 100_000,
}
TARGET_NOTES = {
    ("from_dict", "2021"): f"budget ≈{FROM_DICT_BUDGET_US:.0f} µs",
    ("check", "2021"): f"budget ≈{CHECK_BUDGET_US:.0f} µs",
    ("from_dict + check", "2021"): "issue 2",
    ("to_dict", "2021"): "issue 2",
}

PYDANTIC_VALIDATE = "pydantic validate"
PYDANTIC_VALIDATE_CHECK = "pydantic validate + checks"
PYDANTIC_DUMP = "pydantic model_dump"

# Ours against pydantic (issue 12): (our figure, pydantic's figure, least ratio or None).
RATIOS: list[tuple[str, str, float | None]] = [
    ("from_dict + check", PYDANTIC_VALIDATE_CHECK, 1.5),
    ("from_dict + check, cold", PYDANTIC_VALIDATE_CHECK + ", cold", None),
    ("from_dict", PYDANTIC_VALIDATE, None),
    ("to_dict", PYDANTIC_DUMP, 1.5),
]

WIDTH = 30


# --- reports ---------------------------------------------------------------------------------


def hypothesis_reports(version: str, count: int, marks_share: float) -> list[Report]:
    """*count* reports drawn from disclosure_report.testing.reports (a few may repeat)."""
    from hypothesis import HealthCheck, Phase, given, settings

    from disclosure_report.testing import reports

    pool: list[Report] = []

    def draw(n: int, *, marks: bool) -> None:
        if n <= 0:
            return

        @settings(
            max_examples=n,
            database=None,
            phases=[Phase.generate],
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(reports(version=version, marks=marks))
        def collect(report: Report) -> None:
            pool.append(report)

        collect()

    with_marks = round(count * marks_share)
    draw(with_marks, marks=True)
    draw(count - with_marks, marks=False)
    return pool[:count]


def random_reports(version: str, count: int, marks_share: float) -> list[Report]:
    """*count* balanced reports of *version* from the benchmarks' random builder."""
    versions = [str(year) if year < 2021 else "2021" for year in YEARS]
    share = versions.count("2019" if version == "2019" else "2021") / len(versions)
    pool = generate(round(count / share) + len(YEARS), marks_share, seed=count)
    return [report for report in pool if report.format_version == version][:count]


# --- measuring -------------------------------------------------------------------------------


def best_rate(
    function: Callable[[Any], object],
    inputs: Sequence[Any],
    passes: int,
    before_pass: Callable[[], object] | None = None,
) -> float:
    """Reports per CPU second: the best of *passes* passes over *inputs*.

    CPU time of this process, not wall time, so that other processes competing for the core
    do not count against the library. *before_pass*, if given, runs before each pass, untimed.
    """
    best = float("inf")
    for _ in range(passes):
        if before_pass is not None:
            before_pass()
        start = time.process_time()
        for item in inputs:
            function(item)
        best = min(best, time.process_time() - start)
    return len(inputs) / best


def memory_per_report(texts: Sequence[str]) -> float:
    """Bytes that a report read from JSON keeps alive, on average (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        reports = [from_json(text) for text in texts]
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len(reports) == len(texts)
    return (after - before) / len(texts)


def pin_to_one_cpu() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity here)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def load_pydantic_model() -> ModuleType | None:
    """``benchmarks/_pydantic_model.py``, or ``None`` when pydantic is not installed."""
    if importlib.util.find_spec("pydantic") is None:
        return None
    import _pydantic_model

    return _pydantic_model


def _pydantic_figures(
    module: ModuleType, reports: list[Report], dicts: list[dict[str, Any]]
) -> list[tuple[str, Callable[[Any], object], list[Any], Callable[[], object] | None]]:
    """The pydantic model's figures, after checking that it agrees with the library."""
    model = module.PydanticReport2021
    check_model = module.check_model
    models = [model.model_validate(data) for data in dicts]
    for report, data, validated in zip(reports, dicts, models, strict=True):
        assert check_model(validated) == check(report), "the checks differ"
        assert validated.model_dump(mode="json") == data, "model_dump writes another dict"

    def validate_and_check(data: dict[str, Any]) -> object:
        return check_model(model.model_validate(data))

    return [
        (PYDANTIC_VALIDATE, model.model_validate, dicts, None),
        (PYDANTIC_VALIDATE_CHECK, validate_and_check, dicts, None),
        (PYDANTIC_VALIDATE_CHECK + ", cold", validate_and_check, dicts, statements_of.cache_clear),
        (PYDANTIC_DUMP, partial(model.model_dump, mode="json"), models, None),
    ]


def row(name: str, version: str, rate: float) -> tuple[str, bool]:
    target = TARGETS.get((name, version))
    line = f"{name:<{WIDTH}} {version:<5} {rate:>12,.0f} {1e6 / rate:>10.1f}"
    if target is None:
        return line + "   (no target)", True
    met = rate >= target
    verdict = "OK" if met else "BELOW TARGET"
    extra = TARGET_NOTES.get((name, version), "")
    return f"{line}   ≥ {target:,.0f} ({extra})  {verdict}", met


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0915 (one report, top to bottom)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--reports", type=int, default=1000, help="reports per format version (default 1000)"
    )
    parser.add_argument(
        "--passes", type=int, default=5, help="timed passes per figure, best kept (default 5)"
    )
    parser.add_argument(
        "--marks",
        type=float,
        default=0.25,
        help="share of reports with blank or not-applicable cells (default 0.25)",
    )
    parser.add_argument(
        "--random",
        action="store_true",
        help="use the plain random builder even when hypothesis is installed",
    )
    parser.add_argument("--strict", action="store_true", help="exit with 1 when a target is missed")
    args = parser.parse_args(argv)

    pydantic_model = load_pydantic_model()
    use_hypothesis = not args.random and importlib.util.find_spec("hypothesis") is not None
    generate = hypothesis_reports if use_hypothesis else random_reports
    source = (
        "disclosure_report.testing.reports" if use_hypothesis else "the benchmark's random builder"
    )

    start = time.perf_counter()
    # Loaded from JSON: hypothesis scatters the objects of each report it draws among its own
    # allocations, which makes every later pass over them slower (to_dict by some 80 %) in a way
    # that no program reading, building or summing reports would see.
    pools = {
        version: [
            from_json(to_json(report)) for report in generate(version, args.reports, args.marks)
        ]
        for version in VERSIONS
    }
    generated_in = time.perf_counter() - start
    pinned = pin_to_one_cpu()
    print(
        f"disclosure-report benchmark: Python {platform.python_version()}, "
        f"attrs {metadata.version('attrs')}, cattrs {metadata.version('cattrs')}, {pinned}"
    )
    distinct = sum(len(set(pool)) for pool in pools.values())
    print(
        f"{args.reports} reports per version ({distinct} distinct in all) from {source} "
        f"({args.marks:.0%} with blank or marked cells), generated and loaded from JSON in "
        f"{generated_in:.1f} s; best of {args.passes} passes"
    )
    if pydantic_model is not None:
        print(f"compared with pydantic {metadata.version('pydantic')}")
    print()
    print(f"{'operation':<{WIDTH}} {'ver.':<5} {'reports/s':>12} {'µs/report':>10}   target")

    all_met = True
    rates: dict[tuple[str, str], float] = {}
    for version in VERSIONS:
        reports = pools[version]
        dicts = [to_dict(report) for report in reports]
        texts = [to_json(report) for report in reports]
        assert [from_dict(data) for data in dicts] == reports
        assert [
            converter().structure(data, type(r)) for data, r in zip(dicts, reports, strict=True)
        ] == reports

        def from_dict_and_check(data: dict[str, Any]) -> object:
            return check(from_dict(data))

        figures: list[tuple[str, Callable[[Any], object], list[Any], Callable[[], object] | None]]
        figures = [
            ("from_dict", from_dict, dicts, None),
            ("check", check, reports, None),
            ("check, cold", check, reports, statements_of.cache_clear),
            ("from_dict + check", from_dict_and_check, dicts, None),
            ("from_dict + check, cold", from_dict_and_check, dicts, statements_of.cache_clear),
            ("to_dict", to_dict, reports, None),
            ("cattrs structure", partial(converter().structure, cl=type(reports[0])), dicts, None),
            ("cattrs unstructure", converter().unstructure, reports, None),
            ("JSON round trip", lambda report: from_json(to_json(report)), reports, None),
        ]
        if version == "2021" and pydantic_model is not None:
            figures += _pydantic_figures(pydantic_model, reports, dicts)
        for name, function, inputs, before_pass in figures:
            rate = best_rate(function, inputs, args.passes, before_pass)
            rates[name, version] = rate
            line, met = row(name, version, rate)
            all_met = all_met and met
            print(line)
        size = memory_per_report(texts)
        average_text = sum(len(text.encode()) for text in texts) / len(texts)
        print(
            f"{'memory per report':<{WIDTH}} {version:<5} {size / 1024:>10,.1f} KiB"
            f"   (tracemalloc, reports read from JSON; the JSON text is "
            f"{average_text / 1024:,.1f} KiB)"
        )
        print()

    if pydantic_model is None:
        print("pydantic is not installed: no comparison (pip install pydantic)")
    else:
        print("ours against the pydantic v2 model (benchmarks/_pydantic_model.py), 2021 reports:")
        for ours, theirs, target in RATIOS:
            ratio = rates[ours, "2021"] / rates[theirs, "2021"]
            verdict = "(no target)"
            if target is not None:
                met = ratio >= target
                all_met = all_met and met
                verdict = f"≥ {target:.1f}x  {'OK' if met else 'BELOW TARGET'}"
            print(f"  {ours:<24} / {theirs:<34} {ratio:>5.2f}x   {verdict}")
        print()

    if args.strict and not all_met:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
