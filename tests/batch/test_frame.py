"""``records_frame`` builds its columns a field at a time; the frame is that of the previous
path (a list per column, appended to record by record), value for value."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_report import Report, to_json
from disclosure_report.batch import DocumentResult, check_document, records_frame
from disclosure_report.testing import reports
from disclosure_report.tidy import TYPED_FIELDS, schema


pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")


def previous_frame(results: Iterable[DocumentResult]) -> Any:
    """The previous path (before issue 11 point 6), kept as the reference."""
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


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    many=st.lists(st.one_of(reports(marks=True), reports(version="2019", marks=True)), max_size=4)
)
def test_the_frame_is_that_of_the_previous_path(many: list[Report]) -> None:
    results = [check_document(to_json(r).encode(), f"{i}.json") for i, r in enumerate(many)]
    results.insert(len(results) // 2, check_document(b"\x89PNG\r\n\x1a\n", "scan.png"))
    ours, before = records_frame(results), previous_frame(results)
    assert len(ours) == sum(len(r["records"]) for r in results)
    pd.testing.assert_frame_equal(ours, before, check_exact=True)
    assert list(ours.dtypes) == list(before.dtypes)
