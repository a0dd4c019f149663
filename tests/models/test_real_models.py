"""describe and check on real models that PyPI packages ship inside their wheels, read from site-packages.

Runs in `nox -s tests_models`, which installs the packages below (without their dependencies: only their
files are read). Every expectation is computed here from the file itself with onnx, safetensors or the
package's own config, never copied from describe's output. A package that is not installed skips its tests
with the reason.

Provenance (package, version, file inside the package, SHA-256 of the file):
"""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import stac_mlm
from stac_mlm.describe import describe


@dataclass(frozen=True)
class Shipped:
    package: str  # the distribution on PyPI
    version: str
    module: str  # the import name whose folder holds the file
    path: str  # inside that folder
    sha256: str
    domain: str

    def file(self) -> Path:
        spec = importlib.util.find_spec(self.module)
        if spec is None or not spec.submodule_search_locations:
            pytest.skip(f"{self.package}=={self.version} is not installed (nox -s tests_models installs it)")
        found = Path(next(iter(spec.submodule_search_locations))) / self.path
        if not found.is_file():
            pytest.skip(f"{self.package}: {self.path} not found in the installed package")
        return found


MODELS = {
    "ocr-det": Shipped(
        "rapidocr-onnxruntime", "1.4.4", "rapidocr_onnxruntime", "models/ch_PP-OCRv4_det_infer.onnx",
        "d2a7720d45a54257208b1e13e36a8479894cb74155a5efe29462512d42f49da9", "OCR text detection",
    ),
    "ocr-rec": Shipped(
        "rapidocr-onnxruntime", "1.4.4", "rapidocr_onnxruntime", "models/ch_PP-OCRv4_rec_infer.onnx",
        "48fc40f24f6d2a207a2b1091d3437eb3cc3eb6b676dc3ef9c37384005483683b", "OCR text recognition (CTC)",
    ),
    "ocr-cls": Shipped(
        "rapidocr-onnxruntime", "1.4.4", "rapidocr_onnxruntime", "models/ch_ppocr_mobile_v2.0_cls_infer.onnx",
        "e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c", "OCR text orientation",
    ),
    "vad": Shipped(
        "silero-vad", "6.2.3", "silero_vad", "data/silero_vad.onnx",
        "1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3", "voice activity (If sub-graphs)",
    ),
    "vad-op15": Shipped(
        "silero-vad", "6.2.3", "silero_vad", "data/silero_vad_16k_op15.onnx",
        "7ed98ddbad84ccac4cd0aeb3099049280713df825c610a8ed34543318f1b2c49", "voice activity, 16 kHz",
    ),
    "vad-sequence": Shipped(
        "silero-vad", "6.2.3", "silero_vad", "data/silero_vad_16k_sequence.onnx",
        "9ccdacc4719d8aa7e45a77536bfabec45a03ba1f2fad5e241ab4060b24238a85", "voice activity, sequence",
    ),
    "vad-half": Shipped(
        "silero-vad", "6.2.3", "silero_vad", "data/silero_vad_half.onnx",
        "1e0b195ad4806595ef4466f419d16fca7e4afcfc6669b8c0b5f76ea87547c769", "voice activity, float16",
    ),
    "vad-ifless": Shipped(
        "silero-vad", "6.2.3", "silero_vad", "data/silero_vad_op18_ifless.onnx",
        "7671cd04b004e9076da0d4a7b1a5aec36adf161c39230c1cb94a4fd5db6bbd28", "voice activity, opset 18",
    ),
    "vad-openvino": Shipped(
        "silero-vad", "6.2.3", "silero_vad", "data/silero_vad_openvino_16k.onnx",
        "7776b81ad1b0350c15d7f1555943b9232eb53e9ca5d989c6d0cea9ebc8664d87", "voice activity, fixed shapes",
    ),
    "content-type": Shipped(
        "magika", "1.0.3", "magika", "models/standard_v3_3/model.onnx",
        "fe2d2eb49c5f88a9e0a6c048e15d6ffdf86235519c2afc535044de433169ec8c", "file content type (tf2onnx)",
    ),
}  # fmt: skip
TORCHSCRIPT = Shipped(
    "silero-vad", "6.2.3", "silero_vad", "data/silero_vad.jit",
    "e1122837f4154c511485fe0b9c64455f7b929c96fbb8d79fbdb336383ebd3720", "voice activity, TorchScript",
)  # fmt: skip
SAFETENSORS = Shipped(
    "silero-vad", "6.2.3", "silero_vad", "data/silero_vad_16k.safetensors",
    "c59271c284ae9c8335d795d60e0bfdb71aaaceec578d9bd9ffc1b8153c319ea1", "voice activity, weights",
)  # fmt: skip

onnx = pytest.importorskip("onnx", reason="the onnx package is not installed (pip install 'stac-mlm[onnx]')")
from onnx import numpy_helper  # noqa: E402


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _graphs(graph: Any) -> list[Any]:
    found, stack = [], [graph]
    while stack:
        current = stack.pop()
        found.append(current)
        for node in current.node:
            for attribute in node.attribute:
                stack += [attribute.g] if attribute.HasField("g") else []
                stack += list(attribute.graphs)
    return found


def graph_parameters(model: Any) -> int:
    """Float weights in initializers and Constant nodes of every (sub-)graph, decoded with numpy (so a
    tensor whose dims disagree with its data fails here too)."""
    total = 0
    for graph in _graphs(model.graph):
        tensors = list(graph.initializer)
        tensors += [a.t for n in graph.node if n.op_type == "Constant" for a in n.attribute if a.HasField("t")]
        total += sum(numpy_helper.to_array(t).size for t in tensors if numpy_helper.to_array(t).dtype.kind in "fc")
    return total


def io_of(model: Any) -> dict[str, tuple[list[int], list[str | None], str]]:
    """Per graph input (not initializer) and output: sizes (-1 when not fixed), axis names, numpy dtype."""
    weights = {t.name for t in model.graph.initializer}
    found = {}
    for value in [*model.graph.input, *model.graph.output]:
        if value.name in weights:
            continue
        dims = value.type.tensor_type.shape.dim
        dtype = onnx.helper.tensor_dtype_to_np_dtype(value.type.tensor_type.elem_type).name
        found[value.name] = (
            [d.dim_value if d.HasField("dim_value") else -1 for d in dims],
            [d.dim_param or None for d in dims],
            dtype,
        )
    return found


@pytest.fixture(scope="module", params=sorted(MODELS))
def shipped(request: pytest.FixtureRequest) -> tuple[Shipped, Path, Any]:
    entry = MODELS[request.param]
    path = entry.file()
    assert _sha256(path) == entry.sha256, f"{entry.package}=={entry.version}: {entry.path} is not the file recorded"
    found = describe(path)
    return entry, path, found


def test_tensors_are_the_graph_s(shipped: tuple[Shipped, Path, Any]) -> None:
    _entry, path, found = shipped
    graph = io_of(onnx.load(str(path)))
    props = found.item["properties"]
    described = {t["name"]: t["input"] for t in props["mlm:input"]}
    described |= {t["name"]: t["result"] for t in props["mlm:output"]}
    assert set(described) == set(graph)
    for name, (shape, _axes, dtype) in graph.items():
        assert described[name]["shape"] == shape, name
        assert described[name]["data_type"] == dtype, name


def test_parameters_count_every_weight_of_every_sub_graph(shipped: tuple[Shipped, Path, Any]) -> None:
    _entry, path, found = shipped
    expected = graph_parameters(onnx.load(str(path)))
    assert expected > 0
    assert found.item["properties"]["mlm:total_parameters"] == expected


def test_axis_names_come_from_the_file(shipped: tuple[Shipped, Path, Any]) -> None:
    """Every axis the file names with a word of MLM's form keeps that word (or its MLM name); no axis the
    file leaves unnamed gets a confident name unless the layout shows it or it is the batch."""
    _entry, path, found = shipped
    graph = io_of(onnx.load(str(path)))
    props = found.item["properties"]
    orders = {t["name"]: t["input"]["dim_order"] for t in props["mlm:input"]}
    orders |= {t["name"]: t["result"]["dim_order"] for t in props["mlm:output"]}
    for name, (_shape, axes, _dtype) in graph.items():
        for axis, written in zip(axes, orders[name], strict=True):
            if axis in ("batch", "sequence", "sequence_length"):
                assert written == axis, (name, axes, orders[name])


def test_size_and_checksum_are_the_file_s(shipped: tuple[Shipped, Path, Any]) -> None:
    entry, path, found = shipped
    asset = found.item["assets"]["model"]
    assert asset["file:size"] == path.stat().st_size
    assert asset["file:checksum"] == "1220" + entry.sha256
    assert any("/file/" in url for url in found.item["stac_extensions"])


def test_check_agrees_with_describe_and_catches_tampering(shipped: tuple[Shipped, Path, Any]) -> None:
    _entry, path, found = shipped
    item = found.item
    assert stac_mlm.check(item, path).agrees
    changed = copy.deepcopy(item)
    first = changed["properties"]["mlm:input"][0]["input"]
    first["shape"] = [*first["shape"], 5]
    assert [d.path for d in stac_mlm.check(changed, path).disagreements] == ["/properties/mlm:input/0/input/shape"]
    changed = copy.deepcopy(item)
    changed["properties"]["mlm:output"][0]["result"]["data_type"] = "cfloat64"
    assert [d.path for d in stac_mlm.check(changed, path).disagreements] == [
        "/properties/mlm:output/0/result/data_type"
    ]
    changed = copy.deepcopy(item)
    changed["assets"]["model"]["file:checksum"] = "1220" + "0" * 64
    assert [d.path for d in stac_mlm.check(changed, path).disagreements] == ["/assets/model/file:checksum"]


def test_the_recogniser_s_alphabet_names_its_classes() -> None:
    path = MODELS["ocr-rec"].file()
    model = onnx.load(str(path))
    alphabet = next(p.value for p in model.metadata_props if p.key == "character").splitlines()
    (output,) = describe(path).item["properties"]["mlm:output"]
    names = [c["name"] for c in output["classification:classes"]]
    assert len(names) == output["result"]["shape"][-1] == len(alphabet) + 2  # blank first, space last (CTC)
    assert names[1:-1] == [c.strip() or names[1 + i] for i, c in enumerate(alphabet)]


def test_the_content_type_classifier_s_labels_come_from_its_config() -> None:
    path = MODELS["content-type"].file()
    labels = json.loads((path.parent / "config.min.json").read_text(encoding="utf-8"))["target_labels_space"]
    found = describe(path)
    (output,) = found.item["properties"]["mlm:output"]
    assert [c["name"] for c in output["classification:classes"]] == labels
    assert any("config.min.json" in note.detail for note in found.assumed)  # provenance


def test_a_recurrent_state_is_not_asked_for_band_names() -> None:
    found = describe(MODELS["vad"].file())
    assert not any(p.path.endswith("/bands") for p in found.placeholders)
    state = next(t for t in found.item["properties"]["mlm:input"] if t["name"] == "state")
    assert "/properties/mlm:input/1/input/dim_order" in {p.path for p in found.placeholders}
    assert state["input"]["dim_order"][0] != "batch"  # a fixed 2 in front: not a batch


def test_torchscript_metadata_is_read_without_loading() -> None:
    entry = TORCHSCRIPT
    path = entry.file()
    found = describe(path)
    asset = found.item["assets"]["model"]
    assert asset["mlm:artifact_type"] == "torch.jit.save"
    assert asset["file:checksum"] == "1220" + entry.sha256
    assert found.item["properties"]["mlm:architecture"] != "unknown"
    assert "/properties/mlm:input" in {p.path for p in found.placeholders}  # TorchScript stores no shapes


def test_safetensors_parameters_are_the_header_s() -> None:
    safetensors = pytest.importorskip("safetensors", reason="safetensors is not installed")
    path = SAFETENSORS.file()
    with safetensors.safe_open(str(path), framework="numpy") as weights:
        tensors = {k: (weights.get_slice(k).get_shape(), weights.get_slice(k).get_dtype()) for k in weights.keys()}  # noqa: SIM118
    statistics = ("running_mean", "running_var")  # BatchNorm buffers, not parameters
    expected = sum(
        math.prod(shape)
        for k, (shape, dtype) in tensors.items()
        if dtype.startswith(("F", "BF")) and not k.endswith(statistics)
    )
    assert describe(path).item["properties"]["mlm:total_parameters"] == expected
