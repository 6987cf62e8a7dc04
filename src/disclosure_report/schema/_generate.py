"""Generate the JSON Schema of the interchange format from the model's classes.

The walk follows :func:`attrs.fields` from each report class down to the leaves, as
:func:`~disclosure_report.table_layout` and the serializer do: a table cell is recognised by its
validator (count, signed count or money), a part of the report by its attrs class, any other
leaf by its type. Every class becomes one entry of ``$defs``; a generic class gets one entry per
type argument (``Applications_OtherHandling`` in 2021, ``Applications_ApplicantCounts`` in 2019).

The format versions are those of the registry (:func:`~disclosure_report.format_versions`). Titles
are the labels as each version prints them; a class that several versions share but one labels
differently somewhere below it (:func:`~disclosure_report.model.meta`'s ``labels_by_version``)
gets an entry of its own for that version, suffixed with the version's id.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import re

from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Final, Literal, get_args, get_origin

import attrs

from disclosure_report.model import (
    FIRST_YEAR,
    FORMAT_VERSION_LABEL,
    LAST_YEAR,
    MARK_LABELS,
    MAX_COUNT,
    NOT_APPLICABLE_SYMBOLS,
    Amount,
    CellKind,
    FormatVersion,
    Label,
    Metadata,
    ProcessingFees,
    Report,
    attrs_class,
    cell_kind,
    format_version,
    format_versions,
    label_of,
    optional_of,
    substitute,
)
from disclosure_report.serialize import DATE_PATTERN, DECIMAL_PATTERN


__all__ = ["DIALECT", "build_schema"]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of the generated schema."""

Schema = dict[str, Any]

# Plain int fields whose validator narrows the type. A new int field (or a new validator on one)
# must be added here: the generator refuses to guess.
_INT_CONSTRAINTS: Final[Mapping[tuple[type, str], Schema]] = {
    (Metadata, "year"): {"minimum": FIRST_YEAR, "maximum": LAST_YEAR},
    (ProcessingFees, "applications"): {"minimum": 0, "maximum": MAX_COUNT},
}

_MARKUP: Final = re.compile(r":[a-z:]+:`~?(?:[^`<]*<)?([^`>]+)>?`|``([^`]+)``")


def _plain(text: str) -> str:
    """Docstring text without reST markup: ``:class:`~a.B``` → ``B``, ````x```` → ``x``."""

    def replace(match: re.Match[str]) -> str:
        target = match.group(1)
        if target is not None:
            return target.rsplit(".", 1)[-1] if match.group(0).count("~") else target
        return match.group(2)

    return _MARKUP.sub(replace, text)


def _summary(obj: object) -> str | None:
    """The first paragraph of *obj*'s own docstring, on one line, as plain text."""
    doc = obj.__dict__.get("__doc__") if isinstance(obj, type) else None
    if not doc:
        return None
    paragraph = inspect.cleandoc(doc).split("\n\n", 1)[0]
    return _plain(" ".join(paragraph.split()))


def _annotated(schema: Schema, *, title: str | None, description: str | None) -> Schema:
    """*schema* with a title and description first, where given."""
    head: Schema = {}
    if title:
        head["title"] = title
    if description:
        head["description"] = description
    return {**head, **schema}


class _Builder:
    """Collects the ``$defs`` while walking the classes."""

    def __init__(self) -> None:
        self.defs: dict[str, Schema] = {}
        self.version: str | None = None
        # What each name of $defs stands for: a class, its type arguments and, where a version
        # labels it differently, that version.
        self.owners: dict[str, tuple[object, ...]] = {}

    def ref(self, name: str, make: Callable[[], Schema]) -> Schema:
        """A reference to the definition *name*, made by *make* the first time."""
        if name not in self.defs:
            self.defs[name] = {}  # Reserve the name first: classes may nest themselves.
            self.defs[name] = make()
        return {"$ref": f"#/$defs/{name}"}

    # --- leaves -------------------------------------------------------------------------------

    def not_applicable(self) -> Schema:
        return self.ref(
            "NotApplicable",
            lambda: {
                "title": MARK_LABELS["not_applicable"].english,
                "description": "A cell marked not applicable: the mark as printed.",
                "type": "string",
                "enum": sorted(NOT_APPLICABLE_SYMBOLS),
            },
        )

    def blank(self) -> Schema:
        return self.ref(
            "Blank",
            lambda: {
                "title": MARK_LABELS["blank"].english,
                "description": "A cell left empty in the published report (not a zero).",
                "type": "null",
            },
        )

    def decimal(self) -> Schema:
        return self.ref(
            "Decimal",
            lambda: {
                "description": "An exact, non-negative decimal number in plain notation.",
                "type": "string",
                "pattern": f"^{DECIMAL_PATTERN.pattern}$",
            },
        )

    def cell(self, kind: CellKind) -> Schema:
        """The definition of a table cell of *kind*: a number, a blank or a mark."""
        if kind is CellKind.AMOUNT:
            number = self.part(Amount, {})
            description = "A money cell: an amount, null (blank) or a not-applicable mark."
        elif kind is CellKind.COUNT:
            number = {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}
            description = (
                "A count cell: an integer from 0 to 2**53 - 1, null (blank) or a not-applicable "
                "mark."
            )
        else:
            number = {"type": "integer", "minimum": -MAX_COUNT, "maximum": MAX_COUNT}
            description = (
                "A signed count cell (the 2019 本年增/减): an integer within ±(2**53 - 1), "
                "null (blank) or a not-applicable mark."
            )
        name = {
            CellKind.COUNT: "Count",
            CellKind.SIGNED_COUNT: "SignedCount",
            CellKind.AMOUNT: "AmountCell",
        }[kind]
        return self.ref(
            name,
            lambda: {
                "description": description,
                "anyOf": [number, self.blank(), self.not_applicable()],
            },
        )

    def enumeration(self, cls: type[enum.Enum]) -> Schema:
        return self.ref(
            cls.__name__,
            lambda: _annotated(
                {"type": "string", "enum": [member.value for member in cls]},
                title=None,
                description=_summary(cls),
            ),
        )

    def scalar(self, tp: Any, owner: type, field: attrs.Attribute[Any]) -> Schema:
        """The schema of a leaf that is not a table cell, from its type."""
        if get_origin(tp) is Literal:
            values = list(get_args(tp))
            return {"const": values[0]} if len(values) == 1 else {"enum": values}
        if tp is str:
            return {"type": "string"}
        if tp is int:
            key = (owner, field.name)
            if field.validator is not None and key not in _INT_CONSTRAINTS:
                message = f"{owner.__name__}.{field.name}: an int field with an unknown validator"
                raise TypeError(message)
            return {"type": "integer", **_INT_CONSTRAINTS.get(key, {})}
        if tp is dt.date:
            return {"type": "string", "format": "date", "pattern": f"^{DATE_PATTERN.pattern}$"}
        if tp is Decimal:
            return self.decimal()
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return self.enumeration(tp)
        message = f"{owner.__name__}.{field.name}: no JSON Schema for the type {tp!r}"
        raise TypeError(message)

    # --- parts --------------------------------------------------------------------------------

    def value(self, owner: type, field: attrs.Attribute[Any], typevars: dict[Any, Any]) -> Schema:
        """The schema of *field*'s value in the interchange dict."""
        kind = cell_kind(field)
        if kind is not None:
            return self.cell(kind)
        tp = substitute(field.type, typevars)
        inner = optional_of(tp)
        if inner is not None:
            return {"anyOf": [self.leaf_or_part(inner, owner, field, typevars), {"type": "null"}]}
        return self.leaf_or_part(tp, owner, field, typevars)

    def leaf_or_part(
        self, tp: Any, owner: type, field: attrs.Attribute[Any], typevars: dict[Any, Any]
    ) -> Schema:
        part = attrs_class(tp, typevars)
        if part is not None:
            return self.part(*part)
        return self.scalar(tp, owner, field)

    def part(self, cls: type, typevars: dict[Any, Any]) -> Schema:
        """A reference to the definition of the attrs class *cls* (with *typevars* bound)."""
        params = getattr(cls, "__parameters__", ())
        arguments = tuple(typevars[param] for param in params)
        name = cls.__name__ + "".join(f"_{arg.__name__}" for arg in arguments)
        relabelled = (
            self.version is not None
            and _relabels(cls, typevars, self.version)
            and _shared(cls, self.version)
        )
        return self.ref(
            self.name_for(name, (cls, arguments, self.version if relabelled else None)),
            lambda: self.object(cls, typevars),
        )

    def name_for(self, name: str, owner: tuple[object, ...]) -> str:
        """The name in ``$defs`` of *owner* (a class, its type arguments, a version or ``None``).

        *name*, suffixed with the version where there is one, and numbered when another class
        of the same name has it already.
        """
        base = name if owner[-1] is None else f"{name}_{owner[-1]}"
        candidate, count = base, 1
        while self.owners.setdefault(candidate, owner) != owner:
            count += 1
            candidate = f"{base}_{count}"
        return candidate

    def object(
        self, cls: type, typevars: dict[Any, Any], *, required_too: tuple[str, ...] = ()
    ) -> Schema:
        """An object with exactly the fields of *cls* as keys."""
        properties: Schema = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            label = _label(field, self.version)
            schema = self.value(cls, field, typevars)
            properties[field.name] = _annotated(
                schema, title=label.english if label else None, description=None
            )
            if field.default is attrs.NOTHING or field.name in required_too:
                required.append(field.name)
        return _annotated(
            {
                "type": "object",
                "properties": properties,
                "required": required,
                "additionalProperties": False,
            },
            title=None,
            description=_summary(cls),
        )

    def report(self, version: FormatVersion) -> Schema:
        """A reference to the definition of the report class of *version*."""
        cls: type[Report] = version.report_class
        self.version = version.id

        def make() -> Schema:
            schema = self.object(cls, {}, required_too=("format_version",))
            schema["properties"]["format_version"] = {
                "title": FORMAT_VERSION_LABEL.english,
                "const": version.id,
            }
            return _annotated(
                schema,
                title=version.name.english,
                description=f"A report in the {version.id} format ({version.notice.english}).",
            )

        return self.ref(self.name_for(cls.__name__, (cls, (), None)), make)


def _label(field: attrs.Attribute[Any], version: str | None) -> Label | None:
    """The label of *field* as *version* prints it, if it has one."""
    try:
        return label_of(field, version)
    except KeyError:  # a field without a label (format_version, metadata)
        return None


def _parts(cls: type, typevars: dict[Any, Any]) -> Iterator[tuple[type, dict[Any, Any]]]:
    """The attrs classes of *cls*'s fields (with the type variables they bind)."""
    for field in attrs.fields(cls):
        tp = substitute(field.type, typevars)
        part = attrs_class(optional_of(tp) or tp, typevars)
        if part is not None and part[0] is not cls:
            yield part


def _reaches(root: type, cls: type) -> bool:
    """Whether the attrs class *cls* is *root* or a part of it."""
    seen: set[type] = set()
    todo: list[tuple[type, dict[Any, Any]]] = [(root, {})]
    while todo:
        current, typevars = todo.pop()
        if current is cls:
            return True
        if current not in seen:
            seen.add(current)
            todo.extend(_parts(current, typevars))
    return False


def _shared(cls: type, version: str) -> bool:
    """Whether a registered version other than *version* has the class *cls* too."""
    return any(_reaches(v.report_class, cls) for v in format_versions() if v.id != version)


def _relabels(cls: type, typevars: dict[Any, Any], version: str) -> bool:
    """Whether *version* labels a field of *cls*, or of a class below it, differently."""
    if any(_label(field, version) != _label(field, None) for field in attrs.fields(cls)):
        return True
    return any(_relabels(*part, version) for part in _parts(cls, typevars))


def build_schema(version: str | None = None) -> Schema:
    """The schema of reports of the registered version *version*, or of every one when ``None``.

    Raises:
        UnknownFormatVersionError: When *version* is not registered (the message names those that
            are).
    """
    chosen = list(format_versions()) if version is None else [format_version(version)]
    builder = _Builder()
    refs = [builder.report(v) for v in chosen]
    if len(refs) == 1:
        top: Schema = dict(refs[0])
        title = f"Annual report on open government information, {chosen[0].id} format"
    else:
        ids = [v.id for v in chosen]
        # Discriminated on the required format_version: exactly one "if" holds, so errors are
        # reported inside the one report class that applies (a plain oneOf would list the
        # mismatches against every version).
        top = {
            "type": "object",
            "required": ["format_version"],
            "properties": {"format_version": {"title": FORMAT_VERSION_LABEL.english, "enum": ids}},
            "allOf": [
                {
                    "if": {"properties": {"format_version": {"const": v}}},
                    "then": ref,
                }
                for v, ref in zip(ids, refs, strict=True)
            ],
        }
        title = "Annual report on open government information"
    return {
        "$schema": DIALECT,
        "title": title,
        "description": "The interchange format of disclosure-report: a report as a JSON object, "
        "its class chosen by format_version. The balance rules are not part of the schema.",
        **top,
        "$defs": builder.defs,
    }
