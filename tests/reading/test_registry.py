"""The reader asks the format-version registry: a version registered later is read like the others.

Version "2099" exists only here: the 2021 report with one more row in table 3's outcomes, labelled
by an ``NC_`` label that no catalog has (so it is printed and matched in its English), and one row
relabelled for it with ``labels_by_version``. Its text is written by hand from
:func:`~disclosure_report.table_layout` and the ``zh_Hans`` labels, as the text output prints the
tables (rendering does not take registered versions yet).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import attrs
import pytest

from disclosure_report import (
    SECTION_TITLES,
    InvalidReportError,
    Report2021,
    table_layout,
    translate,
)
from disclosure_report.model import (
    NC_,
    ApplicantCounts,
    Applications,
    FormatVersion,
    OtherHandling,
    Outcomes,
    format_version,
    format_versions,
    label_of,
    meta,
    registered_format_version,
)
from disclosure_report.reading import NoteCode, extract, read
from disclosure_report.reading._vocabulary import vocabulary


CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "raw"
NEW_ROW = NC_("t3.row.refused_as_abusive_2099", "(6b) Refused as an abuse of the right")
RELABELLED = NC_("t3.row.partially_granted_2099", "(2) Disclosed in part")


def _copy(field: attrs.Attribute[Any], **changes: Any) -> Any:
    """A field like *field* of a model class, with its resolved type."""
    return attrs.field(
        type=changes.get("type", field.type),
        validator=field.validator,
        metadata=changes.get("metadata", field.metadata),
    )


def _classes() -> type:
    """Report2099: Report2021 with the new row in table 3 and one row relabelled."""
    outcome_fields = attrs.fields_dict(Outcomes)
    fields: dict[str, Any] = {}
    for name, field in outcome_fields.items():
        if name == "partially_granted":
            fields[name] = _copy(
                field,
                metadata=meta(label_of(field), labels_by_version={"2099": RELABELLED}),
            )
        elif name == "other_handling":
            fields[name] = _copy(field, type=OtherHandling)
        elif name == "total":
            fields["refused_as_abusive"] = attrs.field(type=ApplicantCounts, metadata=meta(NEW_ROW))
            fields[name] = _copy(field)
        else:
            fields[name] = _copy(field)
    outcomes = attrs.make_class("Outcomes2099", fields, frozen=True, kw_only=True)
    applications = attrs.make_class(
        "Applications2099",
        {
            name: _copy(field, type=outcomes) if name == "outcomes" else _copy(field)
            for name, field in attrs.fields_dict(Applications).items()
        },
        frozen=True,
        kw_only=True,
    )
    report: dict[str, Any] = {
        name: _copy(field, type=applications) if name == "applications" else _copy(field)
        for name, field in attrs.fields_dict(Report2021).items()
    }
    report["format_version"] = attrs.field(type=Literal["2099"], default="2099")
    return attrs.make_class("Report2099", report, frozen=True, kw_only=True)


REPORT_2099 = _classes()
VERSION_2099 = FormatVersion(
    id="2099",
    name=NC_("format.2099.name", "A format that does not exist"),
    notice=NC_("format.2099.document", "No notice"),
    first_year=2099,
    last_year=None,
    report_class=REPORT_2099,
    rules=(),
)


@pytest.fixture
def version_2099() -> Iterator[FormatVersion]:
    with registered_format_version(VERSION_2099) as version:
        yield version


def _zh(label: Any) -> str:
    return translate(label, "zh_Hans")


def _text(report_class: type, values: dict[tuple[int, str, str], int]) -> str:
    """The report's text as the text output prints it: a line per row, cells split by tabs."""
    layout = table_layout(report_class)  # type: ignore[arg-type]
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
    return {_key(s): 100 + i for i, s in enumerate(table_layout(report_class))}  # type: ignore[arg-type]


def test_the_new_version_has_its_own_labels(version_2099: FormatVersion) -> None:
    layout = table_layout(REPORT_2099)  # type: ignore[arg-type]
    rows = {s.address.row: s.row_label for s in layout if s.address.table == 3}
    assert rows["outcomes.refused_as_abusive"] == NEW_ROW
    assert rows["outcomes.partially_granted"] == RELABELLED
    assert _zh(NEW_ROW) == NEW_ROW.english  # no catalog has it: matched in its English
    words = vocabulary()
    assert words.versions[-1] is version_2099
    assert words.votes(_zh(NEW_ROW)) == ("2099",)
    assert words.votes(_zh(RELABELLED)) == ("2099",)


def test_a_version_registered_later_is_detected_and_its_cells_read(
    version_2099: FormatVersion,
) -> None:
    values = _values(REPORT_2099)
    extraction = extract(_text(REPORT_2099, values), kind="text")
    assert extraction.version == "2099"
    assert not [n for n in extraction.notes if n.code is NoteCode.VERSION_GUESSED]
    read_values = {
        (table.number, spec.key, cell.column.key): cell.value.number
        for table in extraction.tables
        for spec, cells in table.rows
        for cell in cells
    }
    assert read_values == {key: Decimal(value) for key, value in values.items()}


@pytest.mark.xfail(
    raises=InvalidReportError,
    reason="from_dict (serialize) knows only the built-in versions until it asks the registry",
    strict=False,
)
def test_a_version_registered_later_is_read_onto_its_report_class(
    version_2099: FormatVersion,
) -> None:
    values = _values(REPORT_2099)
    result = read(_text(REPORT_2099, values), kind="text")
    assert type(result.report) is REPORT_2099


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
def test_the_corpus_versions_do_not_change_with_another_registered() -> None:
    """Every report with a year keeps its version: by its labels, or where the labels it prints
    are 2099's too, by its year. (Without a year either, a tie goes to the newest registered.)"""

    def versions() -> dict[str, str]:
        found = {}
        for path in _corpus():
            head, sep, body = path.read_bytes().partition(b"\n---\n")
            kind = "html" if path.suffix in {".html", ".htm"} else "text"
            extraction = extract(body if sep else head, kind=kind)
            if extraction.year is not None:
                found[path.name] = extraction.version
        return found

    before = versions()
    assert set(before.values()) == {"2019", "2021"}
    with registered_format_version(VERSION_2099):
        assert versions() == before
    assert versions() == before


def test_unregistering_forgets_the_version() -> None:
    with registered_format_version(VERSION_2099):
        assert "2099" in vocabulary().labels
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
