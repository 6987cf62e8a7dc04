"""What a cell's text holds: a number (with its unit), a not-applicable mark, blank, or text.

A number is read only when the whole cell is one number: ``1 234`` or ``3、5`` are text, never
joined or split. A cell of more than 40 characters is text, except bare digits, up to as many as
the widest row of cells can print run together (:func:`longest_run`), which :mod:`._runs` may
split. A sign may be written (``+19``, ``-185``) or spelt (``减4``, ``增4``; traditional ``減4``).
A unit follows the number (``12.5万元``, ``12.5萬元``), or, as the English catalog prints it, in
parentheses after it (``12.5 (10,000 yuan)``): the unit labels of the model
(:data:`~disclosure_report.model.UNIT_LABELS`) in the other catalogs.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from decimal import Decimal
from typing import Final, Literal

import attrs

from disclosure_report.i18n import translate
from disclosure_report.model import MAX_COUNT, UNIT_LABELS, format_versions
from disclosure_report.reading._normalize import TRANSLATED_LOCALES


__all__ = ["MARKS", "Value", "classify", "longest_run"]

MARKS = frozenset({"/", "／", "-", "－", "--", "—", "——", "–", "―", "无", "\\", "＼"})
"""Marks that publishers print for "not applicable"."""

_NUMBER = re.compile(
    r"(?P<sign>[+\-\u2212]|[减減]|增)?"
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
    r"(?P<unit>[万萬]元|元|件|[个個]|[项項]|[条條]|次|宗|起)?"
)
_SIMPLIFIED_UNITS = {"萬元": "万元", "個": "个", "項": "项", "條": "条"}
"""Units printed in traditional characters (a zh_Hant rendering prints ``萬元``)."""
_BLANKS = re.compile(r"[\s\u200b\ufeff]+")
_TRANSLATED_UNITS: Final = {
    " ".join(translate(label, locale).split()).casefold(): unit.value
    for unit, label in UNIT_LABELS.items()
    for locale in TRANSLATED_LOCALES
}
"""The units as the other catalogs name them (``10,000 yuan``), to the unit (``万元``)."""
_UNIT_AFTER = re.compile(r"(?P<number>[^\s()]+) ?\((?P<unit>[^()]+)\)")
"""A number and, in parentheses after it, its unit (``12.5 (10,000 yuan)``)."""
_ANNOTATED = re.compile(r"(?P<number>[^\s(]+) ?(?P<annotation>\((?:[^()]|\([^()]*\))+\))")
"""A number and, in parentheses after it, words about it (``22（其中修订16件）``, a cell of two
lines); NFKC makes full-width parentheses ASCII."""
_UNITS: Final = frozenset(
    {"元", "万元", "萬元", "件", "个", "個", "项", "項", "条", "條", "次", "宗", "起"}
)
"""Units: in parentheses after a number, a unit is no annotation."""

ValueKind = Literal["number", "blank", "mark", "text"]


@attrs.frozen
class Value:
    """A classified cell.

    Attributes:
        kind: ``number``, ``blank``, ``mark`` (not applicable) or ``text``.
        number: The number, exact, signed; ``None`` unless *kind* is ``number``.
        unit: The unit printed in the cell (``元``, ``万元``, ``件`` …), if any.
        text: The cell's text, stripped (the mark itself for a mark).
        annotation: Words printed in parentheses after the number (``（其中修订16件）``, the
            second line of a two-line cell), as printed; empty without.
    """

    kind: ValueKind
    number: Decimal | None = None
    unit: str | None = None
    text: str = ""
    annotation: str = ""

    @property
    def is_value(self) -> bool:
        """A number, a mark or blank: something that fills a cell of a table."""
        return self.kind != "text"


_BLANK = Value("blank")
_MAX_NUMBER = 40
_MAX_ANNOTATED = 120
_TABLE4 = 4


@functools.lru_cache(maxsize=8192)
def classify(text: str) -> Value:
    """Classify a cell's text."""
    stripped = _BLANKS.sub("", text)
    if not stripped:
        return _BLANK
    folded = unicodedata.normalize("NFKC", stripped)
    if stripped in MARKS or folded in MARKS:
        return Value("mark", text=stripped if stripped in MARKS else folded)
    # Two things in one cell ('1 234', '0 0') are never joined into one number.
    inner = _BLANKS.sub(" ", text).strip()
    if folded.endswith(")") and len(stripped) <= _MAX_NUMBER:
        translated = _translated_unit(unicodedata.normalize("NFKC", inner))
        if translated is not None:
            return translated
    long = len(stripped) > _MAX_NUMBER and not (
        folded.isascii() and folded.isdigit() and len(folded) <= longest_run()
    )
    match = None if long or " " in inner else _NUMBER.fullmatch(folded)
    if match is None:
        return _annotated(inner) or Value("text", text=inner)
    digits = match.group("int").replace(",", "")
    frac = match.group("frac")
    # The digits as printed: '0.000000' keeps its six places (money keeps its scale), and
    # '5.00' is still equal to the count 5.
    number = Decimal(f"{digits}.{frac}" if frac else digits)
    if match.group("sign") in {"-", "\u2212", "减", "減"}:
        number = -number
    unit = match.group("unit")
    return Value("number", number, _SIMPLIFIED_UNITS.get(unit, unit), stripped)


def longest_run() -> int:
    """The most digits that the cells of one row print when they run together: a count's
    digits at most (:data:`~disclosure_report.model.MAX_COUNT`) in each cell of the widest row
    of the reader, table 四 read as one row (15 cells in the built-in versions)."""
    cells: dict[tuple[str, int, str], int] = {}
    for version in format_versions():
        for spec in version.table_layout():
            table, row = spec.address.table, spec.address.row
            key = (version.id, table, "" if table == _TABLE4 else row)
            cells[key] = cells.get(key, 0) + 1
    return max(cells.values()) * len(str(MAX_COUNT))


def _annotated(text: str) -> Value | None:
    """*text* as a number with an annotation in parentheses after it (``22（其中修订16件）``),
    if it is one: the number, and the annotation kept as printed. A unit in parentheses
    (``12（件）``) is no annotation, and neither is anything but a number before it."""
    if len(text) > _MAX_ANNOTATED or not text.endswith((")", "）")):
        return None
    match = _ANNOTATED.fullmatch(unicodedata.normalize("NFKC", text))
    if match is None or match.group("annotation")[1:-1].strip() in _UNITS:
        return None
    value = classify(match.group("number"))
    if value.kind != "number":
        return None
    start = len(text) - len(match.group("annotation"))
    return attrs.evolve(value, text=text, annotation=text[start:].strip())


def _translated_unit(text: str) -> Value | None:
    """*text* as a number with its unit named in parentheses by another catalog, if it is one."""
    match = _UNIT_AFTER.fullmatch(text)
    unit = _TRANSLATED_UNITS.get(match.group("unit").casefold()) if match else None
    if match is None or unit is None:
        return None
    value = classify(match.group("number"))
    if value.kind != "number" or value.unit is not None:
        return None
    return attrs.evolve(value, unit=unit, text=text)
