"""Layout classes of text taken from PDFs (issue 10): rows of values printed apart from their
labels, labels lost, and lone numbers (page numbers) beside a row.

The texts are made from the model's own rows (:func:`version_labels`), never a row list of
their own: each row of table 三 holds ``i 0 0 0 0 0 i`` (its position), so that a value in the
wrong row shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from disclosure_report import format_version
from disclosure_report.reading import NoteCode, extract
from disclosure_report.reading._extract import Extraction
from disclosure_report.reading._vocabulary import RowSpec, version_labels


def _table(number: int, version: str = "2021") -> tuple[RowSpec, ...]:
    labels = version_labels(format_version(version))
    return labels.table2 if number == 2 else labels.table3


def _values(position: int, spec: RowSpec) -> list[str]:
    """The values of the row at *position*: ``position 0 … 0 position`` (they add up)."""
    if len(spec.columns) == 1:
        return [str(position)]
    return [str(position), *["0"] * (len(spec.columns) - 2), str(position)]


Printer = Callable[[int, RowSpec], Iterable[str]]


def _whole(position: int, spec: RowSpec) -> Iterable[str]:
    if spec.is_group:
        return [spec.label]
    return [" ".join([spec.label, *_values(position, spec)])]


def _report(table3: Iterable[str]) -> str:
    return "\n".join(
        [
            "某局2023年政府信息公开工作年度报告",
            "三、收到和处理政府信息公开申请情况",
            *table3,
            "四、政府信息公开行政复议、行政诉讼情况",
        ]
    )


def _lines(group: str, printer: Printer) -> list[str]:
    """Table 三, every row whole on its line, except those of *group*, which *printer* prints."""
    lines: list[str] = []
    for position, spec in enumerate(_table(3)):
        inside = spec.key.startswith(group + ".")
        lines.extend(printer(position, spec) if inside else _whole(position, spec))
    return lines


def _read(position: int, extraction: Extraction, number: int = 3) -> list[str]:
    table = extraction.tables[number - 2]
    spec = _table(number)[position]
    return next(
        [c.value.text or c.value.kind for c in cells] for s, cells in table.rows if s is spec
    )


def _members(group: str) -> list[tuple[int, RowSpec]]:
    return [(i, s) for i, s in enumerate(_table(3)) if s.key.startswith(group + ".")]


def _codes(extraction: Extraction) -> set[NoteCode]:
    return {note.code for note in extraction.notes}


def _wrapped(label: str) -> list[str]:
    """*label* wrapped over two lines, as a narrow cell prints it: its last two characters on
    the second."""
    return [label[:-2], label[-2:]]


# Labels wrapped over lines first, then the rows of values.


def test_labels_printed_before_their_values_take_them_in_the_formats_order() -> None:
    members = _members("outcomes.withheld")
    detached: list[str] = []
    for _, spec in members:
        detached.extend(_wrapped(spec.label))
    detached.extend(" ".join(_values(i, spec)) for i, spec in members)
    first = members[0][0]
    lines = _lines("outcomes.withheld", lambda *_: ())
    at = lines.index(_table(3)[first - 1].label) + 1  # after the group's label
    extraction = extract(_report([*lines[:at], *detached, *lines[at:]]))
    for position, spec in members:
        assert _read(position, extraction) == _values(position, spec)
    notes = [n for n in extraction.notes if n.code is NoteCode.VALUES_DETACHED]
    assert len(notes) == 1
    assert notes[0].text.startswith(" ".join(_values(first, members[0][1])))
    assert NoteCode.CELLS_AMBIGUOUS not in _codes(extraction)


def test_a_labels_continuation_between_two_rows_of_values_continues_it() -> None:
    rules, normative = _table(2)[:2]
    head, tail = _wrapped(normative.label)
    text = "\n".join(
        [
            "某局2023年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "第二十条第（一）项",
            "\t".join(["信息内容", *(c.label for c in rules.columns)]),
            rules.label,
            head,
            "1 0 4",
            tail,
            "2 1 9",
            "第二十条第（五）项",
        ]
    )
    extraction = extract(text)
    assert _read(0, extraction, 2) == ["1", "0", "4"]
    assert _read(1, extraction, 2) == ["2", "1", "9"]
    assert NoteCode.VALUES_DETACHED in _codes(extraction)
    assert NoteCode.EXTRA_ROW not in _codes(extraction)


def test_rows_of_values_that_do_not_match_the_labels_in_count_are_not_placed() -> None:
    members = _members("outcomes.withheld")
    detached = [spec.label for _, spec in members]
    detached.extend(" ".join(_values(i, spec)) for i, spec in members[:-1])  # one line short
    lines = _lines("outcomes.withheld", lambda *_: ())
    at = lines.index(_table(3)[members[0][0] - 1].label) + 1
    extraction = extract(_report([*lines[:at], *detached, *lines[at:]]))
    for position, _ in members[:-1]:
        assert set(_read(position, extraction)) == {"blank"}
    assert NoteCode.VALUES_DETACHED not in _codes(extraction)


def test_rows_on_their_labels_lines_are_left_as_they_are() -> None:
    extraction = extract(_report(_lines("outcomes.withheld", _whole)))
    assert NoteCode.VALUES_DETACHED not in _codes(extraction)
    assert NoteCode.STRAY_VALUE not in _codes(extraction)
    for position, spec in _members("outcomes.withheld"):
        assert _read(position, extraction) == _values(position, spec)


# Rows whose labels were lost: bare rows of numbers.


def test_bare_rows_where_labelled_rows_should_be_are_placed_when_they_match() -> None:
    def lost(position: int, spec: RowSpec) -> list[str]:
        keep = position in {members[0][0], members[-1][0]}
        return [" ".join([spec.label] * keep + _values(position, spec))]

    members = _members("outcomes.withheld")
    extraction = extract(_report(_lines("outcomes.withheld", lost)))
    for position, spec in members:
        assert _read(position, extraction) == _values(position, spec)
    (note,) = [n for n in extraction.notes if n.code is NoteCode.VALUES_DETACHED]
    assert note.where.cell == (members[1][1].key, "*")


def test_bare_rows_after_a_groups_label_are_its_rows_when_as_many() -> None:
    def lost(position: int, spec: RowSpec) -> list[str]:
        return [" ".join(_values(position, spec))]

    extraction = extract(_report(_lines("outcomes.unable_to_provide", lost)))
    for position, spec in _members("outcomes.unable_to_provide"):
        assert _read(position, extraction) == _values(position, spec)
    assert NoteCode.VALUES_DETACHED in _codes(extraction)


def test_bare_rows_that_are_too_few_stay_blank_and_are_quoted() -> None:
    members = _members("outcomes.withheld")

    def lost(position: int, spec: RowSpec) -> list[str]:
        if position == members[0][0]:
            return [" ".join([spec.label, *_values(position, spec)])]
        if position == members[1][0]:
            return [" ".join(_values(position, spec))]
        return (
            [" ".join([spec.label, *_values(position, spec)])] if position > members[3][0] else []
        )

    extraction = extract(_report(_lines("outcomes.withheld", lost)))
    assert _read(members[0][0], extraction) == _values(*members[0])
    for position, _ in members[1:4]:
        assert set(_read(position, extraction)) == {"blank"}
    (note,) = [n for n in extraction.notes if n.code is NoteCode.STRAY_VALUE]
    assert note.text == " ".join(_values(*members[1]))
    assert NoteCode.VALUES_DETACHED not in _codes(extraction)


# A lone number beside a label: a page number, perhaps; never a cell.


def test_a_lone_number_beside_a_label_is_never_a_cell() -> None:
    members = _members("outcomes.withheld")
    position, spec = members[2]

    def paged(at: int, row: RowSpec) -> list[str]:
        if at != position:
            return list(_whole(at, row))
        return [f"{row.label} 12", " ".join(_values(at, row))]

    extraction = extract(_report(_lines("outcomes.withheld", paged)))
    assert _read(position, extraction) == _values(position, spec)
    (note,) = [n for n in extraction.notes if n.code is NoteCode.STRAY_VALUE]
    assert note.text == "12"


def test_a_lone_number_on_a_line_between_a_label_and_its_values_is_never_a_cell() -> None:
    members = _members("outcomes.withheld")
    position, spec = members[2]

    def paged(at: int, row: RowSpec) -> list[str]:
        if at != position:
            return list(_whole(at, row))
        return [row.label, "12", " ".join(_values(at, row))]

    extraction = extract(_report(_lines("outcomes.withheld", paged)))
    assert _read(position, extraction) == _values(position, spec)
    assert "12" in {n.text for n in extraction.notes if n.code is NoteCode.STRAY_VALUE}


def test_a_lone_number_beside_a_label_with_no_row_of_values_stays_out_of_its_cells() -> None:
    members = _members("outcomes.withheld")
    position, _ = members[2]

    def paged(at: int, row: RowSpec) -> list[str]:
        return [f"{row.label} 12"] if at == position else list(_whole(at, row))

    extraction = extract(_report(_lines("outcomes.withheld", paged)))
    assert set(_read(position, extraction)) == {"blank"}
    (note,) = [n for n in extraction.notes if n.where.cell == (members[2][1].key, "*")]
    assert (note.code, note.text) == (NoteCode.ROW_SHORT, f"{members[2][1].label} | 12")


# A cell of two lines (a number and an annotation) printed apart from its row.

ANNOTATED = "22（其中修订 16 件）"


def _table2(*lines: str) -> Extraction:
    rules, normative = _table(2)[:2]
    return extract(
        "\n".join(
            [
                "某局2023年政府信息公开工作年度报告",
                "二、主动公开政府信息情况",
                "第二十条第（一）项",
                "\t".join(["信息内容", *(c.label for c in rules.columns)]),
                f"{rules.label} 0 0 5",
                *(line.format(normative=normative.label) for line in lines),
                "第二十条第（五）项",
            ]
        )
    )


def _annotations(extraction: Extraction) -> list[str]:
    return [n.text for n in extraction.notes if n.code is NoteCode.ANNOTATED_VALUE]


def test_an_annotated_number_in_its_cell_is_read_and_its_annotation_kept() -> None:
    extraction = _table2(f"{{normative}} {ANNOTATED} 3 150")
    assert _read(1, extraction, 2) == [ANNOTATED, "3", "150"]
    cell = extraction.tables[0].rows[1][1][0]
    assert (cell.value.number, cell.value.annotation) == (Decimal(22), "（其中修订 16 件）")
    assert _annotations(extraction) == [ANNOTATED]


def test_an_annotated_cell_printed_above_its_row_fills_the_cell_the_row_shows_blank() -> None:
    extraction = _table2(ANNOTATED, "{normative}\t\t3\t150")
    assert _read(1, extraction, 2) == [ANNOTATED, "3", "150"]
    assert _read(0, extraction, 2) == ["0", "0", "5"]
    assert _annotations(extraction) == [ANNOTATED]


def test_an_annotated_cell_apart_from_a_row_that_shows_no_gap_leaves_the_row_blank() -> None:
    for lines in ((ANNOTATED, "{normative} 3 150"), ("{normative} 3 150", ANNOTATED)):
        extraction = _table2(*lines)
        assert set(_read(1, extraction, 2)) == {"blank"}
        assert _read(0, extraction, 2) == ["0", "0", "5"]
        (note,) = [n for n in extraction.notes if n.code is NoteCode.CELLS_AMBIGUOUS]
        assert note.text.endswith(f"3 | 150 | {ANNOTATED}")


def test_an_annotated_cell_above_a_one_column_row_is_its_value() -> None:
    licensing = _table(2)[2]
    extraction = _table2(
        "{normative} 2 1 9",
        "第二十条第（五）项",
        f"信息内容\t{licensing.columns[0].label}",
        ANNOTATED,
        licensing.label,
    )
    assert _read(2, extraction, 2) == [ANNOTATED]
    assert _annotations(extraction) == [ANNOTATED]


def test_a_unit_in_parentheses_is_no_annotation() -> None:
    from disclosure_report.reading._values import classify

    assert classify("12（件）").kind == "text"
    assert classify("22(其中修订16件)").annotation == "(其中修订16件)"


def test_labels_printed_out_of_the_formats_order_do_not_take_the_lines_after_them() -> None:
    members = _members("outcomes.withheld")[:2]
    detached = [spec.label for _, spec in reversed(members)]
    detached.extend(" ".join(_values(i, spec)) for i, spec in members)
    lines = _lines(
        "outcomes.withheld", lambda at, row: [] if at <= members[-1][0] else _whole(at, row)
    )
    at = lines.index(_table(3)[members[0][0] - 1].label) + 1
    extraction = extract(_report([*lines[:at], *detached, *lines[at:]]))
    assert NoteCode.VALUES_DETACHED not in _codes(extraction)
    assert set(_read(members[0][0], extraction)) == {"blank"}


def test_a_groups_label_with_one_line_of_values_is_still_a_row_printed_in_its_place() -> None:
    group = "outcomes.other_handling"

    def one_row(position: int, spec: RowSpec) -> list[str]:
        return []

    lines = _lines(group, one_row)
    at = lines.index(next(s.label for s in _table(3) if s.key == group)) + 1
    extraction = extract(_report([*lines[:at], "2 0 0 0 0 0 2", *lines[at:]]))
    (extra,) = extraction.extra_rows
    assert (extra.group, extra.values) == (group, ("2", "0", "0", "0", "0", "0", "2"))
    assert NoteCode.VALUES_DETACHED not in _codes(extraction)
