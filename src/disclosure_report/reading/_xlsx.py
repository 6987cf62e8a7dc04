"""An Excel workbook (``.xlsx``) as rows: the sheets in order, each cell with its sheet, row and
column.

The workbook is read straight from its XML with lxml (a dependency already), not through a
spreadsheet library: the number a cell holds is read as the digits the file stores, so money
stays exact (``24252.311082``, never a float's ``24252.311081999998``), and a formula is seen as
one. Rows become the reader's layout as HTML tables do, so the tables are then found by their
labels like those of any published report:

* a run of rows between empty rows in which some row has two cells or more is a table: its rows
  are ``delimited`` rows of table *sheet index*, ``index`` the sheet row (0-based), each cell at
  its column (0-based), a merged cell once, where it starts, the columns up to the run's last one
  present even when empty;
* any other non-empty cell is text: one row per line of it (a heading, a narrative), kept as
  written;
* a sheet with a print area is read inside it only (the workbook ``render(..., to="xlsx")``
  writes prints its official tables, with the balance checks beside them outside the area).

What a cell holds:

* a number: its stored digits (a fraction stored with more than 15 significant digits, a
  double's artefact, as the 15 that Excel shows); the number format adds the decimal places it shows
  (``0.000000`` gives ``0.000000`` for 0) and a unit it prints (``0.00"元"``);
* text: as typed (Excel's ``_x0001_`` escapes undone); text that reads as a number
  (``12件``, full-width digits, ``'12``) is read as that number, with a ``number_as_text`` note;
* a formula: the value the file stores as last computed; without one the cell is blank, with a
  ``formula_not_computed`` note, never a 0.

The date of publication is read from the cell right of its label on the first sheet.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from collections.abc import Iterator
from decimal import Context, Decimal, InvalidOperation
from typing import Any, Final, TypeAlias

import attrs

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.reading._notes import Location, NoteCode, ReadingNote, is_full
from disclosure_report.reading._source_layout import Cell, Layout, Row
from disclosure_report.reading._values import classify


_Element: TypeAlias = Any
"""An element of lxml's tree (lxml has no type stubs here, as in :mod:`._html`)."""


__all__ = ["MAX_XML_BYTES", "xlsx_layout"]

MAX_XML_BYTES: Final = 256 * 1024 * 1024
"""The most bytes the XML parts of a workbook may hold unpacked (a zip bomb is refused)."""

_MAIN: Final = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_REL: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_ESCAPE: Final = re.compile(r"_x([0-9A-Fa-f]{4})_")
_REF: Final = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)")
_QUOTED: Final = re.compile(r'"([^"]*)"')
_BUILTIN_PLACES: Final = {2: 2, 4: 2, 10: 2, 11: 2, 39: 2, 40: 2}
"""Built-in number formats that show decimal places (``0.00``, ``#,##0.00`` …)."""
_DATE_FORMATS: Final = frozenset({14, 15, 16, 17, 22, 27, 30, 36, 50, 57})
_UNITS: Final = ("万元", "萬元", "元")
_EXCEL_DIGITS: Final = 15
"""The significant digits of a number that Excel keeps and shows."""
_FIFTEEN: Final = Context(prec=_EXCEL_DIGITS)


@attrs.frozen
class _Format:
    """What a cell's number format adds to its number: decimal places, a unit, a date."""

    places: int = 0
    unit: str | None = None
    date: bool = False


_GENERAL: Final = _Format()


@attrs.frozen
class _Value:
    """A cell as read: its text, and whether it was typed as text or is a formula."""

    text: str
    typed_text: bool = False
    formula: str | None = None


def _refuse(what: str) -> InvalidReportError:
    return InvalidReportError([Problem("$", "an Excel workbook (.xlsx) that can be opened", what)])


def _unescape(text: str) -> str:
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _split_ref(ref: str) -> tuple[int, int]:
    """``(row, column)``, 0-based, of a reference such as ``C5``."""
    match = _REF.fullmatch(ref)
    if match is None:
        raise _refuse(f"a cell reference that is not one: {ref!r}")
    return int(match.group(2)) - 1, _column_index(match.group(1))


class _Package:
    """The parts of the workbook, parsed on demand."""

    def __init__(self, data: bytes) -> None:
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            infos = self.archive.infolist()
        except (zipfile.BadZipFile, ValueError, EOFError, OSError):
            raise _refuse("a damaged zip archive") from None
        self.names = {info.filename for info in infos}
        if sum(info.file_size for info in infos if info.filename.endswith(".xml")) > MAX_XML_BYTES:
            raise _refuse(f"more than {MAX_XML_BYTES // (1024 * 1024)} MiB of XML unpacked")

    def xml(self, name: str) -> _Element | None:
        if name not in self.names:
            return None
        import importlib

        etree = importlib.import_module("lxml.etree")
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        try:
            return etree.fromstring(self.archive.read(name), parser)
        except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise _refuse(f"a part that is not readable XML: {name}") from None


@attrs.frozen
class _Sheet:
    name: str
    path: str
    area: tuple[int, int, int, int] | None
    """The print area, ``(first row, first column, last row, last column)``, 0-based."""


def _sheets(package: _Package) -> tuple[list[_Sheet], bool]:
    """The sheets in order, and whether dates count from 1904."""
    workbook = package.xml("xl/workbook.xml")
    if workbook is None:
        raise _refuse("a zip archive without xl/workbook.xml")
    rels = package.xml("xl/_rels/workbook.xml.rels")
    targets: dict[str, str] = {}
    if rels is not None:
        for rel in rels.iter(f"{_PACKAGE_REL}Relationship"):
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            targets[rel.get("Id", "")] = target
    areas: dict[int, tuple[int, int, int, int]] = {}
    for name in workbook.iter(f"{_MAIN}definedName"):
        local = name.get("localSheetId")
        if name.get("name") == "_xlnm.Print_Area" and local is not None and local.isdigit():
            area = _area(name.text or "")
            if area is not None:
                areas[int(local)] = area
    sheets = [
        _Sheet(sheet.get("name", ""), targets.get(sheet.get(_REL, ""), ""), areas.get(index))
        for index, sheet in enumerate(workbook.iter(f"{_MAIN}sheet"))
    ]
    properties = workbook.find(f"{_MAIN}workbookPr")
    date1904 = properties is not None and properties.get("date1904") in {"1", "true"}
    return sheets, date1904


def _area(text: str) -> tuple[int, int, int, int] | None:
    """The first range of a print area (``'Sheet'!$A$1:$J$31``), 0-based."""
    refs = _REF.findall(text.split(",", 1)[0].rpartition("!")[2])
    if len(refs) != 2:  # noqa: PLR2004 (a range has two corners)
        return None
    (c0, r0), (c1, r1) = refs
    return int(r0) - 1, _column_index(c0), int(r1) - 1, _column_index(c1)


def _shared_strings(package: _Package) -> list[str]:
    root = package.xml("xl/sharedStrings.xml")
    if root is None:
        return []
    return [
        _unescape("".join(t.text or "" for t in item.iter(f"{_MAIN}t") if _not_phonetic(t)))
        for item in root.iter(f"{_MAIN}si")
    ]


def _not_phonetic(element: _Element) -> bool:
    parent = element.getparent()
    return parent is None or parent.tag != f"{_MAIN}rPh"


def _formats(package: _Package) -> list[_Format]:
    """The number format of each cell style (``s``), as what it adds to a number."""
    root = package.xml("xl/styles.xml")
    if root is None:
        return []
    codes = {
        int(fmt.get("numFmtId", "0")): fmt.get("formatCode", "")
        for fmt in root.iter(f"{_MAIN}numFmt")
        if fmt.get("numFmtId", "").isdigit()
    }
    formats: list[_Format] = []
    cell_xfs = root.find(f"{_MAIN}cellXfs")
    for xf in () if cell_xfs is None else cell_xfs.iter(f"{_MAIN}xf"):
        number = xf.get("numFmtId", "0")
        formats.append(_format(int(number) if number.isdigit() else 0, codes))
    return formats


def _format(number: int, codes: dict[int, str]) -> _Format:
    code = codes.get(number)
    if code is None:
        return _Format(places=_BUILTIN_PLACES.get(number, 0), date=number in _DATE_FORMATS)
    section = code.split(";")[0]
    literal = "".join(_QUOTED.findall(section))
    bare = _QUOTED.sub("", section)
    unit = next((u for u in _UNITS if u in literal or u in bare), None)
    digits = re.search(r"[0#?]\.([0#?]+)", bare)
    date = bool(re.search(r"(?<![\\\[])[ymdhs]", bare.lower())) and unit is None
    return _Format(places=len(digits.group(1)) if digits else 0, unit=unit, date=date)


def _number(text: str, form: _Format) -> str | None:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    if len(value.as_tuple().digits) > _EXCEL_DIGITS and not text.isdigit():
        # A double written with 16 or 17 digits (openpyxl writes 9.506593 as
        # 9.506593000000001, Excel a sum as 0.30000000000000004): the 15 that Excel shows.
        value = _FIFTEEN.plus(value).normalize()
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if form.places > places:
        value = value.quantize(Decimal(1).scaleb(-form.places))
    printed = format(value, "f")
    return printed + form.unit if form.unit else printed


def _value(element: _Element, strings: list[str], formats: list[_Format]) -> _Value:
    kind = element.get("t", "n")
    formula_element = element.find(f"{_MAIN}f")
    formula = None if formula_element is None else (formula_element.text or "")
    stored = element.find(f"{_MAIN}v")
    raw = None if stored is None else stored.text
    if kind == "inlineStr":
        text = "".join(t.text or "" for t in element.iter(f"{_MAIN}t") if _not_phonetic(t))
        return _Value(_unescape(text), typed_text=True, formula=formula)
    if raw is None:
        return _Value("", formula=formula)
    if kind == "s":
        index = int(raw) if raw.isdigit() else -1
        text = strings[index] if 0 <= index < len(strings) else ""
        return _Value(text, typed_text=formula is None, formula=formula)
    if kind in {"str", "e", "d"}:
        return _Value(_unescape(raw), formula=formula)
    if kind == "b":
        return _Value("TRUE" if raw == "1" else "FALSE", formula=formula)
    style = element.get("s", "0")
    form = formats[int(style)] if style.isdigit() and int(style) < len(formats) else _GENERAL
    return _Value(_number(raw.strip(), form) or raw, formula=formula)


@attrs.frozen
class _Read:
    """A sheet's cells (row -> column -> value), and the cells its merged ranges cover."""

    cells: dict[int, dict[int, _Value]]
    covered: frozenset[tuple[int, int]]


def _read_sheet(root: _Element, strings: list[str], formats: list[_Format], sheet: _Sheet) -> _Read:
    area = sheet.area
    cells: dict[int, dict[int, _Value]] = {}
    for element in root.iter(f"{_MAIN}c"):
        row, column = _split_ref(element.get("r", ""))
        if area is not None and not (area[0] <= row <= area[2] and area[1] <= column <= area[3]):
            continue
        cells.setdefault(row, {})[column] = _value(element, strings, formats)
    covered: set[tuple[int, int]] = set()
    for merge in root.iter(f"{_MAIN}mergeCell"):
        corners = merge.get("ref", "").split(":")
        if len(corners) != 2:  # noqa: PLR2004 (a range has two corners)
            continue
        (r0, c0), (r1, c1) = _split_ref(corners[0]), _split_ref(corners[1])
        covered.update(
            (r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0)
        )
    return _Read(cells, frozenset(covered))


def _runs(read: _Read) -> Iterator[list[int]]:
    """The sheet's non-empty rows in runs between empty rows."""
    run: list[int] = []
    for row in sorted(read.cells):
        if not any(v.text or v.formula is not None for v in read.cells[row].values()):
            continue
        if run and row != run[-1] + 1:
            yield run
            run = []
        run.append(row)
    if run:
        yield run


def _filled(read: _Read, row: int) -> list[int]:
    return [
        c
        for c, v in sorted(read.cells[row].items())
        if (v.text or v.formula is not None) and (row, c) not in read.covered
    ]


class _Builder:
    def __init__(self, notes: list[ReadingNote]) -> None:
        self.rows: list[Row] = []
        self.line = 0
        self.notes = notes

    def text(self, value: _Value) -> None:
        for part in value.text.split("\n"):
            self.line += 1
            self.rows.append(Row((Cell(part, self.line),), self.line))

    def table(self, read: _Read, run: list[int], sheet: int) -> None:
        width = max(max(_filled(read, row), default=0) for row in run) + 1
        for row in run:
            self.line += 1
            values = read.cells[row]
            cells: list[Cell] = []
            for column in range(width):
                if (row, column) in read.covered:
                    continue
                value = values.get(column)
                text = "" if value is None else self._cell_text(value, sheet, row, column)
                cells.append(Cell(text, self.line, column))
            self.rows.append(Row(tuple(cells), self.line, delimited=True, table=sheet, index=row))

    def _cell_text(self, value: _Value, sheet: int, row: int, column: int) -> str:
        text = " ".join(value.text.split())
        where = Location(line=self.line, table=sheet, row=row, column=column)
        if value.formula is not None and not value.text:
            self._note(
                NoteCode.FORMULA_NOT_COMPUTED,
                where,
                "a formula without a computed value stored in the file (save it in Excel or "
                "WPS to compute it); the cell is left blank",
                f"={value.formula}",
            )
        elif value.typed_text and text and classify(text).kind == "number":
            self._note(
                NoteCode.NUMBER_AS_TEXT,
                where,
                "a number typed as text; read as the number it shows",
                value.text,
            )
        return text

    def _note(self, code: NoteCode, where: Location, why: str, text: str) -> None:
        if is_full(self.notes):
            self.notes.skip()
        else:
            self.notes.append(ReadingNote(code, where, why, text))


def _metadata(read: _Read | None, labels: dict[str, str], date1904: bool) -> dict[str, str]:
    """The metadata stated in *read* (the first sheet): for each row whose cell is one of the
    *labels* (a field's label in any catalog language, to the field's name), the text right of
    it; a date serial as a date."""
    found: dict[str, str] = {}
    if read is None:
        return found
    for row in sorted(read.cells):
        values = read.cells[row]
        columns = sorted(values)
        for index, column in enumerate(columns):
            name = labels.get(" ".join(values[column].text.split()))
            if name is None or name in found:
                continue
            for later in columns[index + 1 :]:
                text = values[later].text
                if text.strip():
                    found[name] = _as_date(text.strip(), date1904) if name == "published" else text
                    break
            break
    return found


def _as_date(text: str, date1904: bool) -> str:
    """*text*, or the date it is when it is a date serial number (``45306`` → ``2024-01-15``)."""
    if not text.isdigit():
        return text
    epoch = dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)
    try:
        return (epoch + dt.timedelta(days=int(text))).isoformat()
    except OverflowError:
        return text


def _metadata_labels() -> dict[str, str]:
    """The label of each metadata field but the agency and year (which the title prints), in
    every catalog language, to the field's name."""
    from disclosure_report.i18n import SUPPORTED_LOCALES, translate
    from disclosure_report.model import Metadata, label_of

    return {
        translate(label_of(field), locale): field.name
        for field in attrs.fields(Metadata)
        if field.name not in {"agency", "year"}
        for locale in SUPPORTED_LOCALES
    }


def xlsx_layout(data: bytes, notes: list[ReadingNote]) -> Layout:
    """The rows of the workbook *data*, sheet after sheet (see the module's docstring).

    Raises:
        InvalidReportError: When *data* is no workbook that can be opened: a damaged archive,
            no ``xl/workbook.xml``, a part that is not XML, or too much XML unpacked.
    """
    package = _Package(data)
    sheets, date1904 = _sheets(package)
    strings = _shared_strings(package)
    formats = _formats(package)
    builder = _Builder(notes)
    first: _Read | None = None
    for index, sheet in enumerate(sheets):
        root = package.xml(sheet.path)
        if root is None:
            continue
        read = _read_sheet(root, strings, formats, sheet)
        if first is None:
            first = read
        for run in _runs(read):
            if any(len(_filled(read, row)) > 1 for row in run):
                builder.table(read, run, index)
                continue
            for row in run:
                for column in _filled(read, row):
                    builder.text(read.cells[row][column])
    stated = _metadata(first, _metadata_labels(), date1904)
    published = stated.pop("published", None)
    return Layout("xlsx", tuple(builder.rows), published=published, stated=stated)
