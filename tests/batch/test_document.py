"""check_document: one file's bytes in, plain serializable data out, never an exception."""

from __future__ import annotations

import json
import pickle

from pathlib import Path

import pytest

from disclosure_report import from_dict, from_json, render
from disclosure_report.batch import STATUSES, check_document
from disclosure_report.tidy import RECORD_FIELDS


EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "nx-jgswglj-2023.json"


def test_a_report_in_the_interchange_format() -> None:
    data = EXAMPLE.read_bytes()
    result = check_document(data, "a.json")
    assert result["status"] == "balanced"
    assert result["kind"] == "json"
    assert result["tables_found"] == [2, 3, 4]
    assert result["agency"] == "自治区机关事务管理局"
    assert from_dict(result["report"]) == from_json(data)
    assert len(result["records"]) == 200
    assert list(result["records"][0]) == list(RECORD_FIELDS)
    # plain data: through JSON and pickle unchanged
    assert json.loads(json.dumps(result)) == result
    assert pickle.loads(pickle.dumps(result)) == result  # noqa: S301 (our own data)


def test_pure_same_input_same_output() -> None:
    data = render(from_json(EXAMPLE.read_bytes()), to="html").encode()
    assert check_document(data, "r.html") == check_document(data, "r.html")


def test_findings_and_messages_in_the_locale() -> None:
    report = from_json(EXAMPLE.read_bytes()).replace("3/outcomes.total/total", 5)
    data = render(report, to="text").encode()
    en = check_document(data, "r.txt", locale="en", records=False)
    zh = check_document(data, "r.txt", locale="zh", records=False)
    assert en["kind"] == "text"
    assert en["status"] == "has_errors"
    assert en["records"] == []
    assert en["errors"] >= 1
    assert {f["rule"] for f in en["findings"]} == {f["rule"] for f in zh["findings"]}
    assert "3/outcomes.total/total" in en["findings"][0]["cells"]
    assert en["findings"][0]["message"] != zh["findings"][0]["message"]
    assert all(f["file"] == "r.txt" for f in en["findings"])


def test_a_missing_table_is_not_fully_read() -> None:
    text = render(from_json(EXAMPLE.read_bytes()), to="text")
    cut = text[: text.index("四、政府信息公开行政复议")] + text[text.index("五、存在的主要问题") :]
    result = check_document(cut.encode(), "cut.txt")
    assert result["status"] == "not_fully_read"
    assert result["tables_found"] == [2, 3]
    assert any(note["code"] == "table_missing" for note in result["notes"])


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(32), "PNG image"),
        (b"just some text", "no table of the format"),
        (b"", "no table of the format"),
        (b'{"format_version": "2021"}', "$.metadata"),
        (b"PK\x03\x04broken", "zip"),
    ],
)
def test_no_report_is_a_result_with_its_reason(data: bytes, why: str) -> None:
    result = check_document(data, "x")
    assert result["status"] == "not_a_report"
    assert result["status"] in STATUSES
    assert result["reason"] is not None
    assert why in result["reason"]
    assert result["report"] is None
    assert result["size"] == len(data)


def test_the_interchange_format_by_its_name_too() -> None:
    # Not a JSON object, named .json: read as the interchange format, and refused as one.
    result = check_document(b"[1, 2]", "list.json")
    assert result["status"] == "not_a_report"
