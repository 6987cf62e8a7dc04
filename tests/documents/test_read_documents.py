"""Word and PDF reports, made from generated reports, read back unchanged.

Each made document (``conftest.py``: every sample report in every variant) is read with
:func:`disclosure_report.read`, from a file and from its bytes, and must give the report it was
made of: its format version, agency and year, every table cell (a number, a blank cell, a mark
of not applicable, money with its digits), and the narrative of sections 一, 五 and 六.

The official template and the library's own Word rendering (``render(report, to="docx")``)
read the same: blank, and filled with the same report.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from tests.documents._make import NAMES, VARIANTS, MadeDocument

from disclosure_report import Report, cell_values, read
from disclosure_report.reading import NoteCode, ReadResult
from disclosure_report.tidy import records


# One document of each report, for the reads from bytes (a reader must tell the kind from the
# content); every document is read from a file.
PLAIN = tuple(name for name in NAMES if name.endswith("-" + VARIANTS[0].name))


def _assert_tables_read(result: ReadResult, report: Report) -> None:
    assert result.tables_found == (2, 3, 4)
    assert result.report.format_version == report.format_version
    assert result.report.metadata.agency == report.metadata.agency
    assert result.report.metadata.year == report.metadata.year
    assert list(cell_values(result.report)) == list(cell_values(report))
    # The printed digits are the value: money keeps its scale ('0.000100' is not '0.0001').
    assert [r["value"] for r in records([result.report])] == [r["value"] for r in records([report])]
    assert not [n for n in result.notes if n.code is NoteCode.UNREADABLE_CELL]
    misread = {NoteCode.EXTRA_ROW, NoteCode.ROW_MISSING, NoteCode.SECTION_MISSING}
    assert not [n for n in result.notes if n.code in misread]


def _assert_narrative_read(result: ReadResult, report: Report) -> None:
    assert result.report.overview == report.overview
    assert result.report.problems_and_improvements == report.problems_and_improvements
    assert result.report.other_matters == report.other_matters
    assert result.report == report


def _file(document: MadeDocument, suffix: str, folder: Path) -> Path:
    path = folder / f"{document.name}.{suffix}"
    content = document.docx if suffix == "docx" else document.pdf
    assert content is not None
    path.write_bytes(content)
    return path


# Word ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_word_file_tables_read_back(
    name: str, word_documents: Mapping[str, MadeDocument], tmp_path: Path
) -> None:
    document = word_documents[name]
    _assert_tables_read(read(_file(document, "docx", tmp_path)), document.report)


@pytest.mark.parametrize("name", PLAIN)
def test_word_bytes_tables_read_back(name: str, word_documents: Mapping[str, MadeDocument]) -> None:
    document = word_documents[name]
    _assert_tables_read(read(document.docx), document.report)


@pytest.mark.parametrize("name", NAMES)
def test_word_file_narrative_reads_back(
    name: str, word_documents: Mapping[str, MadeDocument], tmp_path: Path
) -> None:
    document = word_documents[name]
    _assert_narrative_read(read(_file(document, "docx", tmp_path)), document.report)


# PDF -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_pdf_file_tables_read_back(
    name: str, documents: Mapping[str, MadeDocument], tmp_path: Path
) -> None:
    document = documents[name]
    _assert_tables_read(read(_file(document, "pdf", tmp_path)), document.report)


@pytest.mark.parametrize("name", PLAIN)
def test_pdf_bytes_tables_read_back(name: str, documents: Mapping[str, MadeDocument]) -> None:
    document = documents[name]
    assert document.pdf is not None
    _assert_tables_read(read(document.pdf), document.report)


@pytest.mark.parametrize("name", NAMES)
def test_pdf_file_narrative_reads_back(
    name: str, documents: Mapping[str, MadeDocument], tmp_path: Path
) -> None:
    document = documents[name]
    _assert_narrative_read(read(_file(document, "pdf", tmp_path)), document.report)
