"""MONAI bundles: ``configs/metadata.json`` (``network_data_format``, task, versions) and the network's
class from the inference configuration."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import reading, vocab
from .facts import DescribeError, Facts, Note, classes, tensor

PYTORCH = "application/octet-stream; application=pytorch"
MEDIA_TYPES = {".pt": PYTORCH, ".ts": PYTORCH, ".onnx": "application/octet-stream; application=onnx"}
#: Model files a bundle keeps under models/, in the order they are looked for, with their artifact types.
MODEL_FILES = (("model.pt", ".pt"), ("model.ts", None), ("model.onnx", ".onnx"))
TORCHSCRIPT = "torch.jit.save"
#: Spatial dimension names by count (MONAI lays out spatial dimensions as H, W[, D]).
SPATIAL = {1: ["width"], 2: ["height", "width"], 3: ["height", "width", "depth"]}
#: Preprocessing transforms with fixed bounds, and those that scale each image by its own statistics.
FIXED_RANGE = ("ScaleIntensityRange", "ScaleIntensityRanged")
PER_IMAGE = ("ScaleIntensity", "ScaleIntensityd", "NormalizeIntensity", "NormalizeIntensityd")
#: `format` values of an output that mean classes along the channel dimension, and the tasks they imply.
FORMAT_TASKS = {
    "segmentation": ["segmentation", "semantic-segmentation"],
    "labels": ["classification"],
    "classification": ["classification"],
}


#: Largest bundle config read.
MAX_CONFIG = 16 * 2**20


def _load(path: Path, root: Path) -> dict[str, Any]:
    data = reading.load_json(path, cap=MAX_CONFIG, max_depth=64, root=root)
    if not isinstance(data, dict):
        raise DescribeError(f"{reading.label(path)}: expected a JSON object")
    return data


def _size(value: Any) -> int:
    """A spatial size: a number, or -1 for an expression such as "8*n" (any multiple of 8)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else -1


def _tensor(name: str, spec: dict[str, Any], output: bool, notes: list[Note], where: str) -> dict[str, Any]:
    given = spec.get("spatial_shape")
    spatial: list[Any] = given if isinstance(given, list) else []
    channels = spec.get("num_channels")
    dims = ["batch", "channel", *SPATIAL.get(len(spatial), [f"dim_{chr(ord('a') + i)}" for i in range(len(spatial))])]
    shape = [-1, _size(channels), *(_size(s) for s in spatial)]
    notes.append(Note(where, "batch dimension added in front of num_channels and spatial_shape; spatial order H, W, D"))
    extra: dict[str, Any] = {}
    if spec.get("format") or spec.get("modality"):
        extra["description"] = ", ".join(f"{k} {spec[k]}" for k in ("type", "format", "modality") if spec.get(k))
    channel_def = spec.get("channel_def")
    labels: dict[Any, Any] = channel_def if isinstance(channel_def, dict) else {}
    named = isinstance(channels, int) and len(labels) == channels
    if output:
        found = classes(labels) if named else []
        if found:
            extra["classification:classes"] = found
            dims[1] = "class"
        extra["tasks"] = vocab.tasks_in([], FORMAT_TASKS.get(str(spec.get("format", "")).lower(), []))
    elif named:
        extra["bands"] = [str(labels[key]) for key in sorted(labels, key=lambda k: int(k) if str(k).isdigit() else 0)]
        dims[1] = "bands"
    return tensor(name, shape, dims, vocab.data_type(str(spec.get("dtype") or "float32")), output=output, **extra)


def _inference(configs: Path) -> dict[str, Any]:
    """The bundle's inference configuration (JSON), or an empty mapping when it is absent or unreadable."""
    path = configs / "inference.json"
    if not path.is_file():
        return {}
    try:
        return _load(path, configs.parent)
    except (DescribeError, reading.InputError):
        return {}


def _architecture(inference: dict[str, Any]) -> str | None:
    """The class of ``network_def`` in the bundle's inference configuration."""
    network = inference.get("network_def")
    target = network.get("_target_") if isinstance(network, dict) else None
    return target.rsplit(".", 1)[-1] if isinstance(target, str) and target else None


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _scaling(inference: dict[str, Any], notes: list[Note]) -> list[dict[str, Any]] | None:
    """``value_scaling`` from the preprocessing transforms: a fixed ``ScaleIntensityRange(d)`` onto [0, 1]
    is a min-max scaling (its clipping is noted: one value_scaling object per band cannot state both);
    scalings that depend on each image (``ScaleIntensity``, ``NormalizeIntensity``) are noted, not written."""
    chain = inference.get("preprocessing")
    transforms = chain.get("transforms") if isinstance(chain, dict) else None
    found: list[dict[str, Any]] | None = None
    for transform in transforms if isinstance(transforms, list) else []:
        target = transform.get("_target_") if isinstance(transform, dict) else None
        name = str(target).rsplit(".", 1)[-1] if target else ""
        if name in FIXED_RANGE and all(_number(transform.get(k)) for k in ("a_min", "a_max", "b_min", "b_max")):
            if (transform["b_min"], transform["b_max"]) == (0, 1) and found is None:
                found = [{"type": "min-max", "minimum": transform["a_min"], "maximum": transform["a_max"]}]
                clip = " then clipped to [0, 1] (not stated)" if transform.get("clip") else ""
                notes.append(Note("/properties/mlm:input/0/value_scaling", f"{name} in inference.json{clip}"))
        elif name in PER_IMAGE:
            notes.append(
                Note(
                    "/properties/mlm:input/0/value_scaling",
                    f"{name} in inference.json scales each image by its own values",
                )
            )
    return found


def _specs(data_format: dict[str, Any], key: str) -> list[tuple[str, dict[str, Any]]]:
    """The tensor descriptions under ``inputs`` or ``outputs`` (entries that are not objects are skipped)."""
    found = data_format.get(key)
    return [(k, v) for k, v in found.items() if isinstance(v, dict)] if isinstance(found, dict) else []


def read(bundle: Path) -> Facts:
    metadata = _load(bundle / "configs" / "metadata.json", bundle)
    data_format = metadata.get("network_data_format")
    data_format = data_format if isinstance(data_format, dict) else {}
    notes: list[Note] = []
    inputs = [
        _tensor(str(name), spec, False, notes, f"/properties/mlm:input/{i}")
        for i, (name, spec) in enumerate(_specs(data_format, "inputs"))
    ]
    outputs = [
        _tensor(str(name), spec, True, notes, f"/properties/mlm:output/{i}")
        for i, (name, spec) in enumerate(_specs(data_format, "outputs"))
    ]
    inference = _inference(bundle / "configs")
    if len(inputs) == 1 and (scaling := _scaling(inference, notes)) is not None:
        inputs[0]["value_scaling"] = scaling
    tasks = vocab.tasks_in([str(metadata.get("task", ""))], [t for o in outputs for t in o["tasks"]])
    model = next(((name, kind) for name, kind in MODEL_FILES if (bundle / "models" / name).is_file()), None)
    artifact = bundle / "models" / model[0] if model else None
    name, kind = model or MODEL_FILES[0]
    suffix = Path(name).suffix
    properties: dict[str, Any] = {}
    if metadata.get("description"):
        properties["description"] = str(metadata["description"]).strip()
    return Facts(
        source="MONAI bundle",
        name=str(metadata.get("name") or bundle.name),
        architecture=_architecture(inference),
        tasks=tasks,
        framework="pytorch" if suffix != ".onnx" else "onnx",
        framework_version=vocab.semantic_version(metadata.get("pytorch_version")) if suffix != ".onnx" else None,
        inputs=inputs or None,
        outputs=outputs or None,
        artifact=artifact,
        expected_artifact=f"models/{name}",
        artifact_type=vocab.artifact_type_for(kind) if kind else TORCHSCRIPT,
        media_type=MEDIA_TYPES[suffix],
        properties=properties,
        notes=notes,
    )
