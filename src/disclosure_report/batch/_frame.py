"""The tidy records of many :class:`~._document.DocumentResult` as one typed DataFrame."""

from __future__ import annotations

import importlib

from collections.abc import Iterable
from operator import itemgetter
from typing import Any

from disclosure_report.batch._document import DocumentResult
from disclosure_report.tidy import TYPED_FIELDS, schema, table_to_dataframe


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
    pa = _module("pyarrow")
    pc = _module("pyarrow.compute")
    target = schema().insert(0, pa.field("file", pa.string()))
    files: list[str] = []
    ends: list[int] = []
    flat: list[Any] = []
    for result in results:
        if result["records"]:
            flat += result["records"]
            files.append(result["file"])
            ends.append(len(flat))
    # a column at a time, each field taken by one C-level pass over the records
    columns: dict[str, Any] = {
        name: list(map(itemgetter(name), flat)) for name, _ in TYPED_FIELDS if name != "amount"
    }
    value = columns["value"]
    columns["amount"] = [v if type(v) is str else None for v in value]
    columns["value"] = [v if type(v) is int else None for v in value]
    run_ends = pa.array(ends, pa.int32())
    file = pc.run_end_decode(
        pa.RunEndEncodedArray.from_arrays(run_ends, pa.array(files, pa.string()))
    )
    arrays = [file, *(pa.array(columns[f.name], type=f.type) for f in target if f.name != "file")]
    table = pa.table(arrays, schema=target)
    return table_to_dataframe(table)
