"""The layout stage for Word files (``.docx``): the document's own paragraphs and tables as rows.

A ``.docx`` is a zip archive whose ``word/document.xml`` holds the body: paragraphs (``w:p``) and
tables (``w:tbl``) in document order. It is read with the zip module of the standard library and
lxml (which reading HTML already needs), in bounded time and memory: at most
:data:`MAX_MEMBERS` members, a ``document.xml`` of at most :data:`MAX_XML_BYTES` read in chunks,
a compression ratio of at most :data:`MAX_RATIO`, and an XML parser that loads no DTD, resolves
no entity, touches no network and keeps libxml2's limits on depth and text size; a document
that declares a DTD (the way to an entity bomb) is refused. python-docx and mammoth were measured
against this walk and are slower (docs/design-notes.md).

What is read, mirroring the HTML reader so that the later stages treat both the same:

- a paragraph is a row of one cell (a line break in it starts another row), except a line
  whose columns are set by tabs (a table typed with tab stops), which is a row of cells split
  as the text reader splits a line;
- a table row (``w:tr``) is a delimited row whose cells sit at their grid columns: ``w:gridSpan``
  widens a cell, ``w:gridBefore`` shifts the row, a vertical merge (``w:vMerge``) is one cell,
  given in the row where it starts and covering the rows below (the legacy ``w:hMerge`` alike);
- a cell's paragraphs and line breaks are joined by spaces, as the HTML reader joins a cell's
  lines, and a cell of nothing but white space (U+3000 included) is blank;
- a table that holds another table, or a cell of long text, lays out the page: it is read as
  text, and the tables inside it as tables;
- a paragraph numbered by a Word list starts with the number Word prints for it
  (:mod:`._numbering`), as a typed one would;
- text is what Word prints with tracked changes accepted: insertions kept, deletions, moved-away
  text and deleted rows dropped; hidden text (``w:vanish``), field codes and the placeholder
  text of empty content controls are not read, while content controls, smart tags, custom XML,
  hyperlinks and simple fields are read into; of an alternate content block only its first
  choice is read.

Headers, footers, footnotes, comments and images are not read. A row's ``line`` is its place in
the document: paragraphs and table rows are counted from 1 in document order. Tables are counted
from 0 in document order, nested ones included, so that ``source table N row R column C`` is
the Word table, its row and its grid column.
"""

from __future__ import annotations

import functools
import importlib
import io
import itertools
import re
import zipfile
import zlib

from collections.abc import Iterator
from typing import Final, NoReturn, Protocol, cast

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.reading._html import _LAYOUT_CHARS, _LAYOUT_LINES, _MAX_COLUMNS, _clean
from disclosure_report.reading._notes import ReadingNote
from disclosure_report.reading._numbering import Numbering
from disclosure_report.reading._source_layout import Cell, Layout, Row
from disclosure_report.reading._text import text_shape


__all__ = ["MAX_MEMBERS", "MAX_RATIO", "MAX_XML_BYTES", "docx_layout"]

MAX_MEMBERS: Final = 10_000
"""A ``.docx`` of more zip members is refused (Word's own have a few dozen)."""
MAX_XML_BYTES: Final = 64 * 1024 * 1024
"""The most of ``word/document.xml`` that is read, uncompressed (a report's is well under 1 MiB)."""
MAX_RATIO: Final = 200
"""The most that ``word/document.xml`` may expand over its compressed size, past 1 MiB (Word's
documents expand 5 to 30 times): a zip bomb is refused before it fills memory."""
_RATIO_FLOOR: Final = 1024 * 1024
_CHUNK: Final = 1024 * 1024
_ELEMENT: Final = re.compile(rb"<[A-Za-z_]")
_DOCTYPE: Final = b"<!DOCTYPE"
_DOCUMENT: Final = "word/document.xml"
_NUMBERING: Final = "word/numbering.xml"
_STYLES: Final = "word/styles.xml"
_CUSTOM: Final = "docProps/custom.xml"

_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_OFF: Final = frozenset({"0", "false", "off"})
_SYMBOL_FONT: Final = range(0xF000, 0xF100)
"""Where symbol fonts (Wingdings, Symbol) put their characters; less U+F000, their code."""
_PRINTABLE: Final = range(0x20, 0x110000)
_SURROGATES: Final = range(0xD800, 0xE000)


class _Tags:
    """The qualified names of the elements read, in one of WordprocessingML's two namespaces
    (transitional, as Word and WPS write; strict, as Word writes on request)."""

    def __init__(self, namespace: str) -> None:  # noqa: PLR0915 (a name a line)
        def w(name: str) -> str:
            return f"{{{namespace}}}{name}"

        self.val = w("val")
        self.char = w("char")
        self.body = w("body")
        self.p = w("p")
        self.tbl = w("tbl")
        self.tr = w("tr")
        self.tc = w("tc")
        self.tr_pr = w("trPr")
        self.tc_pr = w("tcPr")
        self.grid_span = w("gridSpan")
        self.grid_before = w("gridBefore")
        self.v_merge = w("vMerge")
        self.h_merge = w("hMerge")
        self.t = w("t")
        self.tab = w("tab")
        self.ptab = w("ptab")
        self.br = w("br")
        self.cr = w("cr")
        self.sym = w("sym")
        self.no_break_hyphen = w("noBreakHyphen")
        self.r = w("r")
        self.p_pr = w("pPr")
        self.p_style = w("pStyle")
        self.num_pr = w("numPr")
        self.num_id_ref = w("numId")
        self.ilvl_ref = w("ilvl")
        self.ilvl = w("ilvl")
        self.abstract_num = w("abstractNum")
        self.abstract_num_id = w("abstractNumId")
        self.abstract_num_id_ref = w("abstractNumId")
        self.num = w("num")
        self.num_id = w("numId")
        self.lvl = w("lvl")
        self.lvl_override = w("lvlOverride")
        self.start_override = w("startOverride")
        self.num_fmt = w("numFmt")
        self.lvl_text = w("lvlText")
        self.start = w("start")
        self.suff = w("suff")
        self.style = w("style")
        self.style_id = w("styleId")
        self.based_on = w("basedOn")
        self.sdt = w("sdt")
        self.sdt_content = w("sdtContent")
        self.showing_placeholder = w("showingPlcHdr")
        self.vanish = w("vanish")
        self.delete = w("del")
        self.move_from = w("moveFrom")
        self.text_tags = (
            *(self.t, self.tab, self.ptab, self.br, self.cr, self.sym),
            self.no_break_hyphen,
        )
        # Containers walked into at the level of blocks, rows and cells.
        self.containers = frozenset(
            {self.sdt, self.sdt_content, w("customXml"), w("smartTag"), w("ins"), w("moveTo")}
        )
        self.dropped = (
            self.delete,
            self.move_from,
            w("instrText"),
            w("delInstrText"),
            w("delText"),
            f"{{{_MC}}}Fallback",
        )


_TAGS: Final = {_MAIN: _Tags(_MAIN), _STRICT: _Tags(_STRICT)}


def docx_layout(data: bytes, notes: list[ReadingNote]) -> Layout:  # noqa: ARG001
    """The rows of the Word file *data* (a ``.docx``).

    *notes* is where a reading note about the file would go; the layout of a Word file is read
    whole or refused, so none is added today.

    Raises:
        InvalidReportError: When the file is damaged (a cut or corrupt zip archive, XML that does
            not parse), exceeds a bound (:data:`MAX_MEMBERS`, :data:`MAX_XML_BYTES`,
            :data:`MAX_RATIO`), declares a DTD, or has no document body.
    """
    document, numbering, styles, custom = _parts(data)
    root = _parse(document)
    namespace = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
    tags = _TAGS.get(namespace)
    body = None if tags is None else root.find(tags.body)
    if tags is None or body is None:
        _damaged("it has no document body")
    _prepare(root, tags)
    lists = Numbering(
        None if numbering is None else _parse(numbering),
        None if styles is None else _parse(styles),
        tags,
    )
    reader = _Reader(tags, lists or None)
    reader.blocks(body)
    stated = {} if custom is None else _custom_properties(_parse(custom))
    published = stated.pop("published", None)
    return Layout("docx", tuple(reader.rows), published=published, stated=stated)


_CUSTOM_FIELDS: Final = {
    "pubdate": "published",
    "disclosurereportsourceurl": "source_url",
    "disclosurereportlevel": "level",
    "disclosurereportregion": "region",
}
"""The custom document properties (name lowered, ``.``, ``_``, ``-`` and spaces left out) that
state the metadata a Word document does not print, to the metadata field: those that
:func:`~disclosure_report.render` writes."""
_CUSTOM_NAME: Final = re.compile(r"[\s._:-]+")
_MAX_PROPERTY: Final = 2000


def _custom_properties(root: _Element) -> dict[str, str]:
    """The metadata that ``docProps/custom.xml`` (*root*) states, by field; the first of each,
    as written."""
    found: dict[str, str] = {}
    for element in root:
        name = _CUSTOM_NAME.sub("", element.get("name") or "").lower()
        field = _CUSTOM_FIELDS.get(name)
        if field is None or field in found:
            continue
        for value in element:
            found[field] = (value.text or "")[:_MAX_PROPERTY]
            break
    return found


def _parts(data: bytes) -> tuple[bytes, bytes | None, bytes | None, bytes | None]:
    """``word/document.xml``, ``word/numbering.xml``, ``word/styles.xml`` and
    ``docProps/custom.xml`` (the latter three when present) of the zip archive *data*, within
    the bounds."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                _refuse(f"a Word file of at most {MAX_MEMBERS} zip members", f"{len(members)}")
            names = {member.filename for member in members}
            document = _member(archive, _DOCUMENT)
            numbering = _member(archive, _NUMBERING) if _NUMBERING in names else None
            styles = _member(archive, _STYLES) if numbering and _STYLES in names else None
            custom = _member(archive, _CUSTOM) if _CUSTOM in names else None
            return document, numbering, styles, custom
    except InvalidReportError:  # a bound, refused above (a ValueError, like zipfile's own)
        raise
    except KeyError:
        _damaged(f"it has no {_DOCUMENT}")
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        _damaged(f"the zip archive cannot be read ({error})")
    except (NotImplementedError, RuntimeError) as error:  # a compression or encryption
        _damaged(f"the zip archive uses what this reader cannot open ({error})")


def _member(archive: zipfile.ZipFile, name: str) -> bytes:
    """The member *name*, read in chunks up to :data:`MAX_XML_BYTES` and :data:`MAX_RATIO`."""
    info = archive.getinfo(name)
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            size += len(chunk)
            if size > MAX_XML_BYTES:
                _refuse(
                    f"a Word document of at most {MAX_XML_BYTES // _CHUNK} MiB of XML in {name}",
                    "more (a zip bomb?)",
                )
            if size > _RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
                _refuse(
                    f"a Word document whose {name} is compressed at most {MAX_RATIO} to 1",
                    "more (a zip bomb?)",
                )
            chunks.append(chunk)
    return b"".join(chunks)


class _Element(Protocol):
    """What the reader uses of an lxml element (lxml ships no type hints)."""

    tag: str
    text: str | None

    def get(self, key: str) -> str | None: ...
    def find(self, path: str) -> _Element | None: ...
    def iter(self, *tags: str) -> Iterator[_Element]: ...
    def getparent(self) -> _Element | None: ...
    def remove(self, element: _Element) -> None: ...
    def __iter__(self) -> Iterator[_Element]: ...
    def getroottree(self) -> _Tree: ...


class _DocInfo(Protocol):
    doctype: str
    internalDTD: object  # noqa: N815 (lxml's name)


class _Tree(Protocol):
    docinfo: _DocInfo


class _Etree(Protocol):
    """What the reader uses of :mod:`lxml.etree`."""

    XMLSyntaxError: type[Exception]

    def XMLParser(self, **options: object) -> object: ...  # noqa: N802
    def fromstring(self, text: bytes, parser: object) -> _Element: ...
    def strip_elements(self, tree: _Element, *tags: str, with_tail: bool) -> None: ...


@functools.cache
def _etree() -> _Etree:
    """lxml's etree (a dependency, imported when a document is read)."""
    return cast("_Etree", importlib.import_module("lxml.etree"))


def _parse(xml: bytes) -> _Element:
    start = _ELEMENT.search(xml)
    if _DOCTYPE in xml[: start.start() if start else len(xml)]:
        _refuse_dtd()
    etree = _etree()
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        collect_ids=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as error:
        _damaged(f"its XML does not parse ({error})")
    info = root.getroottree().docinfo
    if info.internalDTD is not None or info.doctype:  # in an encoding the search missed
        _refuse_dtd()
    return root


def _refuse_dtd() -> NoReturn:
    _refuse(
        "a Word document without a DTD (Word writes none)",
        "a document type declaration, which could declare entities; not read",
    )


def _prepare(root: _Element, tags: _Tags) -> None:
    """Take out what Word does not print: deleted rows and text (tracked changes), moved-away
    text, field codes, alternate content's fallbacks, hidden runs, and the placeholder text of
    empty content controls."""
    for deleted in list(root.iter(tags.delete)):
        properties = deleted.getparent()
        if properties is not None and properties.tag == tags.tr_pr:
            _remove(properties.getparent())
    for hidden in list(root.iter(tags.vanish)):
        properties = hidden.getparent()
        run = None if properties is None else properties.getparent()
        if run is not None and run.tag == tags.r and hidden.get(tags.val) not in _OFF:
            _drop_text(run, tags)
    for placeholder in list(root.iter(tags.showing_placeholder)):
        properties = placeholder.getparent()
        control = None if properties is None else properties.getparent()
        content = None if control is None else control.find(tags.sdt_content)
        if content is not None and placeholder.get(tags.val) not in _OFF:
            _drop_text(content, tags)
    _etree().strip_elements(root, *tags.dropped, with_tail=False)


def _remove(element: _Element | None) -> None:
    parent = None if element is None else element.getparent()
    if element is not None and parent is not None:
        parent.remove(element)


def _drop_text(element: _Element, tags: _Tags) -> None:
    """Mark the text of *element* to be dropped with the deletions."""
    for text in list(element.iter(*tags.text_tags)):
        text.tag = tags.delete


class _Reader:
    """The rows of a body, built block by block in document order."""

    def __init__(self, tags: _Tags, numbering: Numbering | None) -> None:
        self.tags = tags
        self.numbering = numbering
        self.rows: list[Row] = []
        self.line = 0  # paragraphs and table rows so far
        self.tables = 0  # tables so far, nested ones included

    def blocks(self, parent: _Element) -> None:
        """The paragraphs and tables of *parent* (the body, a cell, a content control …)."""
        tags = self.tags
        for child in parent:
            tag = child.tag
            if tag == tags.p:
                self.paragraph(child)
            elif tag == tags.tbl:
                self.table(child)
            elif tag in tags.containers:
                self.blocks(child)

    def paragraph(self, paragraph: _Element) -> None:
        """A paragraph: a row of one cell, one per line of it; a line whose columns are set by
        tabs (a table typed with tab stops) is a row of cells, as in a text file."""
        self.line += 1
        line = self.line
        text = _text(paragraph, self.tags)
        if self.numbering is not None:
            text = self.numbering.prefix(paragraph) + text
        for part in text.split("\n") if "\n" in text else (text,):
            if "\t" in part:
                shape = text_shape(part)
                if shape is None:
                    continue
                texts, delimited = shape
                if delimited:
                    cells = tuple(Cell(t, line, i) for i, t in enumerate(texts))
                    self.rows.append(Row(cells, line, delimited=True))
                    continue
                part = texts[0]  # noqa: PLW2901
            clean = _clean(part)
            if clean:
                self.rows.append(Row((Cell(clean, line),), line))

    def table(self, table: _Element) -> None:
        """A table: its rows on the grid, or its text when it lays out the page."""
        index = self.tables
        self.tables += 1
        tags = self.tags
        rows = list(_children(table, tags.tr, tags))
        nested = next(itertools.islice(table.iter(tags.tbl), 1, None), None) is not None
        saved = None if self.numbering is None else self.numbering.save()
        grid = None if nested else self._grid(rows)
        if grid is None:  # a page-layout table
            if self.numbering is not None and saved is not None:
                self.numbering.restore(saved)  # its paragraphs are counted again, as text
            for row in rows:
                for cell in _children(row, tags.tc, tags):
                    self.blocks(cell)
            return
        for number, cells in enumerate(grid):
            self.line += 1
            if cells:
                line = self.line
                self.rows.append(
                    Row(
                        tuple(Cell(text, line, column, span=span) for column, span, text in cells),
                        line,
                        delimited=True,
                        table=index,
                        index=number,
                    )
                )

    def _grid(self, rows: list[_Element]) -> list[list[tuple[int, int, str]]] | None:
        """The cells of each row as ``(grid column, columns spanned, text)``, a merged cell
        once, where it starts; ``None`` when a cell holds so much text that the table lays out
        a page."""
        tags = self.tags
        merged: set[int] = set()  # grid columns where a vertical merge is open
        out: list[list[tuple[int, int, str]]] = []
        for row in rows:
            column = 0
            properties = row.find(tags.tr_pr)
            if properties is not None:
                column = _number(properties.find(tags.grid_before), tags)
            cells: list[tuple[int, int, str]] = []
            for cell in _children(row, tags.tc, tags):
                span, vertical, horizontal = 1, None, None
                properties = cell.find(tags.tc_pr)
                if properties is not None:
                    span = max(_number(properties.find(tags.grid_span), tags), 1)
                    vertical = _merge(properties.find(tags.v_merge), tags)
                    horizontal = _merge(properties.find(tags.h_merge), tags)
                columns = range(column, column + span)
                column += span
                if horizontal == "continue":
                    continue
                if vertical == "continue" and columns.start in merged:
                    continue
                if vertical is None:
                    merged.difference_update(columns)
                else:
                    merged.update(columns)
                if columns.start >= _MAX_COLUMNS:
                    continue
                joined = "\n".join(self._cell_text(p) for p in _paragraphs(cell, tags))
                text = _clean(joined)
                if len(text) > _LAYOUT_CHARS or (
                    joined.count("\n") >= _LAYOUT_LINES
                    and sum(1 for part in joined.split("\n") if _clean(part)) > _LAYOUT_LINES
                ):
                    return None
                cells.append((columns.start, len(columns), text))
            out.append(cells)
        return out

    def _cell_text(self, paragraph: _Element) -> str:
        text = _text(paragraph, self.tags)
        return text if self.numbering is None else self.numbering.prefix(paragraph) + text


def _children(parent: _Element, tag: str, tags: _Tags) -> Iterator[_Element]:
    """The children of *parent* with *tag*, also inside content controls and custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in tags.containers:
            yield from _children(child, tag, tags)


def _paragraphs(cell: _Element, tags: _Tags) -> Iterator[_Element]:
    """The paragraphs of a cell (of a table without nested tables), in order."""
    for child in cell:
        if child.tag == tags.p:
            yield child
        elif child.tag in tags.containers:
            yield from _paragraphs(child, tags)


def _text(paragraph: _Element, tags: _Tags) -> str:
    """What a paragraph prints: text, tabs as ``\t``, line breaks as ``\n``, symbols."""
    pieces: list[str] = []
    for element in paragraph.iter(*tags.text_tags):
        tag = element.tag
        if tag == tags.t:
            if element.text:
                pieces.append(element.text)
        elif tag in (tags.br, tags.cr):
            pieces.append("\n")
        elif tag == tags.sym:
            pieces.append(_symbol(element.get(tags.char)))
        elif tag == tags.no_break_hyphen:
            pieces.append("-")
        else:  # a tab: a space in a cell, a column in a paragraph
            pieces.append("\t")
    return "".join(pieces)


def _symbol(code: str | None) -> str:
    """The character of a ``w:sym``: its code, less the symbol fonts' U+F000 offset."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if value in _SYMBOL_FONT:
        value -= _SYMBOL_FONT.start
    return chr(value) if value in _PRINTABLE and value not in _SURROGATES else ""


def _number(element: _Element | None, tags: _Tags) -> int:
    """A ``w:gridSpan`` or ``w:gridBefore``: its value, from 0 to the grid's width."""
    if element is None:
        return 0
    value = element.get(tags.val) or ""
    return min(int(value), _MAX_COLUMNS) if value.isascii() and value.isdigit() else 0


def _merge(element: _Element | None, tags: _Tags) -> str | None:
    """A ``w:vMerge`` or ``w:hMerge``: ``"restart"``, ``"continue"`` (also without a value),
    or ``None`` without one."""
    if element is None:
        return None
    return "restart" if element.get(tags.val) == "restart" else "continue"


def _damaged(why: str) -> NoReturn:
    _refuse("a Word file (.docx) that opens", f"a damaged Word file: {why}")


def _refuse(expected: str, found: str) -> NoReturn:
    raise InvalidReportError([Problem("$", expected, found)])
