"""The records of many reports as typed columns: a pandas DataFrame and a Parquet file.

Requires the ``analysis`` extra (``pip install "disclosure-report[analysis]"``: pandas and
pyarrow). The columns are those of :data:`~disclosure_report.tidy.RECORD_FIELDS`, typed, except
that ``value`` holds counts only and money goes to a column of its own (see
:data:`~disclosure_report.tidy.TYPED_FIELDS`); DuckDB, Spark, polars and pandas read the Parquet file directly.
"""

from __future__ import annotations

import importlib
import os

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, Final

from disclosure_report.model import Report
from disclosure_report.tidy._records import Row, rows


__all__ = ["TYPED_FIELDS", "schema", "to_arrow_batches", "to_dataframe", "write_parquet"]

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


def _batch(pa: Any, batch: list[Row], target: Any) -> Any:
    (agency, year, version, table, row, column, row_label, column_label, value, *rest) = zip(
        *batch, strict=True
    )
    counts = [v if type(v) is int else None for v in value]
    money = [v if type(v) is str else None for v in value]
    columns = (
        agency,
        year,
        version,
        table,
        row,
        column,
        row_label,
        column_label,
        counts,
        money,
        *rest,
    )
    return pa.record_batch(
        [pa.array(data, type=field.type) for data, field in zip(columns, target, strict=True)],
        schema=target,
    )


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
    stream = rows(reports, locale=locale)
    while batch := list(islice(stream, rows_per_batch)):
        yield _batch(pa, batch, target)


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
    pd = _optional("pandas")
    pa = _arrow()
    batches = list(to_arrow_batches(reports, locale=locale))
    table = pa.Table.from_batches(batches, schema=schema())
    types = {
        pa.int8(): pd.Int8Dtype(),
        pa.int32(): pd.Int32Dtype(),
        pa.int64(): pd.Int64Dtype(),
        pa.string(): pd.StringDtype(),
    }
    return table.to_pandas(types_mapper=types.get)
