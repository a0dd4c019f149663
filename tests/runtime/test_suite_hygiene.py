"""The suite fails when it should: strict expected failures only, no skip hiding an import error of the
project's own packages, and missing upstream data is an error under CI (a skip elsewhere)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.paths import CI_ENV, REPO, UPSTREAM_ENV, UPSTREAM_PROBE

TESTS = REPO / "tests"
OWN_PACKAGES = ("stac_mlm", "stac_ext_codegen")


def _calls(name: str) -> list[tuple[Path, ast.Call]]:
    """Every call of ``pytest.<name>`` (or a bare ``<name>``) in the test sources."""
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        if "fixtures" in path.relative_to(TESTS).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                called = node.func
                attr = called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", None)
                if attr == name:
                    found.append((path, node))
    return found


def test_no_importorskip_of_the_projects_own_packages() -> None:
    """An import error of the project's code must fail, not skip."""
    hidden = [
        f"{path.relative_to(REPO)}:{call.lineno}"
        for path, call in _calls("importorskip")
        if call.args
        and isinstance(call.args[0], ast.Constant)
        and str(call.args[0].value).split(".")[0] in OWN_PACKAGES
    ]
    assert not hidden, hidden


def test_expected_failures_are_declared_and_strict() -> None:
    """``pytest.xfail()`` inside a test cannot show a fix; a marker with ``strict=False`` would hide it."""
    imperative = [f"{path.relative_to(REPO)}:{call.lineno}" for path, call in _calls("xfail") if _is_call_form(call)]
    lenient = [
        f"{path.relative_to(REPO)}:{call.lineno}"
        for path, call in _calls("xfail")
        if any(k.arg == "strict" and isinstance(k.value, ast.Constant) and not k.value.value for k in call.keywords)
    ]
    assert not imperative and not lenient, (imperative, lenient)
    assert "xfail_strict = true" in (TESTS / "pytest.ini").read_text(encoding="utf-8")


def _is_call_form(call: ast.Call) -> bool:
    """``pytest.xfail(...)`` (the imperative form), not ``pytest.mark.xfail(...)`` (a marker)."""
    func = call.func
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "pytest"


def test_reads_the_upstream_data(upstream: Path) -> None:
    """Uses the ``upstream`` fixture without an explicit marker: the conftest marks it."""
    assert UPSTREAM_PROBE.is_file() and UPSTREAM_PROBE.is_relative_to(upstream)


def _run_without_upstream(tmp_path: Path, ci: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in (CI_ENV, "PYTEST_XDIST_WORKER")}
    env[UPSTREAM_ENV] = str(tmp_path / "no-upstream-data")
    if ci:
        env[CI_ENV] = "true"
    target = f"{Path(__file__).relative_to(TESTS).as_posix()}::test_reads_the_upstream_data"
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist", "-m", "upstream", target]
    return subprocess.run(command, cwd=TESTS, env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("ci", [False, True], ids=["locally", "under-CI"])
def test_missing_upstream_data_skips_locally_and_is_an_error_under_ci(tmp_path: Path, ci: bool) -> None:
    result = _run_without_upstream(tmp_path, ci)
    output = result.stdout + result.stderr
    missing = str(tmp_path / "no-upstream-data")
    if ci:
        assert result.returncode == 1 and "1 error" in output, output
        assert missing in output and "is missing" in output, output
    else:
        assert result.returncode == 0 and "1 skipped" in output, output  # selected by -m upstream: marked
