"""What a reader learns about a model, before it becomes an Item; helpers to write tensors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class MissingExtra(ImportError):
    """A reader needs an optional dependency that is not installed."""

    def __init__(self, what: str, extra: str, package: str) -> None:
        super().__init__(f"{what} needs the {package} package: pip install 'stac-mlm[{extra}]'")
        self.extra = extra


class DescribeError(ValueError):
    """The path cannot be described (unknown kind of file, unreadable or malformed content)."""


@dataclass(frozen=True)
class Note:
    """Something a reader assumed rather than read: ``path`` is a JSON Pointer into the Item."""

    path: str
    detail: str

    def __str__(self) -> str:
        return f"{self.path}: {self.detail}"


@dataclass
class Facts:
    """Everything a reader found. ``None`` means unknown (it becomes a placeholder when MLM needs it)."""

    source: str  # what was read, for people: "ONNX model", "MONAI bundle"...
    name: str | None = None
    architecture: str | None = None
    tasks: list[str] = field(default_factory=list)
    framework: str | None = None
    framework_version: str | None = None
    total_parameters: int | None = None
    inputs: list[dict[str, Any]] | None = None
    outputs: list[dict[str, Any]] | None = None
    artifact: Path | None = None  # the model file, when there is one
    expected_artifact: str | None = None  # where the model file should be, when it is missing
    artifact_type: str | None = None
    media_type: str | None = None
    properties: dict[str, Any] = field(default_factory=dict)  # further Item properties (description, license...)
    notes: list[Note] = field(default_factory=list)
    asks: list[Note] = field(default_factory=list)  # values a person must give: path and what to put there
    file: dict[str, Any] = field(default_factory=dict)  # file:size and file:checksum of the model file
    output_names_made_up: bool = False  # the file names no output: "output", "output_0"... were written


def tensor(
    name: str,
    shape: Sequence[int],
    dim_order: Sequence[str],
    data_type: str,
    *,
    output: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    """An MLM input (or, with ``output=True``, output) object; ``extra`` keys are added as given."""
    structure = {"shape": list(shape), "dim_order": list(dim_order), "data_type": data_type}
    head: dict[str, Any] = {"name": name}
    if output:
        return {**head, "tasks": extra.pop("tasks", []), "result": structure, **extra}
    return {**head, "input": structure, **extra}


def classes(labels: Mapping[Any, Any]) -> list[dict[str, Any]]:
    """``classification:classes`` from a label map ``{index: label}`` (``id2label``, ``channel_def``), in
    index order; entries whose key is not an integer are skipped."""
    found = []
    for key, label in labels.items():
        try:
            value = int(key)
        except (TypeError, ValueError):
            continue
        text = str(label).strip() or f"class {value}"
        found.append({"value": value, "name": text, "description": text})
    return sorted(found, key=lambda c: c["value"])


def shaped(
    name: str,
    shape: Sequence[int],
    data_type: str,
    *,
    output: bool,
    index: int,
    notes: list[Note],
    asks: list[Note],
    axis_names: Sequence[str | None] = (),
    source: str = "the model file",
) -> dict[str, Any]:
    """An MLM tensor object whose dimension names come from ``dims.layout``: what was assumed goes to
    ``notes``, an order that cannot be told to ``asks``. Sizes below -1 or beyond ``dims.MAX_DIMENSION``
    are a ``DescribeError``."""
    from . import dims

    for size in shape:
        if size < -1 or size > dims.MAX_DIMENSION:
            raise DescribeError(f"{source}: tensor {name!r} declares an impossible dimension size {size}")
    found = dims.layout(shape, axis_names, output=output)
    key = "mlm:output" if output else "mlm:input"
    structure = "result" if output else "input"
    where = f"/properties/{key}/{index}"
    for text in found.assumed:
        notes.append(Note(where, f"dimension order {text}"))
    if found.unknown:
        asks.append(
            Note(
                f"{where}/{structure}/dim_order",
                f"the name of each dimension of {name!r} (shape {list(shape)}), in order; the file names "
                f"{'none' if not any(axis_names) else 'only some'} of them (common names: batch, channel, "
                "height, width, time, token, class)",
            )
        )
    return tensor(name, shape, found.names, data_type, output=output)
