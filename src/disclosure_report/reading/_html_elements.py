"""The elements of an HTML page as the reader walks them: from the page's whole tree, or
streamed as lxml parses it.

Both give the start and the end of each element that is not inline, in document order, with
the text that follows that start or end up to the next such element (the inline elements' text
and tails joined into it, as :func:`lxml.etree.strip_tags` leaves it), and say of each table
row whether it is *whole*: cells of text alone, which the reader can take at once.

A page of up to :data:`TREE_LIMIT` bytes is parsed at once and its tree walked by lxml in C
(:class:`TreeElements`): the faster way, for the pages that reports are published on. A tree
costs some twenty times the page in memory, though (a table of 400,000 rows: over 300 MB for
16 MB of HTML), so a larger page is parsed by lxml's pull parser a piece at a time, and each
element whose end has been read is cleared and unlinked from the tree behind the reading
(:class:`ElementStream`): what stays is the path from the root to the element being read. An
element's text and tail are known once the parser has read the next element, so the stream
runs one element behind the parser; a table row of plain cells is read to its end before it is
given (its inline elements stripped), any other row element by element. Where the page allows,
the parser gives no events for cells and inline elements at all, half the events of a long
table (:class:`RowStream`): each row is read from its tree at its end, and the text between
elements from the tree too; a page it does not fit is read again by :class:`ElementStream`.
Both give the rows that follow a row of plain cells, as long as they are rows of plain cells
too, in one go (:meth:`ElementStream.plain_rows`), so that the reader reads a long table a step
per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, TypeAlias


__all__ = [
    "TREE_LIMIT",
    "Element",
    "ElementStream",
    "Elements",
    "Etree",
    "RowStream",
    "TreeElements",
    "Unfit",
    "elements",
    "plain_text",
]

TREE_LIMIT = 1 << 19
"""The largest page (512 KiB, five times a typical report's page) read from its whole tree;
a larger one is streamed."""
_PIECE = 1 << 16
"""Bytes fed to the parser at a time: a piece of a page costs less than its tree."""
_NO_MARK = 1 << 62
"""No event to keep (:attr:`ElementStream._mark`)."""
_FRAME = frozenset({"html", "head", "body"})
"""The page's frame: elements without a role that :class:`RowStream` has events for."""
_MAX_HELD = 1 << 16
"""Events of a table row read ahead to give it whole, past which no more of the page is parsed
for it: a larger row (a page laid out in one cell) is given element by element, so that its
tree is freed as it is read."""
_OPTIONS = {"encoding": "utf-8", "remove_comments": True, "remove_pis": True, "no_network": True}
"""The parser's options: it decodes nothing but HTML's character references, and is told the
encoding rather than looking for it (the page has been decoded already, and is given in UTF-8
since lxml refuses a str that declares an encoding)."""


class Element(Protocol):
    """What the reader uses of an lxml element (lxml ships no type hints)."""

    tag: str  # comments and processing instructions (other tags) are not kept
    text: str | None
    tail: str | None
    sourceline: int | None

    def get(self, key: str) -> str | None: ...
    def keys(self) -> list[str]: ...
    def getparent(self) -> Element | None: ...
    def getprevious(self) -> Element | None: ...
    def getnext(self) -> Element | None: ...
    def clear(self) -> None: ...
    def __iter__(self) -> Iterator[Element]: ...
    def __len__(self) -> int: ...
    def __getitem__(self, index: int) -> Element: ...
    def __delitem__(self, index: int) -> None: ...


class _LogEntry(Protocol):
    type_name: str


class _Parser(Protocol):
    error_log: Iterable[_LogEntry]


class _PullParser(Protocol):
    """:class:`lxml.etree.HTMLPullParser`, with start and end events."""

    feed_error_log: Iterable[_LogEntry]

    def feed(self, data: bytes) -> None: ...
    def read_events(self) -> Iterator[tuple[str, Element]]: ...
    def close(self) -> Element | None: ...


class _Walk(Protocol):
    """:func:`lxml.etree.iterwalk` over one element: its start and end, and those of all
    below it, in document order."""

    def __iter__(self) -> Iterator[tuple[str, Element]]: ...
    def skip_subtree(self) -> None: ...


class Etree(Protocol):
    """What the reader uses of :mod:`lxml.etree`."""

    def HTMLParser(self, **options: object) -> _Parser: ...  # noqa: N802
    def HTMLPullParser(self, **options: object) -> _PullParser: ...  # noqa: N802
    def fromstring(self, text: bytes, parser: _Parser) -> Element | None: ...
    def iterwalk(self, tree: Element, events: tuple[str, ...]) -> _Walk: ...
    def strip_tags(self, tree: Element, *tags: str) -> None: ...


_Raw: TypeAlias = tuple[str, Element]
"""An event as the parser gives it: ``"start"`` or ``"end"``, and the element."""
Event: TypeAlias = tuple[str, Element, str]
"""An event as the stream gives it: with the text that follows (``""`` for none)."""


class Elements(Protocol):
    """What the reader walks (see the module's docstring).

    Iterate once. :meth:`skip_subtree` after the start of an element leaves out all below it
    (its end and the text after it still come); :attr:`whole` says of the start of a table row
    just given whether the row holds nothing but cells of text (inline elements stripped), so
    that its cells can be taken at once.
    """

    whole: bool

    @property
    def cut(self) -> bool:
        """Whether the parser stopped before the end of the page, at a limit of its own (known
        once the elements have been walked)."""

    def __iter__(self) -> Iterator[Event]: ...
    def skip_subtree(self) -> None: ...
    def plain_rows(self) -> Iterator[tuple[int, Element]]:
        """After a whole row read at once: the rows that follow it to be read the same way,
        each with the line breaks before it (see :meth:`ElementStream.plain_rows`)."""


class Unfit(Exception):  # noqa: N818 (not an error: a way that does not fit a page)
    """Raised by :class:`RowStream` when the page has what it does not read: the page is then
    read the next way."""


def elements(
    etree: Etree,
    data: bytes,
    *,
    inline: tuple[str, ...],
    cells: frozenset[str],
    others: frozenset[str],
) -> Iterator[Elements]:
    """The ways to read the page *data* (UTF-8), to be tried in turn until one does not raise
    :class:`Unfit`: its tree, for a page of up to :data:`TREE_LIMIT` bytes; else streamed, by
    rows if the page allows (:class:`RowStream`), else element by element. *inline*, *cells*
    and *others* are the tags of inline elements, of table cells, and of the other elements
    the reader knows (with a role: tables, rows, blocks, what is not shown)."""
    if len(data) <= TREE_LIMIT:
        yield TreeElements(etree, data, inline=inline, cells=cells)
        return
    yield RowStream(etree, data, inline=inline, cells=cells, others=others)
    yield ElementStream(etree, data, inline=inline, cells=cells)


class TreeElements:
    """The elements of a page parsed whole, its inline elements stripped, walked by lxml."""

    __slots__ = ("_cells", "_etree", "_parser", "_root", "_walker", "whole")

    def __init__(
        self, etree: Etree, data: bytes, *, inline: tuple[str, ...], cells: frozenset[str]
    ) -> None:
        self._parser = etree.HTMLParser(**_OPTIONS)
        self._root = etree.fromstring(data, self._parser)  # None for a page of nothing
        if self._root is not None:
            etree.strip_tags(self._root, *inline)
        self._etree = etree
        self._cells = cells
        self._walker: _Walk | None = None
        self.whole = False

    @property
    def cut(self) -> bool:
        return any(e.type_name == "ERR_RESOURCE_LIMIT" for e in self._parser.error_log)

    def skip_subtree(self) -> None:
        if self._walker is not None:
            self._walker.skip_subtree()

    def plain_rows(self) -> Iterator[tuple[int, Element]]:
        return iter(())  # lxml walks a page's tree in C: each row comes as any element

    def __iter__(self) -> Iterator[Event]:
        if self._root is None:
            return
        cells = self._cells
        walker = self._walker = self._etree.iterwalk(self._root, ("start", "end"))
        for event, element in walker:
            if event == "end":
                yield event, element, element.tail or ""
                continue
            if element.tag == "tr":
                self.whole = _shape(list(element), cells, None) != _NOT_PLAIN
            yield event, element, element.text or ""


class ElementStream:
    """The elements of a page streamed as the parser reads it, the tree behind freed.

    Args:
        etree: :mod:`lxml.etree`.
        data: The page, in UTF-8.
        inline: The tags of the inline elements.
        cells: The tags of table cells.
    """

    __slots__ = (
        "_at", "_cells", "_data", "_etree", "_events", "_fed", "_inline", "_mark", "_parser",
        "_ready", "_skip", "whole",
    )  # fmt: skip

    def __init__(
        self, etree: Etree, data: bytes, *, inline: tuple[str, ...], cells: frozenset[str]
    ) -> None:
        self._parser = etree.HTMLPullParser(events=("start", "end"), **_OPTIONS)
        self._data = data
        self._fed = 0  # bytes of the page fed to the parser; -1 once it is closed
        self._events: list[_Raw] = []  # read from the parser, from the one to read next on
        self._at = 0  # the event to read next
        self._mark = _NO_MARK  # an event to keep while reading on (see plain_rows)
        self._ready = 0  # events before this one are complete (the parser has read past them)
        self._etree = etree
        self._inline = frozenset(inline)
        self._cells = cells
        self._skip = False
        self.whole = False

    @property
    def cut(self) -> bool:
        return any(e.type_name == "ERR_RESOURCE_LIMIT" for e in self._parser.feed_error_log)

    def skip_subtree(self) -> None:
        self._skip = True

    def __iter__(self) -> Iterator[Event]:
        inline = self._inline
        while True:
            # The next event, read in place (what _next does, without a call for each).
            at = self._at
            if at < self._ready:
                raw = self._events[at]
                self._at = at + 1
            elif (read := self._next()) is not None:
                raw = read
            else:
                return
            event, element = raw
            self.whole = False
            held = event == "start" and element.tag == "tr" and self._hold(element)
            chunk = (element.text or "") if held else self._chunk(raw, inline)
            self._skip = False
            yield event, element, chunk
            if event == "end":
                _prune(element)
            elif held:  # what was read of the row, but its end, is in its tree
                if not self._skip:
                    yield from self._inside(element)
            elif self._skip:
                self._skip_to_end(element)

    def _read(self, keep: int) -> int | None:
        """Parse the page on until more events are complete, forgetting the events before
        *keep*: how many were forgotten, ``None`` when the page has been read to its end."""
        if self._fed < 0:
            return None
        parser, data, events = self._parser, self._data, self._events
        keep = min(keep, self._mark)
        del events[:keep]
        self._at -= keep
        self._ready -= keep
        self._mark -= keep
        before = self._ready
        while self._ready <= before and self._fed >= 0:
            if self._fed < len(data):
                parser.feed(data[self._fed : self._fed + _PIECE])
                self._fed += _PIECE
                events.extend(parser.read_events())
                # The last event's text or tail may go on in the next piece.
                self._ready = max(len(events) - 1, 0)
            else:
                self._fed = -1
                try:
                    parser.close()
                except SyntaxError:  # lxml's, on a page of nothing (recovering, it raises no other)
                    pass
                else:
                    events.extend(parser.read_events())
                self._ready = len(events)
        return keep

    def plain_rows(self) -> Iterator[tuple[int, Element]]:
        """The rows that follow the table row whose start was given last, whole and read at
        once by the reader: each the next element after the one before, after white space
        alone, itself whole with nothing but white space between its cells. With each, the
        line breaks of that white space; the reader reads each as it read the first, and the
        end of the last comes as any element's. A long table's rows go by here, a step each."""
        parent: Element | None = None  # of the rows, once the first is freed
        while True:
            at = self._mark = self._at  # the end of the row read last, given back by _hold
            end: _Raw | None
            following: _Raw | None
            if at + 1 < self._ready:  # the two events read in place, without a call each
                end, following = self._events[at], self._events[at + 1]
                self._at = at + 2
            else:
                end, following = self._next(), self._next()
            if end is None or end[0] != "end":
                break
            row = end[1]
            tail = row.tail
            if (
                (tail and not tail.isspace())
                or following is None
                or following[0] != "start"
                or following[1].tag != "tr"
                or following[1] is not row.getnext()
            ):
                break
            element = following[1]
            if not (self._hold(element) and self.whole and self._spaced(element)):
                break
            self._mark = _NO_MARK
            if parent is None:
                _prune(row)
                parent = row.getparent()
            else:  # what _prune does, knowing that the row before is the parent's first
                row.clear()
                del parent[0]
            yield tail.count("\n") if tail else 0, element
        self._at = self._mark  # back to that end
        self._mark = _NO_MARK

    def _spaced(self, row: Element) -> bool:
        """Whether the row *row*, just held whole, has white space alone between its cells."""
        return plain_text(row)

    def _next(self) -> _Raw | None:
        """The next event, or ``None`` after the last."""
        while self._at >= self._ready:
            if self._read(self._at) is None:
                return None
        raw = self._events[self._at]
        self._at += 1
        return raw

    def _chunk(self, raw: _Raw, inline: frozenset[str]) -> str:
        """The text after *raw* up to the next element that is not inline: its own text or
        tail, then the text and tail of the inline elements in between."""
        event, element = raw
        first = (element.text if event == "start" else element.tail) or ""
        parts: list[str] | None = None
        # The buffer read in place: a Word-exported page has more inline elements than others.
        events, at, ready = self._events, self._at, self._ready
        while True:
            if at >= ready:
                self._at = at
                if self._read(at) is None:
                    break
                at, ready = self._at, self._ready
                continue
            event, element = events[at]
            if element.tag not in inline:
                break
            at += 1
            text = element.text if event == "start" else element.tail
            if text:
                if parts is None:
                    parts = [first]
                parts.append(text)
        self._at = at
        return first if parts is None else "".join(parts)

    def _hold(self, row: Element) -> bool:
        """Read the table row *row* to its end when it holds nothing but cells of text and
        inline elements (which are then stripped; the row is then :attr:`whole`): whether it
        was. Otherwise what was read ahead is read again, and the row is read element by
        element."""
        cells, inline = self._cells, self._inline
        begin = at = self._at
        events, ready = self._events, self._ready
        in_cell = stripped = False
        # The buffer read in place: the rows of a long table are read here.
        while True:
            if at >= ready:
                self._at = at
                forgotten = None if at - begin > _MAX_HELD else self._read(begin)
                if forgotten is None:
                    break
                begin -= forgotten
                at, events, ready = self._at, self._events, self._ready
                continue
            event, element = events[at]
            at += 1
            if event == "end":
                if element is row:
                    self._at = at - 1  # its end comes as any element's
                    if stripped:
                        self._etree.strip_tags(row, *inline)
                    self.whole = True
                    return True
                if element.tag not in inline:
                    in_cell = False  # a cell's end
            elif element.tag in inline:
                stripped = True
            elif not in_cell and element.tag in cells:
                in_cell = True
            else:
                break
        self._at = begin
        return False

    def _inside(self, row: Element) -> Iterator[Event]:
        """The events below a row read whole, from its (complete, stripped) tree."""
        walker = self._etree.iterwalk(row, ("start", "end"))
        for event, element in walker:
            if element is row:
                if event == "end":
                    return  # the row's end comes from the parser, with the text after it
                continue
            self._skip = False
            yield event, element, ((element.text if event == "start" else element.tail) or "")
            if self._skip:
                walker.skip_subtree()

    def _skip_to_end(self, element: Element) -> None:
        """Leave out the events below *element*, clearing what they built."""
        while (raw := self._next()) is not None:
            event, below = raw
            if event == "end":
                if below is element:
                    self._at -= 1  # read next
                    return
                _prune(below)


class RowStream(ElementStream):
    """The elements of a page streamed as the parser reads it, the parser giving no events for
    table cells and inline elements: each table row is read from its tree at its end, and the
    text between elements from the tree.

    Half the events of a long table and a third of the time: for a page whose rows hold
    nothing the parser gives events for (a row with a paragraph or a table in a cell), whose
    cells stand in rows, and which has no element the reader does not know; at anything else,
    :class:`Unfit` is raised, so that the page is read by :class:`ElementStream`.
    """

    __slots__ = ("_blank_between", "_checked", "_evented", "_kept", "_open")

    def __init__(
        self,
        etree: Etree,
        data: bytes,
        *,
        inline: tuple[str, ...],
        cells: frozenset[str],
        others: frozenset[str],
    ) -> None:
        super().__init__(etree, data, inline=inline, cells=cells)
        self._evented = others | _FRAME
        self._parser = etree.HTMLPullParser(
            events=("start", "end"), tag=sorted(self._evented), **_OPTIONS
        )
        self._open: list[Element] = []  # the elements with events open, as the events say
        self._blank_between = False  # of the row held last: white space alone between cells
        self._kept: list[Element] = []
        self._checked = 0  # events read whose order has been checked

    def _read(self, keep: int) -> int | None:
        """As :meth:`ElementStream._read`, checking the order of the events read: lxml gives
        the end of an element that the parser closed without an end tag (a ``<p>`` before a
        ``<div>``, a ``<head>`` before a ``<body>``) late when it gives some elements'
        events only. Raises :class:`Unfit` then."""
        forgotten = super()._read(keep)
        if forgotten is None:
            return None
        events, opened, evented = self._events, self._open, self._evented
        for event, element in events[self._checked - forgotten :]:
            if event == "end":
                if not opened or opened.pop() is not element:
                    raise Unfit
                continue
            parent = element.getparent()
            while parent is not None and parent.tag not in evented:
                parent = parent.getparent()  # an inline element's, or an unknown one's
            if parent is not (opened[-1] if opened else None):
                raise Unfit
            opened.append(element)
        self._checked = len(events)
        return forgotten

    def _hold(self, row: Element) -> bool:
        """The row, whose subtree is read once the parser gives its end next: its inline
        elements stripped, and whether it is :attr:`whole`."""
        at = self._at
        if at < self._ready:  # read in place, without a call: a long table's rows come here
            following: _Raw | None = self._events[at]
        else:
            following = self._next()
            self._at -= 1
        if following is None or following[0] != "end" or following[1] is not row:
            raise Unfit  # an element with events in the row
        # Its end, next, comes as any element's.
        # The cells' proxies kept until the next row: the reader reads them next, and lxml
        # then gives the same objects instead of making them again.
        self._kept = list(row)
        shape = _shape(self._kept, self._cells, row.text)
        if shape == _NOT_PLAIN:  # inline elements in its cells, perhaps: stripped, then told
            self._etree.strip_tags(row, *self._inline)
            self._kept = list(row)
            shape = _shape(self._kept, self._cells, row.text)
        self.whole = shape != _NOT_PLAIN
        self._blank_between = shape == _SPACED
        return True

    def _spaced(self, row: Element) -> bool:  # noqa: ARG002 (told as the row was held)
        return self._blank_between

    def _chunk(self, raw: _Raw, inline: frozenset[str]) -> str:
        """The text after *raw* up to the next element with events, read from the tree: its
        own text or tail, then the text and tails of the inline elements in between."""
        event, element = raw
        parts = [(element.text if event == "start" else element.tail) or ""]
        evented = self._evented
        if event == "start":
            parent: Element | None = element
            node = element[0] if len(element) else None
        else:
            parent, node = element.getparent(), element.getnext()
        while True:
            if node is None:  # past the last child: up, unless the parent has events
                if parent is None or parent is element or parent.tag in evented:
                    break
                if parent.tag not in inline:
                    raise Unfit
                parts.append(parent.tail or "")
                node = parent.getnext()
                parent = parent.getparent()
                continue
            tag = node.tag
            if tag in evented:
                break
            if tag not in inline:
                raise Unfit  # a cell out of a row, or an element the reader does not know
            parts.append(node.text or "")
            if len(node):
                parent, node = node, node[0]
            else:
                parts.append(node.tail or "")
                node = node.getnext()
        return parts[0] if len(parts) == 1 else "".join(parts)


def plain_text(row: Element) -> bool:
    """Whether *row*, a row of cells of text, has nothing but white space between its cells
    (its cells can then be read at once)."""
    head = row.text
    if head is not None and not head.isspace():
        return False
    for cell in row:
        tail = cell.tail
        if tail is not None and not tail.isspace():
            return False
    return True


_NOT_PLAIN, _TEXT_BETWEEN, _SPACED = 0, 1, 2
"""What :func:`_shape` says of a row."""


def _shape(children: list[Element], cells: frozenset[str], head: str | None) -> int:
    """Of a row whose *children* and text *head* these are: whether it holds nothing but cells
    of text (else :data:`_NOT_PLAIN`), and if so whether white space alone stands between them
    (:data:`_SPACED`, as :func:`plain_text` says; else :data:`_TEXT_BETWEEN`). One loop: a long
    table's rows come here."""
    spaced = head is None or head.isspace()
    for cell in children:
        if cell.tag not in cells or len(cell):
            return _NOT_PLAIN
        tail = cell.tail
        if spaced and tail is not None and not tail.isspace():
            spaced = False
    return _SPACED if spaced else _TEXT_BETWEEN


def _prune(element: Element) -> None:
    """Free what *element*, whose end has been read, and the elements before it at its level
    hold: they are read."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
