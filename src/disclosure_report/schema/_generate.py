"""Generate the JSON Schema of the interchange format from the model's classes.

The walk follows :func:`attrs.fields` from each report class down to the leaves, as
:func:`~disclosure_report.table_layout` and the serializer do: a table cell is recognised by its
validator (count, signed count or money), a part of the report by its attrs class, any other
leaf by its type. Every class becomes one entry of ``$defs``; a generic class gets one entry per
type argument (``Applications_OtherHandling`` in 2021, ``Applications_ApplicantCounts`` in 2019).
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import re

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final, Literal, get_args, get_origin

import attrs

from disclosure_report.model import (
    FORMAT_DOCUMENTS,
    FORMAT_NAMES,
    FORMAT_VERSION_LABEL,
    MARK_LABELS,
    MAX_COUNT,
    NOT_APPLICABLE_SYMBOLS,
    Amount,
    CellKind,
    Report,
)
from disclosure_report.model._cells import is_amount, is_count, is_signed_count
from disclosure_report.model._fields import LABEL
from disclosure_report.model._labels import Label
from disclosure_report.model._metadata import FIRST_YEAR, Metadata
from disclosure_report.model._narrative import ProcessingFees
from disclosure_report.model._types import attrs_class, optional_of, substitute
from disclosure_report.serialize._leaves import DATE_PATTERN, DECIMAL_PATTERN


__all__ = ["DIALECT", "build_schema", "report_classes"]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of the generated schema."""

LAST_YEAR: Final = 2100
"""The last report year that the model accepts (``Metadata.year``; a test holds the two equal)."""

Schema = dict[str, Any]

_CELL_KINDS: Final[Mapping[object, CellKind]] = {
    is_count: CellKind.COUNT,
    is_signed_count: CellKind.SIGNED_COUNT,
    is_amount: CellKind.AMOUNT,
}

# Plain int fields whose validator narrows the type. A new int field (or a new validator on one)
# must be added here: the generator refuses to guess.
_INT_CONSTRAINTS: Final[Mapping[tuple[type, str], Schema]] = {
    (Metadata, "year"): {"minimum": FIRST_YEAR, "maximum": LAST_YEAR},
    (ProcessingFees, "applications"): {"minimum": 0, "maximum": MAX_COUNT},
}

_MARKUP: Final = re.compile(r":[a-z:]+:`~?(?:[^`<]*<)?([^`>]+)>?`|``([^`]+)``")


def report_classes() -> dict[str, type[Report]]:
    """The report class of each format version, keyed by the default of its version field."""
    classes: tuple[type[Report], ...] = get_args(Report)
    return {attrs.fields(cls).format_version.default: cls for cls in classes}


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
        kind = _CELL_KINDS.get(field.validator)
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
        args = "".join(f"_{typevars[param].__name__}" for param in params)
        return self.ref(f"{cls.__name__}{args}", lambda: self.object(cls, typevars))

    def object(
        self, cls: type, typevars: dict[Any, Any], *, required_too: tuple[str, ...] = ()
    ) -> Schema:
        """An object with exactly the fields of *cls* as keys."""
        properties: Schema = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            label: Label | None = field.metadata.get(LABEL)
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

    def report(self, version: str, cls: type[Report]) -> Schema:
        """A reference to the definition of the report class *cls*, keyed by its version."""

        def make() -> Schema:
            schema = self.object(cls, {}, required_too=("format_version",))
            schema["properties"]["format_version"] = {
                "title": FORMAT_VERSION_LABEL.english,
                "const": version,
            }
            return _annotated(
                schema,
                title=FORMAT_NAMES[version].english,
                description=f"A report in the {version} format "
                f"({FORMAT_DOCUMENTS[version].english}).",
            )

        return self.ref(cls.__name__, make)


def build_schema(version: str | None = None) -> Schema:
    """The schema of reports of *version* (``"2019"``, ``"2021"``), or of both when ``None``."""
    classes = report_classes()
    if version is not None and version not in classes:
        known = " or ".join(repr(v) for v in classes)
        message = f"unknown format version {version!r}: expected {known}"
        raise ValueError(message)
    builder = _Builder()
    chosen = [version] if version is not None else sorted(classes)
    refs = [builder.report(v, classes[v]) for v in chosen]
    if len(refs) == 1:
        top: Schema = dict(refs[0])
        title = f"Annual report on open government information, {version} format"
    else:
        # Discriminated on the required format_version: exactly one "if" holds, so errors are
        # reported inside the one report class that applies (a plain oneOf would list the
        # mismatches against every version).
        top = {
            "type": "object",
            "required": ["format_version"],
            "properties": {
                "format_version": {"title": FORMAT_VERSION_LABEL.english, "enum": chosen}
            },
            "allOf": [
                {
                    "if": {"properties": {"format_version": {"const": v}}},
                    "then": ref,
                }
                for v, ref in zip(chosen, refs, strict=True)
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
