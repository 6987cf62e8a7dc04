"""A report as a Word document (``.docx``) in the official layout, written as WordprocessingML.

The document is the national template filled in: the title, the six section headings, the text
sections as paragraphs and tables 二, 三 and 四 with the template's merged cells, from the same
grids as the HTML output (:mod:`._grid`): a cell spanning columns is one ``w:tc`` with a
``w:gridSpan``, a cell spanning rows starts a ``w:vMerge`` that the cells below continue.

Every table states its widths, because WPS ignores Word's autofit: a fixed layout
(``w:tblLayout w:type="fixed"``), a ``w:tblGrid`` of ``w:gridCol`` and a ``w:tcW`` on every cell,
all in twentieths of a point, filling the text width of an A4 page. The widths follow the
template's proportions: table 二's label column a quarter of the width, table 三's label columns
half of it (the group columns narrow, the row labels wide), table 四's fifteen columns equal.

The package is written here, not through python-docx: the parts are few and fixed, and writing
them as text is some thirty times faster (see ``docs/design-notes.md``).
"""

from __future__ import annotations

import io
import re
import zipfile

from typing import Final
from xml.sax.saxutils import escape

from disclosure_report.i18n import resolve_locale, translate
from disclosure_report.model import OtherMatters, Report
from disclosure_report.rendering._content import (
    SECTIONS,
    TABLES,
    Values,
    cell_text,
    colon,
    fee_lines,
    paragraphs,
    section_title,
    title,
    values,
)
from disclosure_report.rendering._grid import Data, Grid, Head, grids_of


__all__ = ["TEXT_WIDTH", "column_widths", "render_docx"]

PAGE_WIDTH: Final = 11906
"""An A4 page's width in twentieths of a point (210 mm)."""
PAGE_HEIGHT: Final = 16838
MARGIN: Final = 1134
"""Left and right margins: 2 cm."""
TEXT_WIDTH: Final = PAGE_WIDTH - 2 * MARGIN
"""The width of every table: the page's text width, 9638 twentieths of a point (17 cm)."""

_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT: Final = f"{_R}/officeDocument"
_STYLES_REL: Final = f"{_R}/styles"
_CORE_REL: Final = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)

_FONTS: Final = {
    "zh_Hans": ("宋体", "黑体", "zh-CN"),
    "zh_Hant": ("新細明體", "微軟正黑體", "zh-TW"),
    "en": ("宋体", "黑体", "en-US"),
}
"""Per catalog: the body font, the heading font (East Asian text) and the language tag."""

_ILLEGAL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot hold (a lone surrogate never reaches here: see TEXT_EXPECTED)."""

_GROUP_SHARE: Final = 0.08
"""In table 三: the width of each column of group labels (``三、本年度办理结果``), of the whole."""


def _text(text: str) -> str:
    return escape(_ILLEGAL.sub("", text))


def column_widths(grid: Grid) -> tuple[int, ...]:
    """The widths of *grid*'s columns, in twentieths of a point, adding up to :data:`TEXT_WIDTH`.

    The label columns (those left of the data columns) take a quarter of the width when there is
    one, half when there are several (each column of group labels 8 %, the row labels the rest);
    the data columns share the remainder equally.
    """
    data = max(len(block.columns) for block in grid.blocks)
    labels = grid.width - data
    if labels == 0:
        label_widths: list[int] = []
    elif labels == 1:
        label_widths = [TEXT_WIDTH // 4]
    else:
        group = round(TEXT_WIDTH * _GROUP_SHARE)
        label_widths = [group] * (labels - 1) + [TEXT_WIDTH // 2 - group * (labels - 1)]
    rest = TEXT_WIDTH - sum(label_widths)
    widths = [*label_widths, *([rest // data] * data)]
    widths[-1] += TEXT_WIDTH - sum(widths)
    return tuple(widths)


def _run(text: str, *, bold: bool = False, size: int | None = None) -> str:
    props = ""
    if bold:
        props += "<w:b/><w:bCs/>"
    if size is not None:
        props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    parts = _text(text).split("\t")
    return "<w:tab/>".join(f'<w:r>{rpr}<w:t xml:space="preserve">{p}</w:t></w:r>' for p in parts)


def _paragraph(text: str, *, style: str | None = None, align: str | None = None) -> str:
    props = ""
    if style is not None:
        props += f'<w:pStyle w:val="{style}"/>'
    if align is not None:
        props += f'<w:jc w:val="{align}"/>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{_run(text) if text else ''}</w:p>"


def _cell(
    text: str,
    width: int,
    *,
    span: int,
    merge: str | None,
    align: str,
    header: bool,
) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if merge is not None:
        props += "<w:vMerge/>" if merge == "continue" else '<w:vMerge w:val="restart"/>'
    props += '<w:vAlign w:val="center"/>'
    style = "TableHeader" if header else "TableText"
    paragraph = (
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:jc w:val="{align}"/></w:pPr>'
        f"{_run(text) if text else ''}</w:p>"
    )
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraph}</w:tc>"


def _table(report: Report, grid: Grid, cells: Values, locale: str) -> str:
    widths = column_widths(grid)
    parts = [
        "<w:tbl><w:tblPr>",
        '<w:tblStyle w:val="OfficialTable"/>',
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>',
        '<w:jc w:val="center"/>',
        '<w:tblLayout w:type="fixed"/>',
        '<w:tblLook w:val="0000" w:noHBand="1" w:noVBand="1"/>',
        "</w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{width}"/>' for width in widths),
        "</w:tblGrid>",
    ]
    # grid column -> (rows still covered below the current one, its span) of a vertical merge
    covered: dict[int, tuple[int, int]] = {}
    for section in grid.sections:
        for row in section.rows:
            header = "<w:tblHeader/>" if section.head else ""
            parts.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>")
            starting = iter(row)
            column = 0
            while column < grid.width:
                if column in covered:
                    left, span = covered[column]
                    width = sum(widths[column : column + span])
                    parts.append(
                        _cell("", width, span=span, merge="continue", align="center", header=True)
                    )
                    if left > 1:
                        covered[column] = (left - 1, span)
                    else:
                        del covered[column]
                    column += span
                    continue
                cell = next(starting)
                span = cell.colspan
                width = sum(widths[column : column + span])
                if isinstance(cell, Head):
                    merge = None
                    if cell.rowspan > 1:
                        merge = "restart"
                        covered[column] = (cell.rowspan - 1, span)
                    align = "left" if cell.scope in {"row", "rowgroup"} else "center"
                    if cell.colspan == grid.width:
                        align = "center"
                    parts.append(
                        _cell(
                            translate(cell.label, locale),
                            width,
                            span=span,
                            merge=merge,
                            align=align,
                            header=True,
                        )
                    )
                else:
                    assert isinstance(cell, Data)  # noqa: S101 (a grid row holds Head or Data)
                    address = cell.spec.address
                    text = cell_text(report, address, cells[address], locale)
                    parts.append(
                        _cell(text, width, span=span, merge=None, align="center", header=False)
                    )
                column += span
            parts.append("</w:tr>")
    parts.append("</w:tbl>")
    # Word needs a paragraph between two tables, and after the last one in a cell or section.
    parts.append("<w:p/>")
    return "".join(parts)


def _document(report: Report, locale: str) -> str:
    grids = {grid.table: grid for grid in grids_of(type(report))}
    cells = values(report)
    body = [_paragraph(title(report, locale), style="Title", align="center")]
    for name in SECTIONS:
        body.append(_paragraph(section_title(name, locale), style="Heading1"))
        part = getattr(report, name)
        if name in TABLES:
            body.append(_table(report, grids[TABLES[name]], cells, locale))
            continue
        text = part.text if isinstance(part, OtherMatters) else part
        lines = [_paragraph(line) for line in paragraphs(text)]
        if isinstance(part, OtherMatters):
            sep = colon(locale)
            lines += [
                _paragraph(f"{label}{sep}{value}") for label, value in fee_lines(part, locale)
            ]
        body.extend(lines or [_paragraph("")])  # an empty section: a paragraph to write in
    body.append(
        f'<w:sectPr><w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>'
        f'<w:pgMar w:top="1440" w:right="{MARGIN}" w:bottom="1440" w:left="{MARGIN}" '
        'w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>{"".join(body)}</w:body></w:document>'
    )


def _styles(locale: str) -> str:
    body, heading, lang = _FONTS[resolve_locale(locale)]
    latin = "Times New Roman"

    def fonts(east: str) -> str:
        return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east}" w:cs="{latin}"/>'

    def style(style_id: str, name: str, ppr: str, rpr: str, *, kind: str = "paragraph") -> str:
        return (
            f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            '<w:basedOn w:val="Normal"/><w:qFormat/>'
            f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
        )

    border = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(
        border.format(side=side)
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:styles xmlns:w="{_W}">'
        f"<w:docDefaults><w:rPrDefault><w:rPr>{fonts(body)}"
        f'<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="{lang}" w:eastAsia="{lang}"/>'
        "</w:rPr></w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        '<w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="480"/></w:pPr></w:style>'
        + style(
            "Title",
            "Title",
            '<w:ind w:firstLineChars="0" w:firstLine="0"/><w:spacing w:before="240" '
            'w:after="240"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/>',
            f'{fonts(heading)}<w:b/><w:bCs/><w:sz w:val="36"/><w:szCs w:val="36"/>',
        )
        + style(
            "Heading1",
            "heading 1",
            '<w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="480"/>'
            '<w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/>',
            f'{fonts(heading)}<w:sz w:val="28"/><w:szCs w:val="28"/>',
        )
        + style(
            "TableText",
            "Table Text",
            '<w:ind w:firstLineChars="0" w:firstLine="0"/><w:spacing w:line="240" '
            'w:lineRule="auto"/>',
            '<w:sz w:val="20"/><w:szCs w:val="20"/>',
        )
        + style(
            "TableHeader",
            "Table Header",
            '<w:ind w:firstLineChars="0" w:firstLine="0"/><w:spacing w:line="240" '
            'w:lineRule="auto"/>',
            '<w:sz w:val="18"/><w:szCs w:val="18"/>',
        )
        + '<w:style w:type="table" w:styleId="OfficialTable"><w:name w:val="Official Table"/>'
        f"<w:tblPr><w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        "</w:styles>"
    )


def _core(report: Report, locale: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_text(title(report, locale))}</dc:title>"
        f"<dc:language>{_FONTS[resolve_locale(locale)][2]}</dc:language>"
        "<dc:creator>disclosure-report</dc:creator>"
        "</cp:coreProperties>"
    )


_CUSTOM_NAMES: Final = {
    "published": "PubDate",
    "source_url": "disclosure-report.source_url",
    "level": "disclosure-report.level",
    "region": "disclosure-report.region",
}
"""The custom document properties that state the metadata a Word document does not print
(File, Properties, Custom in Word and WPS): the publication date under the name Chinese
government sites use, the rest under names of the library's own."""
_CUSTOM_FMTID: Final = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_CUSTOM_REL: Final = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)


def _custom(report: Report) -> str | None:
    """``docProps/custom.xml``: the metadata of :data:`_CUSTOM_NAMES` that *report* has, or
    ``None`` when it has none."""
    metadata = report.metadata
    properties: list[str] = []
    for field, name in _CUSTOM_NAMES.items():
        value = getattr(metadata, field)
        if value is None:
            continue
        text = value.isoformat() if field == "published" else getattr(value, "value", value)
        properties.append(
            f'<property fmtid="{_CUSTOM_FMTID}" pid="{len(properties) + 2}" name="{name}">'
            f"<vt:lpwstr>{_text(text)}</vt:lpwstr></property>"
        )
    if not properties:
        return None
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes">{"".join(properties)}</Properties>'
    )


_CONTENT_TYPES: Final = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/'
    'vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)
_CUSTOM_TYPE: Final = (
    '<Override PartName="/docProps/custom.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.custom-properties+xml"/>'
)
_RELS: Final = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{_PACKAGE_RELS}">'
    f'<Relationship Id="rId1" Type="{_OFFICE_DOCUMENT}" Target="word/document.xml"/>'
    f'<Relationship Id="rId2" Type="{_CORE_REL}" Target="docProps/core.xml"/>'
    "</Relationships>"
)
_DOCUMENT_RELS: Final = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{_PACKAGE_RELS}">'
    f'<Relationship Id="rId1" Type="{_STYLES_REL}" Target="styles.xml"/>'
    "</Relationships>"
)


def render_docx(report: Report, locale: str) -> bytes:
    """*report* as a Word document in *locale*: the bytes of a ``.docx`` file."""
    custom = _custom(report)
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _RELS,
        "docProps/core.xml": _core(report, locale),
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/styles.xml": _styles(locale),
        "word/document.xml": _document(report, locale),
    }
    if custom is not None:
        parts["[Content_Types].xml"] = _CONTENT_TYPES.replace("</Types>", _CUSTOM_TYPE + "</Types>")
        parts["_rels/.rels"] = _RELS.replace(
            "</Relationships>",
            f'<Relationship Id="rId3" Type="{_CUSTOM_REL}" Target="docProps/custom.xml"/>'
            "</Relationships>",
        )
        parts["docProps/custom.xml"] = custom
    return zip_parts(parts)


def zip_parts(parts: dict[str, str]) -> bytes:
    """The parts of a package as a zip archive: deflated, dated 1980-01-01, so that the same
    report gives the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, text.encode())
    return buffer.getvalue()
