"""describe() on real MONAI model-zoo bundles (configs only; see tests/fixtures/describe/PROVENANCE.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from stac_mlm.describe import DescribeError, describe
from stac_mlm.models import FrameworkEnum, TaskEnum

from .artifacts import FIXTURES, MONAI_BUNDLES, copy_fixture, official_errors


def _metadata(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "monai" / name / "configs" / "metadata.json").read_text("utf-8"))
    return data


def _expected_shape(spec: dict[str, Any]) -> list[int]:
    sizes = [s if isinstance(s, int) else -1 for s in spec["spatial_shape"]]
    return [-1, spec["num_channels"], *sizes]


@pytest.mark.parametrize("name", MONAI_BUNDLES)
def test_tensors_follow_network_data_format(name: str) -> None:
    data_format = _metadata(name)["network_data_format"]
    props = describe(FIXTURES / "monai" / name).item["properties"]
    for key, kind, structure in (("mlm:input", "inputs", "input"), ("mlm:output", "outputs", "result")):
        specs = data_format[kind]
        assert [t["name"] for t in props[key]] == list(specs)
        for tensor, spec in zip(props[key], specs.values(), strict=True):
            assert tensor[structure]["shape"] == _expected_shape(spec)
            assert tensor[structure]["data_type"] == spec["dtype"]
            assert len(tensor[structure]["dim_order"]) == len(tensor[structure]["shape"])


@pytest.mark.parametrize("name", MONAI_BUNDLES)
def test_channel_definitions_become_classes_or_band_names(name: str) -> None:
    data_format = _metadata(name)["network_data_format"]
    props = describe(FIXTURES / "monai" / name).item["properties"]
    for tensor, spec in zip(props["mlm:output"], data_format["outputs"].values(), strict=True):
        labels = spec.get("channel_def", {})
        if len(labels) == spec["num_channels"]:
            assert [(c["value"], c["name"]) for c in tensor["classification:classes"]] == [
                (int(k), v) for k, v in sorted(labels.items(), key=lambda kv: int(kv[0]))
            ]
    for tensor, spec in zip(props["mlm:input"], data_format["inputs"].values(), strict=True):
        labels = spec.get("channel_def", {})
        if len(labels) == spec["num_channels"]:
            assert tensor["bands"] == [labels[k] for k in sorted(labels, key=int)]
            assert "bands" in tensor["input"]["dim_order"]
            assert [b["name"] for b in props["bands"]] == list(dict.fromkeys(tensor["bands"]))
        else:  # names that do not match the channel count are not taken as band names
            assert "bands" not in tensor


@pytest.mark.parametrize("name", MONAI_BUNDLES)
def test_metadata_gives_name_versions_tasks_and_architecture(name: str) -> None:
    metadata = _metadata(name)
    inference = json.loads((FIXTURES / "monai" / name / "configs" / "inference.json").read_text("utf-8"))
    props = describe(FIXTURES / "monai" / name).item["properties"]
    assert props["mlm:name"] == metadata["name"]
    assert props["mlm:framework"] == FrameworkEnum.PyTorch.value
    assert props["mlm:framework_version"] == metadata["pytorch_version"]
    assert props["mlm:architecture"] == inference["network_def"]["_target_"]
    assert props["mlm:tasks"], "every bundle here states its task"
    assert set(props["mlm:tasks"]) <= {member.value for member in TaskEnum}
    words = metadata["task"].lower()
    assert any(task.split("-")[-1] in words for task in props["mlm:tasks"])


@pytest.mark.parametrize("name", MONAI_BUNDLES)
def test_without_weights_the_model_href_is_a_placeholder(name: str) -> None:
    found = describe(FIXTURES / "monai" / name)
    assert "/assets/model/href" in {entry.path for entry in found.placeholders}
    assert found.item["assets"]["model"]["href"] == "models/model.pt"
    assert found.problems == []


def test_with_weights_the_model_asset_points_at_them(tmp_path: Path) -> None:
    bundle = copy_fixture("monai", MONAI_BUNDLES[0], tmp_path)
    (bundle / "models").mkdir()
    (bundle / "models" / "model.ts").write_bytes(b"stand-in")
    found = describe(bundle, relative_to=bundle)
    asset = found.item["assets"]["model"]
    assert asset["href"] == "models/model.ts"
    assert asset["mlm:artifact_type"] == "torch.jit.save"
    assert "/assets/model/href" not in {entry.path for entry in found.placeholders}


def test_the_metadata_file_itself_can_be_named(tmp_path: Path) -> None:
    bundle = FIXTURES / "monai" / MONAI_BUNDLES[0]
    assert describe(bundle / "configs" / "metadata.json").item == describe(bundle).item


@pytest.mark.upstream
@pytest.mark.parametrize("name", MONAI_BUNDLES)
def test_official_schema_accepts_the_result(name: str, upstream: Path) -> None:
    assert official_errors(describe(FIXTURES / "monai" / name).item) == []


@pytest.mark.parametrize(
    "data_format",
    [
        {"inputs": [], "outputs": "pred"},
        {"inputs": {"image": {"num_channels": "3", "spatial_shape": "96", "channel_def": ["a"]}}, "outputs": {}},
        {"inputs": {"image": None}, "outputs": {"pred": {"num_channels": 2, "spatial_shape": [64, "8*n"]}}},
    ],
)
def test_odd_metadata_gives_a_valid_draft_with_placeholders(tmp_path: Path, data_format: dict[str, Any]) -> None:
    configs = tmp_path / "bundle" / "configs"
    configs.mkdir(parents=True)
    (configs / "metadata.json").write_text(json.dumps({"network_data_format": data_format}), encoding="utf-8")
    found = describe(tmp_path / "bundle")
    assert found.problems == []
    assert found.placeholders


def test_malformed_metadata_is_refused(tmp_path: Path) -> None:
    configs = tmp_path / "bundle" / "configs"
    configs.mkdir(parents=True)
    (configs / "metadata.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DescribeError, match=r"metadata\.json: is not valid JSON"):
        describe(tmp_path / "bundle")


@pytest.mark.parametrize(
    ("given", "expected"),
    [("1.13", "1.13.0"), ("2.4.0+cu121", "2.4.0+cu121"), ("1.10.0a0+ecc3718", "1.10.0-a0+ecc3718")],
)
def test_python_versions_become_semantic_versions(tmp_path: Path, given: str, expected: str) -> None:
    bundle = copy_fixture("monai", MONAI_BUNDLES[0], tmp_path)
    metadata = _metadata(MONAI_BUNDLES[0])
    metadata["pytorch_version"] = given
    (bundle / "configs" / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    found = describe(bundle)
    assert found.item["properties"]["mlm:framework_version"] == expected
    assert found.problems == []


def _transforms(name: str) -> list[dict[str, Any]]:
    inference = json.loads((FIXTURES / "monai" / name / "configs" / "inference.json").read_text("utf-8"))
    return [t for t in inference.get("preprocessing", {}).get("transforms", []) if isinstance(t, dict)]


@pytest.mark.parametrize("name", MONAI_BUNDLES)
def test_fixed_intensity_ranges_become_value_scaling(name: str) -> None:
    """A ScaleIntensityRange(d) onto [0, 1] is a min-max scaling of its a_min, a_max; per-image scalings are
    noted and never written as fixed numbers."""
    found = describe(FIXTURES / "monai" / name)
    model_input = found.item["properties"]["mlm:input"][0]
    ranges = [t for t in _transforms(name) if str(t["_target_"]).startswith("ScaleIntensityRange")]
    if ranges and (ranges[0]["b_min"], ranges[0]["b_max"]) == (0, 1):
        expected = {"type": "min-max", "minimum": ranges[0]["a_min"], "maximum": ranges[0]["a_max"]}
        assert model_input["value_scaling"] == [expected]
    else:
        assert "value_scaling" not in model_input
    per_image = [t for t in _transforms(name) if t["_target_"] in ("ScaleIntensityd", "NormalizeIntensityd")]
    noted = [n for n in found.assumed if n.path.endswith("/value_scaling") and "its own values" in n.detail]
    assert len(noted) == len(per_image)
