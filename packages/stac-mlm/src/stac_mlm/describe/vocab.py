"""MLM vocabulary for the readers: spellings, tasks and data types taken from the model's enums.

The recommended spellings (frameworks), the closed lists (tasks, data types) and the suggested artifact
types come from the classes generated from the LinkML model, so a value added there is used here too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Annotated

from pydantic import TypeAdapter, ValidationError

from .._generated.models import ArtifactTypeEnum, DataTypeEnum, FrameworkEnum, ItemProperties, TaskEnum

#: Words of other vocabularies (Hugging Face pipeline tags) for tasks whose MLM name they do not contain.
TASK_ALIASES = {
    "depth-estimation": "regression",
    "image-to-text": "image-captioning",
    "image-text-to-text": "image-captioning",
    "text-to-image": "generative",
    "unconditional-image-generation": "generative",
    "image-feature-extraction": "similarity-search",
    "mask-generation": "segmentation",
}


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def framework(name: str) -> str:
    """The recommended spelling of a framework (``"pytorch"`` -> ``"PyTorch"``), else ``name`` unchanged."""
    wanted = _key(name)
    for member in FrameworkEnum:
        if _key(member.value) == wanted:
            return member.value
    return name


def task_values() -> list[str]:
    """The task names MLM knows."""
    return [member.value for member in TaskEnum]


def tasks_in(texts: Iterable[str], exact: Iterable[str] = ()) -> list[str]:
    """The MLM tasks named in free texts (a task matches as whole words: "Spleen segmentation" gives
    ``segmentation``; "object-detection" gives ``object-detection`` and ``detection``), plus the values of
    ``exact`` that are tasks as written (tags). Order: the enum's."""
    words = ["-" + re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") + "-" for text in texts]
    words += ["-" + TASK_ALIASES[w.strip("-")] + "-" for w in list(words) if w.strip("-") in TASK_ALIASES]
    exact_values = {value.strip().lower() for value in exact}
    return [task for task in task_values() if task in exact_values or any(f"-{task}-" in w for w in words)]


def data_type(name: str) -> str:
    """An MLM data type for a numpy, torch or ONNX type name (``"torch.float32"``, ``"complex64"``);
    ``other`` for types MLM does not list (``bool``, ``bfloat16``...)."""
    text = name.lower().removeprefix("torch.")
    text = {"float": "float32", "double": "float64", "half": "float16", "long": "int64", "int": "int32"}.get(text, text)
    match = re.fullmatch(r"complex(\d+)", text)
    if match:  # numpy and torch count the bits of both parts, MLM those of one part
        text = f"cfloat{int(match.group(1)) // 2}"
    values = {member.value for member in DataTypeEnum}
    return text if text in values else DataTypeEnum.other.value


def artifact_type(value: str) -> str:
    """``value`` checked against the suggested artifact types (a typo here is a bug, not a new type)."""
    if value not in {member.value for member in ArtifactTypeEnum}:
        raise ValueError(f"{value!r} is not among the suggested artifact types")
    return value


@cache
def _suffix_artifact_types() -> dict[str, str]:
    """Suffix -> artifact type, from the migration tables' ``model_files`` list (entries limited to some
    frameworks left out)."""
    text = resources.files("stac_mlm").joinpath("_generated", "migrations.json").read_text(encoding="utf-8")
    common = json.loads(text)["common"]
    table: dict[str, str] = {}
    for entry in common["model_files"]:
        if "frameworks" not in entry:
            table.setdefault(entry["suffix"], entry["artifact_type"])
    return table


def artifact_type_for(suffix: str) -> str:
    """The artifact type of a model file by its suffix, from the table ``stac-mlm migrate`` uses too, so
    that both commands name a file the same way."""
    return _suffix_artifact_types()[suffix.lower()]


_PYTHON_VERSION = re.compile(
    r"v?(\d+)\.(\d+)(?:\.(\d+))?(?:[.-]?((?:a|b|rc|alpha|beta|dev|post|pre)\d*))?(?:\+([0-9A-Za-z.-]+))?"
)


def semantic_version(text: object) -> str | None:
    """A Python package version as the full semantic version ``mlm:framework_version`` needs: "1.13" ->
    "1.13.0", "4.45.0.dev0" -> "4.45.0-dev0", "2.4.0+cu121" kept; None when it is no version."""
    match = _PYTHON_VERSION.fullmatch(str(text or "").strip())
    if not match:
        return None
    major, minor, patch, pre, local = match.groups()
    local = ".".join(part for part in (local or "").split(".") if part)
    return f"{int(major)}.{int(minor)}.{int(patch or 0)}" + (f"-{pre}" if pre else "") + (f"+{local}" if local else "")


@cache
def _name_check() -> TypeAdapter[str]:
    field = ItemProperties.model_fields["mlm_name"]  # the pattern as the model states it
    return TypeAdapter(Annotated[str, *field.metadata])


def _valid_name(text: str) -> bool:
    try:
        _name_check().validate_python(text)
    except ValidationError:
        return False
    return True


def model_name(text: str) -> str | None:
    """``text`` made into a valid ``mlm:name`` (letters first, then letters, digits, ``_.-`` and spaces,
    ending with a letter or digit), or None when nothing usable is left."""
    cleaned = re.sub(r"[^a-zA-Z0-9_.\-\s]+", "-", text).strip()
    cleaned = re.sub(r"^[^a-zA-Z]+", "", cleaned)
    cleaned = re.sub(r"[^a-zA-Z0-9]+$", "", cleaned)
    return cleaned if _valid_name(cleaned) else None
