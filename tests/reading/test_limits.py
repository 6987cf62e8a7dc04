"""A number that no count can be is read as what it is: an unreadable cell, never a report error."""

from __future__ import annotations

from pathlib import Path

import attrs

from disclosure_report import BLANK, MAX_COUNT, Report2021, from_json, read, render
from disclosure_report.reading import NoteCode


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
