"""The Arrow columns built straight from the reports are those of the previous path (every record
as a tuple from ``rows``, then ``pyarrow.array`` per column), value for value, and so is the
Parquet file."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_report import BLANK, InvalidReportError, NotApplicable, Report
from disclosure_report.model import TABLE_SECTIONS, Amount, CellKind, Unit, version_of
from disclosure_report.testing import reports
from disclosure_report.tidy import rows, schema, to_arrow_batches, write_parquet


pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

MANY = st.lists(
    st.one_of(reports(marks=True), reports(version="2019", marks=True)), min_size=1, max_size=4
)


def previous_batches(many: list[Report], rows_per_batch: int, locale: str | None) -> list[Any]:
    """The previous path (before issue 11 point 6), kept as the reference."""
    target = schema()
    flat = list(rows(many, locale=locale))
    batches = []
    for start in range(0, len(flat), rows_per_batch):
        batch = flat[start : start + rows_per_batch]
        (agency, year, version, table, row, column, row_label, column_label, value, *rest) = zip(
            *batch, strict=True
        )
        counts = [v if type(v) is int else None for v in value]
        money = [v if type(v) is str else None for v in value]
        columns = (agency, year, version, table, row, column, row_label, column_label)
        columns += (counts, money, *rest)  # type: ignore[assignment]
        batches.append(
            pa.record_batch(
                [pa.array(d, type=f.type) for d, f in zip(columns, target, strict=True)],
                schema=target,
            )
        )
    return batches


def assert_same(many: list[Report], rows_per_batch: int, locale: str | None = None) -> None:
    ours = list(to_arrow_batches(many, rows_per_batch=rows_per_batch, locale=locale))
    before = previous_batches(many, rows_per_batch, locale)
    assert [b.num_rows for b in ours] == [b.num_rows for b in before]
    for mine, theirs in zip(ours, before, strict=True):
        assert mine.schema.equals(theirs.schema)
        mine.validate(full=True)
        assert mine.equals(theirs)
        assert mine.to_pylist() == theirs.to_pylist()


@settings(max_examples=40, suppress_health_check=list(HealthCheck))
@given(many=MANY, rows_per_batch=st.sampled_from([1, 7, 198, 199, 200, 201, 450, 200_000]))
def test_the_columns_are_those_of_the_records(many: list[Report], rows_per_batch: int) -> None:
    assert_same(many, rows_per_batch)


@settings(max_examples=10, suppress_health_check=list(HealthCheck))
@given(many=MANY, locale=st.sampled_from(["zh_Hans", "en"]))
def test_labelled_columns_are_those_of_the_records(many: list[Report], locale: str) -> None:
    assert_same(many, 333, locale)


def _evolve(obj: Any, path: list[str], value: object) -> Any:
    if not path:
        return value
    head, *rest = path
    return attrs.evolve(obj, **{head: _evolve(getattr(obj, head), rest, value)})


def _with_money(report: Report, value: object) -> Report:
    """*report* with its money cell set to *value*."""
    spec = next(s for s in version_of(report).table_layout() if s.kind is CellKind.AMOUNT)
    address = spec.address
    path = [TABLE_SECTIONS[address.table], *address.row.split("."), address.column]
    return _evolve(report, path, value)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "value",
    [
        Amount(Decimal(0), None),
        Amount(Decimal("12.50"), Unit.YUAN),
        Amount(Decimal("1234567890123.0000001"), Unit.WAN_YUAN),
        Amount(Decimal("1E+3"), None),
        BLANK,
        NotApplicable("/"),
        NotApplicable("—"),
    ],
)
def test_money_cells_exactly(example: Report, value: object) -> None:
    report = _with_money(example, value)
    assert_same([report, example, report], 250)


def test_the_parquet_file_is_the_same(tmp_path: Path, example: Report) -> None:
    many = [example, _with_money(example, BLANK), _with_money(example, NotApplicable("-"))] * 400
    path = tmp_path / "now.parquet"
    assert write_parquet(many, path) == 200 * len(many)
    before = tmp_path / "before.parquet"
    with pq.ParquetWriter(before, schema(), compression="zstd") as writer:
        for batch in previous_batches(many, 200_000, None):
            writer.write_batch(batch)
    assert pq.read_schema(path).equals(pq.read_schema(before), check_metadata=True)
    now_meta, before_meta = pq.ParquetFile(path).metadata, pq.ParquetFile(before).metadata
    assert now_meta.num_row_groups == before_meta.num_row_groups == 2
    assert now_meta.num_rows == before_meta.num_rows
    assert pq.read_table(path).equals(pq.read_table(before))


def test_a_non_report_is_refused_with_its_index(example: Report) -> None:
    with pytest.raises(InvalidReportError) as info:
        list(to_arrow_batches([example, object()]))  # type: ignore[list-item]
    assert info.value.problems[0].path.startswith("[1]")


def test_no_reports_no_batches() -> None:
    assert list(to_arrow_batches([])) == []
