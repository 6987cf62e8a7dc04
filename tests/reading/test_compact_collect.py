"""The collector reading rows held compactly (``reading/_rows.py``, issue 14, point 6): a row of
the format with its values beside its label is judged once per shape and made only when it
leaves a trace. Whatever the rows, the result is that of the same rows made one by one: the
same rows found, empty and extra, the same notes in the same order, the same count of notes
left out."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from unittest import mock

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report import Report2021, table_layout, translate
from disclosure_report.reading import Row, _compact, _text, extract
from disclosure_report.reading._compact import CompactRows
from disclosure_report.reading._detached import regroup
from disclosure_report.reading._html import html_rows
from disclosure_report.reading._notes import NoteList
from disclosure_report.reading._rows import collect_rows
from disclosure_report.reading._text import text_rows
from disclosure_report.reading._vocabulary import vocabulary


_LOCALE = "zh_Hans"
_SECTIONS = {2: "二、主动公开政府信息情况", 3: "三、收到和处理政府信息公开申请情况"}


def _printed(table: int) -> tuple[list[tuple[str, int]], list[str], list[str]]:
    """Table *table* of the 2021 format as the model lays it out: each row's label with its
    number of columns, the labels of its groups of rows, and its column headers."""
    rows: dict[str, tuple[str, list[str]]] = {}
    groups: dict[str, None] = {}
    columns: dict[str, None] = {}
    for spec in table_layout(Report2021):
        if spec.address.table != table:
            continue
        label = translate(spec.row_label, _LOCALE)
        rows.setdefault(spec.address.row, (label, []))[1].append(spec.address.column)
        groups.update(dict.fromkeys(translate(g, _LOCALE) for g in spec.row_groups))
        columns[translate(spec.column_label, _LOCALE)] = None
    labelled = [(label, len(cells)) for label, cells in rows.values()]
    return labelled, list(groups), list(columns)


_TABLES = {table: _printed(table) for table in (2, 3)}

_CELLS = [
    st.sampled_from(["7", "0", "12", "3件", "-5"]),
    st.sampled_from(["/", "—", "无"]),
    st.sampled_from(["", " "]),
    st.sampled_from(["7", "", "/", "22（其中修订16件）", "甲乙", "1 234"]),
]
"""Cells of a row, by what a row holds: numbers, marks, blank cells, or all sorts (a number
with an annotation, unreadable text)."""


def _misprinted(label: str) -> str:
    """*label* with a character of its middle left out (``2.其他法律行政止公开``)."""
    middle = len(label) // 2 + 1
    return label[:middle] + label[middle + 1 :]


@st.composite
def _lines(draw: st.DrawFn, table: int) -> str:
    """A line of text of table *table*, as a report may print it: mostly rows of the format
    with their values (too few or too many of them at times); or two lines, a row and the
    format's next row misprinted."""
    labelled, groups, columns = _TABLES[table]
    at = draw(st.integers(0, len(labelled) - 1))
    label, width = labelled[at]
    values = draw(st.sampled_from(_CELLS))
    cells = draw(st.lists(values, min_size=max(0, width - 1), max_size=width + 1))
    group = draw(st.sampled_from(groups))
    following = labelled[(at + 1) % len(labelled)][0]
    printed = {
        "row": [label, *cells],
        "merged": ["", label, *cells],  # an empty cell before the label
        "alone": [label],  # a label without values
        "broken": [label[: max(1, len(label) // 2)]],  # a label broken over two lines
        "cut": [label[: max(2, len(label) - 2)], *cells],  # a label cut short
        "misprinted": [label, *cells, "\n" + _misprinted(following), *cells],
        "values": cells,
        "unknown": ["本单位自定义事项", *cells],
        "group": [group, *draw(st.lists(values, max_size=2))],
        "header": ["信息内容", *draw(st.lists(st.sampled_from(columns), min_size=1))],
        "heading": [group],
        "blank": [""],
    }
    kind = draw(st.sampled_from(["row", "row", "row", "row", *printed]))
    return "\t".join(printed[kind]).replace("\t\n", "\n")


@st.composite
def _pages(draw: st.DrawFn, table: int) -> str:
    """Lines of table *table*: a run of lines, printed once or many times (more rows than a
    block holds), then some more."""
    run = draw(st.lists(_lines(table), min_size=1, max_size=25))
    times = draw(st.sampled_from([1, 2, 9, 30]))
    tail = draw(st.lists(_lines(table), max_size=5))
    return "\n".join([*run * times, *tail]) + "\n"


@contextmanager
def _compact_always() -> Iterator[None]:
    """Even a few rows held compactly, as a long page's are."""
    with mock.patch.object(_compact, "FEW", 0), mock.patch.object(_text, "FEW", 0):
        yield


def _as_html(page: str) -> str:
    """*page*'s lines as the rows of one HTML table."""
    rows = (
        "<tr>" + "".join(f"<td>{cell}</td>" for cell in line.split("\t")) + "</tr>"
        for line in page.splitlines()
    )
    return "<table>\n" + "\n".join(rows) + "\n</table>"


def _both(page: str, kind: str) -> tuple[Sequence[Row], CompactRows]:
    """The rows of *page* made one by one, and held compactly."""
    with _compact_always():
        rows = text_rows(page) if kind == "text" else html_rows(_as_html(page)).rows
    assert isinstance(rows, CompactRows)
    return tuple(rows), rows


def _collect(
    rows: Sequence[Row], table: int, limit: int, regrouping: Callable[..., Sequence[object]]
) -> tuple[object, list[object], int]:
    notes = NoteList(limit)
    found = collect_rows(rows, vocabulary().matchers[table, "2021"], table, notes, regrouping)  # type: ignore[arg-type]
    return found, list(notes), notes.dropped


def _as_found(block: Sequence[object], *_: object) -> Sequence[object]:
    return block


@pytest.mark.parametrize("kind", ["text", "html"])
@pytest.mark.parametrize("table", [2, 3])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_rows_held_compactly_are_collected_as_rows_made_one_by_one(
    kind: str, table: int, data: st.DataObject
) -> None:
    page = data.draw(_pages(table))
    limit = data.draw(st.sampled_from([0, 3, 40, 10_000]))
    plain, compact = _both(page, kind)

    for regrouping in (regroup, _as_found):
        assert _collect(compact, table, limit, regrouping) == _collect(
            plain, table, limit, regrouping
        )


@pytest.mark.parametrize("kind", ["text", "html"])
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_a_page_held_compactly_is_read_as_made_one_by_one(kind: str, data: st.DataObject) -> None:
    page = "\n".join(
        _SECTIONS[table] + "\n" + data.draw(_pages(table))
        for table in data.draw(st.sampled_from([(2,), (3,), (2, 3)]))
    )
    source = page if kind == "text" else _as_html(page)

    with _compact_always():
        compact = extract(source)
    assert compact == extract(source)


def test_a_repeated_row_that_leaves_no_trace_is_not_made(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []
    make_row = _compact.make_row

    def counted(*args: object) -> Row:
        made.append(1)
        return make_row(*args)  # type: ignore[arg-type]

    _, compact = _both(
        "第二十条第（五）项\n" + "行政许可\t7\n" * 5_000 + "行政处罚\t\n" * 5_000, "text"
    )
    monkeypatch.setattr(_compact, "make_row", counted)
    found, notes, dropped = _collect(compact, 2, 10, regroup)

    # Each shape judged once, the first licensing row kept, the first penalties row kept
    # empty, ten notes quoting their rows: the other rows only counted.
    assert len(made) <= 3 + 2 + 10
    assert dropped == 5_000 - 1 - 10
    assert len(notes) == 10
    assert found == _collect(tuple(compact), 2, 10, regroup)[0]
