"""The last stage: an :class:`~._extract.Extraction` onto the typed model.

The report is built in the interchange format (one walk over :func:`~disclosure_report.table_layout`
of the report class, no row list of its own) and handed to :func:`~disclosure_report.from_dict`, so
a read report passes exactly the validation that any other report does.

* A cell that was not read stays :data:`~disclosure_report.BLANK`; the extraction's notes say why.
* Money keeps the unit printed in the cell or its column header; without one, the unit the format
  defines (:attr:`~disclosure_report.model.CellSpec.unit`: 2021 ``本年收费金额（单位：万元）``
  gives 万元); the 2019 procurement total has none.
* Metadata that the text does not give is never invented silently: see :func:`metadata_of`.
"""

from __future__ import annotations

import datetime as dt
import re

from collections import Counter
from collections.abc import Mapping
from typing import Any, Final

from disclosure_report.i18n import SUPPORTED_LOCALES, translate
from disclosure_report.model import (
    FIRST_YEAR,
    LAST_YEAR,
    LEVEL_LABELS,
    TABLE_SECTIONS,
    AdministrativeLevel,
    CellAddress,
    CellKind,
    CellSpec,
    Report,
    format_version,
    report_class_of,
    table_layout,
)
from disclosure_report.reading._extract import Extraction
from disclosure_report.reading._fees import split_fees
from disclosure_report.reading._notes import Location, NoteCode, ReadingNote
from disclosure_report.reading._rows import where
from disclosure_report.reading._tables import ReadCell
from disclosure_report.serialize import from_dict


__all__ = ["build", "metadata_of"]

_YEAR: Final = re.compile(r"((?:19|20)\d{2})\s*年")
_DATE: Final = re.compile(
    r"(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{2})(\d{2}))"
    r"(?:$|[T\s])"
)
"""A date as pages state it: ``2024-01-15``, ``2024/1/15``, ``2024.01.15``, ``2024年1月15日`` or
``20240115``, alone or followed by a time (``2024-01-15 10:30:00``, ``2024-01-15T10:30+08:00``)."""
_YEAR_SPAN: Final = 3000  # characters of the opening and overview searched for a year


def build(
    extraction: Extraction,
) -> tuple[Report, tuple[ReadingNote, ...], dict[CellAddress, Location]]:
    """The report that *extraction* describes, the notes of building it (after its own), and
    where each cell that was read is printed in the source."""
    notes = list(extraction.notes)
    locations: dict[CellAddress, Location] = {}
    report_class = report_class_of(extraction.version)
    rows = {
        (table.number, spec.key): row for table in extraction.tables for spec, row in table.rows
    }
    data: dict[str, Any] = {"format_version": extraction.version}
    data["metadata"] = metadata_of(extraction, notes)
    data["overview"] = extraction.narrative.get(1, "")
    for table, row, path, columns in _plan(report_class):
        node = data
        for name in path:
            node = node.setdefault(name, {})
        read = rows.get((table, row), ())
        by_column = {cell.column.key: cell for cell in read}
        for column, spec in columns:
            cell = by_column.get(column)
            node[column] = None if cell is None else _value(cell, spec, notes)
            if cell is not None and cell.source is not None:
                token = cell.source
                locations[spec.address] = where(token.cell, token.row, table, row, column)
    data["problems_and_improvements"] = extraction.narrative.get(5, "")
    text, fees = split_fees(extraction.narrative.get(6, ""))
    data["other_matters"] = {"text": text, "processing_fees": fees}
    return from_dict(data), tuple(notes), locations


_Columns = tuple[tuple[str, CellSpec], ...]
_Plan = tuple[tuple[int, str, tuple[str, ...], _Columns], ...]
_PLANS: dict[type[Report], _Plan] = {}


def _plan(report_class: type[Report]) -> _Plan:
    """The rows of *report_class* in printed order, from the one layout walk: each with its
    table, its key, the dict keys that lead to it, and its columns."""
    plan = _PLANS.get(report_class)
    if plan is None:
        rows: dict[tuple[int, str], list[tuple[str, CellSpec]]] = {}
        for spec in table_layout(report_class):
            address = spec.address
            rows.setdefault((address.table, address.row), []).append((address.column, spec))
        plan = _PLANS[report_class] = tuple(
            (
                table,
                row,
                (TABLE_SECTIONS[table], *row.split(".")),
                tuple(columns),
            )
            for (table, row), columns in rows.items()
        )
    return plan


def metadata_of(extraction: Extraction, notes: list[ReadingNote]) -> dict[str, Any]:
    """The metadata dict of the report read, with a note for anything not printed.

    The model requires an agency and a year (:data:`~disclosure_report.model.FIRST_YEAR` to
    :data:`~disclosure_report.model.LAST_YEAR`). When the title and opening do not
    give them:

    * agency: ``""`` (the extraction already noted it missing);
    * published: the date a page's ``<meta>`` states (``PubDate`` …), when it can be read; a
      value that cannot is noted (``metadata_unreadable``) and left empty, never guessed;
    * source_url, level, region: as the page's head states them (``<link rel="canonical">``
      or ``og:url``; ``disclosure-report.level`` and ``disclosure-report.region``, which this
      library's HTML rendering writes); a level that is not one of the model's is noted;
    * year: the year written most often (``2023年``) in the opening and the overview, noted as
      inferred; when there is none, the first year of the format version (:attr:`~disclosure_report.FormatVersion.first_year`), noted
      as a placeholder that must not be relied on.
    """
    year = extraction.year
    if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
        year = _inferred_year(extraction, notes)
    published = _published(extraction.published, notes)
    return {
        "agency": extraction.agency or "",
        "year": year,
        "published": None if published is None else published.isoformat(),
        **_stated(extraction.stated, notes),
    }


_LEVELS: Final = {level.value: level.value for level in AdministrativeLevel} | {
    translate(label, locale): level.value
    for level, label in LEVEL_LABELS.items()
    for locale in SUPPORTED_LOCALES
}
"""A level as stated: its value (``county``) or its label in any catalog language (``县级``)."""


def _stated(stated: Mapping[str, str], notes: list[ReadingNote]) -> dict[str, str]:
    """The source URL, level and region that the page's head states; a level that is none of
    the model's is noted and left empty, never guessed."""
    found = {name: value for name, value in stated.items() if name in {"source_url", "region"}}
    level = stated.get("level")
    if level is not None:
        value = _LEVELS.get(level.strip())
        if value is not None:
            found["level"] = value
        else:
            levels = ", ".join(level.value for level in AdministrativeLevel)
            why = f"the administrative level that the page states is none of {levels}; metadata.level is left empty"
            notes.append(ReadingNote(NoteCode.METADATA_UNREADABLE, Location(), why, level))
    return found


def _published(stated: str | None, notes: list[ReadingNote]) -> dt.date | None:
    """The publication date that the page states, when it can be read; never guessed."""
    if stated is None:
        return None
    match = _DATE.match(stated.strip())
    if match is not None:
        year, *rest = (int(g) for g in match.groups() if g is not None)
        try:
            return dt.date(year, *rest)
        except ValueError:
            pass
    why = "the publication date that the page states could not be read; metadata.published is left empty"
    notes.append(ReadingNote(NoteCode.METADATA_UNREADABLE, Location(), why, stated))
    return None


def _inferred_year(extraction: Extraction, notes: list[ReadingNote]) -> int:
    text = (extraction.opening + "\n" + extraction.narrative.get(1, ""))[-_YEAR_SPAN:]
    years = Counter(
        int(match.group(1))
        for match in _YEAR.finditer(text)
        if FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR
    )
    if years:
        year, _ = max(years.items(), key=lambda item: (item[1], item[0]))
        why = f"metadata.year {year} inferred: the year written most often in the opening and overview"
        notes.append(ReadingNote(NoteCode.METADATA_INFERRED, Location(), why, f"{year}年"))
        return year
    year = format_version(extraction.version).first_year
    why = (
        f"no year anywhere; metadata.year is a placeholder, {year}, the first year of the "
        f"{extraction.version} format: do not rely on it"
    )
    notes.append(ReadingNote(NoteCode.METADATA_INFERRED, Location(), why))
    return year


def _value(read: ReadCell, spec: CellSpec, notes: list[ReadingNote]) -> object:
    value = read.value
    if value.kind == "mark":
        return value.text
    if value.kind != "number" or value.number is None:
        return None
    number = value.number
    kind = spec.kind
    if kind is CellKind.AMOUNT:
        unit = value.unit or spec.unit
        return {
            "value": format(number, "f"),
            "unit": None if unit is None else str(unit),
        }
    count = int(number)
    if count != number or (count < 0 and kind is CellKind.COUNT):
        address = spec.address
        where = Location(section=address.table, cell=(address.row, address.column))
        why = f"{number} is not a {kind.value.replace('_', ' ')}; the cell is left blank"
        notes.append(ReadingNote(NoteCode.UNREADABLE_CELL, where, why, value.text))
        return None
    return count
