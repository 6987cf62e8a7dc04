"""The tidy records of many :class:`~._document.DocumentResult` as one typed DataFrame."""

from __future__ import annotations

import importlib

from collections.abc import Iterable
from typing import Any

from disclosure_report.batch._document import DocumentResult
from disclosure_report.tidy import TYPED_FIELDS, schema


__all__ = ["records_frame"]


def _module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError as error:
        msg = f'{name} is needed: pip install "disclosure-report[analysis]"'
        raise ImportError(msg) from error


def records_frame(results: Iterable[DocumentResult]) -> Any:
    """The tidy records of *results* as a ``pandas.DataFrame``: a column ``file`` (the result's
    file) and the typed columns of :data:`~disclosure_report.tidy.TYPED_FIELDS`, with the types
    of :func:`~disclosure_report.tidy.to_dataframe` (counts in ``value``, money in ``amount``).

    Results without records (files that are no report, or checked with ``records=False``) add
    no row; with none at all, the frame is empty but has every column.

    Raises:
        ImportError: Without pandas or pyarrow (the ``analysis`` extra).
    """
    pd = _module("pandas")
    pa = _module("pyarrow")
    target = schema().insert(0, pa.field("file", pa.string()))
    columns: dict[str, list[Any]] = {name: [] for name in target.names}
    for result in results:
        for record in result["records"]:
            columns["file"].append(result["file"])
            value = record["value"]
            columns["value"].append(value if type(value) is int else None)
            columns["amount"].append(value if type(value) is str else None)
            for name, _ in TYPED_FIELDS:
                if name not in {"value", "amount"}:
                    columns[name].append(record[name])
    table = pa.table([pa.array(columns[f.name], type=f.type) for f in target], schema=target)
    types = {
        pa.int8(): pd.Int8Dtype(),
        pa.int32(): pd.Int32Dtype(),
        pa.int64(): pd.Int64Dtype(),
        pa.string(): pd.StringDtype(),
    }
    return table.to_pandas(types_mapper=types.get)
