"""HTML needs lxml, a dependency imported only when a page is read; text does not.

An environment that lacks it gets the library's error saying what to install.
"""

from __future__ import annotations

import subprocess
import sys

from collections.abc import Iterator
from pathlib import Path

import pytest

from disclosure_report.cli import main
from disclosure_report.exceptions import InvalidReportError
from disclosure_report.reading import _html, layout, read


INSTALL = 'pip install "lxml>=6"'
HTML = "<table><tr><td>行政许可</td><td>5</td></tr></table>"
TEXT = "二、主动公开政府信息情况\n第二十条第（五）项\n行政许可\t7\n"


@pytest.fixture
def without_lxml(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As if lxml were not installed: importing it fails."""
    _html._etree.cache_clear()
    monkeypatch.setitem(sys.modules, "lxml", None)
    monkeypatch.setitem(sys.modules, "lxml.etree", None)
    yield
    _html._etree.cache_clear()


def test_html_without_lxml_raises_the_library_error(
    without_lxml: None,
) -> None:
    with pytest.raises(InvalidReportError, match=r"lxml") as raised:
        read(HTML.encode())
    assert INSTALL in str(raised.value)
    with pytest.raises(InvalidReportError, match=r"lxml"):
        layout(HTML, kind="html")


def test_text_reads_without_lxml(without_lxml: None) -> None:
    result = read(TEXT)
    assert result.kind == "text"
    assert result.report.active_disclosure.article_20_5.licensing.decisions == 7


def test_the_command_line_says_what_to_install(
    without_lxml: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.html"
    path.write_text(HTML, encoding="utf-8")
    assert main(["cells", str(path)]) == 2
    assert INSTALL in capsys.readouterr().err


def test_the_library_imports_without_lxml() -> None:
    code = (
        "import sys\n"
        "sys.modules['lxml'] = None\n"
        "import disclosure_report, disclosure_report.reading, disclosure_report.cli\n"
        "from disclosure_report.reading import read\n"
        f"assert read({TEXT!r}).tables_found == (2,)\n"
        "assert 'lxml' not in [m for m in sys.modules if sys.modules[m] is not None]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603
