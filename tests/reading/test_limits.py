"""A number that no count can be is read as what it is: an unreadable cell, never a report error."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from tests.reading._memory import traced_peak

from disclosure_report import BLANK, MAX_COUNT, Report2021, from_json, read, render
from disclosure_report.reading import NoteCode, _extract, _source


EXAMPLE = Path(__file__).parents[2] / "examples" / "nx-jgswglj-2023.json"
MARKER = 4242


def _text_with(number: str) -> str:
    report = from_json(EXAMPLE.read_bytes(), version=Report2021)
    received = attrs.evolve(report.applications.new_received, natural_persons=MARKER)
    report = attrs.evolve(
        report, applications=attrs.evolve(report.applications, new_received=received)
    )
    text = render(report, to="md")
    assert text.count(str(MARKER)) == 1
    return text.replace(str(MARKER), number)


def test_a_count_beyond_max_count_is_a_reading_note_and_a_blank_cell() -> None:
    result = read(_text_with(str(MAX_COUNT + 1)), kind="text")

    assert result.report.applications.new_received.natural_persons is BLANK
    (note,) = [n for n in result.notes if "too large" in n.why]
    assert note.code is NoteCode.UNREADABLE_CELL
    assert str(MAX_COUNT + 1) in note.text


def test_the_largest_count_is_read() -> None:
    result = read(_text_with(str(MAX_COUNT)), kind="text")

    assert result.report.applications.new_received.natural_persons == MAX_COUNT
    assert not [n for n in result.notes if "too large" in n.why]


ROW = "行政许可\t7\n"
HEAD = "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\t本年处理决定数量\n"


def _limit(monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    monkeypatch.setattr(_source, "MAX_BYTES", limit)
    monkeypatch.setattr(_extract, "MAX_BYTES", limit)


def test_a_file_is_read_only_up_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes((HEAD + ROW * 200_000).encode())  # 3 MB
    _limit(monkeypatch, 1000)
    result, peak = traced_peak(lambda: read(path))
    assert peak < 1_000_000  # the 3 MB were never held
    assert result.report.active_disclosure.article_20_5.licensing.decisions == 7
    assert any("1000 bytes" in n.why for n in result.notes if n.code is NoteCode.LIMIT)


@pytest.mark.parametrize("codec", ["utf-8", "gb18030", "utf-16", "utf-32-le"])
def test_a_cut_through_a_character_is_not_a_decoding_error(
    monkeypatch: pytest.MonkeyPatch, codec: str
) -> None:
    data = (HEAD + ROW * 100).encode(codec)
    _limit(monkeypatch, len(HEAD.encode(codec)) + 5)  # 规 of 行政许可 split, in most codecs
    result = read(data)
    assert not [n for n in result.notes if n.code is NoteCode.DECODING and "U+FFFD" in n.why]
    assert NoteCode.LIMIT in {n.code for n in result.notes}


def test_memory_per_input_byte_of_many_rows(tmp_path: Path) -> None:
    # 30,000 repeated rows (450 KB): rows held compactly, not a note per repeated row.
    # Issue 14 measured 47x; its target is 10x (see also test_compact.py).
    path = tmp_path / "rows.txt"
    path.write_bytes((HEAD + ROW * 30_000).encode())
    result, peak = traced_peak(lambda: read(path))
    assert peak < 10 * path.stat().st_size
    assert any(n.why.endswith("more reading notes left out") for n in result.notes)
