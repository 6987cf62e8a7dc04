"""Hatchling build hook: compile the gettext catalogs and the optional C module.

Every ``src/disclosure_report/locale/*/LC_MESSAGES/*.po`` is compiled to a
``.mo`` next to it, for wheels and for editable installs alike. The ``.mo``
files are git-ignored; ``artifacts`` in pyproject.toml puts them in the wheel.

``src/disclosure_report/serialize/_speedups.c`` (a faster ``from_dict`` and
``to_dict``) is compiled next to itself when a C compiler is there; the wheel
then carries it and is tagged for this platform. Without a compiler, or with
``DISCLOSURE_REPORT_PURE_PYTHON`` set, the build warns and goes on: the library
then reads and writes dicts in pure Python, with the same results.
"""

from __future__ import annotations

import os
import shutil
import tempfile

from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.config import BuilderConfig
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


LOCALE_DIR = Path("src", "disclosure_report", "locale")
SPEEDUPS = "disclosure_report.serialize._speedups"
SPEEDUPS_SOURCE = Path("src", "disclosure_report", "serialize", "_speedups.c")
PURE_PYTHON_VARIABLE = "DISCLOSURE_REPORT_PURE_PYTHON"


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


def compile_speedups(root: Path) -> Path:
    """Compile the C reader and writer of *root* next to its source; return the module file.

    Any earlier build for this interpreter is removed first, so that a failed
    build never leaves a stale module behind.

    Raises:
        Exception: Whatever setuptools raises when there is no compiler or the
            code does not compile.
    """
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    extension = Extension(SPEEDUPS, [str(root / SPEEDUPS_SOURCE)])
    command = build_ext(Distribution({"ext_modules": [extension]}))
    with tempfile.TemporaryDirectory() as tmp:
        command.build_lib = command.build_temp = tmp
        command.ensure_finalized()
        built = Path(command.get_ext_fullpath(SPEEDUPS))
        target = root / SPEEDUPS_SOURCE.parent / built.name
        target.unlink(missing_ok=True)
        command.run()
        shutil.copyfile(built, target)
    return target


class CompileCatalogs(BuildHookInterface[BuilderConfig]):
    """Compile the catalogs and the C module before the wheel is assembled."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        for mo in compile_catalogs(root / LOCALE_DIR):
            self.app.display_info(f"compiled {mo.relative_to(root)}")
        if os.environ.get(PURE_PYTHON_VARIABLE):
            self.app.display_info(f"{PURE_PYTHON_VARIABLE} is set: no compiled module")
            return
        try:
            module = compile_speedups(root)
        except Exception as error:  # noqa: BLE001 (no compiler, or it failed)
            self.app.display_warning(
                f"the optional compiled reader and writer were not built ({error}); "
                "from_dict() and to_dict() work the same in pure Python, only slower"
            )
            return
        self.app.display_info(f"compiled {module.relative_to(root)}")
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        if version != "editable":  # an editable install finds it in src/
            relative = module.relative_to(root / "src")
            build_data["force_include"][str(module)] = str(relative)
