"""Every Item describe writes for the files the tests build validates with ``stac_mlm.validate`` (before
any placeholder is filled), whatever the reader: ONNX (with a scalar input too), safetensors, .pt2, MONAI
bundles and Hugging Face folders."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import stac_mlm
from stac_mlm.describing import describe

from .artifacts import FIXTURES, HF_FOLDERS, MONAI_BUNDLES, classifier_onnx, safetensors_file, scalar_onnx
from .hostile import program, pt2


def _safetensors(folder: Path) -> Path:
    import numpy as np

    return safetensors_file(folder / "w.safetensors", {"fc.weight": np.zeros((4, 3), np.float32)})


def _scalar_pt2(folder: Path) -> Path:
    model = program()
    graph = model["graph_module"]
    graph["graph"]["inputs"].append({"as_tensor": {"name": "scale"}})
    graph["graph"]["tensor_values"]["scale"] = {"dtype": 7, "sizes": [], "requires_grad": False}
    graph["signature"]["input_specs"].append({"user_input": {"arg": {"as_tensor": {"name": "scale"}}}})
    return pt2(folder / "scalar.pt2", model=model)


def _fixture(kind: str, name: str) -> Callable[[Path], Path]:
    def copy(folder: Path) -> Path:
        return Path(shutil.copytree(FIXTURES / kind / name, folder / name))

    return copy


BUILT: dict[str, Callable[[Path], Path]] = {
    "onnx-classifier": lambda folder: classifier_onnx(folder / "classifier.onnx"),
    "onnx-scalar": lambda folder: scalar_onnx(folder / "scalar.onnx"),
    "safetensors": _safetensors,
    "pt2": lambda folder: pt2(folder / "model.pt2"),
    "pt2-scalar": _scalar_pt2,
    **{f"monai-{name}": _fixture("monai", name) for name in MONAI_BUNDLES},
    **{f"hf-{name}": _fixture("hf", name) for name in HF_FOLDERS},
}


@pytest.mark.parametrize("kind", sorted(BUILT))
def test_every_item_describe_writes_validates(tmp_path: Path, kind: str) -> None:
    if kind.startswith(("onnx", "safetensors")):
        pytest.importorskip(kind.split("-")[0], reason=f"the {kind.split('-')[0]} package is not installed")
    found = describe(BUILT[kind](tmp_path))
    assert stac_mlm.validate(found.item) == [], kind
    assert found.problems == []
    shapes = [
        tensor[structure]["shape"]
        for key, structure in (("mlm:input", "input"), ("mlm:output", "result"))
        for tensor in found.item["properties"][key]
    ]
    assert all(shape != [] for shape in shapes), shapes
