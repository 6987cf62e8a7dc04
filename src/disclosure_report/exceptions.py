"""The library's exceptions.

Every problem with input (a dict, JSON, a report built in code, a locale) is raised as a
:class:`DisclosureReportError`; bad report data as its subclass :class:`InvalidReportError`, which
lists every problem found, each with the path to the bad value and what was expected.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs


__all__ = [
    "DisclosureReportError",
    "InvalidReportError",
    "Problem",
    "UnknownFormatVersionError",
    "UnsupportedLocaleError",
]


@attrs.frozen
class Problem:
    """One bad value in the input.

    Attributes:
        path: Where the value is, as a JSON path from the report's root (``$.metadata.year``),
            or relative to the object being built when it was built in code.
        expected: What belongs there, in English (``"a non-negative integer"``).
        got: A short description of what was found instead.
    """

    path: str
    expected: str
    got: str

    def __str__(self) -> str:
        return f"{self.path}: expected {self.expected}, got {self.got}"


class DisclosureReportError(Exception):
    """Base class of every exception that the library raises on purpose."""


class InvalidReportError(DisclosureReportError, ValueError):
    """Report data that does not fit the format.

    Raised by the model's constructors, by :func:`disclosure_report.from_dict` and by the JSON
    loaders. :attr:`problems` lists every problem found, not only the first one.

    Attributes:
        problems: Every problem found, each with its path, in document order.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"invalid report data ({count} {noun}):\n{lines}")

    def __reduce__(self) -> tuple[type[InvalidReportError], tuple[tuple[Problem, ...]]]:
        return (type(self), (self.problems,))

    def prefixed(self, prefix: str) -> InvalidReportError:
        """Return a copy whose problem paths start with *prefix* (``$.applications``)."""
        return InvalidReportError(
            attrs.evolve(p, path=_join(prefix, p.path)) for p in self.problems
        )


class UnknownFormatVersionError(InvalidReportError, LookupError):
    """A format version that is not registered: an id, a report class or a report of none.

    Its problem names the registered versions (see
    :func:`~disclosure_report.model.format_versions`).
    """


class UnsupportedLocaleError(DisclosureReportError, LookupError):
    """A locale for which the library has no catalog (it has ``zh_Hans``, ``zh_Hant``, ``en``)."""


def _join(prefix: str, path: str) -> str:
    path = path.removeprefix("$")
    if not path or path.startswith(("[", ".")):
        return prefix + path
    return f"{prefix}.{path}"
