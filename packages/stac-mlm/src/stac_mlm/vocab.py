"""The MLM vocabulary, one place for `migrate` and `describe`: framework spellings, semantic versions, model
names, tasks, data types and artifact types, all taken from the model (its enums and the name pattern, in the
bundled schema and the generated classes) and from the migration tables (known misspellings), so a value added
there is used by both commands.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import NamedTuple

from ._generated.models import ArtifactTypeEnum, DataTypeEnum, TaskEnum

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


@cache
def _framework_spellings() -> dict[str, str]:
    """Framework names keyed by their letters and digits in lower case: the model's recommended spellings
    and the known other spellings of the migration tables (`framework_names`)."""
    from .migration.tables import facts, tables  # the migration package reads this module: imported late

    spellings = {_key(name): name for name in facts().frameworks}
    for other, name in tables().common.get("framework_names", {}).items():
        spellings.setdefault(_key(other), name)
    return spellings


def framework_spelling(name: str) -> str | None:
    """The recommended spelling of a known framework (``"pytorch"``, ``"torch"`` -> ``"PyTorch"``), else None."""
    return _framework_spellings().get(_key(name)) if _key(name) else None


def framework(name: str) -> str:
    """The recommended spelling of a framework (``"pytorch"`` -> ``"PyTorch"``), else ``name`` unchanged."""
    return framework_spelling(name) or name


def task_values() -> list[str]:
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


_VERSION = re.compile(
    r"v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[.-]?((?:a|b|rc|alpha|beta|dev|post|pre)\d*))?(?:\+([0-9A-Za-z.-]+))?"
)


class Version(NamedTuple):
    """A version written as a full semantic version (``text``), and whether minor or patch numbers were
    missing and written as 0 (``completed``)."""

    text: str
    completed: bool


def version_of(text: object) -> Version | None:
    """A Python package or plain version as the semantic version ``mlm:framework_version`` needs: "1.13" ->
    "1.13.0" (completed), "4.45.0.dev0" -> "4.45.0-dev0", "2.4.0+cu121" kept; None when it is no version."""
    match = _VERSION.fullmatch(str(text).strip()) if isinstance(text, str | int | float) else None
    if match is None or isinstance(text, bool):
        return None
    major, minor, patch, pre, local = match.groups()
    local = ".".join(part for part in (local or "").split(".") if part)
    numbers = f"{int(major)}.{int(minor or 0)}.{int(patch or 0)}"
    return Version(numbers + (f"-{pre}" if pre else "") + (f"+{local}" if local else ""), patch is None)


def semantic_version(text: object) -> str | None:
    """``version_of(text).text``, or None when ``text`` is no version."""
    found = version_of(text)
    return found.text if found else None


def model_name(text: object) -> str | None:
    """``text`` made into a valid ``mlm:name``: characters the name pattern does not allow become spaces,
    runs of spaces one, then the ends are trimmed to a letter first and a letter or digit last; None when
    nothing valid is left."""
    from .migration.tables import facts

    if not isinstance(text, str | int) or isinstance(text, bool):
        return None
    cleaned = re.sub(r"[^A-Za-z0-9_.\-\s]+", " ", str(text))
    cleaned = re.sub(r"\s+", " ", cleaned)
    cleaned = re.sub(r"^[^A-Za-z]+", "", cleaned)
    cleaned = re.sub(r"[^A-Za-z0-9]+$", "", cleaned)
    return cleaned if facts().name_pattern.match(cleaned) else None
