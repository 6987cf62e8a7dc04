"""Tidy export to Arrow and Parquet against building the same table with pyarrow directly.

    python benchmarks/arrow.py                       # 10,000 and 100,000 reports
    python benchmarks/arrow.py --reports 10000 --passes 5

Issue 11, point 6: ``write_parquet`` should cost about what a hand-written pyarrow build of the
identical table costs (at most 1.3x). Both sides start from the same reports (the seeded builder
of ``_builder.py``, 5 % of them with blank or not-applicable cells) and end with the same
columns (:data:`disclosure_report.tidy.TYPED_FIELDS`):

- **library**: ``to_arrow_batches`` (the table) and ``write_parquet`` (the file);
- **direct**: what a user who knows pyarrow writes by hand from the public layout
  (``version.table_layout()``): one ``operator.attrgetter`` of every cell per format version,
  the columns as Python lists (the report's fields and the layout's columns repeated by list
  multiplication, each cell's value sorted into ``value`` / ``amount`` / ``mark`` / ``unit`` /
  ``symbol`` in one comprehension per column), ``pyarrow.array`` per column with its type,
  200,000 rows per record batch, written with the same ``ParquetWriter`` (zstd).

Before timing, the direct table and the library's are asserted equal, and so are the two
Parquet files read back. Each figure is the best of ``--passes`` runs, CPU time of the process
(``time.process_time``); the ratio is library / direct.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time

from array import array
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from operator import attrgetter
from pathlib import Path
from typing import Any, TypeAlias

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.compute as pc  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from _builder import generate

from disclosure_report import BLANK, Amount, NotApplicable, Report
from disclosure_report.model import TABLE_SECTIONS, CellKind, format_versions
from disclosure_report.tidy import schema, to_arrow_batches, write_parquet


REPORTS_PER_BATCH = 1000
Builder: TypeAlias = Callable[[Sequence[Report]], Iterator[Any]]


def _plans() -> dict[str, Any]:
    plans = {}
    for version in format_versions():
        specs = version.table_layout()
        paths = [
            f"{TABLE_SECTIONS[s.address.table]}.{s.address.row}.{s.address.column}" for s in specs
        ]
        plans[version.id] = (
            attrgetter(*paths),
            [s.address.table for s in specs],
            [s.address.row for s in specs],
            [s.address.column for s in specs],
            [s.unit.value if s.unit else None for s in specs],
            [s.kind is CellKind.AMOUNT for s in specs],
        )
    return plans


def direct_batches(reports: Sequence[Report]) -> Iterator[Any]:
    """The hand-written build: Python lists per column, then ``pyarrow.array``."""
    target = schema()
    plans = _plans()
    for start in range(0, len(reports), REPORTS_PER_BATCH):
        cols: list[list[Any]] = [[] for _ in range(13)]
        agency, year, version, table, row, column, rl, cl, value, amount, mark, unit, symbol = cols
        for report in reports[start : start + REPORTS_PER_BATCH]:
            getter, tables, rows, columns, units, _ = plans[report.format_version]
            cells = getter(report)
            n = len(cells)
            meta = report.metadata
            agency += [meta.agency] * n
            year += [meta.year] * n
            version += [report.format_version] * n
            table += tables
            row += rows
            column += columns
            rl += [None] * n
            cl += [None] * n
            value += [v if type(v) is int else None for v in cells]
            amount += [format(v.value, "f") if type(v) is Amount else None for v in cells]
            mark += [
                "blank" if v is BLANK else "not_applicable" if type(v) is NotApplicable else None
                for v in cells
            ]
            unit += [
                (v.unit.value if v.unit else u) if type(v) is Amount else None
                for v, u in zip(cells, units, strict=True)
            ]
            symbol += [v.symbol if type(v) is NotApplicable else None for v in cells]
        yield pa.record_batch(
            [pa.array(c, type=f.type) for c, f in zip(cols, target, strict=True)], schema=target
        )


def tuned_batches(reports: Sequence[Report]) -> Iterator[Any]:  # noqa: C901 (written as a user would)
    """The best hand-written build found: no Python object per cell where it can be helped.

    The counts of a report go into one int64 buffer through :class:`array.array` (money cells
    zeroed and made null by a validity bitmap; a report with a blank or ``/`` cell is sorted
    cell by cell), the report's fields are run-end decoded, the layout's columns are prebuilt
    arrays concatenated per report, and the mostly-null columns are filled where they are not.
    """
    target = schema()
    plans = {}
    for version_id, (getter, tables, rows, columns, units, money) in _plans().items():
        layout = [pa.array(tables, pa.int8()), pa.array(rows), pa.array(columns)]
        layout += [pa.nulls(len(rows), pa.string())] * 2
        where = tuple(i for i, is_money in enumerate(money) if is_money)
        plans[version_id] = (getter, layout, where, units)
    for start in range(0, len(reports), REPORTS_PER_BATCH):
        data = array("q")
        nulls: list[int] = []
        sparse: dict[str, dict[int, str | None]] = {
            k: {} for k in ("amount", "mark", "unit", "symbol")
        }
        meta: list[list[Any]] = [[], [], []]
        ends: list[int] = []
        layouts = []
        base = 0
        for report in reports[start : start + REPORTS_PER_BATCH]:
            getter, layout, where, units = plans[report.format_version]
            cells = getter(report)
            counts = list(cells)
            for i in where:
                counts[i] = 0
            try:
                data += array("q", counts)
                money = where
            except TypeError:
                data += array("q", [v if type(v) is int else 0 for v in cells])
                money = tuple(i for i, v in enumerate(cells) if type(v) is Amount)
                for i, v in enumerate(cells):
                    if v is BLANK or type(v) is NotApplicable:
                        nulls.append(base + i)
                        sparse["mark"][base + i] = "blank" if v is BLANK else "not_applicable"
                        sparse["symbol"][base + i] = None if v is BLANK else v.symbol
            for i in money:
                v = cells[i]
                nulls.append(base + i)
                sparse["amount"][base + i] = format(v.value, "f")
                sparse["unit"][base + i] = v.unit.value if v.unit else units[i]
            meta[0].append(report.metadata.agency)
            meta[1].append(report.metadata.year)
            meta[2].append(report.format_version)
            base += len(cells)
            ends.append(base)
            layouts.append(layout)
        bitmap = bytearray(b"\xff" * ((base + 7) // 8))
        for i in nulls:
            bitmap[i >> 3] &= ~(1 << (i & 7)) & 0xFF
        run_ends = pa.array(ends, pa.int32())
        own = [
            pc.run_end_decode(pa.RunEndEncodedArray.from_arrays(run_ends, pa.array(m, t)))
            for m, t in zip(meta, (pa.string(), pa.int32(), pa.string()), strict=True)
        ]
        filled = {}
        for name, values in sparse.items():
            column: list[str | None] = [None] * base
            for i, text in values.items():
                column[i] = text
            filled[name] = pa.array(column, pa.string())
        yield pa.record_batch(
            [
                *own,
                *(pa.concat_arrays(list(c)) for c in zip(*layouts, strict=True)),
                pa.Array.from_buffers(
                    pa.int64(), base, [pa.py_buffer(bitmap), pa.py_buffer(data)], len(nulls)
                ),
                filled["amount"],
                filled["mark"],
                filled["unit"],
                filled["symbol"],
            ],
            schema=target,
        )


def direct_parquet(reports: Sequence[Report], path: Path, batches: Builder) -> int:
    count = 0
    with pq.ParquetWriter(path, schema(), compression="zstd") as writer:
        for batch in batches(reports):
            writer.write_batch(batch)
            count += batch.num_rows
    return count


def best(function: Callable[[], object], passes: int) -> float:
    times = []
    for _ in range(passes):
        gc.collect()
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times)


DIRECT: dict[str, Builder] = {"lists": direct_batches, "tuned": tuned_batches}


def _count(build: Builder, reports: Sequence[Report]) -> int:
    return sum(batch.num_rows for batch in build(reports))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--marks", type=float, default=0.05)
    args = parser.parse_args(argv)
    everything = generate(max(args.reports), marks=args.marks)
    print(
        f"pyarrow {pa.__version__}, Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f}"
    )
    print(
        f"{'reports':>8} {'what':<8} {'library':>8} {'reports/s':>10}"
        + "".join(f" {name:>8} {'ratio':>6}" for name in DIRECT)
    )
    with tempfile.TemporaryDirectory() as work:
        for count in args.reports:
            reports = everything[:count]
            ours = pa.Table.from_batches(list(to_arrow_batches(reports)), schema=schema())
            mine = Path(work, "library.parquet")
            write_parquet(reports, mine)
            for name, build in DIRECT.items():
                theirs = pa.Table.from_batches(list(build(reports)), schema=schema())
                assert ours.equals(theirs), f"the {name} build differs from the library's"
                yours = Path(work, f"{name}.parquet")
                direct_parquet(reports, yours, build)
                assert pq.read_table(mine).equals(pq.read_table(yours))
            del ours, theirs
            figures = {
                ("table", "library"): best(partial(_count, to_arrow_batches, reports), args.passes),
                ("parquet", "library"): best(partial(write_parquet, reports, mine), args.passes),
            }
            for name, build in DIRECT.items():
                figures["table", name] = best(partial(_count, build, reports), args.passes)
                figures["parquet", name] = best(
                    partial(direct_parquet, reports, yours, build), args.passes
                )
            for what in ("table", "parquet"):
                ours_s = figures[what, "library"]
                print(
                    f"{count:>8} {what:<8} {ours_s:>8.2f} {count / ours_s:>10,.0f}"
                    + "".join(
                        f" {figures[what, name]:>8.2f} {ours_s / figures[what, name]:>5.2f}x"
                        for name in DIRECT
                    )
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
