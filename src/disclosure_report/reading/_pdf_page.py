"""What the reader takes from a PDF page through pdfium: its characters and its ruling lines.

pypdfium2 (BSD-3/Apache-2.0; pdfium, the PDF engine of Chromium) is imported only when a PDF is
read. Characters come from pdfium's raw text API, one call per character and property: the
helper objects of pypdfium2 cost a Python object per call, several times slower (see
docs/design-notes.md, "Reading PDF: the library"). Boxes are pdfium's *loose* boxes: the font's
ascent to descent and the glyph's advance, the same for every character of a line of one font,
so that lines group by their boxes whatever the glyphs' own shapes (``一``, ``-``) are.

Coordinates are turned to the page's top left corner, in PDF points (y grows downwards).
"""

from __future__ import annotations

import ctypes
import itertools

from typing import Any, Final, NamedTuple


__all__ = ["Char", "PageContent", "Rule", "page_content"]

MAX_CHARS: Final = 60_000
"""Characters read of one page at most (a page of a report holds a few thousand)."""
MAX_OBJECTS: Final = 20_000
"""Page objects looked at for ruling lines, at most (nested forms included)."""
MAX_SEGMENTS: Final = 20_000
"""Path segments looked at per page, at most."""
MAX_DEPTH: Final = 8
"""Nesting of form objects followed, at most."""
THIN: Final = 3.0
"""A path thinner than this (points) in one direction is a ruling line."""
_UNUSABLE: Final = (
    (0x00, 0x1F),  # control characters
    (0x7F, 0x9F),
    (0xD800, 0xDFFF),  # lone surrogates
    (0xE000, 0xF8FF),  # private use: what a font without a Unicode map often gives
    (0xF0000, 0x10FFFF),
)


class Char(NamedTuple):
    """A printed character and its box: ``x0, top, x1, bottom`` from the page's top left."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    space: bool = False
    """A space (printed or one pdfium knows is there): it separates, it is not text."""


class Rule(NamedTuple):
    """A ruling line: horizontal when ``top == bottom`` (within :data:`THIN`), else vertical."""

    x0: float
    top: float
    x1: float
    bottom: float


class PageContent(NamedTuple):
    """What a page holds for the reader.

    Attributes:
        chars: The characters, in the content's order, spaces marked.
        rules: Horizontal and vertical ruling lines (table borders).
        garbled: How many characters have no usable Unicode mapping (replaced by U+FFFD).
        images: Whether the page shows images (a scanned page does).
        cut: Whether a limit of this module was reached on the page.
        width: The page's width in points.
        height: The page's height in points.
    """

    chars: list[Char]
    rules: list[Rule]
    garbled: int
    images: bool
    cut: bool
    width: float
    height: float


def page_content(pdfium_c: Any, page: Any) -> PageContent:
    """Characters and ruling lines of *page* (a ``pypdfium2.PdfPage``)."""
    left, bottom, right, top = page.get_bbox()
    text_page = page.get_textpage()
    try:
        chars, garbled, cut = _chars(pdfium_c, text_page.raw, top)
    finally:
        text_page.close()
    rules, images, rules_cut = _rules(pdfium_c, page.raw, top)
    return PageContent(chars, rules, garbled, images, cut or rules_cut, right - left, top - bottom)


def _chars(c: Any, raw: Any, page_top: float) -> tuple[list[Char], int, bool]:
    count = c.FPDFText_CountChars(raw)
    cut = count > MAX_CHARS
    count = min(max(count, 0), MAX_CHARS)
    rect = c.FS_RECTF()
    pointer = ctypes.byref(rect)
    get_unicode, is_generated = c.FPDFText_GetUnicode, c.FPDFText_IsGenerated
    loose_box, map_error = c.FPDFText_GetLooseCharBox, c.FPDFText_HasUnicodeMapError
    tight_box = c.FPDFText_GetCharBox
    left, right, low, high = (
        ctypes.c_double(),
        ctypes.c_double(),
        ctypes.c_double(),
        ctypes.c_double(),
    )
    tight = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(low), ctypes.byref(high))
    chars: list[Char] = []
    garbled = 0
    for index in range(count):
        code = get_unicode(raw, index)
        if code in {10, 13} or is_generated(raw, index) == 1:
            continue  # pdfium's own guesses at spaces and line ends: the gaps tell
        if not loose_box(raw, index, pointer):
            continue
        x0, x1, y_top, y_bottom = rect.left, rect.right, rect.top, rect.bottom
        if tight_box(raw, index, *tight) and _absurd(
            x1 - x0, y_top - y_bottom, right.value - left.value, high.value - low.value
        ):
            # A font whose metrics make the loose box absurd (a glyph of a size-200 font
            # scaled down): the glyph's own box.
            x0, x1, y_top, y_bottom = left.value, right.value, high.value, low.value
        if code in {32, 0x3000, 0xA0}:
            chars.append(Char(" ", x0, page_top - y_top, x1, page_top - y_bottom, space=True))
            continue
        if map_error(raw, index) == 1 or _unusable(code):
            garbled += 1
            text = "\ufffd"
        else:
            text = chr(code)
        chars.append(Char(text, x0, page_top - y_top, x1, page_top - y_bottom))
    return chars, garbled, cut


def _absurd(width: float, height: float, glyph_width: float, glyph_height: float) -> bool:
    """Whether a loose box is far larger than its glyph's box."""
    glyph = max(glyph_width, glyph_height)
    return width > 3 * glyph_width + 6 or height > 3 * glyph + 6


def _unusable(code: int) -> bool:
    """Whether *code* is no character of text: a control character, a private-use one
    (what fonts without a Unicode map give), a replacement character or a lone surrogate."""
    return code in {0xFFFD, 0xFFFE, 0xFFFF} or any(low <= code <= high for low, high in _UNUSABLE)


_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Final[_Matrix] = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _rules(c: Any, raw_page: Any, page_top: float) -> tuple[list[Rule], bool, bool]:
    """The page's ruling lines: thin paths, and the straight edges of stroked paths."""
    walker = _RuleWalker(c, page_top)
    count = c.FPDFPage_CountObjects(raw_page)
    walker.walk([c.FPDFPage_GetObject(raw_page, i) for i in range(min(count, MAX_OBJECTS))])
    return walker.rules, walker.images, walker.cut or count > MAX_OBJECTS


class _RuleWalker:
    def __init__(self, c: Any, page_top: float) -> None:
        self.c = c
        self.page_top = page_top
        self.rules: list[Rule] = []
        self.images = False
        self.objects = 0
        self.segments = 0
        self.cut = False
        self.matrix = c.FS_MATRIX()
        self.x = ctypes.c_float()
        self.y = ctypes.c_float()
        self.fill = ctypes.c_int()
        self.stroke = ctypes.c_int()

    def walk(self, objects: list[Any], outer: _Matrix = _IDENTITY, depth: int = 0) -> None:
        c = self.c
        for obj in objects:
            self.objects += 1
            if self.objects > MAX_OBJECTS:
                self.cut = True
                return
            kind = c.FPDFPageObj_GetType(obj)
            if kind == c.FPDF_PAGEOBJ_IMAGE:
                self.images = True
            elif kind == c.FPDF_PAGEOBJ_PATH:
                self._path(obj, outer)
            elif kind == c.FPDF_PAGEOBJ_FORM:
                if depth >= MAX_DEPTH:
                    self.cut = True
                    continue
                inner = _compose(self._matrix(obj), outer)
                count = min(c.FPDFFormObj_CountObjects(obj), MAX_OBJECTS)
                children = [c.FPDFFormObj_GetObject(obj, i) for i in range(max(count, 0))]
                self.walk([child for child in children if child], inner, depth + 1)

    def _matrix(self, obj: Any) -> _Matrix:
        m = self.matrix
        if not self.c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
            return _IDENTITY
        return (m.a, m.b, m.c, m.d, m.e, m.f)

    def _path(self, obj: Any, outer: _Matrix) -> None:
        c = self.c
        matrix = _compose(self._matrix(obj), outer)
        c.FPDFPath_GetDrawMode(obj, ctypes.byref(self.fill), ctypes.byref(self.stroke))
        stroked = bool(self.stroke.value)
        count = c.FPDFPath_CountSegments(obj)
        if count <= 0:
            return
        if self.segments + count > MAX_SEGMENTS:
            self.cut = True
            return
        self.segments += count
        subpath: list[tuple[float, float]] = []
        for index in range(count):
            segment = c.FPDFPath_GetPathSegment(obj, index)
            if not segment or not c.FPDFPathSegment_GetPoint(
                segment, ctypes.byref(self.x), ctypes.byref(self.y)
            ):
                continue
            point = _apply(matrix, self.x.value, self.y.value)
            kind = c.FPDFPathSegment_GetType(segment)
            if kind == c.FPDF_SEGMENT_MOVETO:
                self._subpath(subpath, stroked)
                subpath = [point]
                continue
            if kind == c.FPDF_SEGMENT_BEZIERTO:
                self._subpath(subpath, stroked)  # curves are no rules: end what was straight
                subpath = [point]
                continue
            subpath.append(point)
            if c.FPDFPathSegment_GetClose(segment) and subpath:
                subpath.append(subpath[0])
        self._subpath(subpath, stroked)

    def _subpath(self, points: list[tuple[float, float]], stroked: bool) -> None:
        """A straight subpath: thin (a filled bar, a line) is one rule; a stroked shape
        gives its horizontal and vertical edges."""
        if len(points) < 2:  # noqa: PLR2004 (a line has two ends)
            return
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        if x1 - x0 <= THIN or y1 - y0 <= THIN:
            if max(x1 - x0, y1 - y0) > THIN:
                self._add(x0, y0, x1, y1)
            return
        if not stroked:
            return  # a filled shape: shading or a background, no border
        for (ax, ay), (bx, by) in itertools.pairwise(points):
            if abs(ax - bx) <= 0.5 or abs(ay - by) <= 0.5:  # noqa: PLR2004
                self._add(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))

    def _add(self, x0: float, y0: float, x1: float, y1: float) -> None:
        top, bottom = self.page_top - y1, self.page_top - y0
        if x1 - x0 >= bottom - top:
            middle = (top + bottom) / 2
            self.rules.append(Rule(x0, middle, x1, middle))
        else:
            middle = (x0 + x1) / 2
            self.rules.append(Rule(middle, top, middle, bottom))


def _compose(inner: _Matrix, outer: _Matrix) -> _Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer  # noqa: N806 (the matrix's usual names)
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def _apply(matrix: _Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return (a * x + c * y + e, b * x + d * y + f)
