"""Word and PDF copies of generated reports, made the way an agency makes them.

An agency fills in the official Word template (``data/template-2021.docx``, the blank template
that came with 国办公开办函〔2021〕30号), often in WPS or Word, and publishes the file or a PDF
printed from it. This module does the same for a generated :class:`~disclosure_report.Report2021`:

* :func:`fill_template` fills a copy of the template with python-docx: the title, the narrative
  of sections 一, 五 and 六 under the template's own headings, and every value cell of tables
  二, 三 and 四. Where each cell goes is derived from the model's layout
  (:func:`~disclosure_report.table_layout`) and the template's own labels and merged cells
  (:func:`template_slots`), never from a list of rows written here.
* :func:`to_pdfs` (and :func:`to_pdf`) print Word files to PDF with LibreOffice, many in one
  ``soffice`` run, each run with a profile folder of its own so that runs in parallel do not
  clash.
* :class:`Variant` names how published files differ: a long narrative that moves table 三 down
  the pages (so that it breaks across pages at another row), tables without borders, narrow
  columns whose headers wrap. Blank cells and cells marked not applicable come from the report.

A cell is written as a report prints it: a count as its digits, money as its exact decimal (its
unit after it unless the column header states it), a cell marked not applicable as its mark
(``/``, ``-``, ``—`` …). A blank cell is left as the template has it: empty, or holding only
ideographic spaces (U+3000), as an untouched cell of a filled template does.

:func:`sample_reports` draws reports reproducibly (hypothesis with a fixed seed) with narrative
texts made of stock phrases of this module, since drawn Unicode text cannot go into a Word file
(XML refuses control characters) and would not look like a report.
"""

from __future__ import annotations

import copy
import functools
import io
import json
import os
import random
import shutil
import signal
import subprocess
import tempfile

from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import attrs
import docx
import hypothesis
import hypothesis.strategies as st

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Length, Pt
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, Phase

from disclosure_report import (
    BLANK,
    Amount,
    CellAddress,
    CellSpec,
    NotApplicable,
    OtherMatters,
    ProcessingFees,
    Report2021,
    cell_values,
    from_dict,
    table_layout,
    to_dict,
)
from disclosure_report.i18n import report_title, translate
from disclosure_report.model import label_of
from disclosure_report.testing import (
    active_disclosure,
    applications,
    case_outcomes,
    metadata,
    reconsideration_and_litigation,
    reports,
)


__all__ = [
    "NAMES",
    "SAMPLES",
    "SAMPLE_COUNT",
    "SAMPLE_SEED",
    "TEMPLATE",
    "VARIANTS",
    "MadeDocument",
    "Slot",
    "SofficeError",
    "Variant",
    "cell_text",
    "document_name",
    "fill_template",
    "lengthen",
    "make_documents",
    "sample_reports",
    "soffice",
    "store_samples",
    "stored_samples",
    "template_slots",
    "to_pdf",
    "to_pdfs",
    "written_cells",
]

TEMPLATE: Final = Path(__file__).parent / "data" / "template-2021.docx"
"""The official blank template of the 2021 format, as a Word file."""

LOCALE: Final = "zh_Hans"
"""The template's language: the labels are the official wording."""

# The template's placeholders for the narrative of sections 一 and 五, and of section 六.
_PLACEHOLDER: Final = "（文字描述）"
_PLACEHOLDER_6: Final = "（文字描述，收取信息处理费情况在此处报告。）"
_TITLE_PLACEHOLDER: Final = "政府信息公开工作年度报告格式模板"


# Variants -------------------------------------------------------------------------------------


@attrs.frozen
class Variant:
    """How a made document differs from the template filled in plainly.

    Attributes:
        name: A short name, used in file names (``long-1200``).
        narrative_chars: When not 0, section 一 is lengthened to at least this many characters
            (see :func:`lengthen`), which moves tables 二 and 三 down the pages.
        borderless: Every table border removed (the cells are still there, unruled).
        narrow: The wide table columns narrowed (the label columns of table 三, the columns of
            table 二), so that labels and headers wrap onto more lines.
    """

    name: str
    narrative_chars: int = 0
    borderless: bool = False
    narrow: bool = False


VARIANTS: Final = (
    Variant("plain"),
    Variant("long-400", narrative_chars=400),
    Variant("long-900", narrative_chars=900),
    Variant("long-1600", narrative_chars=1600),
    Variant("borderless", borderless=True),
    Variant("narrow", narrow=True),
    Variant("narrow-borderless-long", narrative_chars=1200, borderless=True, narrow=True),
)
"""The variants that every sample report is made in.

With LibreOffice's layout, a page holds about 600 characters of narrative, and table 三 (more
than a page long) starts on a new page when little room is left; the lengths are spread over
that period, so that table 三 starts at different heights and breaks before different rows.
"""


# Narrative ------------------------------------------------------------------------------------

# Stock phrases (written for this module) from which narrative paragraphs are built.
_OPENINGS: Final = (
    "{year}年，本机关认真贯彻《中华人民共和国政府信息公开条例》，",
    "{year}年，在上级主管部门的指导下，本机关",
    "本年度，本机关围绕中心工作，",
    "全年，本机关坚持以公开为常态、不公开为例外，",
)
_ACTIONS: Final = (
    "及时更新政府信息公开指南和目录",
    "加强门户网站信息发布前的保密审查",
    "做好政策文件的发布和解读",
    "规范依申请公开的受理、办理和答复流程",
    "推进重点领域信息公开",
    "加强政务新媒体的日常管理",
    "组织开展政务公开业务培训",
    "完善政府信息公开工作制度",
    "畅通政府信息公开申请渠道",
    "落实公开工作责任分工",
    "做好历史信息的清理和归档",
    "回应社会关切，及时发布权威信息",
)
_PROBLEMS: Final = (
    "部分栏目更新不够及时",
    "政策解读的形式较为单一",
    "依申请公开答复的规范性有待提高",
    "工作人员的业务能力还需加强",
    "公开内容的针对性还不够强",
)
_PLANS: Final = (
    "下一步，本机关将加强栏目日常维护，",
    "今后，本机关将丰富解读形式，",
    "本机关将继续加强业务培训，",
    "我们将进一步健全工作机制，",
)
_OTHER: Final = (
    "本年度无其他需要报告的事项。",
    "本机关按要求做好了政府信息公开工作年度报告的编制和发布。",
)
_FEES_NONE: Final = "本年度未收取信息处理费。"


def _sentence(rng: random.Random, year: int) -> str:
    actions = rng.sample(_ACTIONS, k=rng.randint(2, 4))
    return rng.choice(_OPENINGS).format(year=year) + "，".join(actions) + "。"


def _paragraphs(rng: random.Random, year: int, count: int) -> str:
    return "\n".join(
        "".join(_sentence(rng, year) for _ in range(rng.randint(1, 3))) for _ in range(count)
    )


def _problems(rng: random.Random) -> str:
    found = "，".join(rng.sample(_PROBLEMS, k=rng.randint(1, 3)))
    plan = rng.choice(_PLANS) + "，".join(rng.sample(_ACTIONS, k=2)) + "。"
    return f"本机关政府信息公开工作还存在一些不足：{found}。\n{plan}"


def lengthen(report: Report2021, chars: int) -> Report2021:
    """*report* with paragraphs added to section 一 until it holds at least *chars* characters.

    The paragraphs are made of this module's stock phrases, chosen by a generator seeded with
    the report's agency, year and *chars*, so the same report is always lengthened alike.
    """
    if len(report.overview) >= chars:
        return report
    rng = random.Random(f"{report.metadata.agency}/{report.metadata.year}/{chars}")  # noqa: S311
    parts = [report.overview] if report.overview else []
    while len("\n".join(parts)) < chars:
        parts.append(_paragraphs(rng, report.metadata.year, 1))
    return attrs.evolve(report, overview="\n".join(parts))


_AGENCIES: Final = (
    "某市生态环境局",
    "某县人民政府办公室",
    "某区市场监督管理局",
    "某市自然资源和规划局",
    "某省交通运输厅",
    "某镇人民政府",
    "某县教育局",
    "某市住房和城乡建设局",
)


@st.composite
def _narrative_sections(draw: st.DrawFn) -> tuple[int, str, str, str]:
    """A year and the narrative of sections 一, 五 and 六 that suit it."""
    year = draw(st.integers(min_value=2021, max_value=2030))
    rng = random.Random(draw(st.integers(min_value=0, max_value=2**32 - 1)))  # noqa: S311
    overview = _paragraphs(rng, year, rng.randint(1, 3))
    other = rng.choice(_OTHER) + _FEES_NONE
    return year, overview, _problems(rng), other


# Counts of the size that reports print: table 二 from none to thousands of decisions, table 三
# a few applications per cell (or, for a busy office, a few hundred), table 四 a few cases.
_COUNTS_2: Final = st.integers(min_value=0, max_value=30) | st.integers(min_value=0, max_value=9999)
_COUNTS_3: Final = st.integers(min_value=0, max_value=9) | st.integers(min_value=0, max_value=60)
_COUNTS_4: Final = st.integers(min_value=0, max_value=12)


@st.composite
def _sample_report(draw: st.DrawFn) -> Report2021:
    year, overview, problems, other = draw(_narrative_sections())
    meta = metadata(
        agency=st.sampled_from(_AGENCIES),
        year=st.just(year),
        published=st.none(),
        source_url=st.none(),
        level=st.none(),
        region=st.none(),
    )
    return draw(
        reports(
            "2021",
            metadata=meta,
            active_disclosure=active_disclosure("2021", counts=_COUNTS_2),
            applications=applications("2021", counts=_COUNTS_3),
            reconsideration_and_litigation=reconsideration_and_litigation(
                case_outcomes=case_outcomes(counts=_COUNTS_4)
            ),
            overview=st.just(overview),
            problems_and_improvements=st.just(problems),
            other_matters=st.just(OtherMatters(text=other, processing_fees=None)),
            # Most published tables are filled in throughout; some leave cells blank or mark
            # them not applicable.
            marks=draw(st.sampled_from((True, True, False))),
        )
    )


def sample_reports(count: int, *, seed: int = 2021) -> list[Report2021]:
    """*count* generated 2021 reports, the same ones for the same *seed* (and hypothesis version).

    They are balanced (:mod:`disclosure_report.testing`), may have blank and not-applicable
    cells, hold only the metadata that a document shows (agency and year), and narrative made
    of this module's stock phrases, with no fee record (section 六 says no fee was collected).

    Each report comes from a hypothesis run of its own, seeded with *seed* and its index: the
    examples of one run are variations of each other, and the first is the simplest (all
    zeros), so each run's last example is taken.
    """
    return [_one_report(seed, index) for index in range(count)]


_EXAMPLES_PER_REPORT: Final = 4


def _one_report(seed: int, index: int) -> Report2021:
    drawn: list[Report2021] = []

    @hypothesis.seed(seed * 1000 + index)
    @hypothesis.settings(
        max_examples=_EXAMPLES_PER_REPORT,
        database=None,
        derandomize=False,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @hypothesis.given(_sample_report())
    def draw(report: Report2021) -> None:
        drawn.append(report)

    draw()
    return drawn[-1]


# Where each cell goes -------------------------------------------------------------------------


@attrs.frozen(order=True)
class Slot:
    """A value cell of the template: the ``w:tc`` at index *cell* of row *row* of table *table*.

    Indexes count the document's tables, a table's ``w:tr`` and a row's ``w:tc`` elements
    (a merged cell is one ``w:tc``), from 0.
    """

    table: int
    row: int
    cell: int


@attrs.frozen
class _GridCell:
    row: int
    cell: int
    start: int
    span: int
    text: str
    continued: bool


def _normal(text: str) -> str:
    """*text* without whitespace, as labels are compared (ideographic spaces, line breaks …)."""
    return "".join(text.split())


def _grid(table: Any) -> list[list[_GridCell]]:
    """The cells of a ``w:tbl`` row by row, with their grid columns, and the text of a cell
    that continues a vertical merge taken from the cell it continues."""
    rows: list[list[_GridCell]] = []
    above: dict[int, str] = {}
    for r, tr in enumerate(table.tr_lst):
        row: list[_GridCell] = []
        start = 0
        for c, tc in enumerate(tr.tc_lst):
            span = tc.grid_span
            continued = tc.vMerge == "continue"
            text = above.get(start, "") if continued else _normal(tc.xpath("string(.)"))
            row.append(_GridCell(r, c, start, span, text, continued))
            start += span
        above = {cell.start: cell.text for cell in row}
        rows.append(row)
    return rows


def _is_value(cell: _GridCell) -> bool:
    return not cell.text and not cell.continued


def _value_cells(rows: list[list[_GridCell]]) -> Iterator[tuple[_GridCell, frozenset[str]]]:
    """Every empty cell of a table, with the labels that place it: the labels left of it in
    its row, the headers above it (the header rows between it and the data rows before them)
    and the heading of its sub-table (a row that is one cell across the table)."""
    width = sum(cell.span for cell in rows[0])
    header: list[list[_GridCell]] = []
    heading = ""
    in_header = True
    for row in rows:
        values = [cell for cell in row if _is_value(cell)]
        if not values:
            if not in_header:
                header, in_header = [], True
            if len(row) == 1 and row[0].span == width:
                heading = row[0].text
            header.append(row)
            continue
        in_header = False
        for cell in values:
            left = {c.text for c in row if c.start < cell.start and c.text}
            columns = range(cell.start, cell.start + cell.span)
            above = {
                c.text
                for h in header
                for c in h
                if c.text and (c.start in columns or cell.start in range(c.start, c.start + c.span))
            }
            yield cell, frozenset({*left, *above, heading} - {""})


def _spec_labels(spec: CellSpec) -> frozenset[str]:
    labels = [spec.row_label, spec.column_label, *spec.row_groups]
    if spec.column_group is not None:
        labels.append(spec.column_group)
    return frozenset(_normal(translate(label, LOCALE)) for label in labels)


def _slots(document: Document) -> dict[CellAddress, Slot]:
    """Where each cell of a 2021 report goes in *document*, a copy of the blank template."""
    candidates = [
        (Slot(t, cell.row, cell.cell), labels)
        for t, table in enumerate(document.tables)
        for cell, labels in _value_cells(_grid(table._tbl))
    ]
    slots: dict[CellAddress, Slot] = {}
    for spec in table_layout(Report2021):
        wanted = _spec_labels(spec)
        found = [slot for slot, labels in candidates if wanted <= labels]
        if len(found) != 1:
            msg = f"{spec.address}: {len(found)} cells of the template carry {sorted(wanted)}"
            raise LookupError(msg)
        slots[spec.address] = found[0]
    if len(set(slots.values())) != len(slots):
        msg = "two cells of the model fall into one cell of the template"
        raise LookupError(msg)
    return slots


@functools.cache
def template_slots() -> Mapping[CellAddress, Slot]:
    """Where each cell of a 2021 report goes in the template: found once, by the labels.

    A value cell of the template is an empty cell (or one holding only ideographic spaces); it
    belongs to the one cell of :func:`~disclosure_report.table_layout` whose row label, column
    label and group labels all stand beside it, above it or over its sub-table. Table 四's rows
    (行政复议, 未经复议直接起诉, 复议后起诉) are column groups in the template and are found the
    same way.

    Raises:
        LookupError: When a cell of the model matches no cell of the template or more than one.
    """
    return MappingProxyType(_slots(docx.Document(str(TEMPLATE))))


# Filling the template -------------------------------------------------------------------------


def cell_text(spec: CellSpec, value: object) -> str | None:
    """What a cell prints; ``None`` for a blank cell (left as the template has it)."""
    if value is BLANK:
        return None
    if type(value) is int:
        return str(value)
    if type(value) is NotApplicable:
        return value.symbol
    if type(value) is Amount:
        number = format(value.value, "f")
        if value.unit is None or value.unit is spec.unit:
            return number
        return number + value.unit.value
    msg = f"{spec.address}: not a cell value: {value!r}"
    raise TypeError(msg)


def _set_text(paragraph: Paragraph, text: str, *, size: Length | None = None) -> None:
    """Put *text* into *paragraph*, in the formatting of its first run, or else of its mark
    (and in *size*, if given)."""
    runs = paragraph.runs
    if runs:
        runs[0].text = text
        for run in runs[1:]:
            run._r.getparent().remove(run._r)
        return
    run = paragraph.add_run(text)
    mark = paragraph._p.pPr.find(qn("w:rPr")) if paragraph._p.pPr is not None else None
    if mark is not None:
        run._r.insert(0, copy.deepcopy(mark))
    if size is not None:
        run.font.size = size


_CELL_SIZE: Final = Pt(10)


def _write_cell(document: Document, slot: Slot, text: str) -> None:
    table = document.tables[slot.table]
    tc = table._tbl.tr_lst[slot.row].tc_lst[slot.cell]
    paragraphs = tc.p_lst
    for extra in paragraphs[1:]:
        tc.remove(extra)
    paragraph = Paragraph(paragraphs[0], table)
    # The size of the template's labels; its empty cells' marks say 12 pt, too big for the
    # narrow columns of table 三.
    _set_text(paragraph, text, size=_CELL_SIZE)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _paragraph_with(document: Document, text: str) -> Paragraph:
    for paragraph in document.paragraphs:
        if _normal(paragraph.text) == _normal(text):
            return paragraph
    msg = f"the template has no paragraph {text!r}"
    raise LookupError(msg)


def _fill_paragraphs(placeholder: Paragraph, lines: Sequence[str]) -> None:
    """Replace *placeholder* by one paragraph per line of *lines*, in its formatting."""
    if not lines:
        placeholder._p.getparent().remove(placeholder._p)
        return
    element = placeholder._p
    blank = copy.deepcopy(element)
    _set_text(placeholder, lines[0])
    for line in lines[1:]:
        new = copy.deepcopy(blank)
        element.addnext(new)
        element = new
        _set_text(Paragraph(new, placeholder._parent), line)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _fee_lines(fees: ProcessingFees | None) -> list[str]:
    if fees is None:
        return []
    labels = {
        field.name: translate(label_of(field), LOCALE) for field in attrs.fields(ProcessingFees)
    }
    amount = fees.amount
    unit = "" if amount.unit is None else amount.unit.value
    lines = [f"{labels['amount']}：{format(amount.value, 'f')}{unit}"]
    if fees.applications is not None:
        lines.append(f"{labels['applications']}：{fees.applications}")
    return lines


_NO_BORDER: Final = ("top", "left", "bottom", "right", "insideH", "insideV")


def _remove_borders(table: Any) -> None:
    """No border on *table*: nil on every cell's sides, none on the table's and the rows'."""
    for holder in [table.tblPr, *table.xpath("./w:tr/w:tblPrEx")]:
        borders = holder.find(qn("w:tblBorders"))
        if borders is None:
            borders = OxmlElement("w:tblBorders")
            holder.append(borders)
        for child in list(borders):
            borders.remove(child)
        for side in _NO_BORDER:
            edge = OxmlElement(f"w:{side}")
            edge.set(qn("w:val"), "none")
            edge.set(qn("w:sz"), "0")
            edge.set(qn("w:space"), "0")
            edge.set(qn("w:color"), "auto")
            borders.append(edge)
    for tc_pr in table.xpath(".//w:tc/w:tcPr"):
        borders = tc_pr.find(qn("w:tcBorders"))
        if borders is not None:
            tc_pr.remove(borders)
        borders = OxmlElement("w:tcBorders")
        for side in ("top", "left", "bottom", "right"):
            edge = OxmlElement(f"w:{side}")
            edge.set(qn("w:val"), "nil")
            borders.append(edge)
        # tcBorders comes right after tcW, gridSpan and vMerge in w:tcPr.
        before = [tc_pr.find(qn(f"w:{name}")) for name in ("vMerge", "gridSpan", "tcW")]
        anchor = next((element for element in before if element is not None), None)
        if anchor is None:
            tc_pr.insert(0, borders)
        else:
            anchor.addnext(borders)


# A column wider than this (in twentieths of a point) is narrowed; narrower ones hold numbers.
_NARROW_FLOOR: Final = 700
_NARROW_FACTOR: Final = Decimal("0.45")


def _narrow(table: Any) -> None:
    """Narrow the wide columns of *table*, as an editor who squeezes a table does."""
    columns = table.tblGrid.findall(qn("w:gridCol"))
    old = [int(column.get(qn("w:w"))) for column in columns]
    new = [
        width if width <= _NARROW_FLOOR else max(_NARROW_FLOOR, int(width * _NARROW_FACTOR))
        for width in old
    ]
    for column, width in zip(columns, new, strict=True):
        column.set(qn("w:w"), str(width))
    width_element = table.tblPr.find(qn("w:tblW"))
    if width_element is not None:
        width_element.set(qn("w:w"), str(sum(new)))
        width_element.set(qn("w:type"), "dxa")
    for tr in table.tr_lst:
        start = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc_w = tc.get_or_add_tcPr().get_or_add_tcW()
            tc_w.set(qn("w:w"), str(sum(new[start : start + span])))
            tc_w.set(qn("w:type"), "dxa")
            start += span


def fill_template(report: Report2021, *, variant: Variant) -> bytes:
    """The official template filled in with *report*, as a Word file.

    The title paragraph and the document's title property become the report's title
    (``某市生态环境局2023年政府信息公开工作年度报告``); the placeholders of sections 一, 五 and
    六 become the report's paragraphs (section 六 followed by the fee record when there is one);
    every value cell of tables 二, 三 and 四 gets the report's cell (:func:`cell_text`), a
    blank cell staying as the template has it. *variant* decides the borders and column widths;
    its narrative length is applied by :func:`make_documents` through :func:`lengthen`, so that
    the report held with a document is the report in it.

    The report's texts must be writable in XML (no control characters).
    """
    document = docx.Document(str(TEMPLATE))
    title = report_title(report.metadata.agency, report.metadata.year, LOCALE)
    _set_text(_paragraph_with(document, _TITLE_PLACEHOLDER), title)
    document.core_properties.title = title
    placeholders = [p for p in document.paragraphs if p.text == _PLACEHOLDER]
    six = _paragraph_with(document, _PLACEHOLDER_6)
    overview_placeholder, problems_placeholder = placeholders
    _fill_paragraphs(overview_placeholder, _lines(report.overview))
    _fill_paragraphs(problems_placeholder, _lines(report.problems_and_improvements))
    other = report.other_matters
    _fill_paragraphs(six, [*_lines(other.text), *_fee_lines(other.processing_fees)])

    slots = template_slots()
    for spec, value in cell_values(report):
        text = cell_text(spec, value)
        if text is not None:
            _write_cell(document, slots[spec.address], text)
    for table in document.tables:
        if variant.narrow:
            _narrow(table._tbl)
        if variant.borderless:
            _remove_borders(table._tbl)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# PDF ------------------------------------------------------------------------------------------


class SofficeError(RuntimeError):
    """LibreOffice failed to print a Word file to PDF."""


def soffice() -> str | None:
    """The LibreOffice program (``soffice``), or ``None`` when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdfs(documents: Sequence[bytes], *, timeout: float | None = None) -> list[bytes]:
    """Word files printed to PDF by LibreOffice, in one ``soffice`` run.

    The run has a profile folder of its own (``-env:UserInstallation``) in a temporary folder,
    so that runs in parallel do not clash. *timeout* defaults to a minute plus two seconds a
    file.

    Raises:
        SofficeError: When LibreOffice is missing, fails, times out or makes no PDF of a file.
    """
    if not documents:
        return []
    program = soffice()
    if program is None:
        msg = "LibreOffice (soffice) is not installed"
        raise SofficeError(msg)
    limit = 60 + 2 * len(documents) if timeout is None else timeout
    with tempfile.TemporaryDirectory(prefix="disclosure-report-pdf-") as folder:
        root = Path(folder)
        names = [root / f"document-{index:04d}.docx" for index in range(len(documents))]
        for name, content in zip(names, documents, strict=True):
            name.write_bytes(content)
        out = root / "pdf"
        command = [
            program,
            f"-env:UserInstallation={(root / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, names),
        ]
        # A session of its own, so that a run that takes too long is ended with every process
        # it started (soffice starts soffice.bin), and nothing else.
        with subprocess.Popen(  # noqa: S603 (a fixed program and our own files)
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=root,
            start_new_session=True,
        ) as process:
            try:
                _, stderr = process.communicate(timeout=limit)
            except subprocess.TimeoutExpired as error:
                os.killpg(process.pid, signal.SIGKILL)
                process.communicate()
                msg = f"soffice took longer than {limit} s for {len(documents)} files"
                raise SofficeError(msg) from error
        pdfs = [out / (name.stem + ".pdf") for name in names]
        missing = [pdf.name for pdf in pdfs if not pdf.is_file()]
        if process.returncode != 0 or missing:
            msg = (
                f"soffice exited {process.returncode}, no PDF for {missing[:5]}: "
                + stderr.decode(errors="replace")[-2000:]
            )
            raise SofficeError(msg)
        return [pdf.read_bytes() for pdf in pdfs]


def to_pdf(document: bytes, *, timeout: float | None = None) -> bytes:
    """One Word file printed to PDF by LibreOffice (see :func:`to_pdfs`)."""
    return to_pdfs([document], timeout=timeout)[0]


# Made documents -------------------------------------------------------------------------------

SAMPLE_COUNT: Final = 12
"""How many generated reports the test documents are made of."""

SAMPLE_SEED: Final = 2021
"""The seed that the reports of the test documents were drawn with (:func:`sample_reports`)."""

SAMPLES: Final = Path(__file__).parent / "data" / "samples-2021.json"
"""The reports of the test documents, drawn once and kept (:func:`stored_samples`).

Kept, not drawn anew in each run: what hypothesis draws for a seed also depends on which
modules are loaded and where they are installed (it mixes the literals of the code under test
into its choices), so an editable install and the installed wheel drew different reports.
``python -m tests.documents._make`` draws them again.
"""


def stored_samples() -> list[Report2021]:
    """The :data:`SAMPLE_COUNT` reports of the test documents, as kept in :data:`SAMPLES`."""
    held = [from_dict(item, version=Report2021) for item in json.loads(SAMPLES.read_text("utf-8"))]
    if len(held) != SAMPLE_COUNT:
        raise ValueError(f"{SAMPLES} holds {len(held)} reports, not {SAMPLE_COUNT}")
    return held


def store_samples() -> None:
    """Draw the reports of the test documents (:func:`sample_reports`) and keep them."""
    drawn = sample_reports(SAMPLE_COUNT, seed=SAMPLE_SEED)
    text = json.dumps([to_dict(report) for report in drawn], ensure_ascii=False, indent=1)
    SAMPLES.write_text(text + "\n", "utf-8")


def document_name(index: int, variant: Variant) -> str:
    """The name of the document of the report at *index* in *variant* (``r03-borderless``)."""
    return f"r{index:02d}-{variant.name}"


NAMES: Final = tuple(
    document_name(index, variant) for index in range(SAMPLE_COUNT) for variant in VARIANTS
)
"""The names of the test documents, in the order :func:`make_documents` makes them."""


@attrs.frozen
class MadeDocument:
    """A report and the files made of it.

    Attributes:
        name: A name for files and test ids: the report's index and the variant
            (``r03-borderless``).
        report: The report in the files (section 一 lengthened for a long-narrative variant).
        variant: How the files were made.
        docx: The Word file.
        pdf: The PDF printed from it by LibreOffice; ``None`` when none was made.
    """

    name: str
    report: Report2021
    variant: Variant
    docx: bytes = attrs.field(repr=lambda b: f"<{len(b)} bytes>")
    pdf: bytes | None = attrs.field(default=None, repr=lambda b: f"<{len(b or b'')} bytes>")


def make_documents(
    reports: Iterable[Report2021],
    variants: Iterable[Variant] = VARIANTS,
    *,
    pdf: bool = True,
) -> list[MadeDocument]:
    """Every report in every variant, as Word files and, with *pdf*, PDFs (one soffice run).

    Raises:
        SofficeError: With *pdf*, when LibreOffice is missing or fails.
    """
    made: list[MadeDocument] = []
    kinds = tuple(variants)
    for index, report in enumerate(reports):
        for variant in kinds:
            held = lengthen(report, variant.narrative_chars) if variant.narrative_chars else report
            made.append(
                MadeDocument(
                    name=document_name(index, variant),
                    report=held,
                    variant=variant,
                    docx=fill_template(held, variant=variant),
                )
            )
    if not pdf:
        return made
    pdfs = to_pdfs([document.docx for document in made])
    return [
        attrs.evolve(document, pdf=content) for document, content in zip(made, pdfs, strict=True)
    ]


# Checks that the tests share ------------------------------------------------------------------


def written_cells(document: bytes) -> dict[CellAddress, str]:
    """The text of every value cell of a made Word file, by address (whitespace stripped)."""
    opened = docx.Document(io.BytesIO(document))
    tables = opened.tables
    found: dict[CellAddress, str] = {}
    for address, slot in template_slots().items():
        tc = tables[slot.table]._tbl.tr_lst[slot.row].tc_lst[slot.cell]
        found[address] = tc.xpath("string(.)").strip()
    return found


if __name__ == "__main__":
    store_samples()
