"""Word and PDF documents made from generated reports, once per test session.

``word_documents`` fills the official template in with each of the :data:`~_make.SAMPLE_COUNT`
reports kept in :data:`~_make.SAMPLES` (drawn once with hypothesis) in each of the
:data:`~_make.VARIANTS` (84 Word files, some 15 s): python-docx only, no LibreOffice needed.
``documents`` adds the PDFs, printed by LibreOffice in one ``soffice`` run for all of them
(LibreOffice starts slowly; the run takes about a minute on two cores), and skips when
LibreOffice is not installed.

Both give :class:`~_make.MadeDocument` objects by name (``r03-borderless``);
:data:`~_make.NAMES` lists the names at collection time, so that tests can be parametrized by
document.
"""

from __future__ import annotations

import shutil

from collections.abc import Mapping
from typing import Final

import attrs
import pytest

from tests.documents._make import (
    NAMES,
    VARIANTS,
    MadeDocument,
    make_documents,
    soffice,
    stored_samples,
    to_pdfs,
)


NO_SOFFICE: Final = "LibreOffice (soffice) is not installed: apt install libreoffice-writer-nogui"


@pytest.fixture(scope="session")
def word_documents() -> Mapping[str, MadeDocument]:
    """Every report in every variant as a Word file (no PDF), by name."""
    made = make_documents(stored_samples(), VARIANTS, pdf=False)
    assert tuple(document.name for document in made) == NAMES
    return {document.name: document for document in made}


@pytest.fixture(scope="session")
def documents(word_documents: Mapping[str, MadeDocument]) -> Mapping[str, MadeDocument]:
    """Every report in every variant as a Word file and a PDF printed from it, by name.

    Skips when LibreOffice is not installed.
    """
    if soffice() is None:
        pytest.skip(NO_SOFFICE)
    pdfs = to_pdfs([document.docx for document in word_documents.values()])
    return {
        name: attrs.evolve(document, pdf=pdf)
        for (name, document), pdf in zip(word_documents.items(), pdfs, strict=True)
    }


@pytest.fixture(scope="session")
def pdftotext() -> str:
    """The poppler program ``pdftotext``; skips when it is not installed."""
    program = shutil.which("pdftotext")
    if program is None:
        pytest.skip("poppler's pdftotext is not installed: apt install poppler-utils")
    return program
