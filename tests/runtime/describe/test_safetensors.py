"""describe() on safetensors files written here with the safetensors library."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from stac_mlm.describing import describe
from stac_mlm.models import ArtifactTypeEnum, FrameworkEnum

from .artifacts import official_errors, safetensors_file

np = pytest.importorskip("numpy")
pytest.importorskip("safetensors", reason="safetensors is not installed (pip install 'stac-mlm[hf]')")

WEIGHTS = {"conv.weight": (8, 3, 3, 3), "conv.bias": (8,), "bn.weight": (8,), "bn.bias": (8,)}
BUFFERS = {"bn.running_mean": (8,), "bn.running_var": (8,)}


def _tensors() -> dict[str, object]:
    tensors = {name: np.ones(shape, np.float32) for name, shape in {**WEIGHTS, **BUFFERS}.items()}
    tensors["bn.num_batches_tracked"] = np.zeros((), np.int64)
    return tensors


def test_parameters_are_the_weight_tensors(tmp_path: Path) -> None:
    props = describe(safetensors_file(tmp_path / "w.safetensors", _tensors())).item["properties"]
    assert props["mlm:total_parameters"] == sum(math.prod(s) for s in WEIGHTS.values())


@pytest.mark.parametrize(("fmt", "writer"), [("pt", "torch"), ("tf", "tensorflow"), ("flax", "flax")])
def test_format_names_framework_and_artifact_type(tmp_path: Path, fmt: str, writer: str) -> None:
    found = describe(safetensors_file(tmp_path / "w.safetensors", _tensors(), fmt))
    artifact_type = found.item["assets"]["model"]["mlm:artifact_type"]
    assert artifact_type == f"safetensors.{writer}.save_file"
    assert artifact_type in {member.value for member in ArtifactTypeEnum}
    assert found.item["properties"]["mlm:framework"] in {member.value for member in FrameworkEnum}


def test_a_file_without_format_is_taken_as_pytorch_and_says_so(tmp_path: Path) -> None:
    found = describe(safetensors_file(tmp_path / "w.safetensors", _tensors(), None))
    assert found.item["assets"]["model"]["mlm:artifact_type"] == "safetensors.torch.save_file"
    assert [note.path for note in found.assumed] == ["/assets/model/mlm:artifact_type"]


def test_inputs_and_outputs_are_placeholders(tmp_path: Path) -> None:
    found = describe(safetensors_file(tmp_path / "w.safetensors", _tensors()))
    left = {entry.path for entry in found.placeholders}
    assert {"/properties/mlm:input", "/properties/mlm:output"} <= left
    assert found.problems == []


@pytest.mark.upstream
def test_official_schema_accepts_the_result(tmp_path: Path, upstream: Path) -> None:
    assert official_errors(describe(safetensors_file(tmp_path / "w.safetensors", _tensors())).item) == []
