"""Hugging Face model folders: the model card (``README.md``: YAML front matter and first paragraph),
``config.json`` (architecture, channels, label map), ``preprocessor_config.json`` (input size and
scaling) and the weights file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .. import reading, vocab
from .facts import DescribeError, Facts, Note, classes, tensor

#: The card's `library_name` -> the framework it runs on (spelled from the model's enum afterwards).
LIBRARIES = {
    "transformers": "huggingface",
    "transformers.js": "onnx",
    "timm": "pytorch",
    "segmentation-models-pytorch": "pytorch",
    "sentence-transformers": "pytorch",
    "diffusers": "pytorch",
    "pytorch": "pytorch",
    "keras": "keras",
    "tf-keras": "keras",
    "onnx": "onnx",
    "sklearn": "scikit-learn",
    "scikit-learn": "scikit-learn",
}
PYTORCH = "application/octet-stream; application=pytorch"
#: Weights files looked for, in order: (file, artifact type or None for a safetensors file, media type).
WEIGHTS = (
    ("model.safetensors", None, "application/octet-stream; application=safetensors"),
    ("pytorch_model.bin", "torch.save", PYTORCH),
    ("onnx/model.onnx", "onnx", "application/octet-stream; application=onnx"),
    ("model.onnx", "onnx", "application/octet-stream; application=onnx"),
)
#: Tasks whose output is one score per class, and those whose output is a map of classes per pixel.
PER_IMAGE = {"classification", "scene-classification"}
PER_PIXEL = {"segmentation", "semantic-segmentation", "instance-segmentation", "panoptic-segmentation"}


#: Largest model card or config read.
MAX_TEXT = 16 * 2**20


def containment(folder: Path) -> Path:
    """The folder whose files may be read: the model folder, or for a Hugging Face cache snapshot
    (``models--org--name/snapshots/<commit>``, whose files link into ``../../blobs``) the cache entry."""
    if folder.parent.name == "snapshots" and folder.parent.parent.name.startswith("models--"):
        return folder.parent.parent
    return folder


def repository_name(folder: Path) -> str:
    """The model's name: the repository's for a cache snapshot (``models--org--name`` -> ``name``)."""
    root = containment(folder)
    if root != folder:
        return root.name.split("--")[-1]
    return folder.resolve().name


def is_model_folder(folder: Path) -> bool:
    """A Hugging Face model folder holds a ``config.json`` or weights under a name its libraries write."""
    return (folder / "config.json").is_file() or any((folder / name).is_file() for name, *_ in WEIGHTS)


def card(path: Path, root: Path | None = None) -> tuple[dict[str, Any], str]:
    """The model card's front matter (a mapping) and its text after it."""
    if not path.is_file():
        return {}, ""
    text = reading.decode(reading.read_bytes(path, cap=MAX_TEXT, root=root), reading.label(path))
    match = re.match(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", text, re.DOTALL)
    if not match:
        return {}, text
    data = reading.parse_yaml(match.group(1), reading.label(path), max_depth=64)
    return (data if isinstance(data, dict) else {}), text[match.end() :]


def _first_paragraph(body: str) -> str | None:
    """The card's first paragraph of prose: plain lines (no heading, list, table, code or markup) ending
    with a full stop."""
    for block in re.split(r"\n\s*\n", body):
        lines = [line.strip() for line in block.strip().splitlines()]
        if lines and not any(line.startswith(("#", "<", "!", "|", "```", "-", "*", "[", ">")) for line in lines):
            text = " ".join(" ".join(lines).split())
            if text.endswith(".") and len(text) >= 20:
                return text
    return None


def _json(path: Path, root: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    data = reading.load_json(path, cap=MAX_TEXT, max_depth=64, root=root)
    return data if isinstance(data, dict) else {}


def _architecture(config: dict[str, Any]) -> str | None:
    if isinstance(config.get("_model_class"), str):
        return str(config["_model_class"])
    names = config.get("architectures")
    if isinstance(names, list) and names and isinstance(names[0], str):
        return re.sub(r"(?<=[a-z0-9])For[A-Z]\w*$", "", names[0]) or names[0]
    return str(config["model_type"]) if isinstance(config.get("model_type"), str) else None


def _size(preprocessor: dict[str, Any], config: dict[str, Any]) -> tuple[int, int]:
    for value in (preprocessor.get("crop_size"), preprocessor.get("size"), config.get("image_size")):
        if isinstance(value, dict) and isinstance(value.get("height"), int) and isinstance(value.get("width"), int):
            return value["height"], value["width"]
        if isinstance(value, int) and not isinstance(value, bool):
            return value, value
        if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
            return value[0], value[1]
    return -1, -1


def _tidy(value: float) -> float:
    """``value`` without the last-digit noise of a float division (57.120000000000005 -> 57.12)."""
    return float(f"{value:.12g}")


def _scaling(preprocessor: dict[str, Any], channels: int) -> list[dict[str, Any]] | None:
    """The image processor's rescale-then-normalise steps as one z-score per channel (or one scale)."""
    factor = preprocessor.get("rescale_factor") if preprocessor.get("do_rescale") else None
    factor = factor if isinstance(factor, int | float) and factor > 0 else 1
    mean, std = preprocessor.get("image_mean"), preprocessor.get("image_std")
    if (
        preprocessor.get("do_normalize")
        and isinstance(mean, list)
        and isinstance(std, list)
        and (len(mean) == len(std) == channels)
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in mean + std)
        and all(s != 0 for s in std)
    ):  # (x * f - m) / s == (x - m / f) / (s / f)
        return [
            {"type": "z-score", "mean": _tidy(m / factor), "stddev": _tidy(s / factor)}
            for m, s in zip(mean, std, strict=True)
        ]
    if factor != 1:
        return [{"type": "scale", "value": _tidy(1 / factor)}]
    return None


def _weights(folder: Path, notes: list[Note], root: Path) -> dict[str, Any]:
    for name, artifact_type, media_type in WEIGHTS:
        path = folder / name
        if path.is_file():
            if not reading.inside(path, root):
                raise DescribeError(f"{reading.label(path)}: resolves outside {reading.label(root)}: not followed")
            found = {"artifact": path, "artifact_type": artifact_type, "media_type": media_type}
            if artifact_type is None:
                from .safetensors import weights

                found.update(weights(path, root))
                if found.pop("assumed_format"):
                    notes.append(Note("/assets/model/mlm:artifact_type", "the weights name no format: PyTorch"))
            return found
    return {}


def _inputs(config: dict[str, Any], preprocessor: dict[str, Any], notes: list[Note]) -> list[dict[str, Any]] | None:
    """An image input when the config names its channels (``num_channels``, ``in_channels``), else None."""
    channels = next((config[k] for k in ("num_channels", "in_channels") if isinstance(config.get(k), int)), None)
    if not channels:
        return None
    height, width = _size(preprocessor, config)
    extra: dict[str, Any] = {}
    if (scaling := _scaling(preprocessor, channels)) is not None:
        extra["value_scaling"] = scaling
    data_type = vocab.data_type(str(config.get("torch_dtype") or "float32"))
    dims = ["batch", "channel", "height", "width"]
    notes.append(Note("/properties/mlm:input/0", f"an image input in PyTorch's layout ({', '.join(dims)})"))
    return [tensor("pixel_values", [-1, channels, height, width], dims, data_type, **extra)]


def _outputs(config: dict[str, Any], tasks: list[str], notes: list[Note]) -> list[dict[str, Any]] | None:
    """Class scores, per image or per pixel as the tasks say, when the config gives the classes."""
    id2label = config.get("id2label")
    found = classes(id2label if isinstance(id2label, dict) else {})
    count = len(found) or next((config[k] for k in ("num_labels", "classes") if isinstance(config.get(k), int)), 0)
    if not count or not set(tasks) & (PER_IMAGE | PER_PIXEL):
        return None
    per_pixel = bool(set(tasks) & PER_PIXEL)
    shape = [-1, count, -1, -1] if per_pixel else [-1, count]
    dims = ["batch", "class", "height", "width"] if per_pixel else ["batch", "class"]
    output = tensor("logits", shape, dims, vocab.data_type("float32"), output=True, tasks=list(tasks))
    if found:
        output["classification:classes"] = found
    notes.append(Note("/properties/mlm:output/0", "one score per class" + (" and pixel" if per_pixel else "")))
    return [output]


def _card_properties(front: dict[str, Any], body: str) -> dict[str, Any]:
    """Item properties from the model card: description, license, base model."""
    properties: dict[str, Any] = {}
    if (paragraph := _first_paragraph(body)) is not None:
        properties["description"] = paragraph
    if isinstance(front.get("license"), str):
        properties["license"] = front["license"]
    base = front.get("base_model")
    base = base[0] if isinstance(base, list) and base else base
    if isinstance(base, str) and base:
        properties["mlm:pretrained"] = True
        properties["mlm:pretrained_source"] = base
    return properties


def read(folder: Path) -> Facts:
    root = containment(folder)
    front, body = card(folder / "README.md", root)
    config = _json(folder / "config.json", root)
    notes: list[Note] = []
    weights = _weights(folder, notes, root)
    library = str(front.get("library_name") or "").lower()
    framework = LIBRARIES.get(library) or weights.pop("framework", None) or (library or None)
    weights.pop("framework", None)
    if not weights:  # no weights in the folder: name the file the library would write
        name, artifact_type, media_type = WEIGHTS[2] if framework == "onnx" else WEIGHTS[0]
        weights = {"expected_artifact": name, "media_type": media_type}
        weights["artifact_type"] = artifact_type or "safetensors.torch.save_file"
    given = front.get("tags")
    tags = [str(t) for t in given if isinstance(t, str | int)] if isinstance(given, list) else []
    tasks = vocab.tasks_in([str(front.get("pipeline_tag") or "")], tags)
    version = config.get("transformers_version") if framework == "huggingface" else None
    facts = Facts(
        source="Hugging Face model folder",
        name=repository_name(folder),
        architecture=_architecture(config),
        tasks=tasks,
        framework=framework,
        framework_version=vocab.semantic_version(version) if version else None,
        total_parameters=weights.pop("total_parameters", None),
        inputs=_inputs(config, _json(folder / "preprocessor_config.json", root), notes),
        outputs=_outputs(config, tasks, notes),
        properties=_card_properties(front, body),
        notes=notes,
        **weights,
    )
    if facts.artifact is not None and facts.artifact.suffix == ".onnx":
        _from_graph(facts, facts.artifact, root)
    return facts


def _from_graph(facts: Facts, artifact: Path, root: Path) -> None:
    """With ONNX weights in the folder, the tensors and parameters come from the graph (exact shapes);
    the card and config still give the classes, tasks and input scaling."""
    from .onnx import read as read_onnx

    graph = read_onnx(artifact, root)
    guessed_in, guessed_out = facts.inputs or [], facts.outputs or []
    facts.notes = [n for n in facts.notes if not n.path.startswith(("/properties/mlm:input", "/properties/mlm:output"))]
    facts.notes += graph.notes
    facts.asks += graph.asks
    facts.inputs, facts.outputs = graph.inputs, graph.outputs
    facts.total_parameters, facts.framework, facts.framework_version = (
        graph.total_parameters,
        graph.framework,
        graph.framework_version,
    )
    if len(guessed_in) == 1 and facts.inputs and len(facts.inputs) == 1:
        shape, channels = facts.inputs[0]["input"]["shape"], guessed_in[0]["input"]["shape"][1]
        if len(shape) > 1 and shape[1] in (-1, channels) and "value_scaling" in guessed_in[0]:
            facts.inputs[0]["value_scaling"] = guessed_in[0]["value_scaling"]
    if len(guessed_out) == 1 and facts.outputs:
        first, count = facts.outputs[0], guessed_out[0]["result"]["shape"][1]
        shape = first["result"]["shape"]
        if len(shape) > 1 and shape[1] == count:
            first["tasks"] = guessed_out[0]["tasks"]
            if "classification:classes" in guessed_out[0]:
                first["classification:classes"] = guessed_out[0]["classification:classes"]
