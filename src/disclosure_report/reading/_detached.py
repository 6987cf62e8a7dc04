"""Rows of values printed apart from their labels, as text taken from a PDF prints them.

A PDF's text comes line by line, by the height on the page. A table row whose label wraps over
several lines, its values centred beside them, comes out with its values on a line of their own;
a page of such rows prints every label first and the rows of values after them, or a label's
last words between two rows of values. Where the layout lost the labels of some rows, rows of
bare numbers stand where labelled rows should be.

:func:`regroup` takes the rows of a table as the collector found them, between two headings,
and gives each row of values to its row when the printed sequence of the format's rows leaves
no doubt, saying so in a ``values_detached`` note:

* the rows of values are as many as the labels printed without values before them, each as
  wide as its row, and each label is printed before its values: the *i*-th row of values is
  the *i*-th label's (a label's last words between two rows of values continue it);
* bare rows of values between two rows that hold their own values (or a group's label), as many
  as the format's rows between those two, each as wide as its row, every label printed there
  before its values: the *i*-th is the *i*-th of the format's rows there.

Rows of values that follow a complete row but fit neither rule are set aside with a
``stray_value`` note that quotes them, so that they never fill that row's cells. A lone number
beside a row whose values fill its columns on a line of their own (a page number, printed at a
page break next to a label) is set aside the same way.

A cell of two lines (``22（其中修订16件）``) printed on a line of its own, above or below a row
that is one value short, is that row's: in the cell the row shows blank (or the row's one
column); where the row shows no gap, its cells are known but not their columns, and the row is
left blank with a ``cells_ambiguous`` note that quotes them all. Anything else is left as found.
"""

from __future__ import annotations

import itertools

from collections.abc import Sequence
from typing import Literal, NamedTuple

import attrs

from disclosure_report.reading._notes import NoteCode, ReadingNote, is_full
from disclosure_report.reading._place import BLANK
from disclosure_report.reading._rows import Occurrence, Token, where
from disclosure_report.reading._source_layout import Cell, Row
from disclosure_report.reading._vocabulary import Matcher, RowSpec


__all__ = ["regroup"]

_EventKind = Literal["label", "anchor", "partial", "unknown", "group", "fragment", "values"]


_BOUNDS = frozenset({"anchor", "unknown", "group"})
"""What closes a run of lines of values: a row that holds its own values, or a group's label."""


class _Event(NamedTuple):
    """One thing printed, in order: a label (with its own values: an anchor; with some of
    them: partial; with values whose columns are unknown: unknown), a group's label, a label's
    continuation (a fragment), or a row of values on a line of its own."""

    kind: _EventKind
    occurrence: Occurrence
    values: tuple[Token, ...] = ()


class _Found(NamedTuple):
    """What regrouping found: the values given to each row, the rows whose labels are printed,
    and the lines of values set aside (with the row they stand by, and why)."""

    values: dict[RowSpec, tuple[Token, ...]]
    labels: dict[RowSpec, Occurrence]
    aside: list[tuple[tuple[Token, ...], Occurrence, str]]


def regroup(
    block: Sequence[Occurrence], matcher: Matcher, number: int, notes: list[ReadingNote]
) -> Sequence[Occurrence]:
    """The occurrences of *block* (rows found between two headings of table *number*, in
    printed order) with rows of values printed apart from their labels given to their rows
    (see the module's docstring); *block* itself when there is nothing to regroup."""
    apart = False
    for occurrence in block:
        if not _as_printed(occurrence):
            if _one_per_line(occurrence):
                return block  # one value per line: a layout of its own (see _place)
            apart = True
    if not apart:
        return block  # the common case: nothing printed apart
    found = _Found({}, {}, [])
    events = _events(block, matcher)
    if events is None:
        return block
    anchors = [i for i, e in enumerate(events) if e.kind in {"anchor", "unknown"}]
    bounds = [-1, *anchors, len(events)]
    for start, stop in itertools.pairwise(bounds):
        if not _place_run(events, start, stop, matcher, found):
            return block
    return _rebuilt(events, found, notes, number)


def _as_printed(occurrence: Occurrence) -> bool:
    """Whether the values of *occurrence* are all on its label's line, or all on one line
    after it that is as wide as its row: then they are its own, whatever else is printed."""
    values = occurrence.values
    if not values:
        return True
    row = values[0].row
    if values[-1].row is not row:  # values come line by line: the first and last tell
        return False
    spec = occurrence.spec
    return row is occurrence.row or (
        spec is not None and not spec.is_group and len(values) == len(spec.columns)
    )


def _one_per_line(occurrence: Occurrence) -> bool:
    """Whether *occurrence* prints its values one per line, each on a line of its own."""
    values = occurrence.values
    if len(values) < 2:  # noqa: PLR2004 (two values tell)
        return False
    first, second = values[0].row, values[1].row
    return first is not second and not first.delimited and not second.delimited


def _events(block: Sequence[Occurrence], matcher: Matcher) -> list[_Event] | None:
    """The printed sequence of *block*, or ``None`` when a row's values are not whole lines of
    values (a row wrapped inside its values, text among values) or a row is not the format's:
    such blocks are left as found."""
    events: list[_Event] = []
    previous: Occurrence | None = None
    for occurrence in block:
        spec = occurrence.spec
        own = [t for t in occurrence.values if t.row is occurrence.row]
        lines = _lines(occurrence)
        if lines is None:
            return None
        if spec is not None and not spec.is_group:
            if _lone_number(own) and len(spec.columns) > 1:
                lines.insert(0, tuple(own))  # a lone number beside the label: see _place_run
                own = []
            kind: _EventKind = "anchor" if len(own) == len(spec.columns) else "label"
            events.append(
                _Event("partial" if own and kind == "label" else kind, occurrence, tuple(own))
            )
            previous = occurrence
        elif own:
            return None  # a group or local row with values on its own line: an extra row
        elif spec is not None:
            events.append(_Event("group", occurrence))
        elif previous is not None and _continues(previous, occurrence, matcher):
            events.append(_Event("fragment", occurrence))
        elif lines and occurrence.label.text:
            return None  # a row that is not the format's, its values on lines of their own
        events.extend(_Event("values", occurrence, line) for line in lines)
    return _claim_annotated(events)


def _claim_annotated(events: list[_Event]) -> list[_Event] | None:
    """*events* with each cell of two lines printed apart from its row (``22（其中修订16件）``
    above or below a row that is one value short) back in its row: where the row shows which
    cell it lacks (one blank cell, or a row of one column), in that cell; where it does not,
    the row's cells are unknown and it is left blank, with a note (see :func:`_rebuilt`).
    ``None`` while a row short of values is left that no such cell completes."""
    result: list[_Event | None] = list(events)
    for i, event in enumerate(events):
        if event.kind not in {"partial", "anchor", "label"}:
            continue
        size = len(_spec(event).columns)
        blanks = [k for k, t in enumerate(event.values) if t.value.kind == "blank"]
        short = event.kind == "partial" and len(event.values) == size - 1 and not blanks
        known = (event.kind == "anchor" and len(blanks) == 1) or (
            event.kind == "label" and size == 1 and _alone(events, i)
        )
        beside = (
            _annotated_beside(result, i, below=event.kind != "label") if short or known else None
        )
        if beside is None:
            if event.kind == "partial":
                return None
            continue
        token = events[beside].values[0]
        if known and event.kind == "anchor":
            values = tuple(token if k == blanks[0] else t for k, t in enumerate(event.values))
        elif known:
            values = (token,)
        else:
            values = (*event.values, token)
        result[i] = _Event("anchor" if known else "unknown", event.occurrence, values)
        result[beside] = None
    return [e for e in result if e is not None]


def _alone(events: list[_Event], index: int) -> bool:
    """Whether the label ``events[index]`` has no line of values after it, and the line above
    it follows no label that lacks one (whose line it would be)."""
    after = events[index + 1].kind if index + 1 < len(events) else None
    before = events[index - 2].kind if index >= 2 else None  # noqa: PLR2004 (two events up)
    return after != "values" and before not in {"label", "fragment"}


def _annotated_beside(events: list[_Event | None], index: int, *, below: bool) -> int | None:
    """The index of a line of one annotated number right above ``events[index]`` (or, with
    *below*, right below it) that no row has taken, ``None`` without one."""
    for other in (index - 1, index + 1) if below else (index - 1,):
        event = events[other] if 0 <= other < len(events) else None
        if event is not None and _annotated_line(event):
            return other
    return None


def _annotated_line(event: _Event) -> bool:
    """Whether *event* is a line of one number with an annotation (a cell of two lines)."""
    values = event.values
    return event.kind == "values" and len(values) == 1 and bool(values[0].value.annotation)


def _lines(occurrence: Occurrence) -> list[tuple[Token, ...]] | None:
    """The values of *occurrence* not on its label's line, by line; ``None`` when one of those
    lines is not a whole line of values (one value per line is a layout of its own)."""
    lines: dict[int, list[Token]] = {}
    rows: dict[int, Row] = {}
    for token in occurrence.values:
        row = token.row
        if row is occurrence.row:
            continue
        if not token.value.is_value:
            return None
        lines.setdefault(id(row), []).append(token)
        rows[id(row)] = row
    result: list[tuple[Token, ...]] = []
    for key, tokens in lines.items():
        row = rows[key]
        if not row.delimited and not (len(tokens) == 1 and tokens[0].value.kind == "number"):
            return None
        result.append(tuple(tokens))
    return result


def _lone_number(tokens: Sequence[Token]) -> bool:
    """Whether *tokens* are one bare number (no annotation: that is a cell of its own)."""
    return len(tokens) == 1 and tokens[0].value.kind == "number" and not tokens[0].value.annotation


def _continues(label: Occurrence, fragment: Occurrence, matcher: Matcher) -> bool:
    """Whether *fragment*'s text ends *label*'s: together they are the label of its row."""
    text = "".join([label.label.text, *label.words, fragment.label.text, *fragment.words])
    return label.spec is not None and matcher.row(text) is label.spec


def _place_run(
    events: list[_Event], start: int, stop: int, matcher: Matcher, found: _Found
) -> bool:
    """Give the rows of values between ``events[start]`` (an anchor, or the block's start) and
    ``events[stop]`` to their rows, into *found*. ``False`` when the run cannot be read
    without doubt and the block is to be left as found."""
    run = range(start + 1, stop)
    values = [i for i in run if events[i].kind == "values"]
    if not values:
        return True
    labels = [i for i in run if events[i].kind == "label"]
    if _place(events, labels, values, found, around=(start, stop), matcher=matcher):
        return True
    lone = [i for i in values if _lone_number(events[i].values)]
    rest = [i for i in values if not _lone_number(events[i].values)]
    if lone and rest and _place(events, labels, rest, found, around=(start, stop), matcher=matcher):
        why = (
            "a lone number among lines of values that fill their rows (a page number,"
            " perhaps); not put in a cell"
        )
        found.aside.extend((events[i].values, events[i].occurrence, why) for i in lone)
        return True
    if start >= 0 and not labels and all(e.kind == "values" for e in events[start + 1 : stop]):
        why = (
            "a line of values after a row whose cells it already holds, and no row of the"
            " format left for it; not put in a cell"
        )
        found.aside.extend((events[i].values, events[start].occurrence, why) for i in values)
        return True
    return False


def _place(
    events: list[_Event],
    labels: list[int],
    values: list[int],
    found: _Found,
    *,
    around: tuple[int, int],
    matcher: Matcher,
) -> bool:
    """Give the lines *values* to the rows whose *labels* are printed in the run, in order;
    or, where they are more, to the format's rows between the rows around them. ``False``
    when neither leaves no doubt."""
    specs = [_spec(events[i]) for i in labels]
    order = [matcher.rows.index(spec) for spec in specs]
    if order == sorted(set(order)) and _fits(events, labels, specs, values):
        _give(events, labels, specs, values, found)
        return True
    slots = _slots(events, *around, values, matcher)
    if slots is None:
        return False
    printed = {_spec(events[i]): i for i in labels}
    if len(slots) != len(values) or not set(printed) <= set(slots):
        return False
    shown = [printed[spec] for spec in slots if spec in printed]
    if shown != sorted(shown):
        return False  # labels printed in another order than the format's: in doubt
    places = [printed.get(spec, values[k]) for k, spec in enumerate(slots)]
    if not _fits(events, places, slots, values):
        return False
    _give(events, labels, slots, values, found)
    return True


def _spec(event: _Event) -> RowSpec:
    """The row of the format that *event* (a label, an anchor or a group's label) names."""
    spec = event.occurrence.spec
    assert spec is not None  # noqa: S101 (a label of the format)
    return spec


def _fits(
    events: list[_Event], places: list[int], specs: Sequence[RowSpec], values: list[int]
) -> bool:
    """Whether the *i*-th line of *values* fits the *i*-th row of *specs*, printed at
    ``events[places[i]]``: as many lines as rows, each as wide as its row, each label printed
    no later than its values."""
    if not specs or len(specs) != len(values):
        return False
    return all(
        len(events[v].values) == len(spec.columns) and place <= v
        for spec, place, v in zip(specs, places, values, strict=True)
    )


def _slots(
    events: list[_Event], start: int, stop: int, values: list[int], matcher: Matcher
) -> list[RowSpec] | None:
    """The format's rows between the rows (or group labels) printed around the run's rows of
    values, in printed order; ``None`` where the run is not closed on both sides."""
    before = [i for i in range(start, values[0]) if i >= 0 and events[i].kind in _BOUNDS]
    after = [
        i for i in range(values[-1] + 1, stop + 1) if i < len(events) and events[i].kind in _BOUNDS
    ]
    if not before or not after:
        return None
    rows = matcher.rows
    first, last = _spec(events[before[-1]]), _spec(events[after[0]])
    if first not in rows or last not in rows:
        return None
    low, high = rows.index(first), rows.index(last)
    if any(events[i].kind == "label" for i in range(start + 1, before[-1])):
        return None
    return [spec for spec in rows[low + 1 : high] if not spec.is_group] or None


def _give(
    events: list[_Event],
    labels: list[int],
    specs: Sequence[RowSpec],
    values: list[int],
    found: _Found,
) -> None:
    """Record in *found* that the *i*-th line of *values* is the *i*-th row of *specs*."""
    for i in labels:
        found.labels[_spec(events[i])] = events[i].occurrence
    for spec, v in zip(specs, values, strict=True):
        found.values[spec] = events[v].values


def _rebuilt(
    events: list[_Event],
    found: _Found,
    notes: list[ReadingNote],
    number: int,
) -> list[Occurrence]:
    """The block's occurrences, each row of the format with the values it was given (and the
    words of the fragments that continue its label); a note for each row whose values were
    not already after its label."""
    result: list[Occurrence] = []
    moved: list[tuple[Occurrence, tuple[Token, ...]]] = []
    last: Occurrence | None = None
    for event in events:
        occurrence = event.occurrence
        if event.kind == "fragment" and last is not None:
            last.words.extend([occurrence.label.text, *occurrence.words])
        if event.kind in {"fragment", "values"}:
            continue
        given = _given(event, found)
        last = attrs.evolve(occurrence, values=list(given), words=list(occurrence.words))
        result.append(last)
        if event.kind == "unknown":
            _unknown(occurrence, event.values, notes, number)
        elif given and not {id(t) for t in given} <= {id(t) for t in occurrence.values}:
            moved.append((last, given))
    for spec, given in found.values.items():
        if spec not in found.labels:
            label = Cell("", given[0].cell.line, page=given[0].cell.page, box=given[0].cell.box)
            occurrence = Occurrence(spec, label, given[0].row, list(given))
            result.append(occurrence)
            moved.append((occurrence, given))
    if moved:
        _note(moved, notes, number)
    for line, occurrence, why in found.aside:
        _aside(line, occurrence, number, notes, why)
    return result


def _given(event: _Event, found: _Found) -> tuple[Token, ...]:
    """The values of the row of *event* (a label, with or without its values, or a group's)."""
    if event.kind == "anchor":
        return event.values
    if event.kind == "unknown":
        return tuple(_blank(t) for t in event.values)
    return found.values.get(_spec(event), ())


def _blank(token: Token) -> Token:
    """*token*'s cell as a blank cell: read, but not placed."""
    return Token(token.cell, token.row, BLANK)


def _unknown(
    occurrence: Occurrence, values: Sequence[Token], notes: list[ReadingNote], number: int
) -> None:
    """Note a row that is one value short on its line, with a cell of two lines printed apart:
    its cells are all known, their columns are not."""
    if is_full(notes):
        notes.skip()
        return
    key = occurrence.spec.key if occurrence.spec is not None else None
    text = " | ".join([occurrence.label.text, *(t.cell.text for t in values)])
    why = (
        f"the row prints {len(values) - 1} of its {len(values)} cells on its line and one, of two"
        " lines with an annotation, apart from it: which column each is in is unknown; the row"
        " is left blank"
    )
    notes.append(
        ReadingNote(
            NoteCode.CELLS_AMBIGUOUS,
            where(occurrence.label, occurrence.row, number, key),
            why,
            text,
        )
    )


def _note(
    moved: list[tuple[Occurrence, tuple[Token, ...]]], notes: list[ReadingNote], number: int
) -> None:
    """One ``values_detached`` note for the block: the rows given lines of values that were
    not after their labels, and those lines quoted."""
    if is_full(notes):
        notes.skip()
        return
    first, _ = moved[0]
    spec = first.spec
    lines = " / ".join(" ".join(t.cell.text for t in given) for _, given in moved)
    rows = ", ".join(o.spec.key for o, _ in moved if o.spec is not None)
    why = (
        "lines of values printed apart from their labels (a PDF's text: labels wrapped over"
        " lines printed first, or lost) were placed by the printed order of the format's rows,"
        f" as many as the lines and each as wide as its row: {rows}"
    )
    key = spec.key if spec is not None else None
    notes.append(
        ReadingNote(
            NoteCode.VALUES_DETACHED, where(first.label, first.row, number, key), why, lines
        )
    )


def _aside(
    line: Sequence[Token], occurrence: Occurrence, number: int, notes: list[ReadingNote], why: str
) -> None:
    """A ``stray_value`` note quoting *line*, set aside beside the row of *occurrence*."""
    if is_full(notes):
        notes.skip()
        return
    token = line[0]
    key = occurrence.spec.key if occurrence.spec is not None else None
    text = " ".join(t.cell.text for t in line)
    notes.append(
        ReadingNote(NoteCode.STRAY_VALUE, where(token.cell, token.row, number, key), why, text)
    )
