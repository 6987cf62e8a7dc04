"""Many reports at once: series of one body over the years, sums, and tidy data.

- :func:`check_series` checks the reports of one body in consecutive years against the rules
  across years (X1, X2, X3; :data:`SERIES_RULES`); :func:`series_of` groups reports by body,
  :func:`series_pairs` says which pairs of years are compared.
  :data:`COMPARABLE_CELLS` are the cells that mean the same in both format versions.
- :func:`sum_reports` adds up reports of one format version cell by cell.
- :func:`~disclosure_report.tidy.records` flattens every cell of many reports into records (:data:`~disclosure_report.tidy.RECORD_FIELDS`),
  :func:`~disclosure_report.tidy.write_csv` writes them as CSV, and, with the ``analysis`` extra (pandas, pyarrow),
  :func:`~disclosure_report.tidy.to_dataframe` and :func:`~disclosure_report.tidy.write_parquet` hand them to analysis tools. These are
  :mod:`disclosure_report.tidy`'s, re-exported here.

See ``docs/many-reports.md``.
"""

from __future__ import annotations

from disclosure_report.checks import SERIES_RULES
from disclosure_report.many._comparable import (
    COMPARABLE_CELLS,
    comparable_cells,
    is_comparable,
)
from disclosure_report.many._series import (
    SeriesPair,
    check_series,
    series_of,
    series_pairs,
)
from disclosure_report.many._sum import sum_reports
from disclosure_report.tidy import (
    RECORD_FIELDS,
    TYPED_FIELDS,
    records,
    rows,
    to_arrow_batches,
    to_dataframe,
    write_csv,
    write_parquet,
)


__all__ = [
    "COMPARABLE_CELLS",
    "RECORD_FIELDS",
    "SERIES_RULES",
    "TYPED_FIELDS",
    "SeriesPair",
    "check_series",
    "comparable_cells",
    "is_comparable",
    "records",
    "rows",
    "series_of",
    "series_pairs",
    "sum_reports",
    "to_arrow_batches",
    "to_dataframe",
    "write_csv",
    "write_parquet",
]
