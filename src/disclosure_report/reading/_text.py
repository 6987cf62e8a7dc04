"""The layout stage for plain text: lines into rows of cells.

Handles the shapes that tables take in extracted text: tab-separated lines, pipe-separated rows
(with or without outer pipes, with ``||`` fillers), Markdown tables (separator rows are skipped),
one cell per line (a lone ``|`` stands for an empty cell), one cell per line with a lone ``|``
line *between* cells (then the ``|`` lines separate cells: see :func:`_separated`), and
space-separated values after a label (``规章 0 0 4``). Rows broken across lines are put together
later, by the table stage.
"""

from __future__ import annotations

import functools
import itertools
import re

from collections.abc import Iterator, Sequence

from disclosure_report.reading._compact import FEW, CompactRows, Shape, make_row
from disclosure_report.reading._source_layout import Cell, Row


__all__ = ["text_rows", "text_shape"]

_NEWLINES = re.compile(r"\r\n?|[\f\v\x1c-\x1e\x85\u2028\u2029]")
_MD_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_MD_TOKEN = re.compile(r"\\([!-/:-@\[-`{-~])|\|")
"""A Markdown backslash escape of ASCII punctuation, or a cell-separating pipe."""
_MD_HEADING = re.compile(r"^#{1,6}\s*")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
"""A Markdown backslash escape of ASCII punctuation."""
_VALUE = r"[+\-\u2212\uff0b\uff0d]?[0-9\uff10-\uff19]+(?:[.\uff0e][0-9\uff10-\uff19]+)?(?:[万萬]元|元|件|[个個]|[项項]|[条條])?(?:[(\uff08][^()\uff08\uff09]{1,40}[)\uff09])?|[/\uff0f\-\uff0d\u2014\u2013]{1,2}"
"""A value as a word of a line: a number (with its unit, and words about it in parentheses,
``22（其中修订16件）``) or a not-applicable mark."""
_WORD = re.compile(r"(?:[^ (\uff08]|[(\uff08][^()\uff08\uff09]*[)\uff09]?)+")
"""A word of a line: spaces inside parentheses do not part it (``22（其中修订 16 件）``)."""
_VALUE_WORD = re.compile(_VALUE)
_DASH = "\\-\u2010-\u2015\u2212\uff0d~\uff5e"
_PAGE_NUMBER = re.compile(
    rf"[{_DASH}]\s*[0-9\uff10-\uff19]{{1,4}}\s*[{_DASH}]"
    r"|第\s*[0-9\uff10-\uff19]{1,4}\s*页(?:\s*[,，/]?\s*共\s*[0-9\uff10-\uff19]{1,4}\s*页)?"
)
"""A page number as printed text keeps it at a page break (``- 4 -``, ``— 5 —``, ``第4页``,
``第 4 页 共 9 页``): never a cell. A bare number is a value (one cell per line prints them so)."""
_MAX_CELLS = 200  # no table of the format has rows this wide
_MAX_CACHED = 400
"""Longer lines are prose, seldom repeated: not kept in the cache of shapes."""


def text_rows(text: str) -> Sequence[Row]:
    """Split *text* into rows, one per non-empty line; those of a long text (more lines than a
    report has, :data:`~._compact.FEW`) held compactly (:class:`~._compact.CompactRows`)."""
    text = _NEWLINES.sub("\n", text)
    compact = CompactRows() if text.count("\n") > FEW else None
    made: list[Row] = []
    add = compact.add if compact is not None else lambda s, n: made.append(make_row(s, n))
    piped: set[int] = set()  # lines that print a pipe of their own (not a lone '|')
    lone = False
    for number, line in enumerate(_lines(text), start=1):
        shape = _shape(line) if len(line) <= _MAX_CACHED else _shape.__wrapped__(line)
        if shape is not None:
            add(shape, number)
            texts, delimited = shape
            if not delimited:
                if not texts[0]:
                    lone = True
                elif "|" in line or "\uff5c" in line:
                    piped.add(number)
        elif "|" in line or "\uff5c" in line:
            piped.add(number)  # a filler ('||||'): the lines around it mark their cells
    rows = made if compact is None else compact
    if lone:
        return _separated(list(rows), piped)
    return tuple(made) if compact is None else compact


def _is_lone_pipe(row: Row) -> bool:
    return not row.delimited and not row.cells[0].text


def _separated(rows: list[Row], piped: set[int]) -> list[Row]:
    """*rows* with lone ``|`` lines read as what they are in their layout.

    A lone ``|`` is an empty cell where the cells mark themselves (``规章 |``, ``0 |``). In the
    layout where every cell stands on a line of its own and a ``|`` line stands *between* cells
    (``规章`` / ``|`` / ``0`` / ``|`` / ``0``), it separates cells: then a run of *k* ``|`` lines
    between two cells leaves *k - 1* empty cells, and lines not parted by a ``|`` are one cell
    printed over two lines (``本年新`` / ``制作数量``). That layout is told by the page: no two
    lines of values follow each other without a ``|`` between them, and a ``|`` run is taken
    as separators only where the lines on both sides print no pipe of their own.
    """
    for first, second in itertools.pairwise(rows):
        if (
            not first.delimited
            and not second.delimited
            and first.line not in piped
            and second.line not in piped
            and _VALUE_WORD.fullmatch(first.cells[0].text)
            and _VALUE_WORD.fullmatch(second.cells[0].text)
        ):
            return rows  # values one per line without separators: '|' is an empty cell
    result: list[Row] = []
    index, count = 0, len(rows)
    while index < count:
        row = rows[index]
        if not _is_lone_pipe(row):
            result.append(row)
            index += 1
            continue
        end = index
        while end < count and _is_lone_pipe(rows[end]):
            end += 1
        before = result[-1] if result else None
        after = rows[end] if end < count else None
        if _plain(before, piped) and _plain(after, piped):
            result.extend(rows[index + 1 : end])  # k separators: k - 1 empty cells
            if after is not None and end + 1 < count and not _is_lone_pipe(rows[end + 1]):
                index = _join_wrapped(rows, end, piped, result)
                continue
        else:
            result.extend(rows[index:end])
        index = end
    return result


def _plain(row: Row | None, piped: set[int]) -> bool:
    """Whether *row* is a one-cell line that prints no pipe (or the text's start or end)."""
    return row is None or (not row.delimited and row.line not in piped and bool(row.cells[0].text))


def _join_wrapped(rows: list[Row], start: int, piped: set[int], result: list[Row]) -> int:
    """Add the cell that begins at ``rows[start]``, after a ``|`` separator: the text lines up
    to the next ``|`` are one cell wrapped over lines (``本年新`` / ``制作数量``) when a ``|``
    closes them and none of them is a value; otherwise each line as it is. Returns the index
    of the row after them."""
    end = start
    while end < len(rows) and _plain(rows[end], piped):
        end += 1
    lines = rows[start:end]
    closed = end < len(rows) and _is_lone_pipe(rows[end])
    if closed and len(lines) > 1 and not any(_VALUE_WORD.fullmatch(r.cells[0].text) for r in lines):
        text = " ".join(r.cells[0].text for r in lines)
        result.append(Row((Cell(text, lines[0].line),), lines[0].line))
    else:
        result.extend(lines)
    return end


@functools.lru_cache(maxsize=4096)
def _shape(line: str) -> Shape | None:
    """The shape of *line*, ``None`` for a line without cells. A long page repeats its lines
    (a table's rows, a layout's fillers): a repeated line is split once, and its rows share
    the texts."""
    stripped = line.strip()
    if not stripped or _PAGE_NUMBER.fullmatch(stripped):
        return None
    if "\t" in line:
        return _cells(line.split("\t"))
    if "|" in stripped or "\uff5c" in stripped:
        return _pipe_row(stripped.replace("\uff5c", "|"))
    return _plain_row(stripped)


def text_shape(line: str) -> Shape | None:
    """The cells' texts of *line* (one line of text) and whether the line marks its cells, as
    :func:`text_rows` splits it; ``None`` for a line without cells."""
    return _shape(line) if len(line) <= _MAX_CACHED else _shape.__wrapped__(line)


def _lines(text: str) -> Iterator[str]:
    """The lines of *text*, one at a time: a list of them all would cost more than the text."""
    start = 0
    find = text.find
    while (end := find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _pipe_row(line: str) -> Shape | None:
    if _MD_SEPARATOR.match(line):
        return None
    if not line.replace("|", "").strip():
        # '|' alone is an empty cell of a one-cell-per-line table; '||', '| |||' are fillers.
        return (("",), False) if line == "|" else None
    parts = _split_pipes(line)
    if not parts[0].strip():
        parts = parts[1:]
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    if len(parts) == 1:
        return _plain_row(parts[0].strip())
    return _cells(parts)


def _split_pipes(line: str) -> list[str]:
    """The cells of a pipe row; in Markdown, ``\\|`` is a literal pipe and ``\\*`` (any ASCII
    punctuation after a backslash) the character itself."""
    if "\\" not in line:
        return line.split("|")
    parts: list[str] = []
    current: list[str] = []
    position = 0
    for match in _MD_TOKEN.finditer(line):
        current.append(line[position : match.start()])
        escaped = match.group(1)
        if escaped is None:
            parts.append("".join(current))
            current = []
        else:
            current.append(escaped)
        position = match.end()
    current.append(line[position:])
    parts.append("".join(current))
    return parts


def _plain_row(line: str) -> Shape:
    line = _clean(_MD_HEADING.sub("", line) if line.startswith("#") else line)
    if "\\" in line:  # Markdown's escapes ('\*', '\[', '1\.'): the characters themselves
        line = _MD_ESCAPE.sub(r"\1", line)
    words = line.split(" ", _MAX_CELLS)
    if ("(" in line or "\uff08" in line) and len(words) <= _MAX_CELLS:
        words = _WORD.findall(line)
    if len(words) > _MAX_CELLS:  # prose or noise, not a table row
        return (line,), False
    values = 0
    while values < len(words) and _VALUE_WORD.fullmatch(words[len(words) - 1 - values]):
        values += 1
    if values == 0 or len(words) == 1:
        return (line,), False
    head = words[: len(words) - values]
    cells = [" ".join(head)] if head else []
    return _cells([*cells, *words[len(words) - values :]])


def _cells(parts: list[str]) -> Shape:
    return tuple([_clean(p) for p in parts]), True


def _clean(text: str) -> str:
    r"""Runs of white space (what ``\s`` matches, exactly what str.split() splits at) as one
    space, stripped; Markdown emphasis dropped."""
    return " ".join(text.replace("**", "").split())
