"""An HTML page's elements as the reader walks them, from the whole tree or streamed a piece
at a time (issue 14, point 6): both give the same, and the stream frees the tree behind it.

The reference is the whole page parsed at once by lxml, its inline elements stripped, walked
start to end: each element that is not inline with the text after its start (its text) or its
end (its tail), and for each table row whether it holds cells of text alone. Both sources must
give the same events, lines, texts and rows, the stream whatever the size of the pieces it feeds
the parser (down to one byte, so that every element's text is cut between pieces somewhere).
"""

from __future__ import annotations

import importlib

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeAlias

import attrs
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_report import render
from disclosure_report.reading import _html_elements
from disclosure_report.reading._html import _CELL_TAGS, _INLINE, _OTHER_TAGS, _etree, html_rows
from disclosure_report.reading._html_elements import (
    Element,
    Elements,
    ElementStream,
    RowStream,
    TreeElements,
    Unfit,
)
from disclosure_report.testing import reports


etree: Any = importlib.import_module("lxml.etree")
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
PAGES = sorted(CORPUS.glob("**/*.htm*"))
PIECES = (1, 2, 7, 64, 65536)
SNIPPETS = (
    # inline elements around and across block elements, text and tails on other lines
    b"<p>a<span>b\n</span>\nc<b>d<p>e</b>f</p>",
    b"<span>lead</span><p>p</p><font>tail<br>more</font>after",
    # rows of plain cells, cells with inline elements, text between cells
    b"<table><tr><td><span>1</span> <b>2</b></td><td>3</td></tr><tr> x <td>4</td></tr></table>",
    # a table in a cell, a paragraph in a cell, a row outside any table
    b"<table><tr><td>1<table><tr><td>2</td></tr></table></td></tr></table><tr><td>loose</td></tr>",
    b"<table><tr><td><p>1</p><p>2</p></td><td>3</td></tr></table>",
    # what is not shown, with markup-like text in it
    b"<div>x<script>var a='<tr><td>';</script>y<title>T<b>x</b></title><select><option>o</select>z",
    # spans, implied rows and cells, unclosed elements, comments
    b"<table><tr><td rowspan=2>a</td><td colspan=3>b</td></tr><tr><td>c</td></tr></table>",
    b"<table><td>1<td>2<tr><td>3</table>",
    b"<table><!-- a --><tr><td>1<!-- b --></td><td>2</td></tr></table><p>unclosed<div>",
    b"<meta name='PubDate' content='2024-01-15'><p>\xe4\xb8\xad\xe6\x96\x87</p><o:p></o:p>",
    b"",
    b"   ",
    b"<!-- only a comment -->",
)


Walked: TypeAlias = list[tuple[str, str, int | None, str, bool | None]]
"""Each event's kind, tag, line and text after it, and of a row's start whether it is whole."""


def reference(data: bytes) -> Walked:
    """The events of the whole page's tree, inline elements stripped."""
    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True
    )
    root = etree.fromstring(data, parser)
    if root is None:
        return []
    etree.strip_tags(root, *_INLINE)
    return [
        (
            event,
            element.tag,
            element.sourceline,
            (element.text if event == "start" else element.tail) or "",
            all(c.tag in _CELL_TAGS and not len(c) for c in element)
            if event == "start" and element.tag == "tr"
            else None,
        )
        for event, element in etree.iterwalk(root, events=("start", "end"))
    ]


def walked(source: Elements) -> Walked:
    return [
        (
            event,
            element.tag,
            element.sourceline,
            chunk,
            source.whole if event == "start" and element.tag == "tr" else None,
        )
        for event, element, chunk in source
    ]


def streamed(data: bytes) -> Walked:
    return walked(ElementStream(_etree(), data, inline=_INLINE, cells=_CELL_TAGS))


def by_rows(data: bytes) -> Walked | None:
    """The events of the stream by rows, ``None`` for a page it does not fit."""
    try:
        return walked(
            RowStream(_etree(), data, inline=_INLINE, cells=_CELL_TAGS, others=_OTHER_TAGS)
        )
    except Unfit:
        return None


def from_tree(data: bytes) -> Walked:
    return walked(TreeElements(_etree(), data, inline=_INLINE, cells=_CELL_TAGS))


def same_rows(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """The page reads the same from its tree and streamed."""
    monkeypatch.setattr(_html_elements, "TREE_LIMIT", len(data))
    tree = html_rows(data)
    monkeypatch.setattr(_html_elements, "TREE_LIMIT", len(data) - 1)
    stream = html_rows(data)
    assert list(stream.rows) == list(tree.rows)
    assert attrs.evolve(stream, rows=()) == attrs.evolve(tree, rows=())


def read_alike(monkeypatch: pytest.MonkeyPatch, data: bytes, fits: bool | None = None) -> None:
    """Every way gives the events of the reference and reads the same rows; the stream by
    rows gives them when it fits the page (if *fits* is given, when it says)."""
    expected = reference(data)
    assert from_tree(data) == expected
    assert streamed(data) == expected
    if fits is None:
        assert by_rows(data) in (expected, None)
    else:
        assert by_rows(data) == (expected if fits else None)
    same_rows(monkeypatch, data)


def rendered(count: int) -> list[bytes]:
    """*count* generated reports rendered as HTML, in both languages of the catalogs."""
    pages: list[bytes] = []

    @settings(max_examples=count, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(reports())
    def draw(report: object) -> None:
        pages.extend(
            render(report, to="html", locale=locale).encode()  # type: ignore[call-overload]
            for locale in ("zh_Hans", "en")
        )

    draw()
    return pages


@pytest.mark.parametrize("piece", PIECES)
@pytest.mark.parametrize("data", SNIPPETS, ids=range(len(SNIPPETS)))
def test_the_stream_gives_what_the_whole_tree_gives(
    monkeypatch: pytest.MonkeyPatch, data: bytes, piece: int
) -> None:
    monkeypatch.setattr(_html_elements, "_PIECE", piece)
    read_alike(monkeypatch, data)


@pytest.mark.parametrize("piece", [5, 4096, 65536])
def test_rendered_reports_stream_as_their_whole_tree(
    monkeypatch: pytest.MonkeyPatch, piece: int
) -> None:
    monkeypatch.setattr(_html_elements, "_PIECE", piece)
    for data in rendered(5):
        read_alike(monkeypatch, data, fits=True)  # the library's own pages fit


@pytest.mark.skipif(not PAGES, reason="no corpus at ../shared/corpus")
@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_published_pages_stream_as_their_whole_tree(
    monkeypatch: pytest.MonkeyPatch, page: Path
) -> None:
    for piece in (3, 65536):
        monkeypatch.setattr(_html_elements, "_PIECE", piece)
        read_alike(monkeypatch, page.read_bytes())


TAGS = (
    "table", "tbody", "tr", "td", "th", "p", "div", "br", "span", "b", "font", "a", "img",
    "o:p", "x-unknown", "script", "title", "select", "option", "meta",
)  # fmt: skip
TOKENS = st.one_of(
    st.sampled_from(TAGS).map(lambda tag: f"<{tag}>"),
    st.sampled_from(TAGS).map(lambda tag: f"</{tag}>"),
    st.sampled_from(('<td rowspan="2">', "<td colspan=3>", "<!-- c -->", "&amp;", "&#x4e2d;")),
    st.text(alphabet="ab 1\n\t行政许可7", min_size=1, max_size=6),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(TOKENS, max_size=60), st.sampled_from((1, 2, 5, 13, 65536)))
def test_any_markup_streams_as_its_whole_tree(
    monkeypatch: pytest.MonkeyPatch, tokens: list[str], piece: int
) -> None:
    monkeypatch.setattr(_html_elements, "_PIECE", piece)
    read_alike(monkeypatch, "".join(tokens).encode())


def _by_rows(
    etree: Any, data: bytes, *, inline: tuple[str, ...], cells: frozenset[str]
) -> Elements:
    return RowStream(etree, data, inline=inline, cells=cells, others=_OTHER_TAGS)


SOURCES: dict[str, Callable[..., Elements]] = {
    "tree": TreeElements,
    "stream": ElementStream,
    "rows": _by_rows,
}


@pytest.mark.parametrize("source", SOURCES)
def test_skipping_leaves_out_all_below_but_the_end_and_the_text_after_it(source: str) -> None:
    data = (
        b"<div>a<script>hidden<b>x</b></script>b<table><tr><td>1</td><td>2</td></tr></table>c</div>"
    )
    stream = SOURCES[source](_etree(), data, inline=_INLINE, cells=_CELL_TAGS)
    seen: list[tuple[str, str, str]] = []
    for event, element, chunk in stream:
        seen.append((event, element.tag, chunk))
        if event == "start" and element.tag in {"script", "tr"}:
            stream.skip_subtree()
    assert ("start", "script", "hidden") not in seen
    assert ("end", "script", "b") in seen
    assert [tag for _, tag, _ in seen if tag == "td"] == []
    assert ("end", "tr", "") in seen
    assert seen[-3:] == [("end", "div", ""), ("end", "body", ""), ("end", "html", "")]


@pytest.mark.parametrize("source", ["tree", "stream"])
def test_plain_rows_come_whole_and_others_element_by_element(source: str) -> None:
    data = (
        b"<table><tr><td>a<span>b</span></td><th><b>1</b></th></tr>"  # plain: inline only
        b"<tr><td><p>1</p></td></tr>"  # a paragraph in a cell
        b"<tr><span>x</span><td>1</td></tr>"  # text outside the cells
        b"<tr><td>1<table><tr><td>2</td></tr></table></td></tr></table>"
    )
    stream = SOURCES[source](_etree(), data, inline=_INLINE, cells=_CELL_TAGS)
    whole: list[bool] = []
    texts: list[str | None] = []
    for event, element, _ in stream:
        if event == "start" and element.tag == "tr":
            whole.append(stream.whole)
            if stream.whole:
                texts.append(next(iter(element)).text)
    assert whole == [True, False, True, False, True]
    assert texts == ["ab", "1", "2"]  # stripped: the span's text joined into the cell's


@pytest.mark.parametrize(
    ("data", "fits"),
    [
        (
            b"<table><tr><td>a<span>b</span></td><th><b>1</b></th></tr></table><p>x<b>y</b></p>",
            True,
        ),
        (b"<table><tr><td>1</td><td><x-unknown>2</x-unknown></td></tr></table>", True),
        (b"<div><span>a<br>b</span>c</div><script>s</script>", True),
        (b"<table><tr><td><p>1</p></td></tr></table>", False),  # a paragraph in a cell
        (b"<table><td>1</td></table>", False),  # a cell out of a row
        (b"<p>a<x-unknown>b</x-unknown></p>", False),  # an element the reader does not know
        (b"<table><tr><td>1<table><tr><td>2</td></tr></table></td></tr></table>", False),
    ],
)
def test_the_stream_by_rows_reads_what_it_fits_and_says_when_it_does_not(
    monkeypatch: pytest.MonkeyPatch, data: bytes, fits: bool
) -> None:
    read_alike(monkeypatch, data, fits)  # read the next way when it does not fit


def count(element: Element) -> int:
    return 1 + sum(count(child) for child in element)


@pytest.mark.parametrize("source", ["stream", "rows"])
def test_the_tree_behind_the_reading_is_freed(monkeypatch: pytest.MonkeyPatch, source: str) -> None:
    row = "<tr><td>行政许可</td><td>7</td></tr>\n"
    rows = 5000
    data = ("<html><body><table>" + row * rows + "</table>").encode()
    piece = 512
    monkeypatch.setattr(_html_elements, "_PIECE", piece)
    stream = SOURCES[source](_etree(), data, inline=_INLINE, cells=_CELL_TAGS)
    root: Element | None = None
    largest = 0
    for event, element, _ in stream:
        if root is None:
            root = element
        if event == "end" and element.tag == "tr":
            largest = max(largest, count(root))
    # html, body, table, a cleared row, the row being read and its cells, and the rows parsed
    # ahead of the reading (two pieces of the page at most): never the whole table.
    ahead = 2 * piece // len(row.encode())
    assert root is not None
    assert largest <= 3 + 3 * (ahead + 2)
    assert count(root) <= 3


def test_a_long_page_reads_as_it_did_before_it_was_read_a_piece_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = (
        "<p>二、主动公开政府信息情况</p><table>"
        + "<tr><td><span>行政许可</span></td><td>7</td></tr>\n" * 3000
        + "</table>"
    ).encode()
    whole = html_rows(data)
    monkeypatch.setattr(_html_elements, "TREE_LIMIT", 0)
    monkeypatch.setattr(_html_elements, "_PIECE", 100)
    pieces = html_rows(data)
    assert list(pieces.rows) == list(whole.rows)
    assert len(whole.rows) == 3001
    assert [(c.text, c.line) for c in whole.rows[-1].cells] == [("行政许可", 3000), ("7", 3000)]


def test_a_row_too_long_to_hold_is_given_element_by_element(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = b"<table><tr><td>" + b"<span>1</span>" * 50 + b"</td><td>2</td></tr></table>"
    monkeypatch.setattr(_html_elements, "_MAX_HELD", 20)
    monkeypatch.setattr(_html_elements, "_PIECE", 16)
    stream = ElementStream(_etree(), data, inline=_INLINE, cells=_CELL_TAGS)
    whole = [
        stream.whole for event, element, _ in stream if (event, element.tag) == ("start", "tr")
    ]
    assert whole == [False]
    same_rows(monkeypatch, data)
    assert [c.text for c in html_rows(data).rows[0].cells] == ["1" * 50, "2"]


ROWS = (
    # plain rows, broken by a row with text between its cells, by text or an inline element
    # between rows, by a spanning cell; lines apart
    "<tr><td>行政许可</td><td>1</td></tr>\n" * 5
    + "<tr><td>行政处罚</td>x<td>2</td></tr>"
    + "<tr><td>a</td><td>3</td></tr>\n\n<tr><td>b</td><td>4</td></tr>"
    + "tail text<tr><td>c</td><td>5</td></tr><span>s</span><tr><td>d</td><td>6</td></tr>"
    + "<tr><td rowspan=2>f</td><td>8</td></tr><tr><td>9</td></tr>"
    + "<tr>\n<td>\ng\n</td>\n<td><b>10</b></td>\n</tr>\n" * 4
)
RUNS = {
    "fit": "<table>" + ROWS + "</table><p>after</p>",
    # a row with a paragraph in a cell: read element by element
    "unfit": "<table>" + ROWS + "<tr><td><p>e</p></td><td>7</td></tr>" + ROWS + "</table>",
    # past line 65,535, where libxml2 stops counting lines: the reader counts them
    "far": "\n" * 65_600 + "<table>" + ROWS + "</table>",
}


@pytest.mark.parametrize("page", RUNS)
@pytest.mark.parametrize("piece", [1, 5, 33, 65536])
def test_runs_of_plain_rows_read_as_each_row_alone(
    monkeypatch: pytest.MonkeyPatch, piece: int, page: str
) -> None:
    data = RUNS[page].encode()
    monkeypatch.setattr(_html_elements, "_PIECE", piece)
    read_alike(monkeypatch, data, fits=page != "unfit")
    table = [row for row in html_rows(data).rows if row.table is not None]
    assert [cell.text for cell in table[5].cells] == ["行政处罚", "x", "2"]
    first = table[0].cells[0].line  # 1, or 65,535 where libxml2 stops counting
    lines = [row.cells[0].line - first for row in table if row.cells[0].text in {"a", "b", "g"}]
    assert lines[:6] == [5, 7, 8, 14, 20, 26]
