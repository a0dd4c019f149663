"""Placeholders, overrides (Python keywords, --set, YAML files) and the `stac-mlm describe` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from stac_mlm.describe import OverrideError, describe
from stac_mlm.models import TaskEnum
from support.cli import run
from support.paths import REPO

from .artifacts import FIXTURES, MONAI_BUNDLES, official_errors

BUNDLE = FIXTURES / "monai" / MONAI_BUNDLES[0]
GEOMETRY = {"type": "Polygon", "coordinates": [[[1, 2], [5, 2], [5, 7], [1, 7], [1, 2]]]}
FILLED = {"geometry": GEOMETRY, "datetime": "2024-05-01T00:00:00Z", "assets": {"model": {"href": "https://x/m.pt"}}}


def _bundle_placeholders() -> set[str]:
    return {entry.path for entry in describe(BUNDLE).placeholders}


def test_every_placeholder_says_what_to_put_there() -> None:
    found = describe(BUNDLE)
    assert found.placeholders
    assert all(entry.fill for entry in found.placeholders)
    assert found.item["geometry"] is None and found.item["properties"]["datetime"] is None


def test_keywords_fill_placeholders_and_bbox_follows_geometry() -> None:
    assert _bundle_placeholders() == {"/geometry", "/properties/datetime", "/assets/model/href"}
    found = describe(BUNDLE, **FILLED)
    assert found.placeholders == [] and found.problems == [] and found.complete
    assert found.item["bbox"] == [1, 2, 5, 7]
    assert list(found.item).index("bbox") == list(found.item).index("geometry") + 1
    assert found.item["assets"]["model"]["mlm:artifact_type"]  # merged into the asset, not replacing it


def test_a_period_fills_the_datetime_placeholder() -> None:
    found = describe(BUNDLE, start_datetime="2020-01-01T00:00:00Z", end_datetime="2024-01-01T00:00:00Z")
    assert "/properties/datetime" not in {entry.path for entry in found.placeholders}


def test_explicit_null_geometry_counts_as_given() -> None:
    assert "/geometry" not in {entry.path for entry in describe(BUNDLE, geometry=None).placeholders}


def test_band_names_rename_the_channel_dimension_and_define_the_bands() -> None:
    bundle = FIXTURES / "monai" / "breast_density_classification"  # three channels, no names
    found = describe(bundle, **{"properties.mlm:input.0.bands": ["red", "green", "blue"]})
    (model_input,) = found.item["properties"]["mlm:input"]
    assert model_input["input"]["dim_order"][1] == "bands"
    assert [b["name"] for b in found.item["properties"]["bands"]] == ["red", "green", "blue"]
    assert "/properties/mlm:input/0/bands" not in {entry.path for entry in found.placeholders}
    assert found.problems == []


def test_a_json_pointer_path_works_too() -> None:
    found = describe(BUNDLE, **{"/properties/mlm:tasks": [TaskEnum.segmentation.value]})
    assert found.item["properties"]["mlm:tasks"] == [TaskEnum.segmentation.value]


def test_an_override_that_breaks_the_item_is_reported() -> None:
    found = describe(BUNDLE, mlm_tasks=["not-a-task"])
    assert [p.path for p in found.problems] == ["/properties/mlm:tasks/0"]
    assert not found.complete


def test_a_bad_path_is_refused() -> None:
    with pytest.raises(OverrideError, match="not an index"):
        describe(BUNDLE, **{"properties.mlm:input.7.bands": ["a"]})


def test_cli_exit_status_tells_whether_placeholders_are_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "item.json"
    first = run(["describe", str(BUNDLE), "-o", str(out)], capsys)
    assert first.code == 1
    for path in _bundle_placeholders():
        assert f"fill {path}:" in first.err
    assert "3 placeholders to fill" in first.err
    sets = ["--set", f"geometry={json.dumps(GEOMETRY)}", "--set", "properties.datetime=2024-05-01T00:00:00Z"]
    done = run(["describe", str(BUNDLE), "-o", str(out), *sets, "--href", "https://example.com/model.pt"], capsys)
    assert done.code == 0, done.err
    assert "valid MLM" in done.err and "to fill" not in done.err
    item = json.loads(out.read_text("utf-8"))
    assert item["assets"]["model"]["href"] == "https://example.com/model.pt"
    assert item["properties"]["datetime"] == "2024-05-01T00:00:00Z"


def test_cli_reads_a_yaml_overrides_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("yaml")
    file = tmp_path / "fill.yaml"
    file.write_text(
        "geometry: null\nproperties:\n  datetime: '2024-05-01T00:00:00Z'\nassets.model.href: https://x/model.pt\n",
        encoding="utf-8",
    )
    result = run(["describe", str(BUNDLE), "--overrides", str(file)], capsys)
    assert result.code == 0, result.err
    assert json.loads(result.out)["properties"]["datetime"] == "2024-05-01T00:00:00Z"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["describe", "no/such/model.onnx"], "no such file"),
        (["describe", str(REPO / "README.md")], "cannot tell what model"),
        (["describe", str(BUNDLE), "--set", "properties.datetime"], "expected KEY=VALUE"),
        (["describe", str(BUNDLE), "--overrides", "missing.yaml"], "cannot read"),
    ],
)
def test_cli_unusable_input_exits_2_with_a_message(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(argv, capsys)
    assert result.code == 2
    assert message in result.err and "Traceback" not in result.err


def test_missing_extra_names_the_extra_to_install(tmp_path: Path) -> None:
    """Without the onnx package (blocked here), describing an ONNX file says which extra to install."""
    model = tmp_path / "m.onnx"
    model.write_bytes(b"")
    code = (
        "import sys; sys.modules['onnx'] = None\n"
        "from stac_mlm.cli import main\n"
        f"sys.exit(main(['describe', {str(model)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "pip install 'stac-mlm[onnx]'" in result.stderr and "Traceback" not in result.stderr


def test_importing_stac_mlm_loads_no_reader_and_describe_is_a_function() -> None:
    """``stac_mlm.describe`` and ``stac_mlm.check`` are plain functions, bound on import; the readers,
    pydantic and the optional packages load only when a model is described."""
    heavy = ("stac_mlm.describe.item", "stac_mlm.describe.onnx", "stac_mlm.describe.pt2", "onnx", "pydantic", "yaml")
    code = (
        "import sys, types, stac_mlm\n"
        "from stac_mlm.describe import DescribeError\n"
        "import stac_mlm.check\n"
        "assert isinstance(stac_mlm.describe, types.FunctionType), stac_mlm.describe\n"
        "assert isinstance(stac_mlm.check, types.FunctionType), stac_mlm.check\n"
        f"print(sorted(m for m in sys.modules if m.startswith({heavy!r})))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.upstream
def test_official_schema_accepts_a_filled_item(upstream: Path) -> None:
    assert official_errors(describe(BUNDLE, **FILLED).item) == []
