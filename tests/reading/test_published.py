"""The publication date that an HTML page states in a ``<meta>`` (issue 13, point 10)."""

from __future__ import annotations

import datetime as dt

import pytest

from disclosure_report.reading import NoteCode, extract, read


BODY = (
    "<body><p>某局2023年政府信息公开工作年度报告</p><p>第二十条第（五）项</p>"
    "<table><tr><td>信息内容</td><td>本年处理决定数量</td></tr>"
    "<tr><td>行政许可</td><td>7</td></tr></table></body>"
)


def _page(head: str) -> str:
    return (
        f"<html><head><title>某局2023年政府信息公开工作年度报告</title>{head}</head>{BODY}</html>"
    )


@pytest.mark.parametrize(
    ("meta", "date"),
    [
        ('<meta name="PubDate" content="2024-01-15 10:30">', dt.date(2024, 1, 15)),
        ('<meta name="pubdate" content="2024-01-15">', dt.date(2024, 1, 15)),
        ('<meta name="publishdate" content="2024/1/5">', dt.date(2024, 1, 5)),
        ('<meta name="ArticlePublishDate" content=" 2024.01.31 ">', dt.date(2024, 1, 31)),
        ('<meta name="publish_date" content="2024年1月8日">', dt.date(2024, 1, 8)),
        ('<meta property="article:published_time" content="2024-02-01T08:00:00+08:00">',
         dt.date(2024, 2, 1)),
        ('<meta name="DC.date.issued" content="20240301">', dt.date(2024, 3, 1)),
        ('<META NAME="PUBDATE" CONTENT="2024-03-02">', dt.date(2024, 3, 2)),
    ],
)  # fmt: skip
def test_the_publication_date_is_read_from_the_page(meta: str, date: dt.date) -> None:
    result = read(_page(meta))

    assert result.report.metadata.published == date
    assert NoteCode.METADATA_UNREADABLE not in {n.code for n in result.notes}


@pytest.mark.parametrize("value", ["2024-13-45", "last Tuesday", "15/01/2024", "0000-01-01"])
def test_an_unreadable_date_is_a_note_never_a_guess(value: str) -> None:
    result = read(_page(f'<meta name="PubDate" content="{value}">'))

    assert result.report.metadata.published is None
    [note] = [n for n in result.notes if n.code is NoteCode.METADATA_UNREADABLE]
    assert note.text == value


@pytest.mark.parametrize(
    "head",
    [
        "",
        '<meta name="PubDate" content="">',
        '<meta name="lastmodified" content="2024-01-15">',  # not the publication date
        '<meta name="keywords" content="2024-01-15">',
        '<meta http-equiv="date" content="2024-01-15">',
    ],
)
def test_without_a_stated_publication_date_it_stays_empty(head: str) -> None:
    result = read(_page(head))

    assert result.report.metadata.published is None
    assert NoteCode.METADATA_UNREADABLE not in {n.code for n in result.notes}


def test_the_first_stated_date_wins_and_the_extraction_keeps_it_as_printed() -> None:
    page = _page(
        '<meta name="PubDate" content="2024-01-15 10:30">'
        '<meta name="ArticlePublishDate" content="2024-02-01">'
    )

    assert extract(page).published == "2024-01-15 10:30"
    assert read(page).report.metadata.published == dt.date(2024, 1, 15)


def test_text_has_no_meta_and_no_date() -> None:
    text = '<meta name="PubDate" content="2024-01-15">\n某局2023年政府信息公开工作年度报告\n'

    assert read(text, kind="text").report.metadata.published is None
