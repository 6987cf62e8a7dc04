"""The state of a folder check: every file's result as it finishes, in one SQLite file.

The folder check writes each file's :class:`~._document.DocumentResult` here the moment it
comes back from its worker (committed, so an interrupted run loses nothing already done), and
writes the summary from here at the end, reading one row at a time: however many files, the
process holds only the results in flight. ``--resume`` opens the same file again and skips every
file whose content (SHA-256) was done, under any name.
"""

from __future__ import annotations

import json
import sqlite3
import zlib

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from disclosure_report.batch._document import DocumentResult, FindingRecord, NoteRecord


__all__ = ["Store"]

_SCHEMA_VERSION: Final = "1"
_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT NOT NULL,
    locale TEXT NOT NULL,
    agency TEXT,
    year INTEGER,
    result BLOB NOT NULL,
    PRIMARY KEY (sha256, locale)
);
CREATE TABLE IF NOT EXISTS files (
    position INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS series (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    record TEXT NOT NULL
);
"""


def _pack(result: DocumentResult) -> bytes:
    return zlib.compress(json.dumps(result, ensure_ascii=False).encode("utf-8"), 1)


def _unpack(blob: bytes, path: str) -> DocumentResult:
    result: DocumentResult = json.loads(zlib.decompress(blob))
    if result["file"] != path:  # the same content under another name
        result["file"] = path
        for record in (*result["findings"], *result["notes"]):
            record["file"] = path
    return result


class Store:
    """The results of one folder check, in the SQLite file at *path*.

    Args:
        path: The state file.
        resume: Keep the results already there; else start empty.
    """

    def __init__(self, path: Path, *, resume: bool) -> None:
        if not resume:
            path.unlink(missing_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        try:
            self._db.executescript(_SCHEMA)
            stored = self._db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError:
            self._db.close()
            raise
        if stored is None:
            self._db.execute("INSERT INTO meta VALUES ('schema', ?)", (_SCHEMA_VERSION,))
        elif stored[0] != _SCHEMA_VERSION:
            self._db.close()
            msg = f"state file of another version of disclosure-report: {path}"
            raise sqlite3.DatabaseError(msg)
        # The summary is of the files of this run, in its order; the results stay for later.
        self._db.execute("DELETE FROM files")
        self._db.execute("DELETE FROM series")
        self._db.execute("BEGIN")

    def close(self) -> None:
        """Commit what is written and close the file."""
        if self._db.in_transaction:
            self._db.execute("COMMIT")
        self._db.close()

    def commit(self) -> None:
        """Make every result written so far durable."""
        self._db.execute("COMMIT")
        self._db.execute("BEGIN")

    def done(self, sha256: str, locale: str) -> bool:
        """Whether a result for content *sha256* in *locale* is stored."""
        row = self._db.execute(
            "SELECT 1 FROM documents WHERE sha256 = ? AND locale = ?", (sha256, locale)
        ).fetchone()
        return row is not None

    def add_file(self, position: int, path: str, sha256: str) -> None:
        """Record that the file *path*, at *position* in the summary, has content *sha256*."""
        self._db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", (position, path, sha256))

    def add_result(self, position: int, result: DocumentResult, locale: str) -> None:
        """Store *result*, of the file at *position*, its messages in *locale*."""
        self._db.execute(
            "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?)",
            (result["sha256"], locale, result["agency"], result["year"], _pack(result)),
        )
        self.add_file(position, result["file"], result["sha256"])

    def results(self, locale: str) -> Iterator[DocumentResult]:
        """The result of every file of this run, in its order."""
        cursor = self._db.execute(
            "SELECT files.path, documents.result FROM files JOIN documents"
            " ON documents.sha256 = files.sha256 AND documents.locale = ?"
            " ORDER BY files.position",
            (locale,),
        )
        for path, blob in cursor:
            yield _unpack(blob, path)

    def bodies(self, locale: str) -> list[str]:
        """The agencies with reports of more than one content among this run's files."""
        rows = self._db.execute(
            "SELECT documents.agency FROM files JOIN documents"
            " ON documents.sha256 = files.sha256 AND documents.locale = ?"
            " WHERE trim(documents.agency) != ''"
            " GROUP BY documents.agency HAVING count(DISTINCT files.sha256) > 1"
            " ORDER BY min(files.position)",
            (locale,),
        )
        return [agency for (agency,) in rows]

    def body(self, agency: str, locale: str) -> list[DocumentResult]:
        """The results of the files of *agency*, one per content, in the run's order."""
        cursor = self._db.execute(
            "SELECT min(files.path), documents.result FROM files JOIN documents"
            " ON documents.sha256 = files.sha256 AND documents.locale = ?"
            " WHERE documents.agency = ? GROUP BY files.sha256 ORDER BY min(files.position)",
            (locale, agency),
        )
        return [_unpack(blob, path) for path, blob in cursor]

    def add_series(self, kind: str, record: FindingRecord | NoteRecord) -> None:
        """Store a finding (*kind* ``finding``) or a note (``note``) across years."""
        self._db.execute(
            "INSERT INTO series (kind, record) VALUES (?, ?)",
            (kind, json.dumps(record, ensure_ascii=False)),
        )

    def series(self, kind: str) -> Iterator[Any]:
        """The records across years of *kind*, in the order stored."""
        cursor = self._db.execute(
            "SELECT record FROM series WHERE kind = ? ORDER BY position", (kind,)
        )
        for (record,) in cursor:
            yield json.loads(record)
