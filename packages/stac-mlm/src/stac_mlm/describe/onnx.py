"""ONNX files: inputs, outputs, shapes, axis names and element types from the graph; parameters counted
from the initializers and ``Constant`` nodes of the graph and of every sub-graph (``If``, ``Loop``,
``Scan``...), each checked against the data it stores; producer, operator set and metadata as recorded.

The file is read through ``stac_mlm.reading`` (byte cap) and parsed from memory; metadata values are read as
strict JSON or as plain lists, never evaluated.
"""

from __future__ import annotations

import importlib
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import reading, vocab
from .facts import DescribeError, Facts, MissingExtra, Note, classes, shaped

MEDIA_TYPE = "application/octet-stream; application=onnx"
#: Largest ONNX file read (protobuf itself stops at 2 GiB).
MAX_BYTES = 2 * 2**30
#: Largest metadata value parsed for labels; larger values are skipped.
MAX_METADATA_VALUE = 16 * 2**20
#: Metadata property keys that may hold class names: a label map ({index: label}) or a list.
LABEL_KEYS = ("id2label", "labels", "names", "classes", "class_names", "character", "characters", "vocab")
#: Metadata keys of recogniser alphabets decoded with CTC: the class added before and after the characters
#: (PaddleOCR's recognisers: a blank class first, a space last).
CTC_ALPHABETS = {"character": ("blank", "space")}
#: Words that exporters write as the task, for MLM task names that do not contain them.
TASK_WORDS = {"classify": "classification", "detect": "object-detection", "segment": "segmentation"}
#: Element types that hold shapes, indices, flags or text rather than weights.
_NOT_WEIGHTS = ("INT64", "INT32", "BOOL", "STRING")
#: The typed field of a TensorProto for each element type, when the data is not in raw_data.
_FIELDS = {
    "FLOAT": "float_data",
    "COMPLEX64": "float_data",
    "DOUBLE": "double_data",
    "COMPLEX128": "double_data",
    "INT64": "int64_data",
    "UINT32": "uint64_data",
    "UINT64": "uint64_data",
    "STRING": "string_data",
}


def _onnx() -> Any:
    try:
        return importlib.import_module("onnx")
    except ImportError:
        raise MissingExtra("describing an ONNX model", "onnx", "onnx") from None


def _axes(value_info: Any) -> tuple[list[int], list[str | None]] | None:
    """Sizes (-1 where the size varies) and the file's axis names of a graph input or output."""
    if value_info.type.WhichOneof("value") != "tensor_type" or not value_info.type.tensor_type.HasField("shape"):
        return None
    dims = value_info.type.tensor_type.shape.dim
    sizes = [d.dim_value if d.HasField("dim_value") else -1 for d in dims]
    names = [d.dim_param if d.HasField("dim_param") else None for d in dims]
    return sizes, names


def _data_type(onnx: Any, element: int) -> str:
    try:
        return vocab.data_type(onnx.helper.tensor_dtype_to_np_dtype(element).name)
    except (KeyError, TypeError, ValueError):
        return vocab.data_type("")


def _graphs(onnx: Any, graph: Any) -> Iterator[Any]:
    """The graph and every sub-graph held in node attributes, depth first (no recursion)."""
    stack = [graph]
    while stack:
        current = stack.pop()
        yield current
        for node in current.node:
            for attribute in node.attribute:
                if attribute.type == onnx.AttributeProto.GRAPH:
                    stack.append(attribute.g)
                elif attribute.type == onnx.AttributeProto.GRAPHS:
                    stack.extend(attribute.graphs)


def _stored(onnx: Any, proto: Any) -> int | None:
    """How many elements a TensorProto stores (None: kept in an external file)."""
    if proto.data_location == onnx.TensorProto.EXTERNAL:
        return None
    kind = onnx.TensorProto.DataType.Name(proto.data_type)
    if proto.HasField("raw_data"):
        size = onnx.helper.tensor_dtype_to_np_dtype(proto.data_type).itemsize
        return len(proto.raw_data) // size if size else None
    field = _FIELDS.get(kind, "int32_data")
    count = len(getattr(proto, field))
    return count // 2 if kind.startswith("COMPLEX") else count


def _count(onnx: Any, proto: Any, where: str) -> int:
    """Elements of a weight tensor, after checking its dims against the data it stores."""
    dims = [int(d) for d in proto.dims]
    if any(d < 0 for d in dims):
        raise DescribeError(f"{where}: tensor {proto.name!r} declares a negative dimension {dims}")
    declared: int = math.prod(dims)
    stored = _stored(onnx, proto)
    if stored is not None and stored != declared:
        raise DescribeError(
            f"{where}: tensor {proto.name!r} declares dims {dims} ({declared} values) but stores {stored}"
        )
    if stored is None:
        length = next((int(e.value) for e in proto.external_data if e.key == "length" and e.value.isdigit()), None)
        size = onnx.helper.tensor_dtype_to_np_dtype(proto.data_type).itemsize
        if length is not None and length != declared * size:
            raise DescribeError(
                f"{where}: tensor {proto.name!r} declares dims {dims} but its external data holds {length} bytes"
            )
    return declared


def parameters(onnx: Any, graph: Any, where: str) -> int:
    """Weights in the initializers, sparse initializers and ``Constant`` nodes of the graph and its
    sub-graphs; integer, boolean and string tensors (shapes, indices, flags) are not counted."""
    skip = {getattr(onnx.TensorProto, name) for name in _NOT_WEIGHTS}
    total = 0
    for current in _graphs(onnx, graph):
        tensors = list(current.initializer) + [s.values for s in current.sparse_initializer]
        for node in current.node:
            if node.op_type == "Constant" and node.domain in ("", "ai.onnx"):
                tensors += [a.t for a in node.attribute if a.type == onnx.AttributeProto.TENSOR]
                tensors += [a.sparse_tensor.values for a in node.attribute if a.name == "sparse_value"]
                floats = [a for a in node.attribute if a.name == "value_floats"]
                total += sum(len(a.floats) for a in floats)
        for proto in tensors:
            counted = _count(onnx, proto, where)
            total += counted if proto.data_type not in skip else 0
    return total


def _listed(text: str) -> list[str] | None:
    """Class names in a metadata value: a JSON list or object, a Python-style ``{0: 'a', 1: 'b'}`` map read
    by pattern (never evaluated), or one name per line."""
    if len(text) > MAX_METADATA_VALUE:
        return None
    try:
        value = reading.parse_json(text, "metadata", max_depth=4)
    except reading.InputError:
        value = None
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return [str(v) for v in value]
    if isinstance(value, dict):
        return [c["name"] for c in classes(value)] or None
    pairs = re.findall(r"(\d+)\s*:\s*(?:'([^']*)'|\"([^\"]*)\")", text)
    if pairs and text.lstrip().startswith("{"):
        return [c["name"] for c in classes({int(k): a or b for k, a, b in pairs})]
    lines = text.splitlines()
    return lines if len(lines) > 1 else None


def _class_count(output: dict[str, Any]) -> int | None:
    dims, shape = output["result"]["dim_order"], output["result"]["shape"]
    if "class" in dims and shape[dims.index("class")] > 0:
        return int(shape[dims.index("class")])
    return shape[-1] if shape and shape[-1] > 0 else None


def labels(metadata: dict[str, str], outputs: list[dict[str, Any]], notes: list[Note]) -> None:
    """``classification:classes`` on the first output whose class count equals the length of a list in the
    metadata (the key is noted as provenance); a label map is used as it is when no output size says more."""
    for key in LABEL_KEYS:
        names = _listed(metadata[key]) if key in metadata else None
        if not names:
            continue
        for index, output in enumerate(outputs):
            count = _class_count(output)
            found, how = names, f"metadata {key!r}"
            if key in CTC_ALPHABETS and count == len(names) + len(CTC_ALPHABETS[key]):
                first, last = CTC_ALPHABETS[key]
                found, how = [first, *names, last], f"metadata {key!r} with {first} first and {last} last (CTC)"
            if count == len(found) or (count is None and index == 0):
                output["classification:classes"] = classes(dict(enumerate(found)))
                notes.append(Note(f"/properties/mlm:output/{index}/classification:classes", how))
                return
        notes.append(
            Note("/properties/mlm:output", f"metadata {key!r} lists {len(names)} names; no output has that size")
        )


def _onnx_release(onnx: Any, opset: int | None) -> str | None:
    """The first ONNX release that knows the model's default-domain operator set."""
    if opset is None:
        return None
    for release, _ir, ai_onnx, *_ in onnx.helper.VERSION_TABLE:
        if ai_onnx >= opset:
            return str(release)
    return None


def _tensors(onnx: Any, values: list[Any], output: bool, facts: Facts, source: str) -> list[dict[str, Any]] | None:
    """MLM tensor objects for graph inputs or outputs; None (left to fill) when one is not a tensor of
    known rank (a sequence, a map), which MLM's tensors cannot state."""
    found: list[dict[str, Any]] = []
    for value in values:
        axes = _axes(value)
        if axes is None:
            where = "/properties/mlm:output" if output else "/properties/mlm:input"
            facts.notes.append(Note(where, f"{value.name!r} is not a tensor of known rank: left to fill"))
            return None
        found.append(
            shaped(
                value.name or f"{'output' if output else 'input'}_{len(found)}",
                axes[0],
                _data_type(onnx, value.type.tensor_type.elem_type),
                output=output,
                index=len(found),
                notes=facts.notes,
                asks=facts.asks,
                axis_names=axes[1],
                source=source,
            )
        )
    return found or None


def load(path: Path, root: Path | None = None) -> Any:
    """The ModelProto of an ONNX file, read under the byte cap (external data is never loaded)."""
    onnx = _onnx()
    data = reading.read_bytes(path, cap=MAX_BYTES, root=root)
    if not data:
        raise DescribeError(f"{reading.label(path)}: the file is empty")
    try:
        return onnx.load_model_from_string(data)
    except Exception as error:  # protobuf raises its own DecodeError; any failure means "not ONNX"
        raise DescribeError(f"{reading.label(path)}: not a readable ONNX model ({type(error).__name__})") from None


def read(path: Path, root: Path | None = None) -> Facts:
    onnx = _onnx()
    model = load(path, root)
    source = reading.label(path)
    graph = model.graph
    if not graph.input and not graph.output:
        raise DescribeError(f"{source}: the ONNX graph has no inputs and no outputs")
    weights = {init.name for init in graph.initializer}
    facts = Facts(source="ONNX model", artifact=path, artifact_type=vocab.artifact_type_for(".onnx"))
    facts.inputs = _tensors(onnx, [v for v in graph.input if v.name not in weights], False, facts, source)
    facts.outputs = _tensors(onnx, list(graph.output), True, facts, source)
    facts.total_parameters = parameters(onnx, graph, source)
    metadata = {prop.key: prop.value for prop in model.metadata_props}
    if facts.outputs:
        labels(metadata, facts.outputs, facts.notes)
    if root is None and facts.outputs:  # a file given on its own: configs in its folder may name the classes
        from .beside import class_names

        class_names(path, facts.outputs, facts.notes)
    opset = next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), None)
    text = model.doc_string or graph.doc_string
    producer = " ".join(p for p in (model.producer_name, model.producer_version) if p)
    if text or producer:
        recorded = f"ONNX model exported by {producer or 'an unnamed producer'}, operator set {opset}."
        facts.properties["description"] = text or recorded
    task = metadata.get("task", "")
    facts.name = metadata.get("name") or path.stem
    facts.architecture = metadata.get("architecture") or None
    facts.tasks = vocab.tasks_in([task, TASK_WORDS.get(task.strip().lower(), "")])
    facts.framework = "onnx"
    facts.framework_version = _onnx_release(onnx, opset)
    if facts.framework_version:
        facts.notes.append(
            Note("/properties/mlm:framework_version", f"the first ONNX release with operator set {opset}")
        )
    facts.media_type = MEDIA_TYPE
    return facts
