"""Small real model files for the describe tests: ONNX graphs built with the onnx helper API, safetensors
files written by the safetensors library, copies of the MONAI and Hugging Face fixtures."""

from __future__ import annotations

import math
import shutil
from pathlib import Path
from typing import Any

from support.paths import REPO
from support.validators import official_validator

FIXTURES = REPO / "tests" / "fixtures" / "describe"
MONAI_BUNDLES = sorted(p.name for p in (FIXTURES / "monai").iterdir() if p.is_dir())
HF_FOLDERS = sorted(p.name for p in (FIXTURES / "hf").iterdir() if p.is_dir())

#: The tiny classifier's layers: name -> shape (float32 weights), plus an int64 shape constant.
CLASSIFIER_WEIGHTS = {"conv.weight": (8, 3, 3, 3), "conv.bias": (8,), "fc.weight": (8, 10), "fc.bias": (10,)}


def classifier_onnx(path: Path, *, batch: Any = "batch", labels: str | None = None, opset: int = 17) -> Path:
    """A small image classifier (Conv, GlobalAveragePool, Reshape, MatMul, Add) as an ONNX file."""
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    inits = [numpy_helper.from_array(np.zeros(s, np.float32), n) for n, s in CLASSIFIER_WEIGHTS.items()]
    inits.append(numpy_helper.from_array(np.array([-1, 8], np.int64), "shape"))
    nodes = [
        helper.make_node("Conv", ["image", "conv.weight", "conv.bias"], ["c"], pads=[1, 1, 1, 1]),
        helper.make_node("GlobalAveragePool", ["c"], ["p"]),
        helper.make_node("Reshape", ["p", "shape"], ["r"]),
        helper.make_node("MatMul", ["r", "fc.weight"], ["m"]),
        helper.make_node("Add", ["m", "fc.bias"], ["logits"]),
    ]
    graph = helper.make_graph(
        nodes,
        "classifier",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, [batch, 3, 32, 32])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [batch, 10])],
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], producer_name="tests")
    if labels is not None:
        helper.set_model_props(model, {"id2label": labels})
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, str(path))
    return path


def scalar_onnx(path: Path) -> Path:
    """A graph with a scalar (rank 0) input beside a batched one, as voice-activity detectors take their
    sample rate: ``audio`` [batch, 64] float32 and ``rate`` [] int64, one output ``scaled``."""
    import onnx
    from onnx import TensorProto, helper

    nodes = [
        helper.make_node("Cast", ["rate"], ["rate_f"], to=TensorProto.FLOAT),
        helper.make_node("Mul", ["audio", "rate_f"], ["scaled"]),
    ]
    graph = helper.make_graph(
        nodes,
        "scalar",
        [
            helper.make_tensor_value_info("audio", TensorProto.FLOAT, ["batch", 64]),
            helper.make_tensor_value_info("rate", TensorProto.INT64, []),
        ],
        [helper.make_tensor_value_info("scaled", TensorProto.FLOAT, ["batch", 64])],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="tests")
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, str(path))
    return path


def classifier_parameters() -> int:
    return sum(math.prod(shape) for shape in CLASSIFIER_WEIGHTS.values())


def safetensors_file(path: Path, tensors: dict[str, Any], fmt: str | None = "pt") -> Path:
    from safetensors.numpy import save_file

    save_file(tensors, str(path), metadata={"format": fmt} if fmt else None)
    return path


def copy_fixture(kind: str, name: str, target: Path) -> Path:
    destination = target / name
    shutil.copytree(FIXTURES / kind / name, destination)
    return destination


def official_errors(item: dict[str, Any]) -> list[str]:
    """What the official v1.5.2 JSON Schema finds wrong with ``item`` (with the extension schemas it uses)."""
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in official_validator().iter_errors(item))
