"""Cells that run together: digit runs split into their row's cells by the balance rules."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report import BLANK, Report
from disclosure_report.model import cell_values
from disclosure_report.reading import NoteCode, read
from disclosure_report.reading._run_search import (
    MAX_CANDIDATES,
    Piece,
    resolve_table,
    split_row,
)
from disclosure_report.reading._runs import shape
from disclosure_report.rendering import render
from disclosure_report.testing import metadata, reports


T3 = shape("2021", 3)
T4 = shape("2021", 4)
SPLITS = {NoteCode.CELLS_SPLIT, NoteCode.CELLS_AMBIGUOUS, NoteCode.CELLS_UNSPLIT}


def _texts(pieces: list[Piece], size: int, groups: tuple[tuple[int, int], ...]) -> list[str]:
    splits, capped = split_row(pieces, size, groups)
    assert not capped
    return [" ".join(t or "*" for t in texts) for texts, _ in splits]


def _runs(*texts: str) -> list[Piece]:
    return [Piece(run=t) for t in texts]


def test_the_rules_come_from_the_checks() -> None:
    assert T3 is not None
    assert T4 is not None
    assert T3.groups == ((0, 6),)
    assert len(T3.keys) == 25
    assert T3.keys[0] == "new_received"
    # F1 (new + carried over = total + carried forward) and I2 (the outcome rows add up).
    (f1_left, f1_right), (leaves, total) = T3.columns
    assert [T3.keys[i] for i in (*f1_left, *f1_right)] == [
        "new_received",
        "carried_over",
        "outcomes.total",
        "carried_forward",
    ]
    assert total == f1_right[:1]
    assert len(leaves) == 21
    assert T4.groups == ((0, 4), (5, 9), (10, 14))
    assert shape("2019", 3) is not None
    assert shape("2019", 3).keys != T3.keys  # type: ignore[union-attr]


def test_a_row_whose_total_decides_its_split() -> None:
    assert T3 is not None
    assert _texts(_runs("690000069"), 7, T3.groups) == ["69 0 0 0 0 0 69"]
    # A total of two digits after parts of one: 6 + 9 + … = 15.
    assert _texts(_runs("69000015"), 7, T3.groups) == ["6 9 0 0 0 0 15"]


def test_no_leading_zeros_and_zero_alone() -> None:
    assert T3 is not None
    assert _texts(_runs("0000000"), 7, T3.groups) == ["0 0 0 0 0 0 0"]
    # '05' is no cell: '1050006' can only be 1/0/5/0/0/0/6.
    assert _texts(_runs("1050006"), 7, T3.groups) == ["1 0 5 0 0 0 6"]


def test_several_splits_and_none() -> None:
    assert T3 is not None
    assert _texts(_runs("110000011"), 7, T3.groups) == ["1 10 0 0 0 0 11", "11 0 0 0 0 0 11"]
    assert _texts(_runs("1111111"), 7, T3.groups) == []  # 1+1+1+1+1+1 is not 1


def test_values_printed_apart_stay_whole() -> None:
    assert T3 is not None
    pieces = [Piece(run="693"), Piece(fixed=None), Piece(run="0"), Piece(run="0072")]
    # '693' may be 69/3 or 6/93 or 6/9/3; the mark is one unknown cell, so the total only
    # has to be at least the known parts.
    found = _texts(pieces, 7, T3.groups)
    assert found == ["69 3 * 0 0 0 72"]
    assert _texts([Piece(run="31"), Piece(fixed=3)], 3, ((0, 2),)) == []
    assert _texts([Piece(run="21"), Piece(fixed=3)], 3, ((0, 2),)) == ["2 1 *"]


def test_table_4_as_one_string() -> None:
    assert T4 is not None
    run = "10001" + "00000" + "21104"
    assert _texts(_runs(run), 15, T4.groups) == [" ".join("100010000021104")]


def test_the_columns_decide_between_a_rows_splits() -> None:
    # Rows 0 + 1 = 2 per column; row 0 has two candidates, the columns keep one.
    rules = [((0, 1), (2,))]
    rows = [None, (1, 2, 3), (2, 3, 5)]
    allowed, capped = resolve_table(rows, {0: [(1, 0, 1), (1, 1, 2)]}, rules, 3)
    assert (allowed, capped) == ({0: {1}}, False)
    allowed, _ = resolve_table(rows, {0: [(0, 1, 1), (1, 0, 1)]}, rules, 3)
    assert allowed == {0: set()}
    unknown = [None, (1, 2, 3), None]  # nothing to compare with: both stay
    allowed, _ = resolve_table(unknown, {0: [(1, 0, 1), (1, 1, 2)]}, rules, 3)
    assert allowed == {0: {0, 1}}


def _every_split(run: str, size: int, groups: tuple[tuple[int, int], ...]) -> list[str]:
    """Every split of *run* into *size* cells by the rules: each cut from the left, a group
    checked once its total is cut (no other pruning)."""
    totals = {end: start for start, end in groups}
    found: list[str] = []

    def cut(at: int, texts: list[str]) -> None:
        if len(texts) == size:
            if at == len(run):
                found.append(" ".join(texts))
            return
        for end in range(at + 1, len(run) + 1):
            text = run[at:end]
            if len(text) > 1 and text[0] == "0":
                break
            cell = len(texts)
            start = totals.get(cell)
            if start is None or sum(map(int, texts[start:])) == int(text):
                cut(end, [*texts, text])

    cut(0, [])
    return found


_SMALL = st.one_of(st.integers(0, 9), st.integers(0, 120))


@settings(max_examples=60, deadline=None)
@given(
    parts=st.lists(_SMALL, min_size=6, max_size=6),
    error=st.sampled_from([0, 0, 0, 1, 10]),
)
def test_a_rows_splits_are_every_cut_that_the_rules_allow(parts: list[int], error: int) -> None:
    # The pruned search finds what trying every cut finds: all of it, and nothing else.
    assert T3 is not None
    run = "".join(map(str, [*parts, sum(parts) + error]))
    assert _texts(_runs(run), 7, T3.groups) == sorted(
        _every_split(run, 7, T3.groups), key=lambda s: [len(t) for t in s.split()]
    )


@settings(max_examples=30, deadline=None)
@given(
    groups=st.lists(st.lists(st.integers(0, 12), min_size=4, max_size=4), min_size=3, max_size=3)
)
def test_table_4_splits_are_every_cut_that_the_rules_allow(groups: list[list[int]]) -> None:
    assert T4 is not None
    run = "".join(str(n) for parts in groups for n in (*parts, sum(parts)))
    every = _every_split(run, 15, T4.groups)
    splits, capped = split_row(_runs(run), 15, T4.groups)
    found = [" ".join(t or "*" for t in texts) for texts, _ in splits]
    if capped:  # as many as it keeps: some of them, each a split that trying every cut finds
        assert len(found) == MAX_CANDIDATES <= len(every)
        assert set(found) <= set(every)
    else:
        assert found == sorted(every, key=lambda s: [len(t) for t in s.split()])


def _can_hold(
    table: list[tuple[int, int] | None], left: tuple[int, ...], right: tuple[int, ...], c: int
) -> bool:
    """Whether the rows *left* can sum to the rows *right* in column *c*, a row not read
    holding any count."""
    sides = [[table[r] for r in rows] for rows in (left, right)]
    (low, open_left), (high, open_right) = (
        (sum(cells[c] for cells in side if cells is not None), None in side) for side in sides
    )
    return (open_left or low >= high) and (open_right or high >= low)


_CANDIDATES = st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=1, max_size=4)


@settings(max_examples=60, deadline=None)
@given(
    pending=st.dictionaries(st.integers(0, 4), _CANDIDATES, min_size=1, max_size=4),
    printed=st.lists(
        st.one_of(st.none(), st.tuples(st.integers(0, 8), st.integers(0, 8))),
        min_size=5,
        max_size=5,
    ),
)
def test_the_table_keeps_the_candidates_of_every_combination_that_holds(
    pending: dict[int, list[tuple[int, int]]], printed: list[tuple[int, int] | None]
) -> None:
    # Rows 0 + 1 = 2 and 2 = 3 + 4, per column: what the search keeps is what trying every
    # combination keeps. A row not read holds some count (0 or more) in each column.
    rules = [((0, 1), (2,)), ((2,), (3, 4))]
    rows = [None if row in pending else cells for row, cells in enumerate(printed)]
    order = sorted(pending)
    expected: dict[int, set[int]] = {row: set() for row in order}
    for choice in itertools.product(*(range(len(pending[row])) for row in order)):
        table = list(rows)
        for row, index in zip(order, choice, strict=True):
            table[row] = pending[row][index]
        if all(_can_hold(table, left, right, c) for left, right in rules for c in range(2)):
            for row, index in zip(order, choice, strict=True):
                expected[row].add(index)
    assert resolve_table(rows, pending, rules, 2) == (expected, False)


HEAD = "某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
T4_HEAD = (
    "四、政府信息公开行政复议、行政诉讼情况\n"
    + "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)
    + "\n"
)


def _notes(result: object, code: NoteCode) -> list[str]:
    return [n.why for n in result.notes if n.code is code]  # type: ignore[attr-defined]


def test_read_splits_a_row_and_says_so() -> None:
    text = HEAD + "一、本年新收政府信息公开申请数量 690000069\n"
    result = read(text)
    assert result.report.applications.new_received.natural_persons == 69
    assert result.report.applications.new_received.total == 69
    [why] = _notes(result, NoteCode.CELLS_SPLIT)
    assert "'690000069'" in why
    assert "69/0/0/0/0/0/69" in why
    assert "the only split allowed by the row's total" in why


def test_read_leaves_an_ambiguous_row_blank_and_lists_its_splits() -> None:
    text = HEAD + "一、本年新收政府信息公开申请数量 110000011\n"
    result = read(text)
    row = result.report.applications.new_received
    assert row.natural_persons is BLANK
    assert row.total is BLANK
    [why] = _notes(result, NoteCode.CELLS_AMBIGUOUS)
    assert why.endswith("1/10/0/0/0/0/11; 11/0/0/0/0/0/11; the row is left blank")
    assert not _notes(result, NoteCode.CELLS_SPLIT)


def test_read_none_when_the_total_is_wrong() -> None:
    text = HEAD + "一、本年新收政府信息公开申请数量 1111111\n"
    result = read(text)
    assert result.report.applications.new_received.total is BLANK
    [why] = _notes(result, NoteCode.CELLS_UNSPLIT)
    assert "no split satisfies the row's total (I1), or a total printed is wrong" in why


def test_spaces_keep_their_cells() -> None:
    text = HEAD + "一、本年新收政府信息公开申请数量 6 9 3 665\n"
    result = read(text)
    assert result.report.applications.new_received.natural_persons == 6
    assert not [n for n in result.notes if n.code in SPLITS]


def test_read_table_4_as_one_digit_string() -> None:
    text = HEAD + "一、本年新收政府信息公开申请数量 1\t0\t0\t0\t0\t0\t1\n" + T4_HEAD
    text += "100010000021104" + "\n五、存在的主要问题及改进情况\n无。\n"
    result = read(text)
    table = result.report.reconsideration_and_litigation
    assert table.reconsideration.upheld == 1
    assert table.litigation_after_reconsideration.upheld == 2
    assert table.litigation_after_reconsideration.total == 4
    [why] = _notes(result, NoteCode.CELLS_SPLIT)
    assert "each group's total (I4)" in why


def _ambiguous_row(total: int) -> str:
    return str(total) + "00000" + str(total)


def test_the_column_rules_decide_an_ambiguous_row() -> None:
    # Row 一 '110000011' reads 11/0/0/0/0/0/11 or 1/10/0/0/0/0/11 by its total; rule F1
    # (一 + 二 = （七） + 四, per column) with 二, （七） and 四 printed keeps the first.
    lines = [
        "一、本年新收政府信息公开申请数量 110000011",
        "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0",
        "（七）总计\t11\t0\t0\t0\t0\t0\t11",
        "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0",
    ]
    result = read(HEAD + "\n".join(lines) + "\n")
    row = result.report.applications.new_received
    assert (row.natural_persons, row.commercial_enterprises, row.total) == (11, 0, 11)
    [why] = _notes(result, NoteCode.CELLS_SPLIT)
    assert "the row's total (I1) and the column rules (F1, I2)" in why


def test_the_column_rules_can_leave_no_split() -> None:
    # '110000011' splits two ways by its total; F1 with the other rows printed wants 5
    # natural persons: neither, so the publisher printed something wrong, and the row is blank.
    lines = [
        "一、本年新收政府信息公开申请数量 110000011",
        "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0",
        "（七）总计\t5\t0\t0\t0\t0\t0\t5",
        "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0",
    ]
    result = read(HEAD + "\n".join(lines) + "\n")
    assert result.report.applications.new_received.total is BLANK
    [why] = _notes(result, NoteCode.CELLS_UNSPLIT)
    assert "the row alone allows 1/10/0/0/0/0/11; 11/0/0/0/0/0/11" in why
    assert "the column rules (F1, I2)" in why


def test_a_search_cut_short_lists_what_it_found_and_says_there_may_be_more() -> None:
    # Groups of 0s, 1s, 10s and 11s: 64 splits and more satisfy I4, so the search stops there.
    text = HEAD + "一、本年新收政府信息公开申请数量 1\t0\t0\t0\t0\t0\t1\n" + T4_HEAD
    result = read(text + "111111111234110100110221111011133\n")
    [why] = _notes(result, NoteCode.CELLS_AMBIGUOUS)
    assert f"the search cut short (the first {MAX_CANDIDATES} found; there may be more)" in why
    listed = why.split(": ", 1)[1].removesuffix("; the row is left blank").split("; ")
    assert len(listed) == len(set(listed)) == MAX_CANDIDATES
    assert result.report.reconsideration_and_litigation.reconsideration.total is BLANK


def test_the_candidates_of_an_ambiguous_row_are_listed() -> None:
    text = HEAD + "一、本年新收政府信息公开申请数量 1111111111111111111111116\n"
    [why] = _notes(read(text), NoteCode.CELLS_AMBIGUOUS)
    assert "cut short" not in why
    assert why.count("/1111111116") == 6  # six splits, each quoted


# A large number in a row cut short is a number; digits of a whole row are cells ------------


def test_a_large_number_in_a_row_cut_short_is_read_as_printed() -> None:
    # Three values printed apart: cells whose boundaries are there, the rest of the row cut.
    text = HEAD + "一、本年新收政府信息公开申请数量\t1234567\t3\t0\n"
    result = read(text)
    row = result.report.applications.new_received
    assert (row.natural_persons, row.commercial_enterprises, row.research_institutions) == (
        1234567,
        3,
        0,
    )
    assert row.total is BLANK
    assert NoteCode.ROW_SHORT in {n.code for n in result.notes}
    assert not [n for n in result.notes if n.code in SPLITS]


def test_a_large_number_before_blank_cells_is_read_as_printed() -> None:
    # Blank cells are boundaries that were kept: the row was cut short, not run together.
    result = read(HEAD + "一、本年新收政府信息公开申请数量\t1234567\t\t\t\n")
    assert result.report.applications.new_received.natural_persons == 1234567
    assert not [n for n in result.notes if n.code in SPLITS]


def test_a_large_number_in_a_whole_row_is_read_as_printed() -> None:
    cells = "1234567\t0\t0\t0\t0\t0\t1234567"
    result = read(HEAD + f"一、本年新收政府信息公开申请数量\t{cells}\n")
    assert result.report.applications.new_received.total == 1234567
    assert not [n for n in result.notes if n.code in SPLITS]


def test_large_numbers_that_ran_together_are_split() -> None:
    # One run of 19 digits for 7 cells: the row's cell count says its cells ran together.
    text = HEAD + "一、本年新收政府信息公开申请数量 1234567000001234567\n"
    result = read(text)
    row = result.report.applications.new_received
    assert (row.natural_persons, row.total) == (1234567, 1234567)
    [why] = _notes(result, NoteCode.CELLS_SPLIT)
    assert "1234567/0/0/0/0/0/1234567" in why


def test_a_lone_run_as_long_as_the_row_is_never_read_as_one_cell() -> None:
    # '1234567' alone in a row of seven cells may be seven cells run together (1+2+…+6 is not
    # 7) or the first cell of a row cut short: it is not guessed, the row stays blank.
    result = read(HEAD + "一、本年新收政府信息公开申请数量 1234567\n")
    assert result.report.applications.new_received.natural_persons is BLANK
    [why] = _notes(result, NoteCode.CELLS_UNSPLIT)
    assert "no split satisfies the row's total" in why


def test_a_table_4_run_longer_than_40_digits_is_split() -> None:
    groups = [(1200, 300, 45, 6), (7000, 0, 800, 90), (10000, 2000, 300, 40)]
    run = "".join(f"{a}{b}{c}{d}{a + b + c + d}" for a, b, c, d in groups)
    assert len(run) > 40
    text = HEAD + "一、本年新收政府信息公开申请数量 1\t0\t0\t0\t0\t0\t1\n" + T4_HEAD + run + "\n"
    result = read(text)
    table = result.report.reconsideration_and_litigation
    assert (table.reconsideration.upheld, table.reconsideration.total) == (1200, 1551)
    assert table.litigation_after_reconsideration.total == 12340
    [why] = _notes(result, NoteCode.CELLS_SPLIT)
    assert run in why


# The property: cells that ran together in generated reports ------------------------------


def run_together(report: Report) -> str:
    """*report* rendered as text, with every boundary between the value cells of a row of
    tables 三 and 四 lost, as in crawler dumps: a row's label, then one run of digits."""
    lines = render(report, to="text").split("\n")
    start = lines.index("三、收到和处理政府信息公开申请情况")
    end = lines.index("五、存在的主要问题及改进情况")
    for i in range(start, end):
        cells = lines[i].split("\t")
        values = 0
        while values < len(cells) and cells[len(cells) - 1 - values].isdigit():
            values += 1
        if values > 1:
            head = cells[: len(cells) - values]
            lines[i] = "\t".join([*head, "".join(cells[len(cells) - values :])])
    return "\n".join(lines)


@settings(max_examples=25, deadline=None)
@given(report=reports(metadata=metadata(agency=st.just("某局"), year=st.integers(2019, 2025))))
def test_cells_that_ran_together_read_back_exact_or_blank_with_a_note(report: Report) -> None:
    result = read(run_together(report))
    # The generated totals are right, so some split always satisfies the rules: a row is
    # split, or left blank because several splits do (never 'none').
    assert not [n for n in result.notes if n.code is NoteCode.CELLS_UNSPLIT]
    noted = {
        n.where.cell[0] if n.where.section == 3 and n.where.cell else f"table{n.where.section}"
        for n in result.notes
        if n.code is NoteCode.CELLS_AMBIGUOUS
    }
    expected = {s.address: v for s, v in cell_values(report)}
    for spec, value in cell_values(result.report):
        if spec.address.table not in {3, 4}:
            continue
        if value is BLANK:
            row = spec.address.row if spec.address.table == 3 else "table4"
            assert row in noted, spec.address  # blank, with a note that lists the splits
        else:
            assert value == expected[spec.address], spec.address  # never wrong
