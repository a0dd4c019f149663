"""safetensors files: every tensor's shape and type from the header, the framework from its ``format``."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from .. import reading, vocab
from .facts import DescribeError, Facts

MEDIA_TYPE = "application/octet-stream; application=safetensors"
#: ``__metadata__["format"]`` as written by the safetensors writers -> (framework, module of the writer).
FORMATS = {
    "pt": ("pytorch", "torch"),
    "tf": ("tensorflow", "tensorflow"),
    "flax": ("flax", "flax"),
    "paddle": ("paddle", "paddle"),
}


#: Largest header read (the safetensors library refuses larger ones too).
MAX_HEADER = 100 * 2**20


def header(path: Path, root: Path | None = None) -> tuple[dict[str, str], dict[str, tuple[list[int], str]]]:
    """The file's metadata and, per tensor, its shape and safetensors dtype code (``F32``, ``I64``...), read
    from the header (an 8-byte length, then JSON) through ``stac_mlm.reading``; each tensor's shape is
    checked against the byte range it declares."""
    source = reading.label(path)
    head = reading.read_range(path, 0, 8, root=root)
    if len(head) < 8:
        raise DescribeError(f"{source}: not a safetensors file (shorter than its 8-byte header length)")
    length = int.from_bytes(head, "little")
    if length > MAX_HEADER:
        raise DescribeError(f"{source}: declares a header of {length} bytes, more than the cap of {MAX_HEADER}")
    try:
        data = reading.parse_json(reading.read_range(path, 8, length, root=root), source, max_depth=8)
    except reading.InputError as error:
        raise DescribeError(f"{source}: not a safetensors file ({error.reason})") from None
    if not isinstance(data, dict):
        raise DescribeError(f"{source}: not a safetensors file (its header is not a JSON object)")
    given = data.pop("__metadata__", None) or {}
    metadata = {str(k): str(v) for k, v in given.items()} if isinstance(given, dict) else {}
    tensors = {}
    for key, info in data.items():
        shape = info.get("shape") if isinstance(info, dict) else None
        code = info.get("dtype") if isinstance(info, dict) else None
        offsets = info.get("data_offsets") if isinstance(info, dict) else None
        if not (
            isinstance(shape, list) and all(isinstance(d, int) and d >= 0 for d in shape) and isinstance(code, str)
        ):
            raise DescribeError(f"{source}: tensor {key!r} has no valid shape and dtype in the header")
        if isinstance(offsets, list) and len(offsets) == 2 and all(isinstance(o, int) for o in offsets):
            need = math.prod(shape) * ITEM_BITS.get(code, 8) // 8
            if code in ITEM_BITS and offsets[1] - offsets[0] != need:
                raise DescribeError(
                    f"{source}: tensor {key!r} declares shape {shape} ({need} bytes) but spans "
                    f"{offsets[1] - offsets[0]} bytes"
                )
        tensors[str(key)] = (shape, code)
    return metadata, tensors


#: Bits per element of the safetensors dtype codes.
ITEM_BITS = {
    "BOOL": 8,
    "U8": 8,
    "I8": 8,
    "F8_E4M3": 8,
    "F8_E5M2": 8,
    "I16": 16,
    "U16": 16,
    "F16": 16,
    "BF16": 16,
    "I32": 32,
    "U32": 32,
    "F32": 32,
    "I64": 64,
    "U64": 64,
    "F64": 64,
}


#: Names PyTorch gives to the buffers of normalisation layers, which state dicts store beside the weights.
BUFFER_NAMES = ("running_mean", "running_var", "num_batches_tracked")
_NOT_WEIGHTS = {"I64", "BOOL"}  # counters, indices and flags, not parameters


def count(tensors: dict[str, tuple[list[int], str]]) -> int:
    """The parameters among the tensors: every weight tensor's elements, leaving out known buffers
    (``*.running_mean``...) and integer counters."""
    return sum(
        math.prod(shape)
        for key, (shape, code) in tensors.items()
        if key.rsplit(".", 1)[-1] not in BUFFER_NAMES and code not in _NOT_WEIGHTS
    )


def weights(path: Path, root: Path | None = None) -> dict[str, Any]:
    """What a safetensors file tells about the model asset and the model (for this and other readers)."""
    metadata, tensors = header(path, root)
    framework, writer = FORMATS.get(metadata.get("format", ""), ("pytorch", "torch"))
    return {
        "framework": framework,
        "artifact_type": vocab.artifact_type(f"safetensors.{writer}.save_file"),
        "total_parameters": count(tensors),
        "assumed_format": "format" not in metadata,
    }


def read(path: Path) -> Facts:
    found = weights(path)
    facts = Facts(
        source="safetensors weights",
        name=path.stem,
        framework=found["framework"],
        total_parameters=found["total_parameters"],
        artifact=path,
        artifact_type=found["artifact_type"],
        media_type=MEDIA_TYPE,
    )
    if found["assumed_format"]:
        from .facts import Note

        facts.notes.append(Note("/assets/model/mlm:artifact_type", "the file names no format: PyTorch assumed"))
    return facts
