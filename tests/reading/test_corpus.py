"""The reader against the real reports of the shared corpus and their hand-checked values.

The corpus lives beside the repository (``../shared/corpus``); these tests skip when it is absent.
"""

from __future__ import annotations

import json

from decimal import Decimal
from pathlib import Path

import pytest

from disclosure_report.reading import NoteCode, extract, read
from disclosure_report.reading._tables import TableRead


CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
EXPECTED = sorted([*CORPUS.glob("expected/*.json"), *CORPUS.glob("expected_partial/*.json")])
pytestmark = pytest.mark.skipif(not EXPECTED, reason="no corpus at ../shared/corpus")
MARKS = {"/", "-", "—", "--", "——", "无", "－", "／"}


def _body(stem: str) -> str:
    raw = next((CORPUS / "raw").glob(stem + ".*"))
    return raw.read_text(encoding="utf-8").partition("\n---\n")[2]


def _printed(table: TableRead) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for _, cells in table.rows:
        for cell in cells:
            value = cell.value
            if value.kind == "number":
                out.append(("num", value.number))
            else:
                out.append(
                    (
                        "mark",
                        "not_applicable" if value.kind == "mark" else "blank",
                    )
                )
    return out


def _expected(value: object) -> tuple[str, object]:
    if value is None:
        return ("mark", "blank")
    text = str(value).strip()
    if text in MARKS:
        return ("mark", "not_applicable")
    text = text.removesuffix("万元").removesuffix("元").removeprefix("+")
    return ("num", Decimal(text))


def _flat(expected: dict[str, object]) -> dict[int, list[object]]:
    out: dict[int, list[object]] = {}
    for number in (2, 3, 4):
        values = expected.get(f"table{number}")
        if not isinstance(values, list):
            continue
        if values and isinstance(values[0], list):
            if expected.get("partial"):
                present = expected.get("table3_rows_present", len(values))
                assert isinstance(present, int)
                values = values[:present]
            values = [v for row in values for v in row]
        out[number] = values
    return out


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_every_cell_as_checked_by_hand(path: Path) -> None:
    expected = json.loads(path.read_text(encoding="utf-8"))
    extraction = extract(_body(path.stem))

    assert extraction.version == expected["format"]
    for number, values in _flat(expected).items():
        printed = _printed(extraction.tables[number - 2])
        assert printed[: len(values)] == [_expected(v) for v in values]


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_no_unreadable_cell_in_the_corpus(path: Path) -> None:
    extraction = extract(_body(path.stem))

    assert not [n for n in extraction.notes if n.code is NoteCode.UNREADABLE_CELL]


MORE = CORPUS / "more"
MORE_READ = [
    "101-hongze-district-gov-2024-pdf",
    "102-official-blank-template-2021",
    "112-taojiang-county-audit-2020",
    "113-yangling-audit-bureau-2022",
]
"""The documents of ``more/`` that the reader reads (the rest are scored apart, by
``../shared/corpus/check --corpus ../shared/corpus/more``, until it does)."""


@pytest.mark.parametrize("stem", MORE_READ)
def test_every_cell_of_the_documents_read(stem: str) -> None:
    whole = MORE / "expected" / f"{stem}.json"
    path = whole if whole.exists() else MORE / "expected_partial" / f"{stem}.json"
    expected = json.loads(path.read_text(encoding="utf-8"))
    raw = next((MORE / "raw").glob(stem + ".*"))
    if raw.suffix == ".txt":  # a text excerpt: its header block up to '---' is not the report
        extraction = extract(raw.read_text(encoding="utf-8").partition("\n---\n")[2])
    else:
        extraction = extract(raw)

    assert extraction.version == expected["format"]
    for number, values in _flat(expected).items():
        printed = _printed(extraction.tables[number - 2])
        if expected.get("partial"):  # an excerpt cut short: the cells it has
            printed = printed[: len(values)]
        assert printed == [_expected(v) for v in values]


def test_the_printed_group_row_of_the_pdf_is_kept_as_printed() -> None:
    stem = "101-hongze-district-gov-2024-pdf"
    expected = json.loads((MORE / "expected" / f"{stem}.json").read_text(encoding="utf-8"))
    result = read(MORE / "raw" / f"{stem}.pdf")

    (row,) = [row for row in result.extra_rows if row.table == 3]
    assert row.group == "outcomes.other_handling"
    assert list(row.values) == [str(v) for v in expected["table3_six_printed"]]
    assert row.where.page is not None


def test_the_blank_template_says_that_no_values_were_found() -> None:
    extraction = extract(MORE / "raw" / "102-official-blank-template-2021.docx")

    assert extraction.kind == "docx"
    assert [n.code for n in extraction.notes].count(NoteCode.NO_VALUES) == 1


def test_cells_dropped_by_the_layout_are_inferred_with_a_note() -> None:
    extraction = extract(_body("003-yueyang-nanhu-bureau-2019"))

    inferred = [n for n in extraction.notes if n.code is NoteCode.POSITION_INFERRED]
    ambiguous = [n for n in extraction.notes if n.code is NoteCode.CELLS_AMBIGUOUS]
    assert len(inferred) == 3
    assert [n.where.cell for n in ambiguous] == [("outcomes.partially_granted", "*")]


def test_a_cut_row_is_filled_from_the_left_and_noted() -> None:
    extraction = extract(_body("002-shenzhen-longgang-dept-2024"))
    table3 = extraction.tables[1]

    cell = table3.cell("outcomes.withheld.enforcement_files", "total")
    assert cell.value.kind == "blank"
    short = [n for n in extraction.notes if n.code is NoteCode.ROW_SHORT]
    assert [n.where.cell for n in short] == [("outcomes.withheld.enforcement_files", "*")]


def test_local_rows_are_read_into_the_notes() -> None:
    extraction = extract(_body("039-xiaogan-city-gov-office-2020"))

    extra = [n for n in extraction.notes if n.code is NoteCode.EXTRA_ROW]
    assert len(extra) == 1
    assert extra[0].text == "其他主动公开文件"
    assert "56 45" in extra[0].why


def test_agency_and_year_from_titles() -> None:
    cases = {
        "000-nx-jgswglj-2023": ("自治区机关事务管理局", 2023),
        "045-pingtan-2019-html": ("平潭综合实验区", 2019),
        "052-shuyang-county-gov-2025-pdf-markdown": ("沐阳县人民政府", 2025),
        "039-xiaogan-city-gov-office-2020": ("孝感市人民政府办公室", 2020),
    }
    for stem, (agency, year) in cases.items():
        extraction = extract(_body(stem))
        assert (extraction.agency, extraction.year) == (agency, year), stem


def test_narrative_sections_are_kept() -> None:
    extraction = extract(_body("060-hangzhou-style-city-2025"))

    assert extraction.narrative[1]
    assert extraction.narrative[6]
    assert "信息处理费" in extraction.narrative[6]
