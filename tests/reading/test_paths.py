"""A ``str`` is the report's text, a path is an ``os.PathLike``; a ``str`` or ``bytes`` that is
evidently a file name and holds no report is an error, never an empty report."""

from __future__ import annotations

import os

from pathlib import Path

import pytest

from disclosure_report.exceptions import InvalidReportError
from disclosure_report.reading import extract, layout, read


REPORT = "某局2023年政府信息公开工作年度报告\n第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t7\n"


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["report.html", "2023/年报.htm", "report.TXT", "a.json", "r.pdf"])
def test_a_str_that_looks_like_a_file_name_is_an_error(name: str) -> None:
    with pytest.raises(InvalidReportError) as raised:
        read(name)

    (problem,) = raised.value.problems
    assert name in problem.got
    assert "pathlib.Path" in problem.expected


def test_a_str_naming_an_existing_file_is_an_error_that_says_so(report_file: Path) -> None:
    with pytest.raises(InvalidReportError) as raised:
        read(str(report_file))

    (problem,) = raised.value.problems
    assert "an existing file" in problem.got
    assert "a str is read as the report's text" in problem.expected


def test_the_same_name_as_a_path_is_read(report_file: Path) -> None:
    result = read(report_file)

    assert result.has_tables
    assert result.report.metadata.agency == "某局"


def test_any_path_like_is_a_path(report_file: Path) -> None:
    class Custom(os.PathLike[str]):
        def __fspath__(self) -> str:
            return str(report_file)

    assert read(Custom()).has_tables


def test_bytes_that_are_a_file_name_are_an_error_too(report_file: Path) -> None:
    with pytest.raises(InvalidReportError, match=r"pathlib\.Path"):
        read(os.fsencode(report_file))


@pytest.mark.parametrize("stage", [extract, layout])
def test_the_stages_refuse_a_file_name_too(stage: object, report_file: Path) -> None:
    with pytest.raises(InvalidReportError, match=r"pathlib\.Path"):
        stage(str(report_file))  # type: ignore[operator]


@pytest.mark.parametrize(
    "text",
    [
        "这不是一份年度报告。",  # one line of text, no suffix
        "see report.html for details.",  # ends in a full stop, not a suffix
        "",
    ],
)
def test_a_line_of_text_stays_text(text: str) -> None:
    assert not read(text).has_tables


def test_a_one_line_page_with_tables_is_read_even_if_it_ends_like_a_name() -> None:
    page = (
        "<html><head><title>某局2023年政府信息公开工作年度报告</title></head><body>"
        "<p>第二十条第（五）项</p><table><tr><td>信息内容</td><td>本年处理决定数量</td></tr>"
        "<tr><td>行政许可</td><td>7</td></tr></table><p>see a.html</p></body></html>"
    )

    assert read(page + " a.html").has_tables
