"""Documents are told by their content: what the reader takes, and what it names and refuses."""

from __future__ import annotations

import io
import zipfile

from pathlib import Path

import pytest

from disclosure_report.exceptions import InvalidReportError
from disclosure_report.reading import read
from disclosure_report.reading._documents import sniff


def _zip(*names: str, mimetype: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if mimetype is not None:
            archive.writestr("mimetype", mimetype)
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\r\n  junk before the header %PDF-1.4\n", "pdf"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "ole2"),
        (_zip("[Content_Types].xml", "word/document.xml"), "docx"),
        (_zip("content.xml", mimetype=b"application/vnd.oasis.opendocument.text"), "odt"),
        ("某局2023年政府信息公开工作年度报告".encode(), None),
        (b"<html><body></body></html>", None),
    ],
)
def test_the_type_is_told_by_the_first_bytes(data: bytes, expected: str | None) -> None:
    assert sniff(data) == expected


def test_an_excel_workbook_is_read_as_one() -> None:
    assert sniff(_zip("xl/workbook.xml")) == "xlsx"


def test_a_broken_excel_workbook_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook")
    with pytest.raises(InvalidReportError, match="Excel workbook"):
        read(buffer.getvalue())


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(20), "a PNG image"),
        (b"\xff\xd8\xff\xe0" + bytes(20), "a JPEG image"),
        (b"Rar!\x1a\x07\x00", "a RAR archive"),
        (b"\x1f\x8b\x08\x00", "a gzip archive"),
        (_zip("OFD.xml", "Doc_0/Document.xml"), "an OFD document"),
        (_zip("readme.txt"), "a zip archive"),
        (
            _zip("content.xml", mimetype=b"application/vnd.oasis.opendocument.spreadsheet"),
            "not a text",
        ),
        (b"PK\x03\x04 cut short", "damaged zip archive"),
    ],
)
def test_other_binary_types_are_named_and_refused(data: bytes, named: str) -> None:
    with pytest.raises(InvalidReportError) as raised:
        read(data)
    (problem,) = raised.value.problems
    assert problem.path == "$"
    assert named in problem.got
    assert "not a format this library reads" in problem.got


def test_the_content_decides_whatever_the_suffix_says(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))

    with pytest.raises(InvalidReportError, match="a PNG image"):
        read(path)


def test_a_document_larger_than_the_limit_is_refused_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from disclosure_report.reading import _extract, _source

    monkeypatch.setattr(_source, "MAX_DOCUMENT_BYTES", 1000)
    monkeypatch.setattr(_extract, "MAX_DOCUMENT_BYTES", 1000)

    with pytest.raises(InvalidReportError, match="cannot be read in part"):
        read(b"%PDF-1.7\n" + bytes(2000))
