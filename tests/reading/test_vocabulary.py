"""The reader's labels are the model's: every cell, in the official wording, nothing else."""

from __future__ import annotations

import pytest

from disclosure_report import Report2019, Report2021, table_layout, translate
from disclosure_report.reading._vocabulary import Matcher, RowSpec, vocabulary


CLASSES = {"2019": Report2019, "2021": Report2021}
WORDS = vocabulary()
TABLE2 = {version: WORDS.labels[version].table2 for version in CLASSES}
TABLE3 = {version: WORDS.labels[version].table3 for version in CLASSES}
ONLY_ROWS = {
    "2019": WORDS.labels["2019"].row_cores - WORDS.labels["2021"].row_cores,
    "2021": WORDS.labels["2021"].row_cores - WORDS.labels["2019"].row_cores,
}
article_heading = WORDS.article_heading
Version = str


def _reader_cells(version: Version) -> set[tuple[int, str, str, str, str]]:
    tables = {2: TABLE2[version], 3: TABLE3[version], 4: WORDS.labels[version].table4}
    return {
        (number, row.key, column.key, row.label, column.label)
        for number, rows in tables.items()
        for row in rows
        for column in row.columns
    }


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_every_cell_of_the_model_and_no_other_with_its_official_labels(
    version: Version,
) -> None:
    model = {
        (
            spec.address.table,
            spec.address.row,
            spec.address.column,
            translate(spec.row_label, "zh_Hans"),
            translate(spec.column_label, "zh_Hans"),
        )
        for spec in table_layout(CLASSES[version])
    }
    assert _reader_cells(version) == model


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_rows_are_in_printed_order_with_table_3_groups_before_their_rows(
    version: Version,
) -> None:
    printed = list(
        dict.fromkeys(
            spec.address.row for spec in table_layout(CLASSES[version]) if spec.address.table == 3
        )
    )
    rows = [spec.key for spec in TABLE3[version] if not spec.is_group]
    assert rows == printed
    groups = [spec for spec in TABLE3[version] if spec.is_group]
    assert [g.label for g in groups[:2]] == ["三、本年度办理结果", "（三）不予公开"]
    for group in groups:
        keys = [spec.key for spec in TABLE3[version]]
        first_child = next(k for k in keys if k.startswith(group.key + "."))
        assert keys.index(group.key) < keys.index(first_child)


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_only_rows_named_like_a_column_need_their_number(
    version: Version,
) -> None:
    needs = {s.key for s in TABLE3[version] if s.needs_number}
    expected = {"outcomes.total"} | (
        {"outcomes.other_handling.other"} if version == "2021" else set()
    )
    assert needs == expected
    matcher = Matcher(TABLE3[version])
    assert matcher.row("总计") is None  # a column header, not the row
    total = matcher.row("（七）总计")
    assert isinstance(total, RowSpec)
    assert total.key == "outcomes.total"


def test_the_rows_of_one_version_only_tell_the_versions_apart() -> None:
    # In the official wording and in the English catalog's: each of them votes.
    assert {
        "规范性文件",
        "其他对外管理服务事项",
        "政府集中采购",
        "normativedocuments",
        "otherexternalmanagementandservicematters",
        "governmentcentralisedprocurement",
    } == ONLY_ROWS["2019"]
    assert "行政规范性文件" in ONLY_ROWS["2021"]
    assert not ONLY_ROWS["2019"] & ONLY_ROWS["2021"]
    assert all(WORDS.votes(core) == ("2019",) for core in ONLY_ROWS["2019"])
    assert all(WORDS.votes(core) == ("2021",) for core in ONLY_ROWS["2021"])
    assert WORDS.votes("第二十条第（九）项") == ("2019",)
    assert WORDS.votes("Article 20, item (9)") == ("2019",)
    assert WORDS.votes("Normative documents") == ("2019",)
    assert WORDS.votes("Administrative normative documents") == ("2021",)
    assert WORDS.votes("予以公开") == ()  # both versions print it


def test_article_headings_are_the_model_sub_tables() -> None:
    assert [
        article_heading(t) for t in ("第二十条第（一）项", "第二十条第(九)项", "第二十条第七项")
    ] == [1, 9, None]


def test_table_4_is_the_same_in_both_versions() -> None:
    def cells(cls: type[Report2019 | Report2021]) -> list[object]:
        return [
            (s.address, s.row_label, s.column_label)
            for s in table_layout(cls)
            if s.address.table == 4
        ]

    assert cells(Report2019) == cells(Report2021)
