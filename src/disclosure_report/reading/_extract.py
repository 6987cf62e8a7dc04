"""The reader's pipeline up to the model: source → layout → sections → tables.

:func:`extract` returns an :class:`Extraction`: the format version, agency and year, the narrative
text of each section, the three tables as read, and the reading notes. Mapping it onto the typed
model is the last step (:mod:`._build`).
"""

from __future__ import annotations

import itertools

from collections.abc import Callable, Mapping, Sequence

import attrs

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.i18n import translate
from disclosure_report.model import UNIT_LABELS, FormatVersion, Unit
from disclosure_report.reading._compact import counted, firsts, samples
from disclosure_report.reading._documents import sniff
from disclosure_report.reading._html import CUT, html_rows
from disclosure_report.reading._normalize import TRANSLATED_LOCALES, heading_key, split_label
from disclosure_report.reading._notes import Location, NoteCode, NoteList, ReadingNote
from disclosure_report.reading._place import Context
from disclosure_report.reading._rows import ExtraRow
from disclosure_report.reading._sections import (
    Sections,
    find_metadata,
    find_sections,
    row_text,
)
from disclosure_report.reading._source import (
    MAX_BYTES,
    MAX_DOCUMENT_BYTES,
    Source,
    decode,
    detect_kind,
    load,
    refuse_file_name,
)
from disclosure_report.reading._source_layout import Kind, Layout, Row
from disclosure_report.reading._tables import (
    TableRead,
    read_row_table,
    read_table4,
)
from disclosure_report.reading._text import text_rows
from disclosure_report.reading._vocabulary import Vocabulary, is_table3_caption, vocabulary


__all__ = ["Extraction", "extract", "layout"]

MAX_CHARS = 20_000_000
"""Input beyond this many characters is ignored (with a note)."""
MAX_NOTES = 1000
"""At most this many reading notes are kept (a note says how many more there were)."""
_MAX_LABEL = 80  # longer cells are narrative
_UNITS = sorted(
    {
        **{u.value: u.value for u in Unit},
        **{
            heading_key(translate(label, locale)): u.value
            for u, label in UNIT_LABELS.items()
            for locale in TRANSLATED_LOCALES
        },
    }.items(),
    key=lambda name: len(name[0]),
    reverse=True,
)
"""Unit names as a header prints them, folded, each with its unit: ``万元`` before ``元``, and
the English catalog's (``10,000yuan`` before ``yuan``)."""


@attrs.frozen
class Extraction:
    """A report as read, before it becomes a model object.

    Attributes:
        kind: ``"html"`` or ``"text"``.
        encoding: How bytes were decoded; ``None`` for text given as ``str``.
        version: The id of the format version, from the tables (see :func:`_version`).
        agency: The agency, from the title or opening text, if found.
        year: The report year, from the title or opening text, if found.
        opening: The text before section 一 (title, preamble).
        narrative: The text of sections 一, 五 and 六, keyed 1, 5, 6 (``""`` when absent).
        tables: Tables 2, 3 and 4 as read.
        notes: The reading notes, in document order where possible.
        published: The publication date as the page states it in a ``<meta>``, unparsed.
        stated: The rest of the metadata that the page's head states (:attr:`Layout.stated`).
    """

    kind: Kind
    encoding: str | None
    version: str
    agency: str | None
    year: int | None
    opening: str
    narrative: dict[int, str]
    tables: tuple[TableRead, TableRead, TableRead]
    notes: tuple[ReadingNote, ...]
    published: str | None = None
    stated: Mapping[str, str] = attrs.field(factory=dict)

    @property
    def extra_rows(self) -> tuple[ExtraRow, ...]:
        """Rows of tables 2 and 3 printed with values that the format does not have."""
        return tuple(row for table in self.tables for row in table.extra_rows)


def layout(source: Source, *, kind: Kind | None = None) -> Layout:
    """Decode *source* and turn it into rows (the layout stage alone).

    Raises:
        InvalidReportError: When *source* is a ``str`` or ``bytes`` that is evidently a file
            name (one line ending in a file suffix, or naming an existing file): pass a
            :class:`pathlib.Path` to read a file.
    """
    found, rows = _layout(source, kind, [])
    if len(rows) <= 1 and not any(row.delimited for row in rows):
        refuse_file_name(source)
    return found if found.rows is rows else attrs.evolve(found, rows=tuple(rows))


def extract(source: Source, *, kind: Kind | None = None) -> Extraction:
    """Read *source* (text, HTML, bytes or a path) up to its tables and notes.

    Raises:
        InvalidReportError: When *source* is a ``str`` or ``bytes`` that is evidently a file
            name and no table was found in it (see :func:`~disclosure_report.reading.read`).
    """
    notes = NoteList(MAX_NOTES)
    page, rows = _layout(source, kind, notes)
    words = vocabulary()
    sections = find_sections(rows)
    t2_rows, t3_rows, t4_rows = _regions(rows, sections, words)
    metadata = find_metadata(rows, page.title, _first(sections.starts) or 0)
    version = _version(t2_rows, t3_rows, metadata.year, notes, words)
    labels = words.labels[version]
    units = _units(t2_rows, words)
    table2 = read_row_table(
        t2_rows,
        labels.table2,
        words.matchers[2, version],
        Context(2, notes, units=units),
    )
    table3 = read_row_table(
        t3_rows, labels.table3, words.matchers[3, version], Context(3, notes), version
    )
    table4 = read_table4(t4_rows, labels.table4, words.table4_matcher, notes, version)
    if not (table2.found or table3.found or table4.found):
        refuse_file_name(source)
    for table in (table2, table3, table4):
        if table.found and sections.starts[table.number - 1] is None:
            notes.append(
                ReadingNote(
                    NoteCode.SECTION_MISSING,
                    Location(section=table.number),
                    f"no heading of section {table.number}; the table was found by its labels",
                )
            )
        if not table.found:
            notes.append(
                ReadingNote(
                    NoteCode.TABLE_MISSING,
                    Location(section=table.number),
                    "table not found; its cells are left blank",
                )
            )
    found = [table for table in (table2, table3, table4) if table.found]
    if found and not any(
        cell.value.kind != "blank" for table in found for _, cells in table.rows for cell in cells
    ):
        notes.append(
            ReadingNote(
                NoteCode.NO_VALUES,
                Location(),
                f"no values were found: every cell of {_tables_named(found)} is blank "
                "(an unfilled template?)",
            )
        )
    if metadata.agency is None or metadata.year is None:
        missing = " and ".join(
            n for n, v in (("agency", metadata.agency), ("year", metadata.year)) if v is None
        )
        notes.append(
            ReadingNote(
                NoteCode.METADATA_MISSING,
                Location(),
                f"no {missing} found in the title or opening text",
            )
        )
    return Extraction(
        kind=page.kind,
        encoding=page.encoding,
        version=version,
        agency=metadata.agency,
        year=metadata.year,
        opening=_text(rows[: _first(sections.starts) or 0]),
        narrative={n: _narrative(rows, sections, n) for n in (1, 5, 6)},
        tables=(table2, table3, table4),
        notes=_capped(notes),
        published=page.published,
        stated=page.stated,
    )


def _tables_named(tables: Sequence[TableRead]) -> str:
    """``table 2``, ``tables 2 and 4``, ``tables 2, 3 and 4``."""
    numbers = [str(table.number) for table in tables]
    if len(numbers) == 1:
        return f"table {numbers[0]}"
    return f"tables {', '.join(numbers[:-1])} and {numbers[-1]}"


def _layout(
    source: Source, kind: Kind | None, notes: list[ReadingNote]
) -> tuple[Layout, Sequence[Row]]:
    """The layout of *source* and its rows: of text and HTML, the layout's ``rows`` are left
    empty and the rows of a long page are held compactly (:func:`~._compact.settled`), which
    only the public :func:`layout` turns into a tuple."""
    data, suffix = load(source)
    if isinstance(data, bytes) and kind not in {"text", "html"}:
        document = _document_layout(data, kind, notes)
        if document is not None:
            return document, document.rows
    cut = isinstance(data, bytes) and len(data) > MAX_BYTES
    if cut:
        notes.append(
            ReadingNote(
                NoteCode.LIMIT,
                Location(),
                f"input longer than {MAX_BYTES} bytes; the rest is ignored",
            )
        )
        data = data[:MAX_BYTES]
    decoded = decode(data, cut=cut)
    if decoded.why is not None:
        notes.append(ReadingNote(NoteCode.DECODING, Location(), decoded.why))
    if decoded.replaced:
        # Bytes valid in no codec tried are read as UTF-8; a byte-order mark or NUL bytes
        # chose the one codec tried.
        if decoded.encoding is None:  # text, not bytes: a lone surrogate is no character
            why = "lone surrogates in the text; replaced by U+FFFD"
        else:
            tried = "UTF-8 or GB18030" if decoded.encoding == "utf-8" else decoded.encoding
            why = f"bytes not valid {tried}; replaced by U+FFFD"
        notes.append(ReadingNote(NoteCode.DECODING, Location(), why))
    text = decoded.text
    # Valid UTF-8 bytes go to the HTML parser as they are: no need to encode them again.
    utf8 = data if decoded.encoding == "utf-8" and isinstance(data, bytes) else None
    if len(text) > MAX_CHARS:
        notes.append(
            ReadingNote(
                NoteCode.LIMIT,
                Location(),
                f"input longer than {MAX_CHARS} characters; the rest is ignored",
            )
        )
        text = text[:MAX_CHARS]
        utf8 = None
    found = kind or detect_kind(text, suffix)
    if found == "html":
        page = html_rows(utf8 or text)
        if page.cut:
            notes.append(
                ReadingNote(
                    NoteCode.LIMIT,
                    Location(),
                    f"the HTML parser stopped at {CUT}; the rest is ignored",
                )
            )
        html = Layout("html", (), page.title, decoded.encoding, page.published, page.stated)
        return html, page.rows
    return Layout("text", (), None, decoded.encoding), text_rows(text)


def _document_layout(data: bytes, kind: Kind | None, notes: list[ReadingNote]) -> Layout | None:
    """The layout of *data* when it is a document (PDF, Word), ``None`` when it is text.

    The type is told by the content (:func:`~._documents.sniff`), whatever a file's suffix
    says; *kind* ``"pdf"`` or ``"docx"`` insists on one. A document is read whole or not at
    all: one larger than :data:`MAX_DOCUMENT_BYTES` is an error, not a cut.
    """
    found = sniff(data) if kind is None else kind
    if found is None:
        return None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InvalidReportError(
            [
                Problem(
                    "$",
                    f"a document of at most {MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB",
                    "a larger one (a document cannot be read in part)",
                )
            ]
        )
    if found == "pdf":
        from disclosure_report.reading._pdf import pdf_layout

        return pdf_layout(data, notes)
    if found == "xlsx":
        from disclosure_report.reading._xlsx import xlsx_layout

        return xlsx_layout(data, notes)
    from disclosure_report.reading._docx import docx_layout

    if found in {"odt", "ole2"}:
        from disclosure_report.reading._convert import to_docx

        data = to_docx(data, found)
    return docx_layout(data, notes)


def _regions(rows: Sequence[Row], sections: Sections, words: Vocabulary) -> list[Sequence[Row]]:
    """The rows of tables 2, 3 and 4: from the section's heading, or without one from the
    table's first own label, to the start of the next table or section."""
    starts: list[int | None] = []
    floor = 0
    for number, anchor in (
        (2, _is_t2_anchor),
        (3, _is_t3_anchor),
        (4, _is_t4_anchor),
    ):
        start = sections.starts[number - 1]
        if start is None:
            start = _first_anchor(rows, floor, anchor, words)
        starts.append(start)
        if start is not None:
            floor = start + 1
    bounds = [s for s in sections.starts[4:] if s is not None]
    regions: list[Sequence[Row]] = []
    for index, start in enumerate(starts):
        if start is None:
            regions.append(())
            continue
        later = [s for s in (*starts[index + 1 :], *bounds) if s is not None and s > start]
        regions.append(rows[start : min(later) if later else sections.end])
    return regions


def _first_anchor(
    rows: Sequence[Row],
    floor: int,
    anchor: Callable[[str, Vocabulary], bool],
    words: Vocabulary,
) -> int | None:
    """The first row from *floor* with a cell that is an *anchor*. A long page repeats its
    cells' texts (a table's rows, a layout's fillers): each text is judged once, and a repeated
    line of text not even looked at (:func:`~._compact.firsts`)."""
    judged: dict[str, bool] = {}
    for index, row in firsts(rows[floor:]):
        for cell in row.cells:
            text = cell.text
            if not text:
                continue
            verdict = judged.get(text)
            if verdict is None:
                verdict = judged[text] = anchor(text, words)
            if verdict:
                return floor + index
    return None


def _core(text: str) -> str | None:
    return split_label(text).core if len(text) <= _MAX_LABEL else None


def _is_t2_anchor(text: str, words: Vocabulary) -> bool:
    return bool(words.article_heading(text)) or _core(text) in words.table2_anchors


def _is_t3_anchor(text: str, words: Vocabulary) -> bool:
    return is_table3_caption(text) or _core(text) in words.table3_anchors


def _is_t4_anchor(text: str, words: Vocabulary) -> bool:
    return _core(text) in words.table4_anchors


def _version(
    t2: Sequence[Row],
    t3: Sequence[Row],
    year: int | None,
    notes: list[ReadingNote],
    words: Vocabulary,
) -> str:
    """The id of the format version of the tables *t2* and *t3*.

    Every label that some registered versions print and others do not votes for those that
    print it (:attr:`Vocabulary.votes`); the version with the most votes wins. When several
    share the most (none voted, say), the tables do not tell: the guess, noted, is the newest of
    them whose years include the report's *year*, else the newest of them in force before it,
    else the oldest; with no year, the newest registered.
    """
    score = dict.fromkeys((v.id for v in words.versions), 0)
    for row, count in itertools.chain(counted(t2), counted(t3)):
        for cell in row.cells:
            if cell.text and len(cell.text) <= _MAX_LABEL:
                for vote in words.votes(cell.text):
                    score[vote] += count
    best = max(score.values())
    tied = [v for v in words.versions if score[v.id] == best]
    if len(tied) == 1:
        return tied[0].id
    guess = _by_year(tied, year).id
    notes.append(
        ReadingNote(
            NoteCode.VERSION_GUESSED,
            Location(section=2),
            f"the tables do not show the format version; {guess} assumed",
        )
    )
    return guess


def _by_year(candidates: list[FormatVersion], year: int | None) -> FormatVersion:
    """The candidate, oldest first, that a report of *year* most likely uses."""
    if year is None:
        return candidates[-1]
    covering = [v for v in candidates if v.covers(year)]
    if covering:
        return covering[-1]
    begun = [v for v in candidates if v.first_year <= year]
    return begun[-1] if begun else min(candidates, key=lambda v: v.first_year)


def _units(t2: Sequence[Row], words: Vocabulary) -> dict[str, str]:
    """Units printed in a money column's header (``采购总金额（万元）``; in English,
    ``… (unit: 10,000 yuan)``)."""
    for _, row in firsts(t2):
        for cell in row.cells:
            folded = heading_key(cell.text)
            if folded.startswith(words.amount_headers):
                for name, unit in _UNITS:
                    if name in folded:
                        return {"amount": unit}
    return {}


def _narrative(rows: Sequence[Row], sections: Sections, number: int) -> str:
    if sections.starts[number - 1] is None:
        return ""
    start, stop = sections.region(number, len(rows))
    return _text(rows[start + 1 : stop])


def _text(rows: Sequence[Row]) -> str:
    return "\n".join(row_text(row) for row in samples(rows) if row.table is None)


def _capped(notes: NoteList) -> tuple[ReadingNote, ...]:
    if not notes.dropped:
        return tuple(notes)
    why = f"{notes.dropped} more reading notes left out"
    return (*notes, ReadingNote(NoteCode.LIMIT, Location(), why))


def _first(starts: tuple[int | None, ...]) -> int | None:
    found = [s for s in starts if s is not None]
    return min(found) if found else None
