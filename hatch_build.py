"""Hatchling build hook: compile the gettext catalogs.

Every ``src/disclosure_report/locale/*/LC_MESSAGES/*.po`` is compiled to a
``.mo`` next to it, for wheels and for editable installs alike. The ``.mo``
files are git-ignored; ``artifacts`` in pyproject.toml puts them in the wheel.
The library is pure Python: the wheel is one ``py3-none-any`` for every
platform.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.config import BuilderConfig
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


LOCALE_DIR = Path("src", "disclosure_report", "locale")


def compile_catalogs(locale_dir: Path) -> list[Path]:
    """Compile every ``*/LC_MESSAGES/*.po`` below *locale_dir*.

    Fuzzy entries are left out (``write_mo``'s default). A malformed ``.po``
    fails the build instead of being skipped.

    Returns:
        The ``.mo`` files written.
    """
    written = []
    for po in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.parent.parent.name, abort_invalid=True)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as f:
            write_mo(f, catalog)
        written.append(mo)
    return written


class CompileCatalogs(BuildHookInterface[BuilderConfig]):
    """Compile the catalogs before the wheel is assembled."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:  # noqa: ARG002 (hatchling's signature)
        root = Path(self.root)
        for mo in compile_catalogs(root / LOCALE_DIR):
            self.app.display_info(f"compiled {mo.relative_to(root)}")
