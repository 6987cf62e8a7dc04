"""Importing a module of an extra without the extra says which extra to install."""

import subprocess
import sys
import textwrap


def _import_without(blocked: str, module: str) -> subprocess.CompletedProcess[str]:
    """Import *module* in a fresh interpreter in which *blocked* cannot be imported."""
    code = textwrap.dedent(
        f"""
        import sys
        sys.modules[{blocked!r}] = None  # import {blocked} now raises ModuleNotFoundError
        import {module}
        """
    )
    return subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={"HYPOTHESIS_NO_PLUGINS": "1", "PATH": ""},
    )


def test_testing_without_hypothesis_names_the_extra() -> None:
    done = _import_without("hypothesis", "disclosure_report.testing")

    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("ModuleNotFoundError: disclosure_report.testing needs hypothesis")
    assert 'pip install "disclosure-report[testing]"' in last


def test_the_library_itself_needs_no_hypothesis() -> None:
    done = _import_without("hypothesis", "disclosure_report, disclosure_report.many")

    assert done.returncode == 0, done.stderr
