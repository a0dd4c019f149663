"""Does an MLM Item match its model file? ``check(item, model)`` reads the file with describe's readers (as
data, never executing it) and compares what the Item declares: inputs and outputs (names, shapes with -1
as a wildcard on either side, data types), the parameter count, the artifact type, ``file:size`` and
``file:checksum`` of the model asset.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import reading

#: The multihash prefix of a SHA-256 digest (function code 0x12, 32 bytes).
SHA256_MULTIHASH = "1220"
MODEL_ROLE = "mlm:model"


class CheckError(ValueError):
    """The Item or the model file cannot be used for a check (unreadable, not an Item, no model asset)."""


@dataclass(frozen=True)
class Disagreement:
    """One place where the Item and the file differ: ``path`` (JSON Pointer into the Item), what the Item
    declares and what the file holds."""

    path: str
    declared: Any
    found: Any

    def __str__(self) -> str:
        return f"{self.path}: the Item declares {self.declared!r}, the file holds {self.found!r}"


@dataclass
class Check:
    """The outcome: ``disagreements`` (empty when the Item matches) and ``unchecked`` (what could not be
    compared, with why)."""

    model: str
    disagreements: list[Disagreement] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)

    @property
    def agrees(self) -> bool:
        return not self.disagreements


def _pointer(*parts: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _model_asset(item: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    assets = item.get("assets")
    found = [
        (key, asset)
        for key, asset in (assets.items() if isinstance(assets, dict) else [])
        if isinstance(asset, dict) and isinstance(asset.get("roles"), list) and MODEL_ROLE in asset["roles"]
    ]
    if not found:
        raise CheckError(f"the Item has no asset with the role {MODEL_ROLE}")
    return found[0]


def model_path(item: Mapping[str, Any], item_path: str | os.PathLike[str] | None) -> Path:
    """The model file an Item's model asset points at, as a local path (relative hrefs resolved against
    the Item's folder); URLs are not fetched."""
    _key, asset = _model_asset(item)
    href = asset.get("href")
    if not isinstance(href, str) or "://" in href:
        raise CheckError(f"the model asset's href {href!r} is not a local file: give the model with --model")
    base = Path(item_path).parent if item_path is not None else Path.cwd()
    return base / href


def _shape_agrees(declared: Sequence[Any], found: Sequence[int]) -> bool:
    if len(declared) != len(found):
        return False
    return all(d == -1 or f == -1 or d == f for d, f in zip(declared, found, strict=True))


def _pairs(
    declared: list[Any], found: list[dict[str, Any]], by_position: bool
) -> list[tuple[int, Any, dict[str, Any] | None]]:
    """Declared tensors with the file's tensor of the same name, or by position when the file names none."""
    by_name = {t.get("name"): t for t in found}
    names = [d.get("name") if isinstance(d, dict) else None for d in declared]
    if by_position and len(declared) == len(found):
        return [(i, d, found[i]) for i, d in enumerate(declared)]
    return [(i, d, by_name.get(n)) for i, (d, n) in enumerate(zip(declared, names, strict=True))]


def _tensors(
    check: Check, key: str, declared: Any, found: list[dict[str, Any]] | None, by_position: bool = False
) -> None:
    structure = "result" if key == "mlm:output" else "input"
    if found is None:
        check.unchecked.append(f"/properties/{key}: the file does not state its tensors")
        return
    if not isinstance(declared, list):
        check.disagreements.append(Disagreement(_pointer("properties", key), declared, [t["name"] for t in found]))
        return
    matched = set()
    missing = False
    for index, item_tensor, file_tensor in _pairs(declared, found, by_position):
        where = ("properties", key, index)
        name = item_tensor.get("name") if isinstance(item_tensor, dict) else None
        if file_tensor is None:  # the message lists the file's names: an extra is not reported again
            check.disagreements.append(Disagreement(_pointer(*where, "name"), name, [t["name"] for t in found]))
            missing = True
            continue
        matched.add(id(file_tensor))
        given = item_tensor.get(structure) if isinstance(item_tensor, dict) else None
        given = given if isinstance(given, dict) else {}
        real = file_tensor[structure]
        shape = given.get("shape")
        if not isinstance(shape, list) or not _shape_agrees(shape, real["shape"]):
            check.disagreements.append(Disagreement(_pointer(*where, structure, "shape"), shape, real["shape"]))
        if given.get("data_type") != real["data_type"]:
            where_type = _pointer(*where, structure, "data_type")
            check.disagreements.append(Disagreement(where_type, given.get("data_type"), real["data_type"]))
    for extra in (t for t in found if id(t) not in matched and not missing):
        check.disagreements.append(Disagreement(_pointer("properties", key), None, f"an undeclared {extra['name']!r}"))


def _file_facts(check: Check, asset_key: str, asset: dict[str, Any], size: int, digest: str) -> None:
    if "file:size" in asset and asset["file:size"] != size:
        check.disagreements.append(Disagreement(_pointer("assets", asset_key, "file:size"), asset["file:size"], size))
    declared = asset.get("file:checksum")
    if not isinstance(declared, str):
        return
    if not declared.lower().startswith(SHA256_MULTIHASH):
        check.unchecked.append(f"/assets/{asset_key}/file:checksum: not a SHA-256 multihash (only 1220... is checked)")
    elif declared.lower() != SHA256_MULTIHASH + digest:
        where = _pointer("assets", asset_key, "file:checksum")
        check.disagreements.append(Disagreement(where, declared, SHA256_MULTIHASH + digest))


def check(
    item: Mapping[str, Any] | str | os.PathLike[str],
    model: str | os.PathLike[str] | None = None,
    *,
    trust_code: bool = False,
) -> Check:
    """Compare the Item (a mapping, or the path of an Item JSON file) with the model file (default: the
    model asset's local href). Raises ``CheckError`` for an unusable Item or model file; ``MissingExtra``
    when the model's reader needs an optional package."""
    from .describe import DescribeError, read_model

    item_path = None
    if not isinstance(item, Mapping):
        item_path = item
        try:
            item = reading.load_json(item)
        except reading.InputError as error:
            raise CheckError(str(error)) from None
    if not isinstance(item, Mapping) or not isinstance(item.get("properties"), dict):
        raise CheckError("not a STAC Item: no properties object")
    path = Path(model) if model is not None else model_path(item, item_path)
    asset_key, asset = _model_asset(item)
    try:
        facts = read_model(path, trust_code)
    except DescribeError as error:
        raise CheckError(str(error)) from None
    result = Check(reading.label(path))
    props = item["properties"]
    _tensors(result, "mlm:input", props.get("mlm:input"), facts.inputs)
    _tensors(result, "mlm:output", props.get("mlm:output"), facts.outputs, facts.output_names_made_up)
    declared = props.get("mlm:total_parameters")
    if declared is not None and facts.total_parameters is not None and declared != facts.total_parameters:
        where = "/properties/mlm:total_parameters"
        result.disagreements.append(Disagreement(where, declared, facts.total_parameters))
    if facts.artifact_type and asset.get("mlm:artifact_type") not in (None, facts.artifact_type):
        where = _pointer("assets", asset_key, "mlm:artifact_type")
        result.disagreements.append(Disagreement(where, asset.get("mlm:artifact_type"), facts.artifact_type))
    if facts.file:
        digest = str(facts.file["file:checksum"])[len(SHA256_MULTIHASH) :]
        _file_facts(result, asset_key, asset, int(facts.file["file:size"]), digest)
    return result
