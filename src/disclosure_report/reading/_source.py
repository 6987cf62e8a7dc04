"""From a source (text, bytes or a path) to decoded text and its kind (HTML or text)."""

from __future__ import annotations

import codecs
import os
import re

from pathlib import Path
from typing import BinaryIO, Literal, TypeAlias

import attrs

from disclosure_report._magic import is_document
from disclosure_report.exceptions import InvalidReportError, Problem


__all__ = [
    "MAX_BYTES",
    "MAX_DOCUMENT_BYTES",
    "Decoded",
    "Source",
    "decode",
    "detect_kind",
    "load",
    "refuse_file_name",
]

MAX_BYTES = 20_000_000
"""Bytes beyond this many, of a file or of ``bytes``, are not read (the reader notes it)."""

MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
"""A document (PDF, Word) is read whole, up to this many bytes (64 MiB, the most the command line
reads of one input); a larger one is an error."""

Source: TypeAlias = str | bytes | bytearray | memoryview | os.PathLike[str]
"""What :func:`disclosure_report.read` accepts: text, raw bytes, or a path to a file."""

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    # UTF-32's little-endian mark begins with UTF-16's: it is looked for first.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
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
_CHUNK = 1 << 20
_UTF16_MAJORITY = 4
"""NUL bytes at one parity must outnumber those at the other this many times for UTF-16."""
_UTF16_ASCII = 64
"""At least one UTF-16 code unit in this many must be ASCII (hold a NUL byte) for UTF-16."""
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
        why: What a ``decoding`` note says of the encoding: that it was assumed from the
            bytes (UTF-16 or UTF-32 without a byte-order mark), or not recognized at all;
            ``None`` when there is nothing to say.
    """

    text: str
    encoding: str | None
    replaced: bool = False
    why: str | None = None


def load(source: Source) -> tuple[bytes | str, str | None]:
    """Return the content of *source* and the file suffix when it is a path.

    A ``str`` is the report itself; a path must be given as :class:`os.PathLike`. Of a file
    or of bytes, at most :data:`MAX_BYTES` + 1 bytes are taken (of a document, which begins
    with the magic of a PDF, a zip archive or an OLE2 file, :data:`MAX_DOCUMENT_BYTES` + 1),
    so that a caller can tell that there were more without holding a larger file in memory.
    """
    if isinstance(source, str):
        return source, None
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = source if isinstance(source, bytes) else bytes(source[: MAX_DOCUMENT_BYTES + 1])
        limit = _limit(data[:1024]) + 1
        return (data[:limit] if len(data) > limit else data), None
    path = Path(os.fspath(source))
    with path.open("rb") as file:
        head = file.read(1024)
        rest = _read_up_to(file, _limit(head) + 1 - len(head))
        return head + rest, path.suffix.lower()


def _limit(head: bytes) -> int:
    """The most that is read of a source that begins with *head*."""
    return MAX_DOCUMENT_BYTES if is_document(head) else MAX_BYTES


def _read_up_to(file: BinaryIO, limit: int) -> bytes:
    """At most *limit* bytes of *file*. ``read(limit)`` would take a buffer of *limit* bytes
    for a small file too: a file's stated size, or chunks for one that states none (a pipe)."""
    size = os.fstat(file.fileno()).st_size
    if size:
        return file.read(
            max(0, min(size - file.tell() + 1, limit))
        )  # + 1: a file that grew is still cut
    chunks: list[bytes] = []
    left = limit
    while left > 0 and (chunk := file.read(min(left, _CHUNK))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


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


def decode(data: bytes | str, *, cut: bool = False) -> Decoded:
    """Decode *data*: a byte-order mark wins (UTF-8, UTF-16, UTF-32); then the pattern of NUL
    bytes tells UTF-16 and UTF-32 without one; then UTF-8, then GB18030
    (a superset of GBK and GB2312), or Big5 when an HTML page declares it; bytes valid in none of
    these are replaced. NUL bytes in no such pattern leave the encoding unrecognized (``why``
    says so). When *data* was *cut* from longer content, a character that the cut split at
    its end is left out instead of making the bytes invalid."""
    if isinstance(data, str):  # A lone surrogate (from os.fsdecode, "\\ud800") is no text.
        text = data.removeprefix("\ufeff")
        if text.isascii() or _SURROGATE.search(text) is None:
            return Decoded(text, None)
        return Decoded(_SURROGATE.sub("\ufffd", text), None, replaced=True)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _try(data, codec, cut) or Decoded(
                data.decode(codec, "replace"), codec, replaced=True
            )
    sample = data[:_SNIFF]
    if b"\0" not in sample:
        return _decode_8bit(data, cut)
    assumed = _by_nul_bytes(sample)
    decoded = None if assumed is None else _try(data, assumed, cut)
    if decoded is not None:
        why = f"no byte-order mark; {assumed} assumed from the pattern of NUL bytes"
        return attrs.evolve(decoded, why=why)
    decoded = _decode_8bit(data, cut)
    why = (
        "encoding not recognized: NUL bytes that fit neither UTF-16 nor UTF-32; "
        f"read as {decoded.encoding}"
    )
    return attrs.evolve(decoded, why=why)


def _by_nul_bytes(sample: bytes) -> str | None:
    """UTF-32 or UTF-16, and their byte order, from where *sample* has NUL bytes.

    Text in these encodings has NUL bytes in a fixed place of each code unit: UTF-32 in the
    top byte of every character (and the next byte of every character below U+10000), UTF-16
    in the top byte of every ASCII character (digits, spaces and line breaks, which every
    report has). As :func:`json.detect_encoding` does with the first character, but counted
    over the whole *sample*, since a report's first character is seldom ASCII. Returns
    ``None`` when the NUL bytes fit no such pattern. The caller decodes strictly, so a
    pattern that fits by chance still fails on bytes invalid in that encoding.
    """
    sample = sample[: len(sample) - len(sample) % 4]
    units = len(sample) // 4
    nuls = [sample[i::4].count(0) for i in range(4)]
    if nuls[3] == units and nuls[2] * 2 > units:
        return "utf-32-le"
    if nuls[0] == units and nuls[1] * 2 > units:
        return "utf-32-be"
    even, odd = nuls[0] + nuls[2], nuls[1] + nuls[3]
    # A CJK character may have a NUL byte too (U+4E00, 一), but far fewer than ASCII's; and a
    # stray NUL in other text is not the ASCII of UTF-16.
    if max(even, odd) * _UTF16_ASCII < 2 * units:
        return None
    if odd > _UTF16_MAJORITY * even:
        return "utf-16-le"
    if even > _UTF16_MAJORITY * odd:
        return "utf-16-be"
    return None


def _decode_8bit(data: bytes, cut: bool) -> Decoded:
    declared = _declared(data)
    order = ["utf-8", "gb18030"]
    if declared in _BIG5_NAMES:
        order = ["utf-8", "big5", "gb18030"]
    elif declared in _GB_NAMES:
        order = ["gb18030", "utf-8"]
    for codec in order:
        decoded = _try(data, codec, cut)
        if decoded is not None:
            return decoded
    return Decoded(data.decode("utf-8", "replace"), "utf-8", replaced=True)


def detect_kind(text: str, suffix: str | None = None) -> Literal["text", "html"]:
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


def _try(data: bytes, codec: str, cut: bool = False) -> Decoded | None:
    try:
        if cut:  # an incremental decoder keeps a character split at the end for more bytes
            return Decoded(codecs.getincrementaldecoder(codec)().decode(data), codec)
        return Decoded(data.decode(codec), codec)
    except (UnicodeDecodeError, LookupError):
        return None
