"""``disclosure-report render``: outputs, languages and unreadable input."""

from __future__ import annotations

import json

from pathlib import Path

import pytest

from disclosure_report import from_json
from disclosure_report.cli import main
from disclosure_report.rendering import render


EXAMPLE = Path(__file__).parents[2] / "examples" / "nx-jgswglj-2023.json"


@pytest.mark.parametrize("to", ["md", "html", "text"])
@pytest.mark.parametrize(
    ("lang", "locale"), [("zh", "zh_Hans"), ("zh_Hant", "zh_Hant"), ("en", "en")]
)
def test_render_prints_the_report(
    to: str, lang: str, locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(EXAMPLE), "--to", to, "--lang", lang]) == 0
    expected = render(from_json(EXAMPLE.read_bytes()), to=to, locale=locale)  # type: ignore[call-overload]
    assert capsys.readouterr().out == expected


def test_render_needs_an_output(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["render", str(EXAMPLE)])
    assert exit_info.value.code == 2
    assert "--to" in capsys.readouterr().err


def test_render_of_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["applications"]["new_received"]["total"] = -1
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["render", str(path), "--to", "html"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "$.applications.new_received.total" in captured.err
