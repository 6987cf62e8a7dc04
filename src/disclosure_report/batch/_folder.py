"""Checking a whole folder: every file read and checked in worker processes, results streamed
into the state file, the series of each body checked, the summary written at the end."""

from __future__ import annotations

import hashlib
import os
import signal

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Final

import attrs

from disclosure_report.batch._document import (
    STATUSES,
    DocumentResult,
    check_document,
    failed,
    finding_record,
)
from disclosure_report.batch._store import Store
from disclosure_report.exceptions import InvalidReportError
from disclosure_report.model import TABLE_SECTIONS


__all__ = [
    "MAX_FILE_BYTES",
    "FolderSummary",
    "check_files",
    "state_path",
    "summary_paths",
    "walk",
]

MAX_FILE_BYTES: Final = 64 * 1024 * 1024
"""The largest file read (64 MiB, as ``disclosure-report check FILE``); a larger one is
``not_a_report`` without being read."""

_JUNK_NAMES: Final = frozenset({"thumbs.db", "desktop.ini", "__macosx", "$recycle.bin"})
"""Files and folders that operating systems leave in folders, never a report."""

_COMMIT_EVERY: Final = 32
"""Results written between commits of the state file (a commit also ends every run)."""


@attrs.frozen(kw_only=True)
class FolderSummary:
    """What a folder check found.

    Attributes:
        files: The number of files checked (rows of the summary).
        statuses: How many files have each status (:data:`~disclosure_report.batch.STATUSES`).
        errors: Error findings, across years included.
        warnings: Warnings, across years included.
        series_unchecked: Bodies whose reports could not be checked across years (two
            different reports for one year).
        reused: Files whose result was taken from the state file (``resume``).
        outputs: The files written: the summary, and for CSV its two siblings.
    """

    files: int
    statuses: dict[str, int]
    errors: int
    warnings: int
    series_unchecked: int
    reused: int
    outputs: tuple[Path, ...]


def summary_paths(summary: Path) -> tuple[Path, ...]:
    """The files that a summary at *summary* is written to: itself, and for ``.csv`` the
    findings and the reading notes beside it (``out.csv``, ``out-findings.csv``,
    ``out-notes.csv``)."""
    if summary.suffix.lower() == ".csv":
        stem = summary.with_suffix("")
        return (
            summary,
            stem.with_name(f"{stem.name}-findings.csv"),
            stem.with_name(f"{stem.name}-notes.csv"),
        )
    return (summary,)


def state_path(summary: Path) -> Path:
    """The state file of a summary at *summary*: ``out.csv.state`` beside it (SQLite)."""
    return summary.with_name(f"{summary.name}.state")


def _state_file(path: Path) -> bool:
    """Whether *path* is the state file of a summary (:func:`state_path`), of this run or not."""
    if not path.name.endswith(".state"):
        return False
    try:
        with path.open("rb") as file:
            return file.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _junk(name: str) -> bool:
    return name.startswith((".", "~$")) or name.lower() in _JUNK_NAMES


def walk(paths: Iterable[str | os.PathLike[str]], *, exclude: Iterable[Path] = ()) -> Iterator[str]:
    """Every file named by *paths*: a file itself, a folder's files in sorted order, at any
    depth.

    In folders, hidden files and folders (``.name``), Office lock files (``~$name``), the
    litter of operating systems (``Thumbs.db``, ``desktop.ini``, ``__MACOSX``) and the state
    files of summaries (:func:`state_path`) are left out, as are the files in *exclude* (the
    summary's own files); links to folders are not followed.
    A file named itself is always yielded, as is a path that does not exist (its row says so).
    """
    excluded = {p.resolve() for p in exclude}
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield os.fspath(given)
            continue
        found: list[Path] = []
        for root, folders, files in os.walk(path):
            folders[:] = [f for f in folders if not _junk(f)]
            found.extend(
                file
                for name in files
                if not _junk(name)
                and not _state_file(file := Path(root, name))
                and file.resolve() not in excluded
            )
        # As `find | sort` lists them: by path, a folder's files among its subfolders.
        for file in sorted(found, key=lambda f: f.relative_to(path).parts):
            yield os.fspath(file)


def _ignore_interrupts() -> None:
    """In a worker: leave Ctrl-C to the main process, which stops the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _unreadable(path: str, reason: str, data: bytes = b"") -> DocumentResult:
    digest = hashlib.sha256(data).hexdigest() if data else _path_digest(path)
    return failed(path, digest, len(data), reason)


def _path_digest(path: str) -> str:
    """A stand-in for the hash of a file that could not be read: never done, by its name."""
    return "unread:" + hashlib.sha256(os.fsencode(path)).hexdigest()


def read_file(path: str) -> bytes:
    """The bytes of the file *path*.

    Raises:
        OSError: When it cannot be read.
        ValueError: When it is larger than :data:`MAX_FILE_BYTES`.
    """
    with Path(path).open("rb") as file:
        size = os.fstat(file.fileno()).st_size
        if size > MAX_FILE_BYTES:
            msg = f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB, the most that is read of one file"
            raise ValueError(msg)
        return file.read(MAX_FILE_BYTES + 1)


def check_path(path: str, locale: str) -> DocumentResult:
    """:func:`~disclosure_report.batch.check_document` on the file *path*, without tidy
    records; a file that cannot be read is a ``not_a_report`` result saying why."""
    try:
        data = read_file(path)
    except OSError as error:
        return _unreadable(path, f"cannot be read: {error.strerror or error}")
    except ValueError as error:
        return _unreadable(path, str(error))
    try:
        return check_document(data, path, locale=locale, records=False)
    except Exception as error:  # noqa: BLE001 (one file must not end the run of a folder)
        return _unreadable(
            path,
            f"the reader failed ({type(error).__name__}: {error}); "
            "this is a bug of disclosure-report, please report it",
            data,
        )


def _hash(path: str) -> str:
    try:
        return hashlib.sha256(read_file(path)).hexdigest()
    except (OSError, ValueError):
        return _path_digest(path)


def _in_pool(
    work: Sequence[tuple[int, str]], locale: str, jobs: int
) -> Iterator[tuple[int, DocumentResult]]:
    """The results of *work*, as they finish, from *jobs* worker processes; at most a few per
    worker in flight, so that a million files are never a million futures."""
    window = jobs * 4
    retry: list[tuple[int, str]] = []
    with ProcessPoolExecutor(jobs, initializer=_ignore_interrupts) as pool:
        pending: dict[Future[DocumentResult], tuple[int, str]] = {}
        queue = iter(work)
        broken = False
        while True:
            while not broken and len(pending) < window:
                item = next(queue, None)
                if item is None:
                    break
                try:
                    pending[pool.submit(check_path, item[1], locale)] = item
                except BrokenProcessPool:
                    retry.append(item)
                    broken = True
            if not pending:
                break
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                item = pending.pop(future)
                try:
                    yield item[0], future.result()
                except BrokenProcessPool:
                    retry.append(item)
                    broken = True
        retry.extend(queue)
    # A worker died (out of memory, a crash in a library): every file it may have been
    # reading is read again alone, so that the one that kills a worker is told apart.
    for position, path in retry:
        yield position, _alone(path, locale)


def _alone(path: str, locale: str) -> DocumentResult:
    try:
        with ProcessPoolExecutor(1, initializer=_ignore_interrupts) as pool:
            return pool.submit(check_path, path, locale).result()
    except BrokenProcessPool:
        return _unreadable(path, "the process reading it stopped (out of memory, or a crash)")


def _series(store: Store, locale: str) -> int:
    """Check the reports of each body across years; return how many bodies could not be."""
    from disclosure_report.many import check_series
    from disclosure_report.serialize import from_dict

    unchecked = 0
    for agency in store.bodies(locale):
        results = _one_per_year([r for r in store.body(agency, locale) if r["report"]])
        files = {r["year"]: r["file"] for r in results}
        try:
            findings = check_series([from_dict(r["report"]) for r in results])
        except InvalidReportError as error:
            unchecked += 1
            years: dict[int | None, list[str]] = {}
            for r in results:
                years.setdefault(r["year"], []).append(r["file"])
            for year, named in years.items():
                if len(named) > 1:
                    for file in named:
                        store.add_series(
                            "note",
                            {
                                "file": file,
                                "code": "series_not_checked",
                                "where": "document",
                                "cell": None,
                                "line": None,
                                "page": None,
                                "why": f"{agency} has {len(named)} different reports for "
                                f"{year} ({', '.join(named)}); its reports were not "
                                "checked across years",
                                "text": "; ".join(str(p) for p in error.problems),
                            },
                        )
            continue
        for finding in findings:
            store.add_series("finding", finding_record(finding, files[max(finding.years)], locale))
    return unchecked


def _tables(result: DocumentResult) -> list[object]:
    report = result["report"] or {}
    return [report.get(section) for section in TABLE_SECTIONS.values()]


def _one_per_year(results: list[DocumentResult]) -> list[DocumentResult]:
    """*results*, of one body, less the later of two of one year whose tables are the same
    (a report published as a web page and as a PDF): the same report, once."""
    kept: list[DocumentResult] = []
    for result in results:
        if not any(k["year"] == result["year"] and _tables(k) == _tables(result) for k in kept):
            kept.append(result)
    return kept


def check_files(
    paths: Sequence[str],
    summary: Path,
    *,
    jobs: int | None = None,
    resume: bool = False,
    locale: str = "zh_Hans",
    progress: Callable[[Iterator[Any], int], Iterator[Any]] | None = None,
) -> FolderSummary:
    """Check every file of *paths* (from :func:`walk`) and write the summary to *summary*.

    Args:
        paths: The files, in the order of the summary.
        summary: ``.csv``, ``.html`` or ``.xlsx`` (see :func:`summary_paths`).
        jobs: Worker processes (default: the number of cores); 1 works in this process.
        resume: Take the results of files already done from the state file
            (:func:`state_path`) instead of reading them again.
        locale: The language of messages, labels and statuses.
        progress: Wraps the iterator of finished files, given their number (a progress bar).

    Raises:
        ValueError: For a summary of another suffix.
        ImportError: For ``.xlsx`` without openpyxl.
        sqlite3.DatabaseError: When the state file is not one (or of another version).
        OSError: When the summary or the state cannot be written.
    """
    from disclosure_report.batch._summary import file_rows, writer_for
    from disclosure_report.i18n import resolve_locale

    locale = resolve_locale(locale)
    write = writer_for(summary)
    jobs = jobs or len(os.sched_getaffinity(0))
    store = Store(state_path(summary), resume=resume)
    try:
        work: list[tuple[int, str]] = []
        reused = 0
        for position, path in enumerate(paths):
            if resume and store.done(digest := _hash(path), locale):
                store.add_file(position, path, digest)
                reused += 1
            else:
                work.append((position, path))
        results: Iterator[tuple[int, DocumentResult]]
        if jobs == 1 or len(work) < 2:  # noqa: PLR2004 (one file needs no pool)
            results = ((position, check_path(path, locale)) for position, path in work)
        else:
            results = _in_pool(work, locale, min(jobs, len(work)))
        if progress is not None:
            results = progress(results, len(work))
        for count, (position, result) in enumerate(results, 1):
            store.add_result(position, result, locale)
            if count % _COMMIT_EVERY == 0:
                store.commit()
        store.commit()
        unchecked = _series(store, locale)
        store.commit()
        counts: dict[str, int] = dict.fromkeys(STATUSES, 0)
        errors = warnings = files = 0
        for row in file_rows(store, locale):
            files += 1
            counts[row.status] += 1
            errors += row.errors
            warnings += row.warnings
        outputs = write(store, summary, locale)
    finally:
        store.close()
    return FolderSummary(
        files=files,
        statuses=counts,
        errors=errors,
        warnings=warnings,
        series_unchecked=unchecked,
        reused=reused,
        outputs=outputs,
    )
