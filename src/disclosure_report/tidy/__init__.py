"""Tidy data: every table cell of one or many reports as a flat record, in one shape.

- :func:`~disclosure_report.tidy.records` and :func:`~disclosure_report.tidy.rows` give every cell of many reports as records with the fields of
  :data:`~disclosure_report.tidy.RECORD_FIELDS`; :func:`~disclosure_report.cell_records` those of one report, labelled;
- :func:`~disclosure_report.tidy.write_csv` writes them as CSV, and, with the ``analysis`` extra (pandas, pyarrow),
  :func:`~disclosure_report.tidy.to_dataframe`, :func:`~disclosure_report.tidy.to_arrow_batches` and :func:`~disclosure_report.tidy.write_parquet` hand them to analysis
  tools in the typed columns of :data:`~disclosure_report.tidy.TYPED_FIELDS`.

:mod:`disclosure_report.many` re-exports them. See ``docs/many-reports.md``.
"""

from __future__ import annotations

from disclosure_report.tidy._frames import (
    TYPED_FIELDS,
    schema,
    table_to_dataframe,
    to_arrow_batches,
    to_dataframe,
    write_parquet,
)
from disclosure_report.tidy._records import (
    RECORD_FIELDS,
    Row,
    cell_records,
    records,
    rows,
    write_csv,
)


__all__ = [
    "RECORD_FIELDS",
    "TYPED_FIELDS",
    "Row",
    "cell_records",
    "records",
    "rows",
    "schema",
    "table_to_dataframe",
    "to_arrow_batches",
    "to_dataframe",
    "write_csv",
    "write_parquet",
]
