"""The document builder itself (``_make.py``): the test documents hold what they should.

These tests check the Word and PDF files that the readers are tested on, not the readers
(``test_read_documents.py`` does that). A Word file is opened with python-docx and read through
python-docx's own grid of merged cells, by the template's labels, independently of how the
builder found where to write; a PDF is checked for its pages and, with poppler's
``pdftotext``, for its text.
"""

from __future__ import annotations

import io
import re
import subprocess

from collections.abc import Mapping
from typing import Any

import attrs
import docx
import pytest

from docx.oxml.ns import qn
from tests.documents._make import (
    NAMES,
    TEMPLATE,
    VARIANTS,
    MadeDocument,
    Slot,
    Variant,
    cell_text,
    fill_template,
    lengthen,
    sample_reports,
    template_slots,
    to_pdf,
    written_cells,
)

from disclosure_report import BLANK, CellAddress, NotApplicable, Report2021, cell_values
from disclosure_report.i18n import report_title, translate
from disclosure_report.model import SECTION_TITLES


LOCALE = "zh_Hans"


def _normal(text: str) -> str:
    return "".join(text.split())


def _zh(label: Any) -> str:
    return _normal(translate(label, LOCALE))


# The template -----------------------------------------------------------------------------


def test_every_cell_of_the_model_has_one_place_in_the_template() -> None:
    slots = template_slots()
    layout = [spec.address for spec, _ in cell_values(_any_report())]
    assert sorted(slots) == sorted(layout)
    assert len(set(slots.values())) == len(slots)
    # Table 二, 三 and 四 are the template's first, second and third tables.
    by_table = {
        table: {s.table for a, s in slots.items() if a.table == table} for table in (2, 3, 4)
    }
    assert by_table == {2: {0}, 3: {1}, 4: {2}}


@pytest.mark.parametrize(
    ("address", "slot"),
    [
        # Checked by hand against the template (w:tc indexes; a merged cell is one w:tc).
        (CellAddress(2, "article_20_1.rules", "issued"), Slot(0, 2, 1)),
        (CellAddress(2, "article_20_1.normative_documents", "in_force"), Slot(0, 3, 3)),
        (CellAddress(2, "article_20_5.licensing", "decisions"), Slot(0, 6, 1)),
        (CellAddress(2, "article_20_6.compulsory_measures", "decisions"), Slot(0, 10, 1)),
        (CellAddress(2, "article_20_8.administrative_fees", "amount"), Slot(0, 13, 1)),
        (CellAddress(3, "new_received", "natural_persons"), Slot(1, 3, 1)),
        (CellAddress(3, "carried_over", "total"), Slot(1, 4, 7)),
        (CellAddress(3, "outcomes.granted", "natural_persons"), Slot(1, 5, 2)),
        (CellAddress(3, "outcomes.withheld.state_secret", "commercial_enterprises"), Slot(1, 7, 4)),
        (CellAddress(3, "outcomes.withheld.prohibited_by_law", "other"), Slot(1, 8, 8)),
        (CellAddress(3, "outcomes.other_handling.other", "total"), Slot(1, 25, 9)),
        (CellAddress(3, "outcomes.total", "total"), Slot(1, 26, 8)),
        (CellAddress(3, "carried_forward", "legal_service_providers"), Slot(1, 27, 5)),
        (CellAddress(4, "reconsideration", "upheld"), Slot(2, 3, 0)),
        (CellAddress(4, "litigation_direct", "pending"), Slot(2, 3, 8)),
        (CellAddress(4, "litigation_after_reconsideration", "total"), Slot(2, 3, 14)),
    ],
)
def test_cells_found_where_the_template_has_them(address: CellAddress, slot: Slot) -> None:
    assert template_slots()[address] == slot


def test_the_template_is_blank() -> None:
    """Every value cell of the official template is empty or holds ideographic spaces only."""
    texts = written_cells(TEMPLATE.read_bytes())
    assert set(texts.values()) == {""}
    raw = _raw_cells(TEMPLATE.read_bytes())
    assert any(text and not text.strip() for text in raw.values()), "U+3000 cells expected"


def _raw_cells(document: bytes) -> dict[CellAddress, str]:
    tables = docx.Document(io.BytesIO(document)).tables
    return {
        address: tables[s.table]._tbl.tr_lst[s.row].tc_lst[s.cell].xpath("string(.)")
        for address, s in template_slots().items()
    }


# Filled Word files: the tables --------------------------------------------------------------


def _grid(table: Any) -> list[list[str]]:
    """A table's text by grid position, through python-docx (a merged cell in each position it
    covers)."""
    return [[_normal(cell.text) for cell in row.cells] for row in table.rows]


def _read_tables(document: bytes) -> dict[CellAddress, str]:
    """The value of every cell of a filled template, found by the template's labels.

    An oracle written apart from the builder: table 三's row labels stand in its third grid
    column and its column labels in its third header row; table 四's labels stand in the three
    header rows over its one data row; table 二's row labels stand in the first column and its
    column labels in the row of ``信息内容`` above them.
    """
    tables = docx.Document(io.BytesIO(document)).tables
    two, three, four = (_grid(table) for table in tables)
    found: dict[CellAddress, str] = {}
    for spec, _ in cell_values(_any_report()):
        address = spec.address
        row, column = _zh(spec.row_label), _zh(spec.column_label)
        if address.table == 3:
            r = next(i for i, line in enumerate(three) if i > 2 and line[2] == row)
            c = three[2].index(column)
            found[address] = three[r][c]
        elif address.table == 4:
            wanted = {row, column, *map(_zh, spec.row_groups)}
            columns = [c for c in range(len(four[3])) if wanted <= {h[c] for h in four[:3]}]
            assert len(columns) == 1, (address, columns)
            found[address] = four[3][columns[0]]
        else:
            r = next(i for i, line in enumerate(two) if line[0] == row)
            header = next(two[h] for h in range(r, -1, -1) if two[h][0] == "信息内容")
            values = {two[r][c] for c in range(1, len(header)) if header[c] == column}
            assert len(values) == 1, (address, values)
            found[address] = values.pop()
    return found


def _expected_text(spec: Any, value: object) -> str:
    text = cell_text(spec, value)
    return "" if text is None else _normal(text)


@pytest.mark.parametrize("name", NAMES)
def test_word_file_holds_every_cell(name: str, word_documents: Mapping[str, MadeDocument]) -> None:
    document = word_documents[name]
    read = _read_tables(document.docx)
    expected = {spec.address: _expected_text(spec, v) for spec, v in cell_values(document.report)}
    assert read == expected
    # And the builder's own reading of its cells agrees.
    assert {a: _normal(t) for a, t in written_cells(document.docx).items()} == expected


@pytest.mark.parametrize("name", NAMES)
def test_blank_cells_stay_as_the_template_has_them(
    name: str, word_documents: Mapping[str, MadeDocument]
) -> None:
    document = word_documents[name]
    template = _raw_cells(TEMPLATE.read_bytes())
    filled = _raw_cells(document.docx)
    for spec, value in cell_values(document.report):
        if value is BLANK:
            assert filled[spec.address] == template[spec.address]
            assert not filled[spec.address].strip()
        elif type(value) is NotApplicable:
            assert filled[spec.address] == value.symbol
        else:
            assert filled[spec.address].strip()


def test_the_documents_have_blank_cells_marks_and_numbers(
    word_documents: Mapping[str, MadeDocument],
) -> None:
    """The sample reports exercise what a reader must tell apart."""
    values = [v for d in word_documents.values() for _, v in cell_values(d.report)]
    assert BLANK in values
    assert NotApplicable("/") in values
    assert len({v.symbol for v in values if type(v) is NotApplicable}) >= 3
    assert 0 in values
    assert any(type(v) is int and v >= 100 for v in values)
    reports = {d.report for d in word_documents.values() if d.variant.narrative_chars == 0}
    assert len(reports) == len(NAMES) // len(VARIANTS)
    assert any(not _marked(r) for r in reports), "a report without marks"


def _marked(report: Report2021) -> bool:
    return any(v is BLANK or type(v) is NotApplicable for _, v in cell_values(report))


# Filled Word files: the narrative ------------------------------------------------------------


def _paragraphs(document: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(document)).paragraphs]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("name", NAMES[:: len(VARIANTS) - 1])
def test_word_file_holds_title_and_narrative(
    name: str, word_documents: Mapping[str, MadeDocument]
) -> None:
    document = word_documents[name]
    report = document.report
    title = report_title(report.metadata.agency, report.metadata.year, LOCALE)
    opened = docx.Document(io.BytesIO(document.docx))
    assert opened.core_properties.title == title
    text = [p for p in _paragraphs(document.docx) if p.strip()]
    headings = [translate(SECTION_TITLES[name], LOCALE) for name in SECTION_TITLES]
    assert text[0] == title
    at = [text.index(heading) for heading in headings]
    assert at == sorted(at)
    # Sections 一, 五 and 六 hold the report's paragraphs, in order, and nothing else;
    # sections 二, 三 and 四 hold only their tables.
    sections = {
        h: text[a + 1 : b] for h, a, b in zip(headings, at, [*at[1:], len(text)], strict=True)
    }
    assert sections[headings[0]] == _lines(report.overview)
    assert sections[headings[1]] == sections[headings[2]] == sections[headings[3]] == []
    assert sections[headings[4]] == _lines(report.problems_and_improvements)
    assert sections[headings[5]] == _lines(report.other_matters.text)
    assert "（文字描述）" not in "".join(text)


def test_fee_record_goes_into_section_six() -> None:
    from decimal import Decimal

    from disclosure_report import Amount, ProcessingFees, Unit

    report = _any_report()
    fees = ProcessingFees(amount=Amount(Decimal("120.50"), Unit.YUAN), applications=3)
    with_fees = attrs.evolve(
        report, other_matters=attrs.evolve(report.other_matters, processing_fees=fees)
    )
    text = _paragraphs(fill_template(with_fees, variant=VARIANTS[0]))
    assert any(line.endswith("：120.50元") for line in text)
    assert any(line.endswith("：3") for line in text)


# Variants -------------------------------------------------------------------------------------


def _borders(document: bytes) -> set[str]:
    """The kinds of every border set on the tables, their rows and their cells."""
    body = docx.Document(io.BytesIO(document)).element.body
    kinds = set()
    for table in body.iter(qn("w:tbl")):
        for holder in table.iter(qn("w:tblBorders"), qn("w:tcBorders")):
            kinds |= {edge.get(qn("w:val")) for edge in holder}
    return kinds


def _widths(document: bytes) -> list[list[int]]:
    body = docx.Document(io.BytesIO(document)).element.body
    return [
        [int(c.get(qn("w:w"))) for c in table.iter(qn("w:gridCol"))]
        for table in body.iter(qn("w:tbl"))
    ]


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_variant_borders_and_widths(variant: Variant) -> None:
    made = fill_template(_any_report(), variant=variant)
    template = TEMPLATE.read_bytes()
    if variant.borderless:
        assert _borders(made) <= {"nil", "none"}
    else:
        assert "single" in _borders(made)
        assert _borders(made) == _borders(template)
    widths, before = _widths(made), _widths(template)
    if variant.narrow:
        narrowed = [
            n < o
            for new, old in zip(widths, before, strict=True)
            for n, o in zip(new, old, strict=True)
        ]
        assert any(narrowed)
        # Table 三's value columns are left alone (they hold the numbers).
        assert widths[1][3:] == before[1][3:]
        assert all(
            n <= o
            for new, old in zip(widths, before, strict=True)
            for n, o in zip(new, old, strict=True)
        )
    else:
        assert widths == before


def test_lengthen() -> None:
    report = _any_report()
    longer = lengthen(report, 1500)
    assert len(longer.overview) >= 1500
    assert longer.overview.startswith(report.overview)
    assert attrs.evolve(longer, overview=report.overview) == report
    assert lengthen(report, 1500) == longer
    assert lengthen(longer, 100) is longer


def test_sample_reports_are_reproducible_and_distinct() -> None:
    first = sample_reports(4, seed=7)
    assert sample_reports(4, seed=7) == first
    assert len(set(first)) == 4
    assert sample_reports(4, seed=8) != first
    for report in first:
        assert report.check() == ()


def _any_report() -> Report2021:
    return sample_reports(1, seed=1)[0]


# PDF files ------------------------------------------------------------------------------------


def _pdf(document: MadeDocument) -> bytes:
    assert document.pdf is not None
    return document.pdf


def _pages(pdf: bytes, pdftotext: str) -> list[str]:
    """The text of each page, whitespace removed: ``pdftotext -raw``, in the order the PDF
    draws it (LibreOffice draws a table cell by cell), pages split at form feeds."""
    done = subprocess.run(  # noqa: S603 (poppler's program on our own file)
        [pdftotext, "-raw", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    # pdftotext ends every page with a form feed.
    return [_normal(page) for page in done.stdout.decode().split("\f")[:-1]]


def _appears(label: str, text: str) -> bool:
    """Whether *label*'s characters appear in *text* in order, close together: a label split
    by a page break, or wrapped in a narrow cell, may come out in pieces with other cells'
    text between them."""
    pattern = "(?s)" + ".{0,300}?".join(map(re.escape, label))
    return re.search(pattern, text) is not None


def _page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.mark.parametrize("name", NAMES)
def test_pdf_pages(name: str, documents: Mapping[str, MadeDocument]) -> None:
    document = documents[name]
    pdf = _pdf(document)
    assert pdf.startswith(b"%PDF-")
    pages = _page_count(pdf)
    # About 600 characters of narrative a page, and some two and a half pages of tables.
    extra = len(document.report.overview) // 500
    assert 3 <= pages <= 5 + extra


@pytest.mark.parametrize("name", NAMES)
def test_pdf_text_shows_title_headings_and_labels(
    name: str, documents: Mapping[str, MadeDocument], pdftotext: str
) -> None:
    document = documents[name]
    text = "".join(_pages(_pdf(document), pdftotext))
    report = document.report
    assert _normal(report_title(report.metadata.agency, report.metadata.year, LOCALE)) in text
    for field in SECTION_TITLES:
        assert _normal(translate(SECTION_TITLES[field], LOCALE)) in text
    labels = {
        _zh(label)
        for spec, _ in cell_values(report)
        for label in (spec.row_label, spec.column_label, *spec.row_groups)
    }
    missing = sorted(label for label in labels if not _appears(label, text))
    assert not missing
    # Money and marks are printed as they are written.
    for spec, value in cell_values(report):
        if spec.address.table == 2 and value is not BLANK:
            assert _normal(cell_text(spec, value) or "") in text


def _table_three_pages(document: MadeDocument, pdftotext: str) -> tuple[int, str]:
    """The page that table 三 starts on, and the label of its first row on a later page
    (``""`` when the table fits on its page)."""
    pages = _pages(_pdf(document), pdftotext)
    start = next(i for i, page in enumerate(pages) if "申请人情况" in page)
    rows = []
    for spec, _ in cell_values(document.report):
        label = _zh(spec.row_label)
        if spec.address.table == 3 and label not in rows:
            rows.append(label)
    for label in rows:
        if not _appears(label[:6], pages[start]):
            return start, label
    return start, ""


def test_long_narrative_moves_table_three_down(
    documents: Mapping[str, MadeDocument], pdftotext: str
) -> None:
    longs = sorted(
        (v for v in VARIANTS if v.narrative_chars and not v.narrow), key=lambda v: v.narrative_chars
    )
    plain = VARIANTS[0]
    breaks: set[str] = set()
    for name in NAMES:
        if not name.endswith("-" + plain.name):
            continue
        stem = name.removesuffix(plain.name)
        starts = []
        for variant in (plain, *longs):
            start, broken_at = _table_three_pages(documents[stem + variant.name], pdftotext)
            starts.append(start)
            breaks.add(broken_at)
        assert starts == sorted(starts), (stem, starts)
        assert starts[-1] > starts[0], (stem, starts)
    # Table 三 breaks before many different rows across the documents.
    assert len(breaks - {""}) >= 4, breaks


def test_to_pdf_prints_one_file(documents: Mapping[str, MadeDocument]) -> None:
    """``to_pdf`` alone (the fixture prints all files in one run)."""
    document = documents[NAMES[0]]
    pdf = to_pdf(document.docx)
    assert pdf.startswith(b"%PDF-")
    assert _page_count(pdf) == _page_count(_pdf(document))


def test_to_pdfs_without_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.documents import _make

    monkeypatch.setattr(_make, "soffice", lambda: None)
    assert _make.to_pdfs([]) == []
    with pytest.raises(_make.SofficeError, match="not installed"):
        _make.to_pdfs([b""])
