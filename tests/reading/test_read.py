"""``read``: a published report onto the typed model, with notes kept apart from findings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from disclosure_report import BLANK, Amount, Report2019, Report2021, Unit
from disclosure_report.exceptions import InvalidReportError
from disclosure_report.model import CellAddress, cell_values
from disclosure_report.reading import NoteCode, read
from disclosure_report.serialize import from_json


ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "raw"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="no corpus at ../shared/corpus")


def _body(stem: str) -> str:
    raw = next(CORPUS.glob(stem + ".*"))
    return raw.read_text(encoding="utf-8").partition("\n---\n")[2]


@needs_corpus
def test_the_published_example_reads_to_the_hand_made_report() -> None:
    expected = from_json((ROOT / "examples" / "nx-jgswglj-2023.json").read_bytes())

    result = read(_body("000-nx-jgswglj-2023"))

    assert type(result.report) is Report2021
    assert result.report.metadata.agency == "自治区机关事务管理局"
    assert result.report.metadata.year == expected.metadata.year
    assert list(cell_values(result.report)) == list(cell_values(expected))
    assert result.tables_found == (2, 3, 4)
    assert result.kind == "text"


def test_the_2021_fee_takes_the_unit_the_format_defines() -> None:
    text = (
        "某局2023年政府信息公开工作年度报告\n"
        "第二十条第（八）项\n"
        "信息内容\t本年收费金额（单位：万元）\n"
        "行政事业性收费\t12.50\n"
    )

    report = read(text).report

    assert isinstance(report, Report2021)
    fees = report.active_disclosure.article_20_8.administrative_fees
    assert fees.amount == Amount(value=Decimal("12.50"), unit=Unit.WAN_YUAN)
    assert report.active_disclosure.article_20_5.licensing.decisions is BLANK


def test_signed_changes_and_a_printed_unit_in_a_2019_report() -> None:
    text = (
        "某局2019年政府信息公开工作年度报告\n"
        "第二十条第（五）项\n"
        "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
        "行政许可\t30\t减4\t12\n"
        "其他对外管理服务事项\t5\t+19\t0\n"
        "第二十条第（九）项\n"
        "信息内容\t采购项目数量\t采购总金额\n"
        "政府集中采购\t3\t251000元\n"
    )

    report = read(text).report

    assert isinstance(report, Report2019)
    items = report.active_disclosure.article_20_5
    assert items.licensing.change == -4
    assert items.other_services.change == 19
    procurement = report.active_disclosure.article_20_9.centralized_procurement
    assert procurement.amount == Amount(value=Decimal(251000), unit=Unit.YUAN)


def test_missing_metadata_is_noted_never_invented_silently() -> None:
    text = "一、总体情况\n2022年，我局认真落实……\n二、主动公开政府信息情况\n行政许可\t3\n"

    result = read(text)

    assert result.report.metadata.agency == ""
    assert result.report.metadata.year == 2022
    codes = [n.code for n in result.notes]
    assert NoteCode.METADATA_MISSING in codes
    assert NoteCode.METADATA_INFERRED in codes


def test_without_any_year_the_placeholder_is_noted() -> None:
    result = read("行政许可\t3\n")

    inferred = [n for n in result.notes if n.code is NoteCode.METADATA_INFERRED]
    assert result.report.metadata.year == int(result.report.format_version)
    assert "placeholder" in inferred[0].why


def test_a_text_without_tables_has_none_found() -> None:
    result = read("这不是一份年度报告。")

    assert not result.has_tables
    assert all(value is BLANK for _, value in cell_values(result.report))


def test_reading_notes_are_not_findings() -> None:
    result = read("某局2023年政府信息公开工作年度报告\n行政许可\t3\n")

    assert result.notes
    assert not hasattr(result, "findings")
    assert all(f.rule.split(".")[0] == "2021" for f in result.report.check())


def test_an_unreadable_path_raises_the_library_exception(
    tmp_path: Path,
) -> None:
    with pytest.raises(InvalidReportError):
        read(tmp_path / "missing.txt")


def test_every_cell_read_says_where_it_was_printed() -> None:
    text = (
        "某局2023年政府信息公开工作年度报告\n"
        "二、主动公开政府信息情况\n"
        "第二十条第（五）项\n"
        "信息内容\t本年处理决定数量\n"
        "行政许可\t7\n"
        "第二十条第（六）项\n"
        "信息内容\t本年处理决定数量\n"
        "行政处罚\t9\n"
    )
    result = read(text)

    licensing = CellAddress(2, "article_20_5.licensing", "decisions")
    penalties = CellAddress(2, "article_20_6.penalties", "decisions")
    assert result.locations[licensing].line == 5
    assert result.locations[penalties].line == 8
    assert result.locations[penalties].column == 1
    assert result.locations[penalties].cell == ("article_20_6.penalties", "decisions")
    # A cell with no source cell (table 3 was not printed) has no location.
    assert CellAddress(3, "new_applications", "total") not in result.locations
