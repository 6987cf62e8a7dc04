"""The records of many reports as typed columns: a pandas DataFrame and a Parquet file.

Requires the ``analysis`` extra (``pip install "disclosure-report[analysis]"``: pandas and
pyarrow). The columns are those of :data:`~disclosure_report.tidy.RECORD_FIELDS`, typed, except
that ``value`` holds counts only and money goes to a column of its own (see
:data:`~disclosure_report.tidy.TYPED_FIELDS`); DuckDB, Spark, polars and pandas read the Parquet file directly.
"""

from __future__ import annotations

import functools
import importlib
import os

from array import array
from collections.abc import Iterable, Iterator
from typing import Any, Final

from disclosure_report.exceptions import UnknownFormatVersionError
from disclosure_report.model import Amount, CellKind, FormatVersion, Report, version_of
from disclosure_report.tidy._records import _cell, _labels
from disclosure_report.tidy._records import _plan as _cell_plan


__all__ = [
    "TYPED_FIELDS",
    "schema",
    "table_to_dataframe",
    "to_arrow_batches",
    "to_dataframe",
    "write_parquet",
]

TYPED_FIELDS: Final = (
    ("agency", "string"),
    ("year", "int32"),
    ("format_version", "string"),
    ("table", "int8"),
    ("row", "string"),
    ("column", "string"),
    ("row_label", "string"),
    ("column_label", "string"),
    ("value", "int64"),
    ("amount", "string"),
    ("mark", "string"),
    ("unit", "string"),
    ("symbol", "string"),
)
"""The typed columns, in order, with their Arrow types. As :data:`RECORD_FIELDS
<disclosure_report.tidy.RECORD_FIELDS>`, except that ``value`` holds counts only (``int64``;
null for money, blank and not-applicable cells) and ``amount`` holds money as its exact decimal
string (null for every other cell): a decimal column would need one fixed scale, and amounts
come with any number of places. In SQL, ``CAST(amount AS DECIMAL(38, 6))``."""

_ROWS_PER_BATCH: Final = 200_000


def _optional(name: str) -> Any:
    """The module *name* of the ``analysis`` extra (untyped: pandas and pyarrow ship no stubs)."""
    try:
        return importlib.import_module(name)
    except ImportError as error:
        msg = f'{name} is needed: pip install "disclosure-report[analysis]"'
        raise ImportError(msg) from error


def _arrow() -> Any:
    return _optional("pyarrow")


def schema() -> Any:
    """The Arrow schema (a ``pyarrow.Schema``) of :data:`~disclosure_report.tidy.TYPED_FIELDS`."""
    pa = _arrow()
    return pa.schema([(name, getattr(pa, kind)()) for name, kind in TYPED_FIELDS])


class _Plan:
    """How the cells of a report of one format version become Arrow columns, labelled in one
    locale: the getter of every cell, the columns that are the same for every report of the
    version (as Arrow arrays, concatenated per report), and where the money cells are."""

    __slots__ = ("cells", "getter", "money", "static", "units")

    def __init__(self, pa: Any, version: FormatVersion, locale: str | None) -> None:
        getter, cells = _cell_plan(version)
        labels = _labels(version, locale)
        specs = version.table_layout()
        self.getter = getter
        self.cells = cells
        self.money = tuple(i for i, s in enumerate(specs) if s.kind is CellKind.AMOUNT)
        self.units = tuple(cells[i][3] for i in self.money)
        self.static = (
            pa.array([c[0] for c in cells], pa.int8()),
            pa.array([c[1] for c in cells], pa.string()),
            pa.array([c[2] for c in cells], pa.string()),
            pa.array([label[0] for label in labels], pa.string()),
            pa.array([label[1] for label in labels], pa.string()),
        )


@functools.cache
def _arrow_plan(version: FormatVersion, locale: str | None) -> _Plan:
    return _Plan(_arrow(), version, locale)


def _sparse(pa: Any, size: int, positions: list[int], texts: list[str | None]) -> Any:
    """A string column of *size* rows, null except at *positions*."""
    if not positions:
        return pa.nulls(size, pa.string())
    column: list[str | None] = [None] * size
    for position, text in zip(positions, texts, strict=True):
        column[position] = text
    return pa.array(column, pa.string())


class _Columns:
    """The columns of many reports' cells, gathered a report at a time, then built as one
    record batch (:meth:`batch`).

    No Python object is made per cell where it can be helped: a report's counts go into one
    int64 buffer through :class:`array.array` (which also proves every one an ``int``), with
    the money cells zeroed and marked null; a report's own fields are kept once per report; the
    columns of its format version's layout are prebuilt arrays. Only a report with a blank, a
    not-applicable or an unexpected cell is sorted cell by cell, by the same function as
    :func:`~disclosure_report.tidy.rows`.
    """

    def __init__(self) -> None:
        self.data = array("q")
        self.nulls: list[int] = []
        self.money_at: list[int] = []
        self.amounts: list[str | None] = []
        self.units: list[str | None] = []
        self.marks_at: list[int] = []
        self.marks: list[str | None] = []
        self.symbols: list[str | None] = []
        self.own: tuple[list[str], list[int], list[str]] = ([], [], [])
        self.ends: list[int] = []
        self.layouts: list[tuple[Any, ...]] = []
        self.size = 0

    def add(self, report: Report, plan: _Plan) -> None:
        values = plan.getter(report)
        if not self._add_counts(values, plan):
            self._add_cells(values, plan)
        meta = report.metadata
        self.own[0].append(meta.agency)
        self.own[1].append(meta.year)
        self.own[2].append(report.format_version)
        self.size += len(values)
        self.ends.append(self.size)
        self.layouts.append(plan.static)

    def _add_counts(self, values: tuple[object, ...], plan: _Plan) -> bool:
        """Add a report whose money cells are amounts and every other cell a count; else add
        nothing and say so."""
        counts: list[Any] = list(values)
        for position in plan.money:
            if type(counts[position]) is not Amount:
                return False
            counts[position] = 0
        try:
            self.data += array("q", counts)
        except (TypeError, OverflowError):
            return False
        base = self.size
        for position, defined in zip(plan.money, plan.units, strict=True):
            amount: Amount = values[position]  # type: ignore[assignment]
            unit = amount.unit or defined
            self.nulls.append(base + position)
            self.money_at.append(base + position)
            self.amounts.append(format(amount.value, "f"))
            self.units.append(None if unit is None else unit.value)
        return True

    def _add_cells(self, values: tuple[object, ...], plan: _Plan) -> None:
        for position, (value, cell) in enumerate(zip(values, plan.cells, strict=True)):
            number, mark, unit, symbol = _cell(value, cell[3])
            if type(number) is int:
                self.data.append(number)
                continue
            self.data.append(0)
            at = self.size + position
            self.nulls.append(at)
            if isinstance(number, str):
                self.money_at.append(at)
                self.amounts.append(number)
                self.units.append(unit)
            else:
                self.marks_at.append(at)
                self.marks.append(mark)
                self.symbols.append(symbol)

    def batch(self, pa: Any, target: Any) -> Any:
        """The columns gathered, as a record batch of *target*'s schema."""
        pc = _optional("pyarrow.compute")
        size = self.size
        run_ends = pa.array(self.ends, pa.int32())
        agency, year, version = (
            pc.run_end_decode(pa.RunEndEncodedArray.from_arrays(run_ends, pa.array(own, kind)))
            for own, kind in zip(self.own, (pa.string(), pa.int32(), pa.string()), strict=True)
        )
        bitmap = bytearray(b"\xff" * ((size + 7) // 8))
        for position in self.nulls:
            bitmap[position >> 3] &= ~(1 << (position & 7)) & 0xFF
        value = pa.Array.from_buffers(
            pa.int64(),
            size,
            [pa.py_buffer(bitmap), pa.py_buffer(self.data)],
            null_count=len(self.nulls),
        )
        layout = [pa.concat_arrays(list(column)) for column in zip(*self.layouts, strict=True)]
        columns = [
            agency,
            year,
            version,
            *layout,
            value,
            _sparse(pa, size, self.money_at, self.amounts),
            _sparse(pa, size, self.marks_at, self.marks),
            _sparse(pa, size, self.money_at, self.units),
            _sparse(pa, size, self.marks_at, self.symbols),
        ]
        return pa.RecordBatch.from_arrays(columns, schema=target)


def _build(pa: Any, target: Any, reports: list[tuple[Report, _Plan]]) -> Any:
    """Every cell of *reports* as one record batch of *target*'s columns."""
    columns = _Columns()
    for report, plan in reports:
        columns.add(report, plan)
    return columns.batch(pa, target)


def to_arrow_batches(
    reports: Iterable[Report],
    *,
    rows_per_batch: int = _ROWS_PER_BATCH,
    locale: str | None = None,
) -> Iterator[Any]:
    """Every cell of every report as Arrow record batches (``pyarrow.RecordBatch``) of the columns
    of :data:`~disclosure_report.tidy.TYPED_FIELDS`, *rows_per_batch* records each (the last one fewer), labelled in
    *locale* if given.

    Raises:
        InvalidReportError: When an item is not a report.
        ImportError: Without pyarrow.
    """
    pa = _arrow()
    target = schema()
    pending: list[tuple[Report, _Plan]] = []
    skip = 0  # the cells of pending[0] that went into the batch before
    size = 0  # the cells of pending not yet in a batch
    for index, report in enumerate(reports):
        try:
            version = version_of(report)
        except UnknownFormatVersionError as error:
            raise error.prefixed(f"[{index}]") from None
        plan = _arrow_plan(version, locale)
        pending.append((report, plan))
        size += len(plan.cells)
        if size < rows_per_batch:
            continue
        built = _build(pa, target, pending)
        offset = skip
        while size >= rows_per_batch:
            yield built.slice(offset, rows_per_batch)
            offset += rows_per_batch
            size -= rows_per_batch
        # what is left belongs to the last report (it was under one batch without it)
        last = pending[-1]
        pending = [last] if size else []
        skip = len(last[1].cells) - size if size else 0
    if size:
        yield _build(pa, target, pending).slice(skip)


def write_parquet(
    reports: Iterable[Report], path: str | os.PathLike[str], *, locale: str | None = None
) -> int:
    """Write every cell of every report to a Parquet file at *path*, in batches, labelled in
    *locale* if given.

    Returns:
        The number of records written.

    Raises:
        InvalidReportError: When an item is not a report.
        ImportError: Without pyarrow.
    """
    pq = _optional("pyarrow.parquet")
    count = 0
    with pq.ParquetWriter(os.fspath(path), schema(), compression="zstd") as writer:
        for batch in to_arrow_batches(reports, locale=locale):
            writer.write_batch(batch)
            count += batch.num_rows
    return count


def to_dataframe(reports: Iterable[Report], *, locale: str | None = None) -> Any:
    """Every cell of every report as a ``pandas.DataFrame`` with the columns of
    :data:`~disclosure_report.tidy.TYPED_FIELDS`, labelled in *locale* if given.

    Counts are nullable integers (``Int64``; ``year`` ``Int32``, ``table`` ``Int8``), text
    columns pandas strings, nulls ``<NA>``.

    Raises:
        InvalidReportError: When an item is not a report.
        ImportError: Without pandas or pyarrow.
    """
    pa = _arrow()
    batches = list(to_arrow_batches(reports, locale=locale))
    return table_to_dataframe(pa.Table.from_batches(batches, schema=schema()))


def table_to_dataframe(table: Any) -> Any:
    """The pandas DataFrame of an Arrow *table* of tidy records (:data:`TYPED_FIELDS`, and
    any further columns), with pandas' nullable dtypes, so that a blank cell is ``<NA>``,
    never ``NaN`` in a float column.

    Raises:
        ImportError: Without pandas or pyarrow (the ``analysis`` extra).
    """
    pd = _optional("pandas")
    pa = _arrow()
    types = {
        pa.int8(): pd.Int8Dtype(),
        pa.int32(): pd.Int32Dtype(),
        pa.int64(): pd.Int64Dtype(),
        pa.string(): pd.StringDtype(),
    }
    return table.to_pandas(types_mapper=types.get)
