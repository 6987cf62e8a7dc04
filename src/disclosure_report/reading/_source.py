"""From a source (text, bytes or a path) to decoded text and its kind (HTML or text)."""

from __future__ import annotations

import codecs
import os
import re

from pathlib import Path
from typing import TypeAlias

import attrs

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.reading._source_layout import Kind


__all__ = ["Decoded", "Source", "decode", "detect_kind", "load", "refuse_file_name"]

Source: TypeAlias = str | bytes | bytearray | memoryview | os.PathLike[str]
"""What :func:`disclosure_report.read` accepts: text, raw bytes, or a path to a file."""

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_-]{2,20})""",
    re.IGNORECASE,
)
_SURROGATE = re.compile("[\\ud800-\\udfff]")
_GB_NAMES = frozenset({"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn"})
_BIG5_NAMES = frozenset({"big5", "big5-hkscs", "x-big5", "cp950"})
_HTML_START = re.compile(
    r"\A(?:\s|\ufeff)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|!--)",
    re.IGNORECASE,
)
_HTML_TAG = re.compile(
    r"</?(?:html|body|div|p|table|tr|td|th|span|br|h[1-6]|meta)\b[^>]{0,500}>",
    re.IGNORECASE,
)
_SNIFF = 8192
_MIN_TAGS = 3
_FILE_SUFFIXES = frozenset(
    {
        *(".html", ".htm", ".xhtml", ".shtml", ".txt", ".md", ".markdown", ".text"),
        *(".json", ".pdf", ".doc", ".docx", ".wps"),
    }
)
"""Suffixes of the files a report comes in: a one-line ``str`` ending in one is a file name."""
_MAX_FILE_NAME = 4096


@attrs.frozen
class Decoded:
    """A decoded source.

    Attributes:
        text: The text.
        encoding: The codec used, ``None`` when the source was already text.
        replaced: ``True`` when undecodable bytes or lone surrogates were replaced by U+FFFD.
    """

    text: str
    encoding: str | None
    replaced: bool = False


def load(source: Source) -> tuple[bytes | str, str | None]:
    """Return the content of *source* and the file suffix when it is a path.

    A ``str`` is the report itself; a path must be given as :class:`os.PathLike`.
    """
    if isinstance(source, str):
        return source, None
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), None
    path = Path(os.fspath(source))
    return path.read_bytes(), path.suffix.lower()


def refuse_file_name(source: Source) -> None:
    """Raise when *source*, a ``str`` or ``bytes`` that gave no report, is evidently a file name.

    A ``str`` (or ``bytes``) is always the report itself, never a path: ``read("report.html")``
    reads the eleven characters. That input, one line that ends in a file suffix (``.html``,
    ``.txt``, ``.json``, ``.pdf`` …) or names an existing file, is a mistake the caller cannot
    see in an empty report, so the reader calls this when it found nothing.

    Raises:
        InvalidReportError: When *source* is such a file name; its problem says to pass a
            :class:`pathlib.Path`.
    """
    if isinstance(source, str):
        name: str | bytes = source.strip()
    elif isinstance(source, (bytes, bytearray, memoryview)) and len(source) <= _MAX_FILE_NAME:
        name = bytes(source).strip()
    else:
        return
    if not name or len(name) > _MAX_FILE_NAME or "\n" in os.fsdecode(name):
        return
    shown = os.fsdecode(name)
    try:
        exists = os.path.isfile(name)  # noqa: PTH113 (str or bytes, as given)
    except (OSError, ValueError):  # pragma: no cover (isfile swallows these on 3.11)
        exists = False
    if exists:
        got = f"{shown!r}, the name of an existing file"
    elif Path(shown).suffix.lower() in _FILE_SUFFIXES:
        got = f"{shown!r}, which looks like a file name"
    else:
        return
    raise InvalidReportError(
        [
            Problem(
                "$",
                "the report itself (a str is read as the report's text, bytes as its content); "
                "to read a file, pass a pathlib.Path",
                got,
            )
        ]
    )


def decode(data: bytes | str) -> Decoded:
    """Decode *data*: a byte-order mark wins, then UTF-8, then GB18030 (a superset of GBK and
    GB2312), or Big5 when an HTML page declares it; bytes valid in none of these are replaced."""
    if isinstance(data, str):  # A lone surrogate (from os.fsdecode, "\\ud800") is no text.
        text = data.removeprefix("\ufeff")
        if text.isascii() or _SURROGATE.search(text) is None:
            return Decoded(text, None)
        return Decoded(_SURROGATE.sub("\ufffd", text), None, replaced=True)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _try(data, codec) or Decoded(data.decode(codec, "replace"), codec, replaced=True)
    declared = _declared(data)
    order = ["utf-8", "gb18030"]
    if declared in _BIG5_NAMES:
        order = ["utf-8", "big5", "gb18030"]
    elif declared in _GB_NAMES:
        order = ["gb18030", "utf-8"]
    for codec in order:
        decoded = _try(data, codec)
        if decoded is not None:
            return decoded
    return Decoded(data.decode("utf-8", "replace"), "utf-8", replaced=True)


def detect_kind(text: str, suffix: str | None = None) -> Kind:
    """Guess whether *text* is HTML or plain text; a known file *suffix* decides first."""
    if suffix in {".html", ".htm", ".xhtml", ".shtml"}:
        return "html"
    if suffix in {".txt", ".md", ".markdown", ".text"}:
        return "text"
    head = text[:_SNIFF]
    if _HTML_START.match(head):
        return "html"
    # A text report may quote a <http://…> link or two; markup has many tags.
    tags = _HTML_TAG.finditer(head)
    return (
        "html" if sum(1 for _ in zip(range(_MIN_TAGS), tags, strict=False)) >= _MIN_TAGS else "text"
    )


def _declared(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_SNIFF])
    return match.group(1).decode("ascii").lower() if match else None


def _try(data: bytes, codec: str) -> Decoded | None:
    try:
        return Decoded(data.decode(codec), codec)
    except (UnicodeDecodeError, LookupError):
        return None
