"""The fixture generator and its coverage measure: the committed examples are what schema/examples/
renders to, coverage is complete, and the measure notices a missing or misdeclared case and follows
the model (a new enum value is uncovered until a fixture uses it)."""

from __future__ import annotations

import copy
import dataclasses
import shutil
from pathlib import Path

import pytest
from stac_ext_codegen import coverage
from stac_ext_codegen.cli import main as codegen
from stac_ext_codegen.coverage import measure
from stac_ext_codegen.fixtures import Fixture, apply_patch, load_fixtures, render_fixtures
from stac_ext_codegen.jsonschema import build_json_schema
from stac_ext_codegen.model import ModelError, SourceModel
from support import edits, scratch
from support.paths import EXAMPLES_DIR, REPO, SCHEMA_DIR
from support.scratch import copy_parts


@pytest.fixture(scope="module")
def model() -> SourceModel:
    return SourceModel.load(SCHEMA_DIR)


@pytest.fixture(scope="module")
def schema(model: SourceModel) -> dict:
    return build_json_schema(model)


@pytest.fixture(scope="module")
def fixtures(model: SourceModel) -> list[Fixture]:
    return load_fixtures(model)


def _uncovered(model: SourceModel, schema: dict, fixtures: list[Fixture]) -> set[str]:
    return {f"{c.group}: {c.item}" for c in measure(model, schema, fixtures).cells if not c.hits}


def test_committed_examples_are_what_the_sources_render(model: SourceModel) -> None:
    rendered = render_fixtures(model)
    on_disk = {str(p.relative_to(EXAMPLES_DIR)): p.read_text(encoding="utf-8") for p in EXAMPLES_DIR.rglob("*.json")}
    assert rendered.keys() == on_disk.keys()
    assert all(rendered[k] == on_disk[k] for k in rendered)


def test_coverage_is_complete(model: SourceModel, schema: dict, fixtures: list[Fixture]) -> None:
    """Complete for a release; a draft may still miss examples (its release requires them), but no fixture
    other than an errata case (reviewed at release) may misbehave."""
    result = measure(model, schema, fixtures)
    if model.version is not None and model.version.status == "draft":
        assert not result.problems, result.table()
    else:
        assert result.complete, result.table()
        assert "100.0" in result.table()
    assert result.valid_count >= 6 and result.rejected_count >= 100
    groups = {c.group for c in result.cells}
    assert groups == {value for name, value in vars(coverage).items() if name.startswith("G_")}  # every group
    items = {c.item for c in result.cells}
    expected = {"mlm:entrypoint @ Collection.item_assets", "TaskEnum: downscaling", "R13: Band and variable objects"}
    assert expected <= items
    assert "mlm:name @ Item.assets" not in items  # forbidden there, so not asked for


@pytest.mark.slow
def test_coverage_notices_a_missing_rule_case(model: SourceModel, schema: dict, fixtures: list[Fixture]) -> None:
    kept = [f for f in fixtures if (f.expect or {}).get("rule") != "R9"]
    assert len(kept) < len(fixtures)
    missing = _uncovered(model, schema, kept) - _uncovered(model, schema, fixtures)  # a draft may have gaps
    assert missing == {"rules (rejected cases): R9: An Item has a model asset"}


@pytest.mark.slow
def test_coverage_notices_an_unused_enum_value(model: SourceModel, schema: dict, fixtures: list[Fixture]) -> None:
    kept = [f for f in fixtures if f.path != "aerial-building-panoptic.json"]
    missing = _uncovered(model, schema, kept)
    assert "closed enum values: AcceleratorEnum: macos-arm" in missing
    assert "closed enum values: ResizeTypeEnum: interpolation-max" in missing
    assert "closed enum values: DataTypeEnum: uint64" in missing


def test_a_case_rejected_elsewhere_is_reported(model: SourceModel, schema: dict, fixtures: list[Fixture]) -> None:
    case = next(f for f in fixtures if f.path == "invalid/name-pattern.json")
    wrong_path = dataclasses.replace(case, expect={**case.expect, "path": "/properties/mlm:architecture"})
    wrong_keyword = dataclasses.replace(case, path="invalid/x.json", expect={**case.expect, "keyword": "minLength"})
    accepted = dataclasses.replace(case, path="invalid/y.json", document=fixtures[0].document)
    result = measure(model, schema, [wrong_path, wrong_keyword, accepted])
    assert not result.complete
    assert any("name-pattern.json: also rejected elsewhere" in p for p in result.problems)
    assert any("x.json: no `minLength` error at /properties/mlm:name" in p for p in result.problems)
    assert any("y.json: accepted" in p for p in result.problems)


def test_a_rule_case_must_go_through_the_rule(model: SourceModel, schema: dict, fixtures: list[Fixture]) -> None:
    case = next(f for f in fixtures if f.path == "invalid/r10-artifact-type-missing.json")
    mislabelled = dataclasses.replace(case, expect={**case.expect, "rule": "R11"})
    assert any("not rejected by the fragment of rule R11" in p for p in measure(model, schema, [mislabelled]).problems)


def test_coverage_follows_the_model(tmp_path: Path, model: SourceModel, schema: dict, fixtures: list[Fixture]) -> None:
    before = _uncovered(model, schema, fixtures)
    scratch = edits.copy_schema(tmp_path)
    edits.add_task_value(scratch)
    edited = SourceModel.load(scratch)
    missing = _uncovered(edited, build_json_schema(edited), fixtures)
    assert missing - before == {f"closed enum values: {edits.TASK_ENUM}: {edits.NEW_TASK}"}


def test_apply_patch() -> None:
    base = {"a": {"b": [1, 2]}, "c": 3}
    patched = apply_patch(base, {"/a/b/-": 9, "/a/b/0": 0, "/a/x~1y": "slash", "/d": None}, ["/c"])
    assert patched == {"a": {"b": [0, 2, 9], "x/y": "slash"}, "d": None}
    assert base == {"a": {"b": [1, 2]}, "c": 3}, "the base is not modified"
    for sets, deletes in [({"/nope/x": 1}, []), ({"/a/b/5": 1}, []), ({}, ["/zz"]), ({"": 1}, [])]:
        with pytest.raises(ModelError):
            apply_patch(copy.deepcopy(base), sets, deletes)


@pytest.mark.slow
def test_check_reports_drift_and_stale_files_in_examples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy_parts(tmp_path, scratch.PARTS)
    shutil.copy(REPO / "README.md", tmp_path / "README.md")  # holds a generated region
    assert codegen(["--root", str(tmp_path), "check"]) == 0
    (tmp_path / "examples" / "invalid" / "leftover.json").write_text("{}")
    edited = tmp_path / "examples" / "s2-landcover-unet.json"
    edited.write_text(edited.read_text().replace("U-Net", "UNet", 1))
    assert codegen(["--root", str(tmp_path), "check"]) == 1
    out = capsys.readouterr().out
    assert "STALE examples/invalid/leftover.json" in out
    assert "DRIFT examples/s2-landcover-unet.json" in out
