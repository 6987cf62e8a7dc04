"""Keep the gettext catalogs in step with the labels in the source.

Run from anywhere in a checkout (paths are relative to this file)::

    python scripts/update_catalogs.py            # extract, update the .po files, compile .mo
    python scripts/update_catalogs.py --check    # change nothing; exit 1 if anything is stale
    python scripts/update_catalogs.py --drop-obsolete

Steps, each writing a file only when its content changes (so a second run changes nothing):

1. Extract every ``NC_(context, english)`` label under ``src`` with
   ``pybabel extract -k NC_:1c,2 --no-location --sort-output`` into
   ``src/disclosure_report/locale/disclosure_report.pot``. Every source file must parse first,
   and one context must name one English text, so that a half-written file or a copy-pasted
   context cannot silently drop or merge labels.
2. Update ``<locale>/LC_MESSAGES/disclosure_report.po`` for each locale. A translation is never
   thrown away: entries whose label is unchanged keep their translation; a label whose English
   changed (same context) keeps its old translation marked fuzzy, with the old English as
   ``#| msgid``, for review; a label removed from the source stays in the file as an obsolete
   ``#~`` entry (and comes back with its translation if the label returns) until
   ``--drop-obsolete`` (untranslated ones are dropped at once). New labels get an empty
   translation. Nothing is guessed from other
   labels (no fuzzy matching across contexts).
3. Compile each ``.po`` to a ``.mo`` next to it, for the development loop (``.mo`` files are
   git-ignored; the build hook ``hatch_build.py`` compiles them for wheels and editable
   installs).

It then lists what still needs a translator: empty or fuzzy entries, and entries that fail
Babel's checks or whose ``{placeholders}`` differ from the English. ``--check`` reports the same
plus a stale ``.pot`` or ``.po`` and exits 1 on any of them, without writing.
"""

# ruff: noqa: INP001 (a script, not a package)

from __future__ import annotations

import argparse
import ast
import io
import string
import sys
import tempfile

from collections.abc import Iterable, Sequence
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po


ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
PYPROJECT = ROOT / "pyproject.toml"  # Its [[tool.babel.mappings]] say what to extract.
DOMAIN = "disclosure_report"
LOCALE_DIR = SRC / DOMAIN / "locale"
POT = LOCALE_DIR / f"{DOMAIN}.pot"
LOCALES = ("zh_Hans", "zh_Hant", "en")  # = disclosure_report.i18n.SUPPORTED_LOCALES (tested)
KEYWORDS = "NC_:1c,2"
PROJECT = "disclosure-report"
COPYRIGHT_HOLDER = "The disclosure-report authors"

Key = tuple[str | None, str]
"""An entry's identity: (msgctxt, msgid)."""


class CatalogError(Exception):
    """The source or a catalog cannot be processed safely; nothing was written."""


# --- extraction ------------------------------------------------------------------------------


def _check_sources_parse(src: Path) -> None:
    broken = []
    for path in sorted(src.rglob("*.py")):
        try:
            ast.parse(path.read_bytes(), filename=str(path))
        except SyntaxError as error:
            broken.append(f"  {path.relative_to(ROOT)}:{error.lineno}: {error.msg}")
    if broken:
        raise CatalogError(
            "these files do not parse, so their labels cannot be extracted:\n" + "\n".join(broken)
        )


def extract(src: Path | None = None) -> tuple[Catalog, bytes]:
    """Extract the labels under *src* (default: ``src/``): the template catalog and its ``.pot``.

    Raises:
        CatalogError: When a source file does not parse, when one context names two English
            texts, or when a message has no context (every label needs a stable key).
    """
    src = SRC if src is None else src
    _check_sources_parse(src)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, f"{DOMAIN}.pot")
        CommandLineInterface().run(  # type: ignore[no-untyped-call]
            [
                "pybabel",
                "--quiet",
                "extract",
                "--mapping-file",
                str(PYPROJECT),
                "--keywords",
                KEYWORDS,
                "--no-location",
                "--sort-output",
                "--project",
                PROJECT,
                "--copyright-holder",
                COPYRIGHT_HOLDER,
                "--output-file",
                str(out),
                str(src),
            ]
        )
        text = out.read_bytes()
    template = read_po(io.BytesIO(text), abort_invalid=True)
    problems = []
    seen: dict[str, str] = {}
    for message in _entries(template):
        english = _msgid(message)
        if message.context is None:
            problems.append(f"  no context for {english!r}: mark labels with NC_(context, english)")
        elif seen.setdefault(message.context, english) != english:
            problems.append(
                f"  context {message.context!r} names two texts: "
                f"{seen[message.context]!r} and {english!r}"
            )
    if problems:
        raise CatalogError("labels that cannot be catalogued:\n" + "\n".join(problems))
    return template, text


# --- catalog helpers -------------------------------------------------------------------------


def _entries(catalog: Catalog) -> Iterable[Message]:
    return (m for m in catalog if m.id)


def _msgid(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def key(message: Message) -> Key:
    """The identity of an entry: (msgctxt, msgid)."""
    return message.context, _msgid(message)


def _signature(catalog: Catalog) -> list[tuple[object, ...]]:
    return [(key(m), sorted(m.flags), m.auto_comments, m.user_comments) for m in _entries(catalog)]


def _read(path: Path, locale: str | None = None) -> Catalog:
    try:
        with path.open("rb") as f:
            return read_po(f, locale=locale, domain=DOMAIN, abort_invalid=True)
    except Exception as error:  # noqa: BLE001 (Babel raises several types for a bad file)
        raise CatalogError(f"cannot read {path.relative_to(ROOT)}: {error}") from None


def _po_path(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def _new_catalog(locale: str, template: Catalog) -> Catalog:
    catalog = Catalog(
        locale=locale,
        domain=DOMAIN,
        project=PROJECT,
        copyright_holder=COPYRIGHT_HOLDER,
        creation_date=template.creation_date,
        fuzzy=False,
    )
    catalog.header_comment = (
        f"# {locale} translations for {PROJECT}.\n"
        f"# Copyright (C) {COPYRIGHT_HOLDER}\n"
        f"# This file is distributed under the same license as the {PROJECT} project."
    )
    return catalog


def update(catalog: Catalog, template: Catalog, *, drop_obsolete: bool = False) -> Catalog:
    """Bring *catalog* in step with *template* without losing a translation (see module doc)."""
    wanted = {key(m) for m in _entries(template)}
    for obsolete_key, message in list(catalog.obsolete.items()):
        if key(message) in wanted:  # a label that came back: revive its translation
            del catalog.obsolete[obsolete_key]
            catalog[message.id] = message
    catalog.update(
        template,
        no_fuzzy_matching=True,
        update_header_comment=False,
        keep_user_comments=True,
        update_creation_date=False,
    )
    by_context = {m.context: (k, m) for k, m in catalog.obsolete.items() if m.string}
    for message in _entries(catalog):
        if message.string or message.context not in by_context:
            continue
        old_key, old = by_context.pop(message.context)  # same label, edited English
        message.string = old.string
        message.flags.add("fuzzy")
        message.previous_id = [_msgid(old)]
        del catalog.obsolete[old_key]
    for obsolete_key, message in list(catalog.obsolete.items()):
        if drop_obsolete or not any(_strings(message)):  # nothing worth keeping
            del catalog.obsolete[obsolete_key]
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, include_previous=True)
    return buffer.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)  # fuzzy entries are left out, as gettext expects
    return buffer.getvalue()


def _strings(message: Message) -> tuple[str, ...]:
    found = message.string
    if isinstance(found, (list, tuple)):
        return tuple(found)
    return (found or "",)


def _placeholders(text: str) -> set[str] | None:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def incomplete(catalog: Catalog, template: Catalog) -> list[str]:
    """What keeps *catalog* from being complete and in step with *template*, one line each."""
    problems: list[str] = []
    wanted = {key(m): m for m in _entries(template)}
    have = {key(m): m for m in _entries(catalog)}
    problems.extend(f"missing entry {k}" for k in wanted.keys() - have.keys())
    problems.extend(f"entry not in the template {k}" for k in have.keys() - wanted.keys())
    for k, message in have.items():
        strings = _strings(message)
        if not all(strings):
            problems.append(f"untranslated {k}")
        if message.fuzzy:
            problems.append(f"fuzzy (review, then remove the flag) {k}")
        if k in wanted and not wanted[k].flags <= message.flags:
            problems.append(f"flags out of date {k}")
        if "python-brace-format" in message.flags and all(strings):
            expected = _placeholders(_msgid(message))
            if any(_placeholders(text) != expected for text in strings):
                problems.append(f"placeholders differ from the English {k}")
    for message, errors in catalog.check():
        problems.extend(f"{error} {key(message)}" for error in errors)
    return sorted(set(problems))


# --- main ------------------------------------------------------------------------------------


def _write_if_changed(path: Path, content: bytes) -> bool:
    if path.exists() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(content)
    tmp.replace(path)
    return True


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")


def _pot_is_current(template: Catalog) -> bool:
    return POT.exists() and _signature(_read(POT)) == _signature(template)


def _check_locale(locale: str, template: Catalog, *, drop_obsolete: bool) -> list[str]:
    po = _po_path(locale)
    name = po.relative_to(ROOT)
    if not po.exists():
        return [f"{name} is missing"]
    catalog = _read(po, locale)
    problems = [f"{name}: {p}" for p in incomplete(catalog, template)]
    if drop_obsolete and catalog.obsolete:
        problems.append(f"{name} has {len(catalog.obsolete)} obsolete entries")
    return problems


def _update_locale(locale: str, template: Catalog, *, drop_obsolete: bool) -> list[str]:
    po = _po_path(locale)
    name = po.relative_to(ROOT)
    current = _read(po, locale) if po.exists() else _new_catalog(locale, template)
    catalog = update(current, template, drop_obsolete=drop_obsolete)
    if _write_if_changed(po, _po_bytes(catalog)):
        _say(f"updated {name}")
    mo = po.with_suffix(".mo")
    if _write_if_changed(mo, _mo_bytes(catalog)):
        _say(f"compiled {mo.relative_to(ROOT)}")
    return [f"{name}: {p}" for p in incomplete(catalog, template)]


def run(*, check: bool, drop_obsolete: bool = False) -> int:
    """Extract, update and compile (or, with *check*, only report); return the exit code."""
    template, pot_text = extract()
    pot_name = POT.relative_to(ROOT)
    if check:
        problems = [] if _pot_is_current(template) else [f"{pot_name} is out of date"]
        for locale in LOCALES:
            problems.extend(_check_locale(locale, template, drop_obsolete=drop_obsolete))
        for line in problems:
            _say(line)
        if problems:
            _say(
                "catalogs are out of date or incomplete: run scripts/update_catalogs.py, "
                "translate, and see docs/locales.md"
            )
            return 1
        _say("catalogs are up to date and complete")
        return 0
    if not _pot_is_current(template):
        _write_if_changed(POT, pot_text)
        _say(f"updated {pot_name} ({len(list(_entries(template)))} labels)")
    todo = []
    for locale in LOCALES:
        todo.extend(_update_locale(locale, template, drop_obsolete=drop_obsolete))
    for line in todo:
        _say(line)
    if todo:
        _say(f"{len(todo)} entries need a translator (see docs/locales.md)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the .pot or a .po is out of date or incomplete",
    )
    parser.add_argument(
        "--drop-obsolete",
        action="store_true",
        help="remove the #~ entries of labels that are gone from the source",
    )
    args = parser.parse_args(argv)
    try:
        return run(check=args.check, drop_obsolete=args.drop_obsolete)
    except CatalogError as error:
        sys.stderr.write(f"update_catalogs: {error}\n")
        return 2


if __name__ == "__main__":
    sys.exit(main())
