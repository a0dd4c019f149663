"""ONNX files: inputs, outputs, shapes and element types from the graph, parameters from its initializers,
the framework version from the operator set, labels from the metadata properties."""

from __future__ import annotations

import ast
import importlib
import json
import math
from pathlib import Path
from typing import Any

from . import vocab
from .facts import DescribeError, Facts, MissingExtra, Note, classes, dims_for, tensor

MEDIA_TYPE = "application/octet-stream; application=onnx"
#: Metadata property keys that hold a label map ({index: label}, as JSON or a Python literal).
LABEL_KEYS = ("id2label", "labels", "names", "classes")


def _onnx() -> Any:
    try:
        return importlib.import_module("onnx")
    except ImportError:
        raise MissingExtra("describing an ONNX model", "onnx", "onnx") from None


def _shape(value_info: Any) -> list[int] | None:
    kind = value_info.type.WhichOneof("value")
    if kind != "tensor_type" or not value_info.type.tensor_type.HasField("shape"):
        return None
    return [d.dim_value if d.HasField("dim_value") else -1 for d in value_info.type.tensor_type.shape.dim]


def _data_type(onnx: Any, value_info: Any) -> str:
    element = value_info.type.tensor_type.elem_type
    try:
        return vocab.data_type(onnx.helper.tensor_dtype_to_np_dtype(element).name)
    except (KeyError, TypeError, ValueError):
        return vocab.data_type("")


def _tensors(onnx: Any, values: Any, output: bool, notes: list[Note], key: str) -> list[dict[str, Any]] | None:
    found = []
    for index, value in enumerate(values):
        shape = _shape(value)
        if shape is None:
            return None
        dims = dims_for(len(shape), output) if shape else None
        if dims is None:
            dims = [f"dim_{chr(ord('a') + i)}" for i in range(len(shape))] or ["value"]
            shape = shape or [1]
        layout = ", ".join(dims)
        notes.append(
            Note(f"/properties/{key}/{index}", f"dimension order {layout}: the usual layout (ONNX names none)")
        )
        found.append(
            tensor(
                value.name or f"{'output' if output else 'input'}_{index}",
                shape,
                dims,
                _data_type(onnx, value),
                output=output,
            )
        )
    return found


def _labels(metadata: dict[str, str]) -> list[dict[str, Any]]:
    for key in LABEL_KEYS:
        if key not in metadata:
            continue
        try:
            value = json.loads(metadata[key])
        except ValueError:
            try:
                value = ast.literal_eval(metadata[key])  # e.g. "{0: 'person', 1: 'bicycle'}"
            except (ValueError, SyntaxError, MemoryError, RecursionError):
                continue
        if isinstance(value, list):
            value = dict(enumerate(value))
        if isinstance(value, dict) and (found := classes(value)):
            return found
    return []


def _onnx_release(onnx: Any, opset: int | None) -> str | None:
    """The first ONNX release that knows the model's default-domain operator set."""
    if opset is None:
        return None
    for release, _ir, ai_onnx, *_ in onnx.helper.VERSION_TABLE:
        if ai_onnx >= opset:
            return str(release)
    return None


def read(path: Path) -> Facts:
    """The facts of an ONNX model file."""
    onnx = _onnx()
    try:
        model = onnx.load(str(path), load_external_data=False)
    except Exception as error:  # protobuf raises its own DecodeError; any failure means "not ONNX"
        raise DescribeError(f"{path}: not a readable ONNX model ({type(error).__name__}: {error})") from error
    graph = model.graph
    weights = {init.name for init in graph.initializer}
    notes: list[Note] = []
    inputs = _tensors(onnx, [v for v in graph.input if v.name not in weights], False, notes, "mlm:input")
    outputs = _tensors(onnx, list(graph.output), True, notes, "mlm:output")
    # Weights are initializers; int64, bool and string ones are shapes, indices and flags, not parameters.
    not_weights = {onnx.TensorProto.INT64, onnx.TensorProto.BOOL, onnx.TensorProto.STRING}
    parameters = sum(math.prod(init.dims) for init in graph.initializer if init.data_type not in not_weights)
    metadata = {prop.key: prop.value for prop in model.metadata_props}
    labels = _labels(metadata)
    if labels and outputs:
        outputs[0]["classification:classes"] = labels
    opset = next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), None)
    properties: dict[str, Any] = {}
    text = model.doc_string or graph.doc_string
    producer = " ".join(p for p in (model.producer_name, model.producer_version) if p)
    if text or producer:
        properties["description"] = text or f"ONNX model exported by {producer}."
    return Facts(
        source="ONNX model",
        name=metadata.get("name") or path.stem,
        architecture=metadata.get("architecture"),
        tasks=vocab.tasks_in([metadata.get("task", "")]),
        framework="onnx",
        framework_version=_onnx_release(onnx, opset),
        total_parameters=parameters,
        inputs=inputs,
        outputs=outputs,
        artifact=path,
        artifact_type=vocab.artifact_type_for(".onnx"),
        media_type=MEDIA_TYPE,
        properties=properties,
        notes=notes,
    )
