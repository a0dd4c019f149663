"""safetensors files: every tensor's shape and type from the header, the framework from its ``format``."""

from __future__ import annotations

import importlib
import math
from pathlib import Path
from typing import Any

from . import vocab
from .facts import DescribeError, Facts, MissingExtra

MEDIA_TYPE = "application/octet-stream; application=safetensors"
#: ``__metadata__["format"]`` as written by the safetensors writers -> (framework, module of the writer).
FORMATS = {
    "pt": ("pytorch", "torch"),
    "tf": ("tensorflow", "tensorflow"),
    "flax": ("flax", "flax"),
    "paddle": ("paddle", "paddle"),
}


def header(path: Path) -> tuple[dict[str, str], dict[str, tuple[list[int], str]]]:
    """The file's metadata and, per tensor, its shape and safetensors dtype code (``F32``, ``I64``...)."""
    try:
        safe_open = importlib.import_module("safetensors").safe_open
    except ImportError:
        raise MissingExtra("reading a safetensors file", "hf", "safetensors") from None
    try:
        with safe_open(str(path), framework="numpy") as file:
            metadata = dict(file.metadata() or {})
            tensors = {}
            for key in file.keys():  # noqa: SIM118 (a safe_open handle is not a mapping)
                part = file.get_slice(key)
                tensors[key] = (list(part.get_shape()), str(part.get_dtype()))
    except Exception as error:  # the Rust reader raises SafetensorError, OSError...
        raise DescribeError(f"{path}: not a readable safetensors file ({type(error).__name__}: {error})") from error
    return metadata, tensors


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


def weights(path: Path) -> dict[str, Any]:
    """What a safetensors file tells about the model asset and the model (for this and other readers)."""
    metadata, tensors = header(path)
    framework, writer = FORMATS.get(metadata.get("format", ""), ("pytorch", "torch"))
    return {
        "framework": framework,
        "artifact_type": vocab.artifact_type(f"safetensors.{writer}.save_file"),
        "total_parameters": count(tensors),
        "assumed_format": "format" not in metadata,
    }


def read(path: Path) -> Facts:
    """The facts of a safetensors weights file."""
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
