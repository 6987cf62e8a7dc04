"""What some bytes are, by their first bytes: the interchange format, or a document.

The command line, the folder check and the reader all decide this before anything else; they
share these few facts so that they decide alike, and the command line can decide without
importing the reader (it starts quickly for a report in the interchange format).
"""

from __future__ import annotations

from typing import Final


__all__ = ["JSON_START", "OLE2", "PDF", "PDF_WINDOW", "ZIP", "is_document"]

JSON_START: Final = (b"{", b"\xef\xbb\xbf{")
"""How a report in the interchange format begins (a JSON object; UTF-8's mark allowed)."""
PDF: Final = b"%PDF-"
PDF_WINDOW: Final = 1024
"""A PDF's ``%PDF-`` may follow some junk; readers accept it within the first kilobyte."""
ZIP: Final = (b"PK\x03\x04", b"PK\x05\x06")
"""A zip archive (a ``.docx``, ``.xlsx``, ``.odt``, OFD …), with members or empty."""
OLE2: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""An OLE2 compound file (``.doc``, ``.wps``, ``.xls`` …)."""


def is_document(head: bytes) -> bool:
    """Whether content beginning with *head* is a document by its magic (a PDF, a zip archive,
    an OLE2 file): read whole, never as text."""
    return head.startswith((*ZIP, OLE2)) or PDF in head[:PDF_WINDOW]
