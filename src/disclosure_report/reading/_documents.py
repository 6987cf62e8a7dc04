"""What kind of document some bytes are, told by their content, never by a file name alone.

Reports come as text and web pages, and as documents: a PDF exported from Word or WPS, a Word
file (``.docx``; the older ``.doc`` and WPS's ``.wps``; OpenDocument ``.odt``). A document is
known by its first bytes (its "magic"): ``%PDF-``; a zip archive whose parts name its type; an
OLE2 compound file. Other binary types that reach a reader of reports (OFD, images, archives)
are named, so that the error says what the file is instead of a table search on its bytes.
"""

from __future__ import annotations

import io
import zipfile

from typing import Final, Literal, NoReturn

from disclosure_report._magic import OLE2, PDF, PDF_WINDOW, ZIP
from disclosure_report.exceptions import InvalidReportError, Problem


__all__ = ["DocumentType", "refuse_unreadable", "sniff"]

DocumentType = Literal["pdf", "docx", "odt", "ole2", "xlsx"]
"""Documents the reader takes: PDF, Word's ``.docx`` and Excel's ``.xlsx`` read directly;
``.odt`` and the OLE2 compound files of ``.doc`` and ``.wps`` converted to ``.docx`` by
LibreOffice first."""

_OTHERS: Final = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", "a BMP image"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"{\\rtf", "an RTF document"),
)
"""Binary types that are no report the reader takes, with what to call them in the error."""
_ZIP_TYPES: Final = (
    ("word/document.xml", "docx"),
    ("OFD.xml", "an OFD document"),
    ("xl/workbook.xml", "xlsx"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
)
_ODF_TEXT: Final = b"application/vnd.oasis.opendocument.text"
_WORD_PARTS: Final = (b"[Content_Types].xml", b"word/", b"_rels/", b"docProps/", b"customXml/")
"""Names that open a Word file's zip archive: a damaged archive that begins with one is a
damaged Word file."""


def sniff(data: bytes) -> DocumentType | None:
    """The document type of *data*, ``None`` for text (and HTML).

    Raises:
        InvalidReportError: When *data* is a binary type that is not a report the reader takes
            (an OFD document, an image, an archive, a spreadsheet …): the problem names it.
    """
    head = data[:PDF_WINDOW]
    if PDF in head:
        return "pdf"
    if data.startswith(OLE2):
        return "ole2"
    if data.startswith(ZIP):
        return _zip_type(data)
    for magic, name in _OTHERS:
        if data.startswith(magic):
            refuse_unreadable(name)
    return None


def _zip_type(data: bytes) -> DocumentType:
    if data[30:38] == b"mimetype" and _ODF_TEXT in data[38:120]:
        return "odt"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        if _first_member(data).startswith(_WORD_PARTS):
            raise InvalidReportError(
                [
                    Problem(
                        "$",
                        "a Word file (.docx) that opens",
                        "a damaged Word file: its zip archive is cut short or corrupt",
                    )
                ]
            ) from None
        refuse_unreadable("a damaged zip archive (a .docx is one, but this cannot be opened)")
    for part, kind in _ZIP_TYPES:
        if part in names:
            if kind == "docx":
                return "docx"
            if kind == "xlsx":
                return "xlsx"
            refuse_unreadable(kind)
    if "mimetype" in names:
        if _ODF_TEXT in _member(data, "mimetype"):
            return "odt"
        refuse_unreadable("an OpenDocument file that is not a text document")
    return refuse_unreadable("a zip archive")


def _member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(name) as member:
        return member.read(256)


def _first_member(data: bytes) -> bytes:
    """The name of the first member of a zip archive, from its local header (which a cut
    archive still has, unlike the central directory at its end)."""
    length = int.from_bytes(data[26:28], "little")
    return data[30 : 30 + min(length, 256)]


def refuse_unreadable(what: str) -> NoReturn:
    """Raise the error for a file that is *what* (``"a PNG image"``): no format this library reads."""
    raise InvalidReportError(
        [
            Problem(
                "$",
                "a report as text, HTML, PDF, Word (.docx; .doc, .wps and .odt with "
                "LibreOffice) or Excel (.xlsx)",
                f"{what}, not a format this library reads",
            )
        ]
    )
