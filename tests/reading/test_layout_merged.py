"""Layout class of HTML and Word tables (issue 10): table 二 with the other version's label and
values in cells merged across columns, placed by the header columns they sit under.

Rows, labels and columns come from the model (:func:`version_labels`), never a list of their own.
"""

from __future__ import annotations

from tests.reading.test_docx import _docx, _p, _r, _tbl, _tc, _tr

from disclosure_report import format_version
from disclosure_report.reading import NoteCode, extract
from disclosure_report.reading._extract import Extraction
from disclosure_report.reading._vocabulary import RowSpec, version_labels


def _rows(version: str) -> dict[str, RowSpec]:
    return {spec.key: spec for spec in version_labels(format_version(version)).table2}


ROWS_2019 = _rows("2019")
ROWS_2021 = _rows("2021")
NORMATIVE = "article_20_1.normative_documents"
FEES = "article_20_8.administrative_fees"
LICENSING = "article_20_5.licensing"
WIDTH = len(ROWS_2021["article_20_1.rules"].columns) + 1  # the grid: label and three columns


def _td(text: str, span: int = 1) -> str:
    return f"<td colspan={span}>{text}</td>" if span > 1 else f"<td>{text}</td>"


def _html(title: str, *rows: list[tuple[str, int]]) -> str:
    body = "".join("<tr>" + "".join(_td(t, s) for t, s in row) + "</tr>" for row in rows)
    return (
        f"<html><head><title>某局{title}年政府信息公开工作年度报告</title></head><body>"
        f"<p>二、主动公开政府信息情况</p><table>{body}</table></body></html>"
    )


def _header(spec: RowSpec, *extra: str) -> list[tuple[str, int]]:
    return [("信息内容", 1), *((c.label, 1) for c in spec.columns), *((e, 1) for e in extra)]


def _cells(extraction: Extraction, key: str) -> list[str]:
    return next(
        [c.value.text or c.value.kind for c in cells]
        for spec, cells in extraction.tables[0].rows
        if spec.key == key
    )


def _notes(extraction: Extraction, key: str) -> list[tuple[NoteCode, str]]:
    return [
        (n.code, n.text)
        for n in extraction.notes
        if n.where.cell is not None and n.where.cell[0] == key
    ]


def test_the_other_versions_label_with_a_value_merged_over_two_of_its_columns() -> None:
    rules, normative = ROWS_2021["article_20_1.rules"], ROWS_2021[NORMATIVE]
    label = ROWS_2019[NORMATIVE].label  # 规范性文件, the 2019 wording
    extraction = extract(
        _html(
            "2023",
            [("第二十条第（一）项", WIDTH)],
            _header(rules),
            [(rules.label, 1), ("1", 1), ("0", 1), ("4", 1)],
            [(label, 1), ("5", 2), ("9", 1)],
        )
    )
    assert extraction.version == "2021"
    assert normative.label != label
    assert _cells(extraction, NORMATIVE) == ["blank", "blank", "9"]  # 5 is in one of two
    assert _notes(extraction, NORMATIVE) == [(NoteCode.CELLS_AMBIGUOUS, f"{label} | 5")]


def test_a_value_merged_over_one_of_the_rows_columns_and_one_it_lacks_is_that_columns() -> None:
    fees = ROWS_2019[FEES]
    lacking = ROWS_2019[LICENSING].columns[-1].label  # a column that the fee row does not have
    assert lacking not in {c.label for c in fees.columns}
    extraction = extract(
        _html(
            "2020",
            [("第二十条第（八）项", WIDTH)],
            _header(fees, lacking),
            [(fees.label, 1), ("35", 1), ("-15", 2)],
        )
    )
    assert extraction.version == "2019"
    assert _cells(extraction, FEES) == ["35", "-15"]
    assert not _notes(extraction, FEES)


def test_a_value_merged_over_a_one_column_rows_grid_is_its_value() -> None:
    licensing = ROWS_2021[LICENSING]
    extraction = extract(
        _html(
            "2023",
            [("第二十条第（五）项", WIDTH)],
            [("信息内容", 1), (licensing.columns[0].label, WIDTH - 1)],
            [(licensing.label, 1), ("", 2), ("17", 1)],
        )
    )
    assert _cells(extraction, LICENSING) == ["17"]


def test_a_word_cell_merged_over_two_columns_is_placed_by_the_header() -> None:
    rules, normative = ROWS_2021["article_20_1.rules"], ROWS_2021[NORMATIVE]
    table = _tbl(
        _tr(_tc("第二十条第（一）项", span=WIDTH)),
        _tr(_tc("信息内容"), *(_tc(c.label) for c in rules.columns)),
        _tr(_tc(rules.label), _tc("1"), _tc("0"), _tc("4")),
        _tr(_tc(ROWS_2019[NORMATIVE].label), _tc("2"), _tc("7", span=2)),
    )
    data = _docx(
        _p(_r("某局2023年政府信息公开工作年度报告")) + _p(_r("二、主动公开政府信息情况")) + table
    )
    extraction = extract(data)
    assert _cells(extraction, "article_20_1.rules") == ["1", "0", "4"]
    assert _cells(extraction, NORMATIVE) == ["2", "blank", "blank"]
    assert [code for code, _ in _notes(extraction, NORMATIVE)] == [NoteCode.CELLS_AMBIGUOUS]
    assert normative.columns[0].label == rules.columns[0].label
