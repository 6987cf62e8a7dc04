"""The layout stage for PDF: a document's pages into the reader's rows.

A PDF is opened with pypdfium2 (imported only when a PDF is read); each page gives its
characters and ruling lines (:mod:`._pdf_page`), which become rows (:mod:`._pdf_layout`): the
rows of ruled tables like those of an HTML table, text lines outside them, page numbers left
out. Every cell carries its page and its box on the page, so that a note or a cell read can be
found in print.

What cannot be read is said, never guessed: a page whose font has no usable Unicode map (the
text would come out as ``(cid:NN)``, control or private-use characters) gets a ``decoding``
note, and its unmapped characters are U+FFFD, never a digit; a document or page without text (a
scan) gets a ``no_text`` note; an encrypted or damaged file is an
:class:`~disclosure_report.exceptions.InvalidReportError`. Pages past :data:`MAX_PAGES` are not
read (a ``limit`` note).
"""

from __future__ import annotations

import functools
import importlib

from collections import Counter
from typing import Any, Final

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.reading._notes import Location, NoteCode, ReadingNote
from disclosure_report.reading._pdf_layout import (
    PagePlan,
    document_rows,
    margin_lines,
    page_plan,
)
from disclosure_report.reading._pdf_page import PageContent, page_content
from disclosure_report.reading._source_layout import Layout


__all__ = ["INSTALL", "MAX_PAGES", "pdf_layout"]

INSTALL: Final = 'pip install "pypdfium2>=5"'
"""How to install what reading PDF needs, should an environment lack it."""
MAX_PAGES: Final = 200
"""Pages read of a document at most; a report has a few."""
_GARBLED_PAGE: Final = 0.5
"""A page on which more than this share of the characters is unmapped is not read at all."""
_PASSWORD_ERROR: Final = 4
_SECURITY_ERROR: Final = 5


def pdf_layout(data: bytes, notes: list[ReadingNote]) -> Layout:
    """The rows of the PDF *data*; what cannot be read goes to *notes*.

    Raises:
        InvalidReportError: When the document is encrypted or cannot be opened (damaged, not a
            PDF after all), or pypdfium2 is not installed.
    """
    pdfium, pdfium_c = _pdfium()
    document = _open(pdfium, data)
    try:
        count = len(document)
        if count > MAX_PAGES:
            notes.append(
                ReadingNote(
                    NoteCode.LIMIT,
                    Location(page=MAX_PAGES + 1),
                    f"the document has {count} pages; pages after {MAX_PAGES} are not read",
                )
            )
        contents = _contents(pdfium, pdfium_c, document, min(count, MAX_PAGES), notes)
        running = _running(contents)
        plans: list[PagePlan] = []
        printed = 0
        for number, content in contents:
            text = sum(1 for ch in content.chars if not ch.space)
            if not text:
                if content.images:
                    why = "the page is an image without a text layer (a scan): it cannot be read without OCR"
                    notes.append(ReadingNote(NoteCode.NO_TEXT, Location(page=number), why))
                continue
            printed += text
            plans.append(page_plan(content, number, running))
        rows = document_rows(plans, notes)
        if count and not printed:
            why = "the document has no text layer (a scan, or pages printed as images): it cannot be read without OCR"
            notes.append(ReadingNote(NoteCode.NO_TEXT, Location(), why))
    finally:
        document.close()
    return Layout("pdf", tuple(rows))


def _contents(
    pdfium: Any, pdfium_c: Any, document: Any, count: int, notes: list[ReadingNote]
) -> list[tuple[int, PageContent]]:
    """What each page holds, with notes on pages that cannot be read."""
    contents: list[tuple[int, PageContent]] = []
    for index in range(count):
        number = index + 1
        try:
            page = document[index]
        except pdfium.PdfiumError:
            why = "the page cannot be opened; it is not read"
            notes.append(ReadingNote(NoteCode.DECODING, Location(page=number), why))
            continue
        try:
            content = page_content(pdfium_c, page)
        finally:
            page.close()
        if content.cut:
            why = "the page holds more characters or drawing objects than a report's page; the rest is not read"
            notes.append(ReadingNote(NoteCode.LIMIT, Location(page=number), why))
        text = sum(1 for ch in content.chars if not ch.space)
        if content.garbled:
            if content.garbled > _GARBLED_PAGE * text:
                why = (
                    f"{content.garbled} of {text} characters have no usable Unicode map in"
                    " their font (they would read as (cid:NN) or control characters): the page"
                    " cannot be read without OCR; it is left out"
                )
                notes.append(ReadingNote(NoteCode.DECODING, Location(page=number), why))
                continue
            why = (
                f"{content.garbled} of {text} characters have no usable Unicode map in their"
                " font; they are read as U+FFFD, never as numbers"
            )
            notes.append(ReadingNote(NoteCode.DECODING, Location(page=number), why))
        contents.append((number, content))
    return contents


def _running(contents: list[tuple[int, PageContent]]) -> frozenset[str]:
    """The running headers and footers: lines in the margins that more than one page prints
    alike (numbers aside)."""
    if len(contents) < 2:  # noqa: PLR2004 (a running line repeats)
        return frozenset()
    seen = Counter(s for _, content in contents for s in set(margin_lines(content)))
    return frozenset(s for s, n in seen.items() if n > 1)


@functools.cache
def _pdfium() -> tuple[Any, Any]:
    """pypdfium2 and its raw bindings, or the library's error in an environment that lacks it."""
    try:
        pdfium = importlib.import_module("pypdfium2")
        raw = importlib.import_module("pypdfium2.raw")
    except ImportError:
        raise InvalidReportError(
            [Problem("$", f"pypdfium2, to read PDF: {INSTALL}", "pypdfium2 is not installed")]
        ) from None
    return pdfium, raw


def _open(pdfium: Any, data: bytes) -> Any:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code in {_PASSWORD_ERROR, _SECURITY_ERROR}:
            raise InvalidReportError(
                [
                    Problem(
                        "$",
                        "a PDF that can be opened without a password",
                        "an encrypted PDF (it needs a password to open)",
                    )
                ]
            ) from None
        raise InvalidReportError(
            [Problem("$", "a PDF that can be opened", f"a damaged PDF ({error})")]
        ) from None
