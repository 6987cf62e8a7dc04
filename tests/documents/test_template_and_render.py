"""The official blank template and the library's own Word rendering read the same.

An agency may fill in the official template (``data/template-2021.docx``) or start from
``render(report, to="docx")``; the reader must not tell them apart: both blank, and both filled
with the same report.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from tests.documents._make import NAMES, TEMPLATE, VARIANTS, MadeDocument

from disclosure_report import BLANK, Metadata, Report2021, cell_values, read, render
from disclosure_report.reading import NoteCode


PLAIN = tuple(name for name in NAMES if name.endswith("-" + VARIANTS[0].name))


def test_both_blank_read_as_the_same_blank_report() -> None:
    official = read(TEMPLATE)
    ours = read(render(Report2021.blank(Metadata(agency="某局", year=2024)), to="docx"))

    for result in (official, ours):
        assert result.kind == "docx"
        assert result.report.format_version == "2021"
        assert result.tables_found == (2, 3, 4)
        assert {value for _, value in cell_values(result.report)} == {BLANK}
        assert [n.code for n in result.notes].count(NoteCode.NO_VALUES) == 1
    assert list(cell_values(official.report)) == list(cell_values(ours.report))


@pytest.mark.parametrize("name", PLAIN)
def test_both_filled_with_a_report_read_as_that_report(
    name: str, word_documents: Mapping[str, MadeDocument]
) -> None:
    made = word_documents[name]
    official = read(made.docx).report
    ours = read(render(made.report, to="docx")).report

    assert list(cell_values(official)) == list(cell_values(ours)) == list(cell_values(made.report))
    assert official.overview == ours.overview == made.report.overview
    assert official.metadata == ours.metadata == made.report.metadata
