"""Placing a row's values in its columns (``reading/_place.py``), without the corpus.

Every branch of the placement is pinned here by a small hand-written layout, so that a plain
clone exercises it: as many values as columns; blank cells beside the label or after the last
column; one value too many, set aside only when exactly one way of dropping it makes the row
add up; a row cut short on its own line; values spread over lines whose blank cells were dropped
(two equal numbers in table 3 are 自然人 and 总计, anything else is ambiguous); and each cell
turned into a number, a mark or an unreadable blank.

Mutations of ``_place.py`` (P), ``_rows.py`` (R) and ``_tables.py`` (T) that these tests and
those of ``test_rows.py`` were checked against, each applied alone to a plain clone (no
``../shared/corpus``), and a test that fails under it (often among others):

- P1: a two-value row placed in the first two columns -- test_two_equal_numbers_over_lines_are_natural_persons_and_total
- P2: the 自然人/总计 inference swapped (second value as 自然人) -- test_two_equal_numbers_over_lines_are_natural_persons_and_total
- P3: inference without the two numbers being equal -- test_two_unequal_numbers_over_lines_leave_the_row_blank
- P4: inference in table 4 too (no table-3 test) -- test_two_equal_numbers_over_lines_of_table_4_are_ambiguous
- P5: the row check drops the first column (numbers[1:-1]) -- test_a_subtotal_column_is_set_aside_when_only_its_drop_balances
- P6: the row check ignores the 其他 column (numbers[:-2]) -- test_a_subtotal_column_is_set_aside_when_only_its_drop_balances
- P7: the row check counts a mark as 0 -- test_a_row_with_a_mark_and_an_extra_value_is_left_blank
- P8: the table-4 check tests its first group only -- test_table_4_sets_aside_the_value_that_balances_every_group
- P9: the table-4 check uses groups of 4 -- test_table_4_sets_aside_the_value_that_balances_every_group
- P10: one blank fewer dropped beside the label (> size + 1) -- test_blank_cells_beside_the_label_are_dropped_without_a_note
- P11: a blank dropped though the count is right (>= size) -- test_a_blank_first_cell_keeps_its_place
- P12: blank cells after the last column kept -- test_blank_cells_after_the_last_column_are_dropped
- P13: a row accepted when two ways of dropping a value balance -- test_two_ways_of_dropping_a_value_that_balance_leave_the_row_blank
- P14: drop options told apart by position, not by the values -- test_a_doubled_cell_is_set_aside
- P15: the last value set aside, not the one that balances -- test_a_subtotal_column_is_set_aside_when_only_its_drop_balances
- P16: table 2 keeps the last values instead of the first -- test_table_2_uses_the_first_values_of_a_row_too_long
- P17: a set-aside table-3 value noted as extra_value -- test_a_subtotal_column_is_set_aside_when_only_its_drop_balances
- P18: a row cut short fills from the right -- test_a_row_cut_short_on_its_line_fills_from_the_left
- P19: values partly on the label's line count as one line (any) -- test_values_partly_on_the_label_line_and_partly_below_are_inferred
- P20: a negative count accepted -- test_unreadable_cells_are_blank_with_a_note
- P21: the unit of a column header not applied -- test_an_amount_takes_the_unit_of_its_column_header_unless_it_prints_one
- P22: a text cell accepted as a value -- test_unreadable_cells_are_blank_with_a_note
- R1: ROW_REPEATED keeps the second occurrence -- test_rows.py::test_a_repeated_row_keeps_its_first_occurrence
- R2: text among a row's values starts a row of its own -- test_rows.py::test_text_among_the_values_of_a_row_is_an_unreadable_cell
- R3: a label's continuation line starts a row of its own -- test_rows.py::test_a_label_broken_across_lines_keeps_its_values
- R4: of two blank printings of a row, the shorter kept -- test_rows.py::test_a_row_printed_blank_is_read_as_its_blank_cells
- R5: table 4 read on past the text after its values -- test_rows.py::test_text_after_table_4_ends_it
- R6: table 4 reads numbers before its header -- test_rows.py::test_a_number_before_the_header_of_table_4_is_no_cell
- R7: no note for a number outside any row -- test_rows.py::test_a_number_after_a_header_and_before_any_row_is_stray
- R8: empty cells before a label kept as values -- test_rows.py::test_empty_cells_before_a_label_belong_to_no_row
- R9: a subtotal (group label) row taken as a row -- test_rows.py::test_rows_not_in_the_format_and_subtotal_rows_are_set_aside
- R10: table 4 keeps the values before its row's label -- test_rows.py::test_a_serial_number_before_the_label_of_table_4_is_not_a_cell
- T1: table 2 checked with the table-3 row rule -- test_table_2_uses_the_first_values_of_a_row_too_long
- T2: table 4 placed without its group check -- test_table_4_sets_aside_the_value_that_balances_every_group
- T3: table 4's values always taken as one line -- test_table_4_spread_over_lines_with_a_value_missing_is_ambiguous
- T4: a table of bare labels: a note for every row -- test_rows.py::test_a_table_of_labels_without_cells_has_one_note
- T5: 'ends early' also said of a complete table -- test_rows.py::test_a_complete_table_has_no_missing_row
- T6: a missing row just before the last found not noted -- test_rows.py::test_a_missing_row_is_noted_and_the_rows_after_it_are_read
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from hypothesis import given
from hypothesis import strategies as st

from disclosure_report.reading import NoteCode, ReadingNote, extract
from disclosure_report.reading._notes import NoteList
from disclosure_report.reading._place import (
    Context,
    ReadCell,
    place,
    table3_check,
    table4_check,
)
from disclosure_report.reading._rows import Occurrence, Token
from disclosure_report.reading._source_layout import Cell, Row
from disclosure_report.reading._tables import TableRead
from disclosure_report.reading._values import Value, classify
from disclosure_report.reading._vocabulary import RowSpec, vocabulary


T3_HEADING = "三、收到和处理政府信息公开申请情况\n"
T4_HEADING = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
NEW = "一、本年新收政府信息公开申请数量"
GRANTED = "（一）予以公开"
LABELS = vocabulary().labels["2021"]
T3_ROW = next(spec for spec in LABELS.table3 if spec.key == "new_received")

Printed = str | None
"""A cell as the tests compare it: its text as printed, ``None`` when blank."""


def _printed(cells: tuple[ReadCell, ...]) -> list[Printed]:
    return [c.value.text if c.value.kind != "blank" else None for c in cells]


def _row(table: TableRead, key: str) -> list[Printed]:
    return next(_printed(cells) for spec, cells in table.rows if spec.key == key)


def _read(text: str, number: int) -> tuple[TableRead, list[ReadingNote]]:
    """Table *number* of *text*, and the notes about the cells of its rows (not those about
    rows or tables missing, which these excerpts of a report have many of)."""
    extraction = extract(text)
    notes = [
        n
        for n in extraction.notes
        if n.where.section == number
        and n.where.cell is not None
        and n.code is not NoteCode.ROW_MISSING
    ]
    return extraction.tables[number - 2], notes


def _table3(body: str) -> tuple[TableRead, list[ReadingNote]]:
    return _read(T3_HEADING + body, 3)


def _table4(body: str) -> tuple[TableRead, list[ReadingNote]]:
    return _read(T4_HEADING + body, 4)


def _words(text: str) -> list[str]:
    """The cells of a row written as one string, ``"1 0 0"``: easier to check by eye."""
    return text.split()


def _codes(notes: list[ReadingNote]) -> list[NoteCode]:
    return [n.code for n in notes]


def _t3_row(label: str, *cells: str) -> str:
    return "\t".join([label, *cells]) + "\n"


# --- as many values as columns --------------------------------------------------------------


def test_as_many_values_as_columns_fill_them_in_order() -> None:
    table, notes = _table3(_t3_row(NEW, "3", "1", "0", "0", "0", "2", "6"))

    assert _row(table, "new_received") == ["3", "1", "0", "0", "0", "2", "6"]
    assert notes == []


def test_blank_cells_beside_the_label_are_dropped_without_a_note() -> None:
    # A label spanning three columns of the source leaves two empty cells after it.
    table, notes = _table3(_t3_row(GRANTED, "", "", "3", "1", "0", "0", "0", "2", "6"))

    assert _row(table, "outcomes.granted") == ["3", "1", "0", "0", "0", "2", "6"]
    assert notes == []


def test_a_blank_first_cell_keeps_its_place() -> None:
    table, notes = _table3(_t3_row(NEW, "", "1", "0", "0", "0", "2", "3"))

    assert _row(table, "new_received") == [None, "1", "0", "0", "0", "2", "3"]
    assert notes == []


def test_blank_cells_after_the_last_column_are_dropped() -> None:
    table, notes = _table3(_t3_row(NEW, "3", "1", "0", "0", "0", "2", "6", "", ""))

    assert _row(table, "new_received") == ["3", "1", "0", "0", "0", "2", "6"]
    assert notes == []


# --- one value too many -----------------------------------------------------------------------


def test_a_subtotal_column_is_set_aside_when_only_its_drop_balances() -> None:
    # 自然人 5, a 法人或其他组织 subtotal 4, then the legal persons 2 + 1 + 0 + 0 + 1, 总计 9.
    table, notes = _table3(_t3_row(NEW, "5", "4", "2", "1", "0", "0", "1", "9"))

    assert _row(table, "new_received") == ["5", "2", "1", "0", "0", "1", "9"]
    [note] = notes
    assert note.code is NoteCode.EXTRA_COLUMN
    assert "'4' at position 2 was set aside" in note.why
    assert note.where.cell == ("new_received", "*")


def test_a_doubled_cell_is_set_aside() -> None:
    # Any of the doubled zeros may go: the row reads the same, so there is one reading.
    table, notes = _table3(_t3_row(NEW, "3", "0", "0", "0", "0", "0", "0", "3"))

    assert _row(table, "new_received") == ["3", "0", "0", "0", "0", "0", "3"]
    assert _codes(notes) == [NoteCode.EXTRA_COLUMN]


def test_two_ways_of_dropping_a_value_that_balance_leave_the_row_blank() -> None:
    # Dropping the first 2 gives 5 2 0 0 0 0 | 7, dropping the second 2 gives 2 5 0 0 0 0 | 7.
    table, notes = _table3(_t3_row(NEW, "2", "5", "2", "0", "0", "0", "0", "7"))

    assert _row(table, "new_received") == [None] * 7
    [note] = notes
    assert note.code is NoteCode.CELLS_AMBIGUOUS
    assert "8 values for 7 columns" in note.why


def test_a_value_too_many_that_no_drop_balances_leaves_the_row_blank() -> None:
    table, notes = _table3(_t3_row(NEW, "1", "1", "1", "1", "1", "1", "1", "1"))

    assert _row(table, "new_received") == [None] * 7
    assert _codes(notes) == [NoteCode.CELLS_AMBIGUOUS]


def test_two_values_too_many_leave_the_row_blank() -> None:
    table, notes = _table3(_t3_row(NEW, "1", "0", "0", "0", "0", "0", "1", "0", "1"))

    assert _row(table, "new_received") == [None] * 7
    assert _codes(notes) == [NoteCode.CELLS_AMBIGUOUS]


def test_a_row_with_a_mark_and_an_extra_value_is_left_blank() -> None:
    # A mark is no number: no drop can be checked (counted as 0, dropping the 3 would balance).
    table, notes = _table3(_t3_row(NEW, "/", "3", "2", "1", "0", "0", "0", "3"))

    assert _row(table, "new_received") == [None] * 7
    assert _codes(notes) == [NoteCode.CELLS_AMBIGUOUS]


def test_table_2_uses_the_first_values_of_a_row_too_long() -> None:
    # Table 2 has no sums: nothing tells the extra value, so the first ones are used.
    text = (
        "二、主动公开政府信息情况\n第二十条第（一）项\n"
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
        "规章\t1\t0\t4\t9\n"
    )
    table, notes = _read(text, 2)

    assert _row(table, "article_20_1.rules") == ["1", "0", "4"]
    [note] = notes
    assert note.code is NoteCode.EXTRA_VALUE
    assert "4 values for 3 columns; the first 3 are used" in note.why


def test_table_4_sets_aside_the_value_that_balances_every_group() -> None:
    # Groups 1 0 0 0 1 | 0 0 0 0 0 | 0 2 0 0 2, with a stray 2 printed in the second group:
    # only dropping it makes each group's 总计 the sum of its four outcomes.
    values = _words("1 0 0 0 1 0 2 0 0 0 0 0 2 0 0 2")
    table, notes = _table4("\t".join(values) + "\n")

    assert _row(table, "reconsideration") == ["1", "0", "0", "0", "1"]
    assert _row(table, "litigation_direct") == ["0", "0", "0", "0", "0"]
    assert _row(table, "litigation_after_reconsideration") == ["0", "2", "0", "0", "2"]
    [note] = notes
    assert note.code is NoteCode.EXTRA_VALUE
    assert "'2' at position 7 was set aside" in note.why


# --- fewer values --------------------------------------------------------------------------


def test_a_row_cut_short_on_its_line_fills_from_the_left() -> None:
    table, notes = _table3(_t3_row(NEW, "3", "0", "0"))

    assert _row(table, "new_received") == ["3", "0", "0", None, None, None, None]
    [note] = notes
    assert note.code is NoteCode.ROW_SHORT
    assert "3 of 7 cells" in note.why


def test_two_equal_numbers_over_lines_are_natural_persons_and_total() -> None:
    table, notes = _table3(f"{NEW}\n5\n5\n")

    assert _row(table, "new_received") == ["5", None, None, None, None, None, "5"]
    natural, total = (
        table.cell("new_received", "natural_persons"),
        table.cell("new_received", "total"),
    )
    assert natural.source is not None
    assert total.source is not None
    assert (natural.source.cell.line, total.source.cell.line) == (3, 4)
    assert _codes(notes) == [NoteCode.POSITION_INFERRED]


def test_values_partly_on_the_label_line_and_partly_below_are_inferred() -> None:
    # '一、… 5' splits into the label and a value; the second 5 is on a line of its own.
    table, notes = _table3(f"{NEW} 5\n5\n")

    assert _row(table, "new_received") == ["5", None, None, None, None, None, "5"]
    assert _codes(notes) == [NoteCode.POSITION_INFERRED]


def test_two_unequal_numbers_over_lines_leave_the_row_blank() -> None:
    table, notes = _table3(f"{NEW}\n5\n4\n")

    assert _row(table, "new_received") == [None] * 7
    [note] = notes
    assert note.code is NoteCode.CELLS_AMBIGUOUS
    assert "blank cells dropped" in note.why


@pytest.mark.parametrize(
    "values",
    [["5"], ["5", "5", "5"], ["/", "/"], ["5", "/"]],
    ids=["one", "three", "two-marks", "number-and-mark"],
)
def test_other_values_over_lines_leave_the_row_blank(values: list[str]) -> None:
    table, notes = _table3(NEW + "\n" + "\n".join(values) + "\n")

    assert _row(table, "new_received") == [None] * 7
    assert _codes(notes) == [NoteCode.CELLS_AMBIGUOUS]


def test_two_equal_numbers_over_lines_of_table_4_are_ambiguous() -> None:
    table, notes = _table4("1\n1\n")

    assert all(value is None for _, cells in table.rows for value in _printed(cells))
    assert _codes(notes) == [NoteCode.CELLS_AMBIGUOUS]


def test_table_4_spread_over_lines_with_a_value_missing_is_ambiguous() -> None:
    table, notes = _table4("\n".join(_words("1 0 0 0 1 0 0 0 0 0 0 2 0 0")) + "\n")

    assert all(value is None for _, cells in table.rows for value in _printed(cells))
    assert _codes(notes) == [NoteCode.CELLS_AMBIGUOUS]


def test_table_4_cut_short_on_one_line_fills_from_the_left() -> None:
    table, notes = _table4("\t".join(_words("1 0 0 0 1 0 0")) + "\n")

    assert _row(table, "reconsideration") == ["1", "0", "0", "0", "1"]
    assert _row(table, "litigation_direct") == ["0", "0", None, None, None]
    assert _codes(notes) == [NoteCode.ROW_SHORT]


def test_a_label_with_no_cells_in_a_table_with_data_is_short() -> None:
    table, notes = _table3(_t3_row(NEW, "1", "0", "0", "0", "0", "0", "1") + f"{GRANTED}\n")

    assert _row(table, "outcomes.granted") == [None] * 7
    short = [n for n in notes if n.code is NoteCode.ROW_SHORT]
    assert [n.where.cell for n in short] == [("outcomes.granted", "*")]
    assert "no cells" in short[0].why


# --- cells --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "problem"),
    [
        ("abc", "not a number"),
        ("1.5", "a count with decimals"),
        ("3元", "a count in 元"),
        ("-2", "a negative count"),
    ],
)
def test_unreadable_cells_are_blank_with_a_note(printed: str, problem: str) -> None:
    table, notes = _table3(_t3_row(NEW, "1", printed, "0", "0", "0", "0", "1"))

    assert _row(table, "new_received") == ["1", None, "0", "0", "0", "0", "1"]
    [note] = notes
    assert note.code is NoteCode.UNREADABLE_CELL
    assert problem in note.why
    assert note.text == printed
    assert note.where.cell == ("new_received", "commercial_enterprises")
    cell = table.cell("new_received", "commercial_enterprises")
    assert cell.source is not None  # printed, though not readable


def test_a_signed_change_may_be_negative() -> None:
    text = (
        "二、主动公开政府信息情况\n第二十条第（五）项\n"
        "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
        "行政许可\t30\t-4\t12\n"
    )
    table, notes = _read(text, 2)

    assert _row(table, "article_20_5.licensing") == ["30", "-4", "12"]
    assert notes == []


@pytest.mark.parametrize(
    ("printed", "problem"),
    [("-3", "a negative amount"), ("3件", "an amount in 件")],
)
def test_unreadable_amounts_are_blank_with_a_note(printed: str, problem: str) -> None:
    text = (
        "二、主动公开政府信息情况\n第二十条第（八）项\n"
        f"信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t{printed}\n"
    )
    table, notes = _read(text, 2)

    assert _row(table, "article_20_8.administrative_fees") == [None]
    [note] = notes
    assert note.code is NoteCode.UNREADABLE_CELL
    assert problem in note.why


def test_an_amount_takes_the_unit_of_its_column_header_unless_it_prints_one() -> None:
    text = (
        "二、主动公开政府信息情况\n第二十条第（九）项\n"
        "信息内容\t采购项目数量\t采购总金额（万元）\n政府集中采购\t3\t25.5\n"
    )
    table, _ = _read(text, 2)
    amount = table.cell("article_20_9.centralized_procurement", "amount").value
    assert (amount.number, amount.unit) == (Decimal("25.5"), "万元")

    table, _ = _read(text.replace("25.5\n", "2500元\n"), 2)
    amount = table.cell("article_20_9.centralized_procurement", "amount").value
    assert (amount.number, amount.unit) == (Decimal(2500), "元")


# --- the row rules and properties ---------------------------------------------------------------


def _values(*printed: str) -> list[Value]:
    return [classify(p) for p in printed]


def test_the_table_3_rule_is_the_sum_of_every_applicant_column() -> None:
    assert table3_check(_values("1", "2", "3", "4", "5", "6", "21"))
    for column in range(6):  # each applicant column counts
        printed = ["1", "2", "3", "4", "5", "6", "21"]
        printed[column] = "0"
        assert not table3_check(_values(*printed))
    assert not table3_check(_values("1", "/", "0", "0", "0", "0", "1"))
    assert not table3_check(_values("1", "0", "0", "0", "0", "0", ""))


def test_the_table_4_rule_holds_in_each_group() -> None:
    assert table4_check(_values(*_words("1 0 0 0 1 0 0 0 0 0 0 2 0 0 2")))
    assert not table4_check(_values(*_words("1 0 0 0 1 0 0 0 0 0 0 2 0 0 3")))
    assert not table4_check(_values(*_words("1 0 0 0 1 1 0 0 0 0 0 2 0 0 2")))


def _occurrence(printed: list[str], spec: RowSpec) -> Occurrence:
    """A row printed on one tab-separated line: its label, then *printed*."""
    cells = tuple(Cell(text, 1, i) for i, text in enumerate([spec.label, *printed]))
    row = Row(cells, 1, delimited=True)
    tokens = [Token(cell, row, classify(cell.text)) for cell in cells[1:]]
    return Occurrence(spec, cells[0], row, tokens)


_COUNTS = st.integers(min_value=0, max_value=12)


@given(
    applicants=st.lists(_COUNTS, min_size=6, max_size=6),
    extra=_COUNTS,
    position=st.integers(min_value=0, max_value=7),
)
def test_a_table_3_row_with_a_value_too_many_is_exact_or_blank(
    applicants: list[int], extra: int, position: int
) -> None:
    row = [*applicants, sum(applicants)]
    printed = [str(n) for n in row]
    printed.insert(position, str(extra))
    notes = NoteList(10)

    cells = place(_occurrence(printed, T3_ROW), T3_ROW.columns, Context(3, notes, table3_check))

    read = [c.value.number for c in cells]
    if read == [None] * 7:
        assert [n.code for n in notes] == [NoteCode.CELLS_AMBIGUOUS]
    else:
        assert read == row
        assert [n.code for n in notes] == [NoteCode.EXTRA_COLUMN]


@given(
    groups=st.lists(st.lists(_COUNTS, min_size=4, max_size=4), min_size=3, max_size=3),
    extra=_COUNTS,
    position=st.integers(min_value=0, max_value=15),
)
def test_a_table_4_row_with_a_value_too_many_is_exact_or_blank(
    groups: list[list[int]], extra: int, position: int
) -> None:
    spec = RowSpec(
        "table4",
        "",
        tuple(column for row in LABELS.table4 for column in row.columns),
    )
    row = [n for group in groups for n in (*group, sum(group))]
    printed = [str(n) for n in row]
    printed.insert(position, str(extra))
    notes = NoteList(10)

    cells = place(_occurrence(printed, spec), spec.columns, Context(4, notes, table4_check))

    read = [c.value.number for c in cells]
    if read == [None] * 15:
        assert [n.code for n in notes] == [NoteCode.CELLS_AMBIGUOUS]
    else:
        assert read == row
        assert [n.code for n in notes] == [NoteCode.EXTRA_VALUE]
