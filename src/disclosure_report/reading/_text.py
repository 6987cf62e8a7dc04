"""The layout stage for plain text: lines into rows of cells.

Handles the shapes that tables take in extracted text: tab-separated lines, pipe-separated rows
(with or without outer pipes, with ``||`` fillers), Markdown tables (separator rows are skipped),
one cell per line (a lone ``|`` stands for an empty cell), and space-separated values after a
label (``规章 0 0 4``). Rows broken across lines are put together later, by the table stage.
"""

from __future__ import annotations

import functools
import re

from collections.abc import Iterator
from typing import TypeAlias

from disclosure_report.reading._source_layout import Cell, Row


__all__ = ["text_rows", "text_shape"]

_NEWLINES = re.compile(r"\r\n?|[\f\v\x1c-\x1e\x85\u2028\u2029]")
_MD_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_MD_TOKEN = re.compile(r"\\([!-/:-@\[-`{-~])|\|")
"""A Markdown backslash escape of ASCII punctuation, or a cell-separating pipe."""
_MD_HEADING = re.compile(r"^#{1,6}\s*")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
"""A Markdown backslash escape of ASCII punctuation."""
_VALUE = r"[+\-\u2212\uff0b\uff0d]?[0-9\uff10-\uff19]+(?:[.\uff0e][0-9\uff10-\uff19]+)?(?:[万萬]元|元|件|[个個]|[项項]|[条條])?|[/\uff0f\-\uff0d\u2014\u2013]{1,2}"
_VALUE_WORD = re.compile(_VALUE)
_MAX_CELLS = 200  # no table of the format has rows this wide
_MAX_CACHED = 400
"""Longer lines are prose, seldom repeated: not kept in the cache of shapes."""


def text_rows(text: str) -> list[Row]:
    """Split *text* into rows, one per non-empty line."""
    rows: list[Row] = []
    append = rows.append
    for number, line in enumerate(_lines(_NEWLINES.sub("\n", text)), start=1):
        shape = _shape(line) if len(line) <= _MAX_CACHED else _shape.__wrapped__(line)
        if shape is not None:
            texts, delimited = shape
            if delimited:
                cells = tuple([Cell(t, number, i) for i, t in enumerate(texts)])
                append(Row(cells, number, delimited=True))
            else:
                append(Row((Cell(texts[0], number),), number))
    return rows


_Shape: TypeAlias = tuple[tuple[str, ...], bool]
"""The cells' texts of a line, and whether the line marks its cells (tabs, pipes)."""


@functools.lru_cache(maxsize=4096)
def _shape(line: str) -> _Shape | None:
    """The shape of *line*, ``None`` for a line without cells. A long page repeats its lines
    (a table's rows, a layout's fillers): a repeated line is split once, and its rows share
    the texts."""
    stripped = line.strip()
    if not stripped:
        return None
    if "\t" in line:
        return _cells(line.split("\t"))
    if "|" in stripped or "\uff5c" in stripped:
        return _pipe_row(stripped.replace("\uff5c", "|"))
    return _plain_row(stripped)


def text_shape(line: str) -> _Shape | None:
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


def _pipe_row(line: str) -> _Shape | None:
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


def _plain_row(line: str) -> _Shape:
    line = _clean(_MD_HEADING.sub("", line) if line.startswith("#") else line)
    if "\\" in line:  # Markdown's escapes ('\*', '\[', '1\.'): the characters themselves
        line = _MD_ESCAPE.sub(r"\1", line)
    words = line.split(" ", _MAX_CELLS)
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


def _cells(parts: list[str]) -> _Shape:
    return tuple([_clean(p) for p in parts]), True


def _clean(text: str) -> str:
    r"""Runs of white space (what ``\s`` matches, exactly what str.split() splits at) as one
    space, stripped; Markdown emphasis dropped."""
    return " ".join(text.replace("**", "").split())
