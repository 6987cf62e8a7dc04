"""The installed distribution: metadata, entry points, compiled catalogs, pure Python."""

import importlib.metadata

from pathlib import Path

import pytest

import disclosure_report

from disclosure_report.cli import main


DIST = importlib.metadata.distribution("disclosure-report")


def entry_point(group: str, name: str) -> importlib.metadata.EntryPoint:
    (ep,) = (ep for ep in DIST.entry_points if ep.group == group and ep.name == name)
    return ep


def test_console_script() -> None:
    assert entry_point("console_scripts", "disclosure-report").value == "disclosure_report.cli:main"


def test_hypothesis_hook_runs() -> None:
    hook = entry_point("hypothesis", "_").load()

    hook()  # Registering twice is harmless; it must not raise.


def test_catalogs_compiled() -> None:
    """Every .po has its .mo next to it: the build hook ran."""
    locale = Path(disclosure_report.__file__).parent / "locale"

    missing = [
        po for po in locale.glob("*/LC_MESSAGES/*.po") if not po.with_suffix(".mo").is_file()
    ]

    assert missing == []


def test_one_pure_python_wheel_for_every_platform() -> None:
    """The build tags the wheel (or the editable install) ``py3-none-any``: no compiled code."""
    wheel = DIST.read_text("WHEEL") or ""

    assert "Root-Is-Purelib: true" in wheel.splitlines()
    assert [line for line in wheel.splitlines() if line.startswith("Tag:")] == ["Tag: py3-none-any"]


def test_no_extension_module_or_c_source_in_the_package() -> None:
    package = Path(disclosure_report.__file__).parent

    found = [
        path.relative_to(package)
        for pattern in ("*.so", "*.pyd", "*.c")
        for path in package.rglob(pattern)
    ]

    assert found == []


def test_version_is_the_installed_metadata() -> None:
    assert disclosure_report.__version__ == DIST.version


def test_version_without_metadata_is_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)

    assert disclosure_report._version() == "0.0.0"  # As hatch-vcs's fallback-version.


def test_command_prints_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])

    assert exited.value.code == 0
    assert capsys.readouterr().out == f"disclosure-report {DIST.version}\n"


def test_no_package_imports_another_packages_private_module() -> None:
    """Packages meet at their public faces (``disclosure_report.checks``), never at another
    package's ``_private`` module, so that each can change its insides alone."""
    import ast

    source = Path(disclosure_report.__file__).parent
    crossings = []
    for path in sorted(source.rglob("*.py")):
        package = path.relative_to(source).parts[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                parts = node.module.split(".")
                if parts[0] != "disclosure_report" or len(parts) < 3:
                    continue
                if parts[1] != package and any(p.startswith("_") for p in parts[2:]):
                    crossings.append(f"{path.relative_to(source)}: {node.module}")
    assert crossings == []
