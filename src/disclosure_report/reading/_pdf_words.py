"""Characters into lines and words: the text of a PDF page as it is read.

CJK text has no spaces between words, and a line of a report is justified: characters are
grouped into a line by their vertical position (their boxes overlap the line's band), ordered by
x, and a space is put where the gap between two characters is wide for their size (or a space is
printed). A line breaks into *segments* at gaps of several characters' width: the cells of a
table printed without borders, or a label and its values.
"""

from __future__ import annotations

import re

from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple

from disclosure_report.reading._pdf_page import Char


__all__ = [
    "SPACE_GAP",
    "Line",
    "Segment",
    "is_wide",
    "join_lines",
    "join_paragraph",
    "lines_of",
    "segments_of",
]

SPACE_GAP: Final = 0.25
"""A gap wider than this many times the characters' height is a space."""
CELL_GAP: Final = 1.6
"""A gap wider than this many times the characters' height separates two cells."""
_WIDE = re.compile(
    r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201f\u2014\u2026]"
)
"""CJK characters and full-width punctuation: no space between two of them."""


class Segment(NamedTuple):
    """Characters of a line between wide gaps: one cell of a table without borders."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


class Line:
    """A line of text: its characters in order, and its box. Its text and its segments are
    worked out once (the layout asks for them often)."""

    __slots__ = ("_segments", "_text", "bottom", "chars", "top", "x0", "x1")

    def __init__(
        self, chars: tuple[Char, ...], x0: float, top: float, x1: float, bottom: float
    ) -> None:
        self.chars = chars
        self.x0 = x0
        self.top = top
        self.x1 = x1
        self.bottom = bottom
        self._text: str | None = None
        self._segments: dict[float, list[Segment]] = {}

    def __repr__(self) -> str:
        return f"Line({self.text()!r}, {self.x0:.1f}, {self.top:.1f}, {self.x1:.1f}, {self.bottom:.1f})"

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def text(self) -> str:
        """The line's text, spaces where the gaps are wide."""
        if self._text is None:
            self._text = _text(self.chars)
        return self._text

    def segments(self, gap: float = CELL_GAP) -> list[Segment]:
        """The line's parts between gaps wider than *gap* times its characters' height."""
        found = self._segments.get(gap)
        if found is None:
            found = self._segments[gap] = segments_of(self.chars, gap)
        return found

    def with_chars(self, chars: tuple[Char, ...]) -> Line:
        """The line with *chars* in place of its characters (in the same box)."""
        return Line(chars, self.x0, self.top, self.x1, self.bottom)


def lines_of(chars: Iterable[Char]) -> list[Line]:
    """The lines that *chars* form, top to bottom.

    A character joins the line whose band (from the highest top to the lowest bottom of its
    characters so far) holds its vertical centre; characters are taken by their centre, top
    first, so that a line is made before the next one starts.
    """
    printed = sorted(
        (ch for ch in chars if not ch.space), key=lambda ch: (ch.top + ch.bottom, ch.x0)
    )
    spaces = [ch for ch in chars if ch.space]
    bands: list[list[Char]] = []
    band_top = band_bottom = 0.0
    for ch in printed:
        middle = (ch.top + ch.bottom) / 2
        if bands and band_top <= middle <= band_bottom:
            bands[-1].append(ch)
            band_top = min(band_top, ch.top)
            band_bottom = max(band_bottom, ch.bottom)
        else:
            bands.append([ch])
            band_top, band_bottom = ch.top, ch.bottom
    lines = [_line(band) for band in bands]
    if spaces and lines:
        lines = _with_spaces(lines, spaces)
    return lines


def _line(chars: list[Char]) -> Line:
    chars.sort(key=lambda ch: ch.x0)
    return Line(
        tuple(chars),
        chars[0].x0,
        min(ch.top for ch in chars),
        max(ch.x1 for ch in chars),
        max(ch.bottom for ch in chars),
    )


def _with_spaces(lines: list[Line], spaces: list[Char]) -> list[Line]:
    """Put each printed space into the line whose band holds its centre."""
    extra: dict[int, list[Char]] = {}
    for space in spaces:
        middle = (space.top + space.bottom) / 2
        for index, line in enumerate(lines):
            if line.top <= middle <= line.bottom:
                extra.setdefault(index, []).append(space)
                break
    for index, found in extra.items():
        line = lines[index]
        chars = sorted((*line.chars, *found), key=lambda ch: ch.x0)
        lines[index] = line.with_chars(tuple(chars))
    return lines


def _height(chars: Sequence[Char]) -> float:
    heights = sorted(ch.bottom - ch.top for ch in chars if not ch.space)
    return heights[len(heights) // 2] if heights else 10.0


def is_wide(text: str) -> bool:
    """Whether *text* starts with a CJK character or full-width punctuation."""
    if not text:
        return False
    wide = _WIDE_CHARS.get(text[0])
    if wide is None:
        wide = _WIDE.match(text[0]) is not None
        if len(_WIDE_CHARS) < _CACHED:
            _WIDE_CHARS[text[0]] = wide
    return wide


_WIDE_CHARS: dict[str, bool] = {}
_CACHED: Final = 20_000
"""Characters whose width class is kept, at most (a report uses a few thousand)."""


def _text(chars: Sequence[Char]) -> str:
    size = _height(chars)
    out: list[str] = []
    previous: Char | None = None
    pending = False
    for ch in chars:
        if ch.space:
            pending = previous is not None
            continue
        if previous is not None and _spaced(
            previous.text, ch.text, pending, ch.x0 - previous.x1, size
        ):
            out.append(" ")
        out.append(ch.text)
        previous = ch
        pending = False
    return "".join(out)


def _spaced(before: str, after: str, printed: bool, gap: float, size: float) -> bool:
    """Whether a space stands between the characters *before* and *after*: never between two
    CJK characters (a gap there is justification); between a CJK character and another only
    where the text layer prints one (``2024年`` in a justified line has gaps, not spaces);
    between two others where it prints one or where the gap is wide (text layers that place
    words without space characters)."""
    wide_before, wide_after = is_wide(before), is_wide(after)
    if wide_before and wide_after:
        return False
    if wide_before or wide_after:
        return printed
    return printed or gap > SPACE_GAP * size


def segments_of(chars: Sequence[Char], gap: float = CELL_GAP) -> list[Segment]:
    """The parts of a line's *chars* between gaps wider than *gap* times their height."""
    size = _height(chars)
    parts: list[list[Char]] = []
    previous: Char | None = None
    for ch in chars:
        if ch.space:
            continue
        if previous is None or ch.x0 - previous.x1 > gap * size:
            parts.append([])
        parts[-1].append(ch)
        previous = ch
    return [
        Segment(
            _text(part),
            part[0].x0,
            min(ch.top for ch in part),
            part[-1].x1,
            max(ch.bottom for ch in part),
        )
        for part in parts
    ]


def join_paragraph(lines: Sequence[Line]) -> str:
    """Lines of one paragraph, wrapped by the layout, as one text: no space where a CJK
    character meets another, a space between two words of other scripts (a line wraps between
    words), and between a CJK character and another only where the text layer prints one at
    the line's end or start."""
    out = ""
    trailing = False
    for line in lines:
        text = " ".join(line.text().split())
        if not text:
            continue
        if out:
            printed = trailing or line.chars[0].space
            wide_before, wide_after = is_wide(out[-1]), is_wide(text[0])
            if not (wide_before and wide_after) and (printed or not (wide_before or wide_after)):
                out += " "
        out += text
        trailing = line.chars[-1].space
    return out


def join_lines(texts: Sequence[str]) -> str:
    """The text of a cell printed on several lines: one space between them, as a line break
    in a cell of a web page reads (labels are compared without spaces)."""
    return " ".join(t for t in texts if t)
