"""Rows held compactly (``reading/_compact.py``): the same rows as made one by one, and a long
page of repeated rows read as before, with its notes bounded (issue 14, point 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reading._memory import traced_peak

from disclosure_report.reading import (
    Cell,
    Location,
    NoteCode,
    ReadingNote,
    Row,
    _compact,
    _text,
    extract,
    layout,
    read,
)
from disclosure_report.reading._compact import CompactRows, counted, firsts, samples
from disclosure_report.reading._extract import MAX_NOTES
from disclosure_report.reading._html import html_rows
from disclosure_report.reading._rows import collect_rows
from disclosure_report.reading._text import text_rows
from disclosure_report.reading._vocabulary import vocabulary


HEAD = "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\t本年处理决定数量\n"
ROW = "行政许可\t7\n"
HTML_HEAD = (
    "<p>二、主动公开政府信息情况</p><p>第二十条第（五）项</p>"
    "<table><tr><td>信息内容</td><td>本年处理决定数量</td></tr>\n"
)
HTML_ROW = "<tr><td>行政许可</td><td>7</td></tr>\n"


@pytest.fixture(autouse=True)
def _compact_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hold even a few rows compactly, as a long page's are."""
    monkeypatch.setattr(_compact, "FEW", 0)
    monkeypatch.setattr(_text, "FEW", 0)


def _rows() -> CompactRows:
    rows = text_rows("标题\n规章\t1\t2\n标题\n\n规章\t1\t2\n其他")
    assert isinstance(rows, CompactRows)
    return rows


def test_rows_are_made_as_the_text_prints_them() -> None:
    rows = _rows()

    assert len(rows) == 5
    assert rows[1] == Row((Cell("规章", 2, 0), Cell("1", 2, 1), Cell("2", 2, 2)), 2, delimited=True)
    assert rows[-1] == rows[4] == Row((Cell("其他", 6),), 6)
    assert [row.line for row in rows] == [1, 2, 3, 5, 6]
    assert tuple(rows) == layout("标题\n规章\t1\t2\n标题\n\n规章\t1\t2\n其他").rows
    with pytest.raises(IndexError):
        rows[5]


def test_a_slice_is_a_view_of_the_same_rows() -> None:
    rows = _rows()

    assert list(rows[1:4]) == list(rows)[1:4]
    assert list(rows[1:4][1:]) == list(rows)[2:4]
    assert list(rows[3:1]) == []
    assert list(rows[::2]) == list(rows)[::2]


def test_stages_that_judge_texts_see_each_distinct_row_once() -> None:
    rows = _rows()

    assert [(index, row.cells[0].text) for index, row in firsts(rows)] == [
        (0, "标题"),
        (1, "规章"),
        (4, "其他"),
    ]
    assert [(row.cells[0].text, count) for row, count in counted(rows)] == [
        ("标题", 2),
        ("规章", 2),
        ("其他", 1),
    ]
    shared = list(samples(rows))
    assert [row.cells[0].text for row in shared] == ["标题", "规章", "标题", "规章", "其他"]
    assert shared[0] is shared[2]  # one row per shape: its line is the first one's
    assert [(index, row.cells[0].text) for index, row in firsts(rows[2:])] == [
        (0, "标题"),
        (1, "规章"),
        (2, "其他"),
    ]


def test_html_rows_keep_their_lines_tables_indexes_and_grid_columns() -> None:
    page = html_rows(
        "<table><tr><td rowspan=2>甲</td><td>1</td></tr>\n<tr><td>2</td></tr>\n"
        "<tr><td>甲</td>\n<td>1</td></tr></table>"
    )

    assert [
        (row.line, row.table, row.index, [(c.text, c.line, c.column) for c in row.cells])
        for row in page.rows
    ] == [
        (1, 0, 0, [("甲", 1, 0), ("1", 1, 1)]),
        (2, 0, 1, [("2", 2, 1)]),
        (3, 0, 2, [("甲", 3, 0), ("1", 4, 1)]),
    ]


@pytest.mark.parametrize("kind", ["text", "html"])
def test_a_page_of_many_repeated_rows_is_read_with_its_notes_bounded(kind: str) -> None:
    count = 20_000
    source = HEAD + ROW * count if kind == "text" else HTML_HEAD + HTML_ROW * count + "</table>"

    assert read(source).report.active_disclosure.article_20_5.licensing.decisions == 7
    notes = extract(source).notes
    repeated = [n for n in notes if n.code is NoteCode.ROW_REPEATED]
    (limit,) = [n for n in notes if n.why.endswith("more reading notes left out")]
    assert len(notes) == MAX_NOTES + 1
    assert len(repeated) == MAX_NOTES
    # Every repeated row is a note, kept or counted; the table's other notes are counted too.
    assert int(limit.why.split()[0]) >= count - 1 - MAX_NOTES
    assert [n.where.line for n in repeated[:2]] == ([5, 6] if kind == "text" else [3, 4])


@pytest.mark.parametrize("kind", ["text", "html"])
def test_memory_of_many_rows_is_bounded(tmp_path: Path, kind: str) -> None:
    # 50,000 repeated rows: the rows held compactly, not as an object per row and per cell
    # (issue 14 measured 47x). tracemalloc sees Python's objects, not lxml's tree of a page.
    path = tmp_path / f"rows.{'txt' if kind == 'text' else 'html'}"
    source = HEAD + ROW * 50_000 if kind == "text" else HTML_HEAD + HTML_ROW * 50_000 + "</table>"
    path.write_text(source, encoding="utf-8")
    extraction, peak = traced_peak(lambda: extract(path))
    assert peak < 10 * path.stat().st_size
    assert extraction.tables[0].found


def test_extra_rows_beyond_those_kept_are_counted_in_a_note() -> None:
    printed = HEAD + ROW + "".join(f"本单位自定义事项{i}\t{i}\n" for i in range(1_005))
    notes: list[ReadingNote] = []

    found = collect_rows(text_rows(printed), vocabulary().matchers[2, "2021"], 2, notes)

    assert len(found.extra) == 1_000
    assert found.extra[-1].label == "本单位自定义事项999"
    assert sum(n.code is NoteCode.EXTRA_ROW for n in notes) == 1_000
    assert notes[-1] == ReadingNote(
        NoteCode.LIMIT,
        Location(section=2),
        "5 more rows with values that the format does not have left out (the first 1000 are"
        " kept as extra rows)",
    )
    assert len(extract(printed).extra_rows) == 1_000
