"""Finding the rows of a table in a stream of cells (``reading/_rows.py``) and reading tables
2, 3 and 4 from them (``reading/_tables.py``), without the corpus.

Which mutations these tests kill is listed in ``test_place.py``.
"""

from __future__ import annotations

import pytest

from disclosure_report.reading import NoteCode, ReadingNote, extract
from disclosure_report.reading._notes import NoteList
from disclosure_report.reading._place import ReadCell
from disclosure_report.reading._rows import collect_rows
from disclosure_report.reading._tables import TableRead
from disclosure_report.reading._text import text_rows
from disclosure_report.reading._vocabulary import vocabulary


T3_HEADING = "三、收到和处理政府信息公开申请情况\n"
T4_HEADING = "四、政府信息公开行政复议、行政诉讼情况\n"
T4_HEADER = "行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
T4_VALUES = "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t2\t0\t0\t2\n"
NEW = "一、本年新收政府信息公开申请数量"
CARRIED = "二、上年结转政府信息公开申请数量"
GRANTED = "（一）予以公开"
WORDS = vocabulary()
TABLE3 = WORDS.labels["2021"].table3


def _printed(cells: tuple[ReadCell, ...]) -> list[str | None]:
    return [c.value.text if c.value.kind != "blank" else None for c in cells]


def _row(table: TableRead, key: str) -> list[str | None]:
    return next(_printed(cells) for spec, cells in table.rows if spec.key == key)


def _read(text: str, number: int) -> tuple[TableRead, list[ReadingNote]]:
    """Table *number* of *text*, and every note about it."""
    extraction = extract(text)
    return extraction.tables[number - 2], [n for n in extraction.notes if n.where.section == number]


def _line(label: str, *cells: str) -> str:
    return "\t".join([label, *cells]) + "\n"


ONE = ("1", "0", "0", "0", "0", "0", "1")
TWO = ("2", "0", "0", "0", "0", "0", "2")


# --- rows of tables 2 and 3 -----------------------------------------------------------------


def test_a_repeated_row_keeps_its_first_occurrence() -> None:
    table, notes = _read(T3_HEADING + _line(NEW, *ONE) + _line(NEW, *TWO), 3)

    assert _row(table, "new_received") == list(ONE)
    [repeated] = [n for n in notes if n.code is NoteCode.ROW_REPEATED]
    assert repeated.where.line == 3
    assert repeated.text == NEW


def test_a_repeated_row_without_data_does_not_replace_the_row_with_data() -> None:
    table, notes = _read(T3_HEADING + _line(NEW, *ONE) + f"{NEW}\n", 3)

    assert _row(table, "new_received") == list(ONE)
    assert NoteCode.ROW_REPEATED not in {n.code for n in notes}


def test_text_among_the_values_of_a_row_is_an_unreadable_cell() -> None:
    table, notes = _read(T3_HEADING + _line(NEW, "1", "见附注", "0", "0", "0", "0", "1"), 3)

    assert _row(table, "new_received") == ["1", None, "0", "0", "0", "0", "1"]
    [note] = [n for n in notes if n.where.cell is not None and n.code is not NoteCode.ROW_MISSING]
    assert note.code is NoteCode.UNREADABLE_CELL
    assert note.text == "见附注"
    assert NoteCode.EXTRA_ROW not in {n.code for n in notes}


def test_a_label_broken_across_lines_keeps_its_values() -> None:
    text = (
        T3_HEADING + "（二）部分公开（区分处理的，只计这一情形，\n" + _line("不计其他情形）", *ONE)
    )

    table, notes = _read(text, 3)

    assert _row(table, "outcomes.partially_granted") == list(ONE)
    assert NoteCode.EXTRA_ROW not in {n.code for n in notes}


def test_a_row_printed_blank_is_read_as_its_blank_cells() -> None:
    # A bare mention of the label comes first; the row printed with seven empty cells wins.
    text = T3_HEADING + _line(NEW, *ONE) + f"{CARRIED}\n" + _line(CARRIED, *[""] * 7)

    table, notes = _read(text, 3)

    assert _row(table, "carried_over") == [None] * 7
    assert table.cell("carried_over", "total").source is not None
    assert NoteCode.ROW_SHORT not in {n.code for n in notes}


def test_empty_cells_before_a_label_belong_to_no_row() -> None:
    # Merged cells of the layout print as empty cells before a label; they are not blank cells
    # of the row above, which was cut short on its own line.
    text = T3_HEADING + _line(GRANTED, "1", "0", "0") + _line("\t（二）部分公开", *ONE)

    table, notes = _read(text, 3)

    assert _row(table, "outcomes.granted") == ["1", "0", "0", None, None, None, None]
    assert _row(table, "outcomes.partially_granted") == list(ONE)
    assert NoteCode.CELLS_AMBIGUOUS not in {n.code for n in notes}


def test_rows_not_in_the_format_and_subtotal_rows_are_set_aside() -> None:
    text = (
        T3_HEADING
        + _line(NEW, *ONE)
        + _line("（三）不予公开", *TWO)  # a group label: its values would be a subtotal
        + _line("1.属于国家秘密", *TWO)  # of which this row is printed: so it is a subtotal
        + _line("其他情况", *TWO)
        + "（四）无法提供\n"  # a group label without values: nothing to say
        + _line("1.本机关不掌握相关政府信息", *ONE)
    )

    table, notes = _read(text, 3)

    assert _row(table, "outcomes.unable_to_provide.not_held") == list(ONE)
    assert _row(table, "outcomes.withheld.state_secret") == list(TWO)
    extra = [n for n in notes if n.code is NoteCode.EXTRA_ROW]
    assert [(n.text, n.why.partition(",")[0]) for n in extra] == [
        ("（三）不予公开", "a subtotal row"),
        ("其他情况", "a row that is not part of the format"),
    ]
    assert "2 0 0 0 0 0 2" in extra[0].why


def test_a_group_row_printed_without_its_rows_stands_in_for_them() -> None:
    # A 2021 table 三 that prints （六）其他处理 as one row, as the 2019 format does: no cell of
    # the format takes its values; they are kept as printed, and its rows are blank.
    text = T3_HEADING + _line(NEW, *ONE) + _line("（六）其他处理", *TWO)

    table, notes = _read(text, 3)

    (extra,) = [n for n in notes if n.code is NoteCode.EXTRA_ROW]
    assert extra.text == "（六）其他处理"
    assert extra.why.startswith("a row printed in place of a group of rows of the format")
    assert "2 0 0 0 0 0 2" in extra.why
    assert _row(table, "outcomes.other_handling.unpaid_fee") == [None] * 7


def test_a_number_after_a_header_and_before_any_row_is_stray() -> None:
    text = T3_HEADING + "申请人情况\n7\n/\n" + _line(NEW, *ONE)

    table, notes = _read(text, 3)

    assert _row(table, "new_received") == list(ONE)
    [stray] = [n for n in notes if n.code is NoteCode.STRAY_VALUE]
    assert stray.text == "7"  # the mark is no number: no note
    assert stray.where.line == 3


def test_the_caption_of_table_3_ends_the_row_before_it() -> None:
    text = T3_HEADING + _line(NEW, *ONE) + "（本列数据的勾稽关系为：第一项加第二项之和）\n5\n"

    table, notes = _read(text, 3)

    assert _row(table, "new_received") == list(ONE)
    assert NoteCode.STRAY_VALUE in {n.code for n in notes}


def test_notes_beyond_the_limit_are_counted_not_built() -> None:
    rows = text_rows(
        "申请人情况\n7\n" + _line(NEW, *ONE) + _line(NEW, *TWO) + _line("其他情况", *TWO)
    )
    notes = NoteList(0)

    found = collect_rows(rows, WORDS.matchers[3, "2021"], 3, notes)

    assert list(found.found) == ["new_received"]
    assert (list(notes), notes.dropped) == ([], 3)  # stray, repeated, extra row


# --- tables 2 and 3 -------------------------------------------------------------------------


def test_a_missing_row_is_noted_and_the_rows_after_it_are_read() -> None:
    table, notes = _read(T3_HEADING + _line(NEW, *ONE) + _line(GRANTED, *TWO), 3)

    assert _row(table, "outcomes.granted") == list(TWO)
    missing = [n for n in notes if n.code is NoteCode.ROW_MISSING]
    assert [(n.where.cell, n.why) for n in missing] == [
        (("carried_over", "*"), "row not found; its cells are left blank"),
        (
            ("outcomes.partially_granted", "*"),
            "the table ends early: its last 22 rows are not found; their cells are left blank",
        ),
    ]


def _complete_table3() -> str:
    return T3_HEADING + "".join(_line(spec.label, *ONE) for spec in TABLE3 if not spec.is_group)


def test_a_complete_table_has_no_missing_row() -> None:
    table, notes = _read(_complete_table3(), 3)

    assert all(_printed(cells) == list(ONE) for _, cells in table.rows)
    assert notes == []


def test_a_table_of_labels_without_cells_has_one_note() -> None:
    table, notes = _read(T3_HEADING + f"{NEW}\n{CARRIED}\n{GRANTED}\n", 3)

    assert table.found
    assert all(_printed(cells) == [None] * 7 for _, cells in table.rows)
    [note] = notes
    assert note.code is NoteCode.ROW_SHORT
    assert note.where.cell is None


def test_a_cell_of_a_table_is_found_by_row_and_column() -> None:
    table, _ = _read(_complete_table3(), 3)

    assert table.cell("carried_forward", "total").value.text == "1"
    with pytest.raises(KeyError):
        table.cell("carried_forward", "no_such_column")
    with pytest.raises(KeyError):
        table.cell("no_such_row", "total")


# --- table 4 ----------------------------------------------------------------------------------


def test_table_4_is_read_from_the_row_after_its_header() -> None:
    # Between the header and the values: an empty row and a row of text (a unit).
    table, notes = _read(T4_HEADING + T4_HEADER + "\t\t\n单位：件\n" + T4_VALUES, 4)

    assert _row(table, "reconsideration") == ["1", "0", "0", "0", "1"]
    assert _row(table, "litigation_after_reconsideration") == ["0", "2", "0", "0", "2"]
    assert notes == []


def test_a_number_before_the_header_of_table_4_is_no_cell() -> None:
    # A page number, and a line of text, printed between the heading and the table.
    text = T4_HEADING + "3\n第3页\n" + T4_HEADER + T4_VALUES

    table, notes = _read(text, 4)

    assert _row(table, "reconsideration") == ["1", "0", "0", "0", "1"]
    assert notes == []


def test_text_after_table_4_ends_it() -> None:
    text = T4_HEADING + T4_HEADER + T4_VALUES + "注：本表单位为件。\n3\t3\n"

    table, notes = _read(text, 4)

    assert _row(table, "litigation_after_reconsideration") == ["0", "2", "0", "0", "2"]
    assert notes == []


def test_a_label_before_the_values_of_table_4_is_not_a_cell() -> None:
    table, notes = _read(T4_HEADING + T4_HEADER + "件数\t" + T4_VALUES.replace("\n", "\t7\n"), 4)

    assert _row(table, "reconsideration") == ["1", "0", "0", "0", "1"]
    [note] = notes
    assert note.code is NoteCode.EXTRA_VALUE
    assert note.text.startswith("件数 | 1")


def test_a_serial_number_before_the_label_of_table_4_is_not_a_cell() -> None:
    table, notes = _read(T4_HEADING + T4_HEADER + "1\t件数\t" + T4_VALUES, 4)

    assert _row(table, "reconsideration") == ["1", "0", "0", "0", "1"]
    assert _row(table, "litigation_after_reconsideration") == ["0", "2", "0", "0", "2"]
    assert notes == []


def test_table_4_headers_without_values_are_found_and_blank() -> None:
    table, notes = _read(T4_HEADING + T4_HEADER + "五、存在的主要问题及改进情况\n", 4)

    assert table.found
    assert all(_printed(cells) == [None] * 5 for _, cells in table.rows)
    [note] = [n for n in notes if n.code is not NoteCode.TABLE_MISSING]
    assert note.code is NoteCode.ROW_SHORT
