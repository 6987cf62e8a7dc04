"""Sphinx configuration.

Build: ``make -C docs`` (HTML in ``docs/_build/html``), which runs
``DOCS_OFFLINE=1 sphinx-build -n -T -W --keep-going -b html docs docs/_build/html``.
It builds offline by default: ``DOCS_OFFLINE=1`` switches intersphinx off
(under ``-W`` its failed downloads would fail the build) and references into
the standard library and dependencies are not nit-picked. With network access,
``make -C docs DOCS_OFFLINE=`` builds with intersphinx.
"""

import importlib
import importlib.metadata
import os
import pkgutil
import re
import sys

from typing import Any

import attrs

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import PycodeError
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.nodes import make_refnode
from sphinx.util.typing import stringify_annotation

from disclosure_report.i18n import translate
from disclosure_report.model import label_of
from disclosure_report.model._fields import LABELS_BY_VERSION, group_of


project = "disclosure-report"
author = "The disclosure-report authors"
copyright = f"2026, {author}"
release = importlib.metadata.version("disclosure-report")
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "myst_parser",
]

source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]

myst_enable_extensions = ["colon_fence", "deflist", "attrs_block"]
myst_heading_anchors = 3

autodoc_typehints = "description"
autodoc_typehints_description_target = "documented"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

nitpicky = True
# The type variable of the overloads of from_json/from_dict (version=Report2021 gives a Report2021).
nitpick_ignore: list[tuple[str, str]] = [
    ("py:class", "disclosure_report.serialize.R"),
    ("py:class", "disclosure_report.model._edit._R"),  # blank_report, replace_cell
    # The type variable of Applications and Outcomes: the row (2019) or rows (2021) of （六）.
    ("py:class", "disclosure_report.model._applications.OtherT"),
    # Private types and helpers of the reader that the docstrings of its public classes
    # (Extraction, TableRead, ReadCell) name; they are not part of the API.
    ("py:func", "_version"),
    ("py:class", "Value"),
    ("py:class", "disclosure_report.reading._values.Value"),
    ("py:class", "disclosure_report.reading._rows.Token"),
    ("py:class", "disclosure_report.reading._vocabulary.RowSpec"),
    ("py:class", "disclosure_report.reading._vocabulary.ColumnSpec"),
]
# External names without an inventory (online or offline); never our own.
nitpick_ignore_regex = [("py:mod", r"xarray(\..*)?")]

intersphinx_mapping = {
    "python": ("https://docs.python.org/3", None),
    "attrs": ("https://www.attrs.org/en/stable/", None),
    "cattrs": ("https://catt.rs/en/stable/", None),
    "babel": ("https://babel.pocoo.org/en/latest/", None),
    "hypothesis": ("https://hypothesis.readthedocs.io/en/latest/", None),
}
if os.environ.get("DOCS_OFFLINE"):
    intersphinx_mapping = {}
    _external = (
        r"decimal|datetime|enum|os|typing|collections\.abc|pathlib|sqlite3"
        r"|babel|cattrs|attrs?|hypothesis"
    )
    nitpick_ignore_regex += [(role, rf"({_external})\..*") for role in ("py:class", "py:exc")]

html_theme = "furo"
html_title = "disclosure-report"


# --- our own names -----------------------------------------------------------
# Public names are re-exported: `disclosure_report.InvalidReportError` is
# `disclosure_report.exceptions.InvalidReportError`, documented once. The two
# hooks below let every public spelling of a name reach its one description,
# and give re-exported constants the docstring written where they are defined
# (autodoc looks for it in the re-exporting module and, not finding it, shows
# the docstring of the value's type: dict, tuple, ...).

_PACKAGE = "disclosure_report"


def _resolve(dotted: str) -> object:
    """The object that a dotted name of ours stands for, or None."""
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        try:
            for name in parts[split:]:
                obj = getattr(obj, name)
        except AttributeError:
            return None
        return obj
    return None


def _alias_reference(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    """Resolve `disclosure_report.X` to where the same object is documented."""
    target = node.get("reftarget", "")
    if node.get("refdomain") != "py" or not target.startswith(f"{_PACKAGE}."):
        return None
    wanted = _resolve(target)
    if wanted is None:
        return None
    last = target.rsplit(".", 1)[-1]
    objects = env.domains["py"].objects
    for name, entry in objects.items():
        if name != target and name.rsplit(".", 1)[-1] == last and _resolve(name) is wanted:
            return make_refnode(
                app.builder,
                node["refdoc"],
                entry.docname,
                entry.node_id,
                contnode,
                name,
            )
    return None


def _attribute_docs() -> dict[tuple[str, int], list[str]]:
    """The `#:`/string docstrings of our module-level names, by name and value."""
    docs: dict[tuple[str, int], list[str]] = {}
    package = importlib.import_module(_PACKAGE)
    names = [_PACKAGE] + [
        info.name
        for info in pkgutil.walk_packages(package.__path__, f"{_PACKAGE}.")
        if not info.name.endswith(".__main__")  # Importing it runs the CLI.
    ]
    for modname in names:
        try:
            module = importlib.import_module(modname)
            analyzer = ModuleAnalyzer.for_module(modname)
        except (ImportError, PycodeError):
            continue  # No source, no docstrings; autodoc reports it if used.
        for (scope, name), lines in analyzer.find_attr_docs().items():
            if scope == "" and hasattr(module, name):
                docs.setdefault((name, id(getattr(module, name))), list(lines))
    return docs


_ATTRIBUTE_DOCS: dict[tuple[str, int], list[str]] = {}


def _data_docstring(
    _app: Sphinx,
    what: str,
    name: str,
    obj: object,
    _options: Any,
    lines: list[str],
) -> None:
    if what != "data" or not name.startswith(f"{_PACKAGE}."):
        return
    if not _ATTRIBUTE_DOCS:
        _ATTRIBUTE_DOCS.update(_attribute_docs())
    found = _ATTRIBUTE_DOCS.get((name.rsplit(".", 1)[-1], id(obj)))
    if found is not None:
        lines[:] = found


# Types are shown where they are documented: autodoc and napoleon write a type by the module that
# defines it (`disclosure_report.model._labels.Label`), a private one; after the references are
# resolved, every such dotted name of ours that is the same object as a documented one is shown
# as the documented name (`disclosure_report.Label`). The links already lead there
# (_alias_reference); only the text changes, and only in the built pages.

_DOTTED = re.compile(rf"~?{_PACKAGE}(?:\.\w+)+")
_PUBLIC_NAMES: dict[str, str] = {}


def _public_names(env: BuildEnvironment) -> dict[str, str]:
    """Every dotted name of a module of ours that holds a documented object: its documented name."""
    if not _PUBLIC_NAMES:
        documented: dict[int, str] = {}
        for name, entry in sorted(env.domains["py"].objects.items()):
            obj = _resolve(name) if name.startswith(f"{_PACKAGE}.") else None
            if obj is not None and not entry.aliased:
                documented.setdefault(id(obj), name)
        modules = [m for n, m in sorted(sys.modules.items()) if n.startswith(_PACKAGE) and m]
        for module in modules:
            for attribute, value in vars(module).items():
                public = documented.get(id(value))
                if public is not None and public.rsplit(".", 1)[-1] == attribute:
                    _PUBLIC_NAMES.setdefault(f"{module.__name__}.{attribute}", public)
    return _PUBLIC_NAMES


def _public_text(app: Sphinx, doctree: nodes.document, _docname: str) -> None:
    names = _public_names(app.env)

    def public(match: re.Match[str]) -> str:
        return names.get(match.group(0), match.group(0))

    for text in list(doctree.findall(nodes.Text)):
        if _PACKAGE not in text or isinstance(text.parent, nodes.literal_block):
            continue
        shown = _DOTTED.sub(public, str(text))
        if shown != str(text):
            text.parent.replace(text, nodes.Text(shown))
    for reference in doctree.findall(nodes.reference):  # The tooltip of a link.
        if _PACKAGE in reference.get("reftitle", ""):
            reference["reftitle"] = _DOTTED.sub(public, reference["reftitle"])


# --- the official label of each field ---------------------------------------
# A field of a table class holds one row or column of the official template; its docstring is
# generated from the label in its metadata (model.meta), in the official wording (the zh_Hans
# catalog) and in English, so that the reference says which row `state_secret` is and cannot
# drift from the labels the renderer, the reader and the cells use.


def _label_kind(context: str) -> str:
    if context.startswith("section."):
        return "Section"
    if ".col." in context:
        return "Column"
    if context.startswith("t"):
        return "Row"
    return "Label"


def _field_docs(cls: type, documented: set[str]) -> list[str]:
    lines: list[str] = []
    for field in attrs.fields(cls):
        if field.name in documented or "disclosure_report.label" not in field.metadata:
            continue
        label = label_of(field)
        official = translate(label, "zh_Hans")
        text = f"{_label_kind(label.context)} {official} (*{label.english}*)"
        group = group_of(field)
        if group is not None:
            text += f", under {translate(group, 'zh_Hans')} (*{group.english}*)"
        for version, renamed in field.metadata.get(LABELS_BY_VERSION, {}).items():
            text += f"; in the {version} format {translate(renamed, 'zh_Hans')}"
        lines += ["", f".. attribute:: {field.name}"]
        if field.type is not None and not isinstance(field.type, str):
            kind = stringify_annotation(field.type, "fully-qualified-except-typing")
            lines.append(f"   :type: {kind}")
        lines += ["", f"   {text}."]
    return lines


_ATTRIBUTE = re.compile(r"^\.\. attribute:: (\w+)")


def _label_docstring(
    _app: Sphinx,
    what: str,
    name: str,
    obj: object,
    _options: Any,
    lines: list[str],
) -> None:
    if what != "class" or not name.startswith(f"{_PACKAGE}."):
        return
    if not isinstance(obj, type) or not attrs.has(obj):
        return
    documented = {m.group(1) for line in lines if (m := _ATTRIBUTE.match(line))}
    lines += _field_docs(obj, documented)


def setup(app: Sphinx) -> None:
    app.connect("autodoc-process-docstring", _label_docstring, priority=600)  # after napoleon
    app.connect("missing-reference", _alias_reference)
    app.connect("autodoc-process-docstring", _data_docstring)
    app.connect("doctree-resolved", _public_text)
