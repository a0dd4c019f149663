"""`stac-mlm lint` and `stac_mlm.lint`: every recommendation of schema/recommendations.yaml is tested by its own
passing and failing documents (adding one to the data adds its test), and the command's statuses and formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import stac_mlm
from stac_mlm import linting
from support import documents
from support.cli import run

RECOMMENDATIONS = linting.recommendations()
IDS = [entry.code for entry in RECOMMENDATIONS]


def test_the_package_holds_recommendations() -> None:
    assert RECOMMENDATIONS
    assert len(set(IDS)) == len(IDS)
    assert stac_mlm.lint is linting.lint


@pytest.mark.parametrize("entry", RECOMMENDATIONS, ids=IDS)
def test_passing_document_has_no_warning_of_its_code(entry: linting.Recommendation) -> None:
    assert [f for f in stac_mlm.lint(entry.passing) if f.code == entry.code] == []


@pytest.mark.parametrize("entry", RECOMMENDATIONS, ids=IDS)
def test_failing_document_is_warned_with_its_code(entry: linting.Recommendation) -> None:
    found = [f for f in stac_mlm.lint(entry.failing) if f.code == entry.code]
    assert found
    for finding in found:
        assert finding.message and "{" not in finding.message  # every template field was filled
        assert finding.path == "" or finding.path.startswith("/")
        assert list(linting.matches(entry.failing, finding.path))  # the path leads to a value of the document


@pytest.mark.parametrize("entry", RECOMMENDATIONS, ids=IDS)
def test_select_and_ignore_by_code(entry: linting.Recommendation) -> None:
    assert {f.code for f in stac_mlm.lint(entry.failing, select=[entry.code])} == {entry.code}
    assert entry.code not in {f.code for f in stac_mlm.lint(entry.failing, ignore=[entry.code])}


def test_every_check_kind_is_known() -> None:
    assert {entry.check["kind"] for entry in RECOMMENDATIONS} <= set(linting._KINDS)


def test_pointer_patterns() -> None:
    document = {"a": [{"b/c": 1}, {"b/c": 2}], "d": {"x": 3}}
    assert list(linting.matches(document, "/a/*/b~1c")) == [("/a/0/b~1c", 1), ("/a/1/b~1c", 2)]
    assert list(linting.matches(document, "/d/*")) == [("/d/x", 3)]
    assert list(linting.matches(document, "")) == [("", document)]
    assert list(linting.matches(document, "/a/5")) == []


@pytest.mark.parametrize("value", [[], "text", 1, None, {"properties": "x", "assets": [1, 2]}])
def test_odd_values_give_no_crash(value) -> None:
    stac_mlm.lint(value)


def test_deep_nesting_is_walked_without_recursion() -> None:
    deep: dict = {}
    inner = deep
    for _ in range(5000):
        inner["x:y"] = {}
        inner = inner["x:y"]
    stac_mlm.lint(deep)


def _write(folder: Path, name: str, document: object) -> Path:
    path = folder / name
    path.write_text(json.dumps(document))
    return path


def test_command_statuses_and_json_records(tmp_path: Path, capsys) -> None:
    entry = RECOMMENDATIONS[0]
    passing = _write(tmp_path, "a.json", entry.passing)
    failing = _write(tmp_path, "b.json", entry.failing)
    selected = ["--select", entry.code]
    assert run(["lint", *selected, str(passing)], capsys).code == 0
    result = run(["lint", "--format", "json", *selected, str(passing), str(failing)], capsys)
    assert result.code == 1
    records = result.records()
    assert [r["source"] for r in records] == [str(passing), str(failing)]
    assert records[0]["warnings"] == []
    assert {w["code"] for w in records[1]["warnings"]} == {entry.code}
    assert set(records[1]["warnings"][0]) == {"code", "path", "message"}
    assert run(["lint", "--ignore", entry.code, *selected, str(failing)], capsys).code == 0


def test_command_text_output(tmp_path: Path, capsys) -> None:
    entry = RECOMMENDATIONS[0]
    failing = _write(tmp_path, "b.json", entry.failing)
    result = run(["lint", "--select", entry.code, str(failing)], capsys)
    lines = result.out.splitlines()
    assert lines[0].startswith(f"{failing}: ") and "warning" in lines[0]
    assert lines[1].startswith(f"  {entry.code} ")
    assert lines[-1].startswith("1 document linted: 1 with warnings")


def test_unusable_inputs_exit_2(tmp_path: Path, capsys) -> None:
    (tmp_path / "bad.json").write_text("{not json")
    (tmp_path / "list.json").write_text("[]")
    good = _write(tmp_path, "good.json", documents.landcover_item())
    result = run(["lint", str(tmp_path / "bad.json"), str(tmp_path / "list.json"), str(good)], capsys)
    assert result.code == 2
    assert len(result.err.splitlines()) == 2 and "Traceback" not in result.err
    assert run(["lint", str(tmp_path / "missing.json")], capsys).code == 2


def test_unknown_code_is_a_usage_error(capsys) -> None:
    result = run(["lint", "--select", "NOPE1", "x.json"], capsys)
    assert result.code == 2 and "unknown code NOPE1" in result.err


def test_pre_commit_hooks_run_the_command() -> None:
    import yaml
    from support.paths import REPO

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    entries = {hook["id"]: hook["entry"].split() for hook in hooks}
    assert entries["stac-mlm-lint"][:2] == ["stac-mlm", "lint"]
    assert entries["stac-mlm-validate"][:2] == ["stac-mlm", "validate"]
