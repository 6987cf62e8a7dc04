"""The reader asks the format-version registry: a version registered later is read like the others.

Version "2099" is the third version of ``tests/conftest.py``: the 2021 report with one more row
in table 3's outcomes, labelled by an ``NC_`` label that no catalog has (so it is printed and
matched in its English), and one row relabelled for it with ``labels_by_version``. Its text is
written here by hand from :func:`~disclosure_report.table_layout` and the ``zh_Hans`` labels, as
the text output prints the tables, so that the reader is tested apart from the renderer.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import pytest

from disclosure_report import (
    SECTION_TITLES,
    Report2021,
    table_layout,
    translate,
)
from disclosure_report.model import (
    FormatVersion,
    Label,
    format_version,
    format_versions,
    register_format_version,
    unregister_format_version,
)
from disclosure_report.reading import NoteCode, extract, read
from disclosure_report.reading._vocabulary import vocabulary


CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "raw"


@pytest.fixture
def version_2099(third_version: FormatVersion) -> FormatVersion:
    """The third version of ``tests/conftest.py``, registered for one test."""
    return third_version


def _labels_2099(version: FormatVersion) -> tuple[Label, Label]:
    """The label of the row only 2099 has, and 2099's own label of the shared row ``granted``."""
    rows = {s.address.row: s.row_label for s in version.table_layout() if s.address.table == 3}
    return rows["outcomes.referred"], rows["outcomes.granted"]


def _zh(label: Any) -> str:
    return translate(label, "zh_Hans")


def _text(report_class: type, values: dict[tuple[int, str, str], int]) -> str:
    """The report's text as the text output prints it: a line per row, cells split by tabs."""
    layout = table_layout(report_class)
    lines = [
        "某某局2025年政府信息公开工作年度报告",
        _zh(SECTION_TITLES["overview"]),
        "本年度概况。",
    ]
    sections = {2: "active_disclosure", 3: "applications", 4: "reconsideration_and_litigation"}
    for table, section in sections.items():
        lines.append(_zh(SECTION_TITLES[section]))
        cells = [spec for spec in layout if spec.address.table == table]
        if table == 4:
            lines.append("\t".join(dict.fromkeys(_zh(g) for s in cells for g in s.row_groups)))
            lines.append("\t".join(dict.fromkeys(_zh(s.row_label) for s in cells)))
            lines.append("\t".join(_zh(s.column_label) for s in cells))
            lines.append("\t".join(str(values[_key(s)]) for s in cells))
            continue
        if table == 3:
            lines.append("\t".join(dict.fromkeys(_zh(s.column_label) for s in cells)))
        printed: set[object] = set()
        rows: dict[str, list[Any]] = {}
        for spec in cells:
            rows.setdefault(spec.address.row, []).append(spec)
        for row in rows.values():
            first = row[0]
            for group in first.row_groups:
                if group not in printed:
                    printed.add(group)
                    lines.append(_zh(group))
                    if table == 2:
                        header = [_zh(s.column_label) for s in row]
                        lines.append("\t".join(["信息内容", *header]))
            lines.append("\t".join([_zh(first.row_label), *(str(values[_key(s)]) for s in row)]))
    lines += [_zh(SECTION_TITLES["problems_and_improvements"]), "无。"]
    lines += [_zh(SECTION_TITLES["other_matters"]), "本年度未收取信息处理费。"]
    return "\n".join(lines) + "\n"


def _key(spec: Any) -> tuple[int, str, str]:
    return (spec.address.table, spec.address.row, spec.address.column)


def _values(report_class: type) -> dict[tuple[int, str, str], int]:
    """A distinct number for every cell."""
    return {_key(s): 100 + i for i, s in enumerate(table_layout(report_class))}


def test_the_new_version_has_its_own_labels(version_2099: FormatVersion) -> None:
    new_row, relabelled = _labels_2099(version_2099)
    shared = {s.address.row: s.row_label for s in table_layout(Report2021)}["outcomes.granted"]
    assert relabelled != shared
    assert _zh(new_row) == new_row.english  # no catalog has it: matched in its English
    words = vocabulary()
    assert words.versions[-1] is version_2099
    assert words.votes(_zh(new_row)) == ("2099",)
    assert words.votes(_zh(relabelled)) == ("2099",)


def test_a_version_registered_later_is_detected_and_its_cells_read(
    version_2099: FormatVersion,
) -> None:
    values = _values(version_2099.report_class)
    extraction = extract(_text(version_2099.report_class, values), kind="text")
    assert extraction.version == "2099"
    assert not [n for n in extraction.notes if n.code is NoteCode.VERSION_GUESSED]
    read_values = {
        (table.number, spec.key, cell.column.key): cell.value.number
        for table in extraction.tables
        for spec, cells in table.rows
        for cell in cells
    }
    assert read_values == {key: Decimal(value) for key, value in values.items()}


def test_a_version_registered_later_is_read_onto_its_report_class(
    version_2099: FormatVersion,
) -> None:
    values = _values(version_2099.report_class)
    result = read(_text(version_2099.report_class, values), kind="text")
    assert type(result.report) is version_2099.report_class


def test_the_built_in_versions_are_read_as_before_with_another_registered(
    version_2099: FormatVersion,
) -> None:
    values = _values(Report2021)
    extraction = extract(_text(Report2021, values), kind="text")
    assert extraction.version == "2021"
    assert not [n for n in extraction.notes if n.code is NoteCode.VERSION_GUESSED]


def _corpus() -> list[Path]:
    return sorted(CORPUS.iterdir()) if CORPUS.is_dir() else []


@pytest.mark.skipif(not _corpus(), reason="no corpus next to the checkout")
def test_the_corpus_versions_do_not_change_with_another_registered(
    version_2099: FormatVersion,
) -> None:
    """Every report with a year keeps its version: by its labels, or where the labels it prints
    are 2099's too, by its year. (Without a year either, a tie goes to the newest registered.)"""

    def versions() -> dict[str, str]:
        found = {}
        for path in _corpus():
            head, sep, body = path.read_bytes().partition(b"\n---\n")
            kind: Literal["html", "text"] = "html" if path.suffix in {".html", ".htm"} else "text"
            extraction = extract(body if sep else head, kind=kind)
            if extraction.year is not None:
                found[path.name] = extraction.version
        return found

    with_2099 = versions()
    unregister_format_version("2099")
    try:
        before = versions()
    finally:
        register_format_version(version_2099)
    assert set(before.values()) == {"2019", "2021"}
    assert with_2099 == before


def test_unregistering_forgets_the_version(third_version: FormatVersion) -> None:
    assert "2099" in vocabulary().labels
    unregister_format_version("2099")
    try:
        assert "2099" not in vocabulary().labels
        assert [v.id for v in format_versions()] == ["2019", "2021"]
    finally:
        register_format_version(third_version)
    assert "2099" in vocabulary().labels


def test_without_it_only_the_built_in_versions_are_known() -> None:
    assert "2099" not in vocabulary().labels
    assert [v.id for v in format_versions()] == ["2019", "2021"]
    assert format_version("2021").report_class is Report2021


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (None, "2021"),
        (2015, "2019"),
        (2019, "2019"),
        (2020, "2019"),
        (2021, "2021"),
        (2030, "2021"),
    ],
)
def test_without_telling_labels_the_year_decides(year: int | None, expected: str) -> None:
    title = (
        "某某局政府信息公开工作年度报告"
        if year is None
        else f"某某局{year}年政府信息公开工作年度报告"
    )
    extraction = extract(f"{title}\n一、总体情况\n无。\n", kind="text")
    assert extraction.version == expected
    assert [n.code for n in extraction.notes].count(NoteCode.VERSION_GUESSED) == 1


def test_a_tie_goes_to_the_newest_registered_without_a_year(version_2099: FormatVersion) -> None:
    extraction = extract("某某局政府信息公开工作年度报告\n一、总体情况\n无。\n", kind="text")
    assert extraction.version == "2099"
