"""Word's automatic numbering: the numbers a list paragraph prints without holding them.

A paragraph numbered by Word (``w:numPr``, directly or through its style, as headings linked to
a multilevel list are) holds only its text; Word prints the number from ``word/numbering.xml``:
the level's text (``%1、``, ``（%2）``, ``%3.``) with each level's counter in that level's format
(``decimal``, ``chineseCounting`` 一二三, ``ideographTraditional`` 甲乙丙, circled digits …).
Reports number their section headings (``一、总体情况``) and rows (``1.属于国家秘密``) so, and
the reader finds sections and rows by those numbers: :class:`Numbering` gives each numbered
paragraph its number, counting in document order as Word does (a level restarts after a higher
one; a list continues across the ``w:num`` instances of one abstract list unless one restarts
it). Bullets and levels without a number print none.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Final


if TYPE_CHECKING:
    from disclosure_report.reading._docx import _Element, _Tags


__all__ = ["Numbering"]

_LEVELS: Final = 9
_PLACEHOLDER: Final = re.compile(r"%([1-9])")
_CHINESE_DIGITS: Final = "零一二三四五六七八九"
_HEAVENLY_STEMS: Final = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES: Final = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN: Final = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_MAX_LISTS: Final = 10_000
"""Lists and abstract lists read from ``numbering.xml`` at most (Word's have dozens)."""


class _Level:
    __slots__ = ("fmt", "start", "suffix", "text")

    def __init__(self, fmt: str, text: str | None, start: int, suffix: str) -> None:
        self.fmt = fmt
        self.text = text
        self.start = start
        self.suffix = suffix


class Numbering:
    """The numbering of one document, and its counters as its paragraphs go by."""

    def __init__(self, numbering: _Element | None, styles: _Element | None, tags: _Tags) -> None:
        self._tags = tags
        abstract: dict[str, dict[int, _Level]] = {}
        style_levels: dict[str, int] = {}  # style -> the level of a list that names it
        self._lists: dict[str, tuple[str, dict[int, _Level], dict[int, int]]] = {}
        if numbering is not None:
            for element in _first(numbering.iter(tags.abstract_num), _MAX_LISTS):
                levels = abstract[element.get(tags.abstract_num_id) or ""] = {}
                for level in element.iter(tags.lvl):
                    number = _int(level.get(tags.ilvl), 0)
                    levels[number] = _level(level, tags)
                    style = _val(level.find(tags.p_style), tags)
                    if style:
                        style_levels[style] = number
            for element in _first(numbering.iter(tags.num), _MAX_LISTS):
                base = _val(element.find(tags.abstract_num_id_ref), tags) or ""
                levels = dict(abstract.get(base, {}))
                starts: dict[int, int] = {}
                for override in element.iter(tags.lvl_override):
                    number = _int(override.get(tags.ilvl), 0)
                    start = override.find(tags.start_override)
                    if start is not None:
                        starts[number] = _int(start.get(tags.val), 1)
                    replaced = override.find(tags.lvl)
                    if replaced is not None:
                        levels[number] = _level(replaced, tags)
                # A list that restarts a level counts on its own; the others count with the
                # lists of their abstract list.
                key = f"num {element.get(tags.num_id)}" if starts else f"abstract {base}"
                self._lists[element.get(tags.num_id) or ""] = (key, levels, starts)
        self._styles = _style_numbering(styles, tags, style_levels) if styles is not None else {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()

    def __bool__(self) -> bool:
        return bool(self._lists)

    def save(self) -> tuple[dict[str, list[int | None]], set[str]]:
        """The counters, to count a part of the document again (:meth:`restore`)."""
        return {k: list(v) for k, v in self._counters.items()}, set(self._started)

    def restore(self, saved: tuple[dict[str, list[int | None]], set[str]]) -> None:
        self._counters, self._started = saved

    def prefix(self, paragraph: _Element) -> str:
        """The number that Word prints before *paragraph*, and what follows it; ``""`` for a
        paragraph that is not numbered. Counts the paragraph."""
        found = self._list_of(paragraph)
        if found is None:
            return ""
        num_id, number = found
        key, levels, starts = self._lists[num_id]
        level = levels.get(number)
        if level is None:
            return ""
        counters = self._counters.setdefault(key, [None] * _LEVELS)
        if num_id not in self._started:  # the first paragraph of a list that restarts levels
            self._started.add(num_id)
            for restarted, start in starts.items():
                if 0 <= restarted < _LEVELS:
                    counters[restarted] = start - 1 if restarted == number else None
        current = counters[number]
        counters[number] = level.start if current is None else current + 1
        for deeper in range(number + 1, _LEVELS):
            counters[deeper] = None
        if level.fmt in {"bullet", "none"} or not level.text:
            return ""

        def render(match: re.Match[str]) -> str:
            which = int(match.group(1)) - 1
            shown = levels.get(which)
            value = counters[which]
            if value is None:
                value = shown.start if shown is not None else 1
            return _format(shown.fmt if shown is not None else "decimal", value)

        return _PLACEHOLDER.sub(render, level.text) + level.suffix

    def _list_of(self, paragraph: _Element) -> tuple[str, int] | None:
        """The list (``numId``) and level that number *paragraph*, directly or by its style;
        ``None`` when none does (numId 0 takes a style's numbering off)."""
        tags = self._tags
        properties = paragraph.find(tags.p_pr)
        if properties is None:
            return None
        numbered = properties.find(tags.num_pr)
        num_id: str | None = None
        level: int | None = None
        if numbered is not None:
            num_id = _val(numbered.find(tags.num_id_ref), tags)
            level = _optional_int(_val(numbered.find(tags.ilvl_ref), tags))
        if num_id is None:
            style = self._styles.get(_val(properties.find(tags.p_style), tags) or "")
            if style is None:
                return None
            num_id = style[0]
            level = style[1] if level is None else level
        if num_id not in self._lists:
            return None
        return num_id, min(max(level or 0, 0), _LEVELS - 1)


def _first(elements: Iterator[_Element], limit: int) -> list[_Element]:
    out: list[_Element] = []
    for element in elements:
        if len(out) >= limit:
            break
        out.append(element)
    return out


def _level(element: _Element, tags: _Tags) -> _Level:
    fmt = _val(element.find(tags.num_fmt), tags) or "decimal"
    text_element = element.find(tags.lvl_text)
    text = None if text_element is None else text_element.get(tags.val)
    start = _int(_val(element.find(tags.start), tags), 1)
    suffix = _val(element.find(tags.suff), tags) or "tab"
    return _Level(fmt, text, start, "" if suffix == "nothing" else " ")


def _style_numbering(
    styles: _Element, tags: _Tags, style_levels: dict[str, int]
) -> dict[str, tuple[str, int]]:
    """The list (``numId``) and level of each paragraph style that numbers its paragraphs,
    its own or one it is based on."""
    own: dict[str, tuple[str | None, int | None]] = {}
    based: dict[str, str] = {}
    for style in _first(styles.iter(tags.style), _MAX_LISTS):
        name = style.get(tags.style_id)
        if not name:
            continue
        parent = _val(style.find(tags.based_on), tags)
        if parent:
            based[name] = parent
        properties = style.find(tags.p_pr)
        numbered = None if properties is None else properties.find(tags.num_pr)
        if numbered is not None:
            own[name] = (
                _val(numbered.find(tags.num_id_ref), tags),
                _optional_int(_val(numbered.find(tags.ilvl_ref), tags)),
            )
    out: dict[str, tuple[str, int]] = {}
    for name in {*own, *based}:
        seen: set[str] = set()
        current: str | None = name
        while current is not None and current not in own and current not in seen:
            seen.add(current)
            current = based.get(current)
        if current is None or current not in own:
            continue
        num_id, level = own[current]
        if num_id:
            out[name] = (num_id, level if level is not None else style_levels.get(name, 0))
    return out


def _val(element: _Element | None, tags: _Tags) -> str | None:
    return None if element is None else element.get(tags.val)


def _int(value: str | None, default: int) -> int:
    found = _optional_int(value)
    return default if found is None else found


def _optional_int(value: str | None) -> int | None:
    if value is None:
        return None
    value = value.strip()
    digits = value.removeprefix("-")
    if not digits.isascii() or not digits.isdigit() or len(digits) > 6:  # noqa: PLR2004
        return None
    return int(value)


def _format(fmt: str, value: int) -> str:
    """*value* in the number format *fmt* of WordprocessingML (``ST_NumberFormat``)."""
    formatter = _FORMATS.get(fmt)
    return formatter(value) if formatter is not None else str(value)


def _chinese(value: int) -> str:
    """一 … 九, 十, 十一 … 九十九, 一百 …: Word's ``chineseCounting``."""
    if value <= 0:
        return _CHINESE_DIGITS[0] if value == 0 else str(value)
    if value >= 10000:  # noqa: PLR2004
        return str(value)
    parts: list[str] = []
    for unit, name in ((1000, "千"), (100, "百"), (10, "十")):
        digit, value = divmod(value, unit)
        if digit:
            ten = unit == 10 and not parts and digit == 1  # noqa: PLR2004 (十一, not 一十一)
            parts.append(("" if ten else _CHINESE_DIGITS[digit]) + name)
        elif parts and value and parts[-1] != _CHINESE_DIGITS[0]:
            parts.append(_CHINESE_DIGITS[0])
    if value:
        parts.append(_CHINESE_DIGITS[value])
    return "".join(parts)


def _letters(value: int, base: str) -> str:
    """A … Z, AA … ZZ, AAA …: Word repeats the letter."""
    if value <= 0:
        return str(value)
    letter = base[(value - 1) % 26]
    return letter * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    if not 0 < value < 4000:  # noqa: PLR2004
        return str(value)
    out: list[str] = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def _cycle(symbols: str) -> Callable[[int], str]:
    return lambda value: symbols[(value - 1) % len(symbols)] if value > 0 else str(value)


def _enclosed(value: int) -> str:
    return chr(0x2460 + value - 1) if 1 <= value <= 20 else str(value)  # noqa: PLR2004


_FULL_WIDTH: Final = {ord("0") + digit: chr(0xFF10 + digit) for digit in range(10)}
"""Digits to full-width digits (U+FF10 …), for ``str.translate``."""
_FORMATS: Final[dict[str, Callable[[int], str]]] = {
    "decimal": str,
    "decimalZero": lambda value: f"{value:02d}",
    "decimalFullWidth": lambda value: str(value).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda value: str(value).translate(_FULL_WIDTH),
    "decimalEnclosedCircle": _enclosed,
    "decimalEnclosedCircleChinese": _enclosed,
    "decimalEnclosedFullstop": lambda value: f"{value}.",
    "decimalEnclosedParen": lambda value: f"({value})",
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "chineseLegalSimplified": _chinese,
    "japaneseCounting": _chinese,
    "ideographDigital": lambda value: "".join(_CHINESE_DIGITS[int(d)] for d in str(value)),
    "ideographTraditional": _cycle(_HEAVENLY_STEMS),
    "ideographZodiac": _cycle(_EARTHLY_BRANCHES),
    "upperLetter": lambda value: _letters(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerLetter": lambda value: _letters(value, "abcdefghijklmnopqrstuvwxyz"),
    "upperRoman": _roman,
    "lowerRoman": lambda value: _roman(value).lower(),
}
