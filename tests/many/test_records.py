"""Tidy records of many reports: dicts, CSV, and (with the analysis extra) pandas and Parquet."""

from __future__ import annotations

import csv
import io

from decimal import Decimal
from pathlib import Path

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report import BLANK, Amount, NotApplicable, Report, cell_records, cell_values
from disclosure_report.many import (
    RECORD_FIELDS,
    TYPED_FIELDS,
    records,
    write_csv,
)
from disclosure_report.testing import reports


MANY = st.lists(reports(marks=True), min_size=1, max_size=3)


@settings(max_examples=20)
@given(many=MANY)
def test_records_are_the_cell_records_of_each_report(many: list[Report]) -> None:
    """One shape: the records of many reports are each report's cell records, labels aside."""
    flat = list(records(many))
    labelled = [cell for report in many for cell in cell_records(report)]

    assert flat == [{**cell, "row_label": None, "column_label": None} for cell in labelled]
    assert all(list(record) == list(RECORD_FIELDS) for record in flat)
    assert list(records(many, locale="en")) == [
        cell for report in many for cell in cell_records(report, locale="en")
    ]


@settings(max_examples=20)
@given(many=MANY)
def test_records_say_each_report_and_its_cells(many: list[Report]) -> None:
    flat = iter(records(many))
    for report in many:
        for spec, value in cell_values(report):
            record = next(flat)
            assert (record["agency"], record["year"], record["format_version"]) == (
                report.metadata.agency,
                report.metadata.year,
                report.format_version,
            )
            assert (record["table"], record["row"], record["column"]) == (
                spec.address.table,
                spec.address.row,
                spec.address.column,
            )
            if value is BLANK:
                assert (record["value"], record["mark"], record["symbol"]) == (None, "blank", None)
            elif isinstance(value, NotApplicable):
                assert (record["value"], record["mark"]) == (None, "not_applicable")
                assert record["symbol"] == value.symbol
            elif isinstance(value, Amount):
                assert Decimal(record["value"]) == value.value
                unit = value.unit or spec.unit
                assert record["unit"] == (None if unit is None else unit.value)
            else:
                assert (record["value"], record["mark"], record["unit"]) == (value, None, None)
    assert next(flat, None) is None


@settings(max_examples=20)
@given(many=MANY)
def test_csv_holds_the_records_as_text(many: list[Report]) -> None:
    stream = io.StringIO()
    count = write_csv(many, stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))

    assert count == len(rows) == sum(1 for _ in records(many))
    for row, record in zip(rows, records(many), strict=True):
        assert row == {k: "" if v is None else str(v) for k, v in record.items()}


def test_csv_to_a_path(tmp_path: Path, example: Report) -> None:
    path = tmp_path / "cells.csv"
    assert write_csv([example, example], path) == 400
    text = path.read_bytes().decode("utf-8")
    assert text.startswith(",".join(RECORD_FIELDS) + "\r\n")
    assert "自治区机关事务管理局,2023,2021,2,article_20_1.rules,in_force,,,4,,,\r\n" in text


def test_csv_with_labels(example: Report) -> None:
    stream = io.StringIO()
    write_csv([example], stream, locale="zh_Hans")
    assert "2,article_20_1.rules,in_force,规章,现行有效件数,4,,,\r\n" in stream.getvalue()


def test_a_non_report_is_refused() -> None:
    from disclosure_report import InvalidReportError

    with pytest.raises(InvalidReportError) as info:
        list(records([object()]))  # type: ignore[list-item]
    assert info.value.problems[0].path == "[0]"


@settings(max_examples=10)
@given(many=MANY)
def test_dataframe_has_typed_columns(many: list[Report]) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from disclosure_report.many import to_dataframe

    frame = to_dataframe(many)
    assert list(frame.columns) == [name for name, _ in TYPED_FIELDS]
    assert str(frame["value"].dtype) == "Int64"
    flat = list(records(many))
    assert len(frame) == len(flat)
    for (_, row), record in zip(frame.iterrows(), flat, strict=True):
        value = record["value"]
        if type(value) is int:
            assert row["value"] == value
            assert row["amount"] is pd.NA
        elif value is None:
            assert row["value"] is pd.NA
            assert row["mark"] == record["mark"]
        else:
            assert Decimal(row["amount"]) == Decimal(value)
            assert row["value"] is pd.NA


def test_parquet_is_read_by_duckdb(tmp_path: Path, example: Report) -> None:
    pytest.importorskip("pyarrow")
    duckdb = pytest.importorskip("duckdb")
    from disclosure_report.many import write_parquet

    path = tmp_path / "cells.parquet"
    assert write_parquet([example] * 3, path) == 600
    [(count, in_force, fees)] = duckdb.execute(
        """
        SELECT count(*),
               sum(value) FILTER (WHERE "column" = 'in_force'),
               sum(CAST(amount AS DECIMAL(38, 6)))
        FROM read_parquet(?)
        """,
        [str(path)],
    ).fetchall()
    expected_in_force = sum(r["value"] for r in records([example]) if r["column"] == "in_force")
    assert (count, in_force) == (600, 3 * expected_in_force)
    assert fees == 3 * sum(Decimal(r["value"]) for r in records([example]) if r["unit"] is not None)
