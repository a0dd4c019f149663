"""From a reader's facts to an MLM Item: stand-ins and placeholders for what could not be derived,
overrides, then the consistency steps that follow from the values given."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from .. import pointer as json_pointer
from .. import vocab
from .._schema import SCHEMA_URL, SPEC_VERSION
from ..migration import Placeholder
from ..validation import Problem, validate
from .facts import Facts, Note

STAC_VERSION = "1.1.0"  # the first STAC version with common `bands`, which band names are defined in
MISSING: Any = object()
_CHANNEL_DIMS = ("channel", "channels", "band", "c")


@dataclass(frozen=True)
class Pending:
    """A placeholder while the Item is built: where, what to put there, the stand-in written meanwhile
    (``MISSING``: the key is left out) and paths that, all present, fill it too."""

    path: str
    hint: str
    stand_in: Any = MISSING
    also: tuple[str, ...] = ()


@dataclass
class Description:
    """An MLM Item drafted from a model, with what is left to fill.

    ``item`` is the Item (a dict ready for ``json.dump``); ``placeholders`` are the stand-ins still to fill,
    each with what to put there; ``assumed`` lists what was taken by convention rather than read (path and
    why); ``problems`` are what ``stac_mlm.validate`` finds in the Item (empty when valid).
    """

    item: dict[str, Any]
    source: str
    placeholders: list[Placeholder] = field(default_factory=list)
    assumed: list[Note] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def complete(self) -> bool:
        """Valid, with no placeholder left to fill."""
        return self.valid and not self.placeholders

    def verdict(self) -> str:
        """E.g. ``valid MLM v1.5.2, 3 placeholders to fill`` (the wording of ``stac-mlm migrate``)."""
        verdict = f"valid MLM v{SPEC_VERSION}" if self.valid else f"{len(self.problems)} validation problem(s) left"
        count = len(self.placeholders)
        return verdict + (f", {count} placeholder{'s' if count != 1 else ''} to fill" if count else "")

    def summary(self) -> str:
        return f"{self.source}: {self.verdict()}"


def _pointer(*parts: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "model"


def draft(facts: Facts, href: str | None) -> tuple[dict[str, Any], list[Pending], list[Note]]:
    """The Item for ``facts`` (the model asset pointing at ``href``), its placeholders and assumptions."""
    pending: list[Pending] = [
        Pending(
            "/geometry",
            "the area the model is meant for, as a GeoJSON geometry (bbox is computed from it); "
            "set it to null explicitly for a model with no spatial extent",
            None,
        ),
        Pending(
            "/properties/datetime",
            "when the model was published or trained (RFC 3339, e.g. 2024-05-01T00:00:00Z), or set "
            "start_datetime and end_datetime for the period it applies to",
            None,
            ("/properties/start_datetime", "/properties/end_datetime"),
        ),
    ]
    assumed = list(facts.notes)
    name = vocab.model_name(facts.name or "")
    props: dict[str, Any] = {"datetime": None}
    props.update(facts.properties)
    if name is None:
        name = "Unnamed model"
        pending.append(Pending("/properties/mlm:name", "a short name for the model", name))
    props["mlm:name"] = name
    props["mlm:architecture"] = facts.architecture or "unknown"
    if not facts.architecture:
        pending.append(
            Pending(
                "/properties/mlm:architecture",
                "the architecture family as named in the literature (e.g. ResNet, U-Net)",
                "unknown",
            )
        )
    props["mlm:tasks"] = list(facts.tasks)
    if not facts.tasks:
        pending.append(Pending("/properties/mlm:tasks", f"one or more of: {', '.join(vocab.task_values())}", []))
    if facts.framework:
        props["mlm:framework"] = vocab.framework(facts.framework)
    if facts.framework_version:
        props["mlm:framework_version"] = facts.framework_version
    if facts.total_parameters is not None:
        props["mlm:total_parameters"] = facts.total_parameters
    props["mlm:input"] = copy.deepcopy(facts.inputs) if facts.inputs is not None else []
    if facts.inputs is None:
        pending.append(
            Pending("/properties/mlm:input", "one object per input tensor: name, input.shape, dim_order, data_type", [])
        )
    props["mlm:output"] = copy.deepcopy(facts.outputs) if facts.outputs is not None else []
    if facts.outputs is None:
        pending.append(
            Pending(
                "/properties/mlm:output",
                "one object per output tensor: name, tasks, result.shape, dim_order, data_type",
                [],
            )
        )
    for index, model_input in enumerate(props["mlm:input"]):
        dims = model_input.get("input", {}).get("dim_order", [])
        if not model_input.get("bands") and "channel" in dims:
            size = model_input["input"]["shape"][dims.index("channel")]
            count = f"the {size} band names" if size > 0 else "the band names"
            pending.append(
                Pending(
                    _pointer("properties", "mlm:input", index, "bands"),
                    f"{count} along dimension `channel`, in order (the dimension is then renamed `bands` and "
                    "the names defined in properties.bands; add eo:/raster: details there)",
                )
            )
    asset: dict[str, Any] = {
        "href": href if href is not None else (facts.expected_artifact or "model"),
        "type": facts.media_type or "application/octet-stream",
        "title": f"{facts.source} ({facts.artifact.name if facts.artifact else facts.expected_artifact or 'model'})",
        "roles": ["mlm:model"],
        "mlm:artifact_type": facts.artifact_type or "unknown",
        **facts.file,
    }
    if href is None:
        missing = facts.expected_artifact or "the model file"
        pending.append(
            Pending(
                "/assets/model/href",
                f"no model file found ({missing}): the URL or relative path of the model file",
                asset["href"],
            )
        )
    item: dict[str, Any] = {
        "type": "Feature",
        "stac_version": STAC_VERSION,
        "stac_extensions": [SCHEMA_URL],
        "id": _slug(name),
        "geometry": None,
        "properties": props,
        "links": [],
        "assets": {"model": asset},
    }
    for ask in facts.asks:  # what the reader could not tell: the value written meanwhile is the stand-in
        pending.append(Pending(ask.path, ask.detail, copy.deepcopy(_value(item, ask.path))))
    return item, pending, assumed


def finish(item: dict[str, Any]) -> None:
    """Make the Item consistent with the values it holds now (after overrides): bbox from geometry, the
    band dimension and band definitions from band names, output tasks from model tasks."""
    _bbox(item)
    props = item.get("properties")
    if not isinstance(props, dict):
        return
    tasks = props.get("mlm:tasks")
    for output in props.get("mlm:output") or []:
        if isinstance(output, dict) and output.get("tasks") == [] and isinstance(tasks, list) and tasks:
            output["tasks"] = list(tasks)
    names: list[str] = []
    for key, structure in (("mlm:input", "input"), ("mlm:output", "result")):
        for tensor in props.get(key) or []:
            if isinstance(tensor, dict) and isinstance(tensor.get("bands"), list) and tensor["bands"]:
                _band_dimension(tensor, tensor.get(structure))
                names += [b if isinstance(b, str) else b.get("name") for b in tensor["bands"] if b]
    if names and not _bands_defined(item):
        unique = [n for i, n in enumerate(names) if isinstance(n, str) and n not in names[:i]]
        props["bands"] = [{"name": n} for n in unique]
    _asset_bands(item)
    _extensions(item)


def _asset_bands(item: dict[str, Any]) -> None:
    """STAC 1.1's Item schema accepts ``properties.bands`` only when an asset has ``bands`` too: the model
    asset gets the same list when no asset has one."""
    bands = item["properties"].get("bands")
    assets = item.get("assets")
    if not isinstance(bands, list) or not bands or not isinstance(assets, dict):
        return
    if any(isinstance(a, dict) and "bands" in a for a in assets.values()):
        return
    model = assets.get("model")
    if isinstance(model, dict):
        model["bands"] = copy.deepcopy(bands)


@cache
def _extension_urls() -> dict[str, str]:
    """Field prefix -> the extension schema URL to list (the table ``stac-mlm migrate`` uses)."""
    text = resources.files("stac_mlm").joinpath("_generated", "migrations.json").read_text(encoding="utf-8")
    table = json.loads(text)["common"]["extensions"]["by_prefix"]
    return {prefix: entry["url"] for prefix, entry in table.items()}


def _keys(value: Any) -> Iterator[str]:
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            yield from (k for k in current if isinstance(k, str))
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)


def _extensions(item: dict[str, Any]) -> None:
    """List the schema of every extension whose fields the Item uses (``file:``, ``classification:``...)."""
    listed = item.get("stac_extensions")
    if not isinstance(listed, list):
        return
    used = {key.split(":", 1)[0] + ":" for key in _keys({k: v for k, v in item.items() if k != "stac_extensions"})}
    for prefix, url in _extension_urls().items():
        base = url.rsplit("/v", 1)[0] + "/"
        if prefix in used and not any(isinstance(u, str) and u.startswith(base) for u in listed):
            listed.append(url)


def _band_dimension(tensor: dict[str, Any], structure: Any) -> None:
    if not isinstance(structure, dict) or not isinstance(structure.get("dim_order"), list):
        return
    dims, shape = structure["dim_order"], structure.get("shape") or []
    if "bands" in dims:
        return
    for index, dim in enumerate(dims):
        size = shape[index] if index < len(shape) else -1
        if dim in _CHANNEL_DIMS and size in (-1, len(tensor["bands"])):
            dims[index] = "bands"
            return


def _bands_defined(item: dict[str, Any]) -> bool:
    props = item.get("properties", {})
    if props.get("bands") or props.get("eo:bands"):
        return True
    found = item.get("assets")
    assets: dict[str, Any] = found if isinstance(found, dict) else {}
    return any(isinstance(a, dict) and (a.get("raster:bands") or a.get("eo:bands")) for a in assets.values())


def _positions(coordinates: Any) -> list[list[float]]:
    if isinstance(coordinates, list) and coordinates and all(isinstance(c, int | float) for c in coordinates):
        return [coordinates]
    if isinstance(coordinates, list):
        return [p for c in coordinates for p in _positions(c)]
    return []


def _bbox(item: dict[str, Any]) -> None:
    geometry = item.get("geometry")
    if geometry is None:
        item.pop("bbox", None)
        return
    if "bbox" in item or not isinstance(geometry, dict):
        return
    parts = geometry.get("geometries") if geometry.get("type") == "GeometryCollection" else [geometry]
    points = [p for g in parts or [] if isinstance(g, dict) for p in _positions(g.get("coordinates"))]
    if points and all(len(p) >= 2 for p in points):
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        bbox = [min(xs), min(ys), max(xs), max(ys)]
        ordered: dict[str, Any] = {}
        for key, value in item.items():  # bbox goes right after geometry
            ordered[key] = value
            if key == "geometry":
                ordered["bbox"] = bbox
        item.clear()
        item.update(ordered)


def _value(document: Any, path: str) -> Any:
    """The value at a JSON Pointer, or ``MISSING``."""
    found = json_pointer.get(document, json_pointer.parse_pointer(path))
    return MISSING if found is json_pointer.MISSING else found


def _filled(document: dict[str, Any], placeholder: Pending, written: list[str]) -> bool:
    if any(placeholder.path == w or placeholder.path.startswith(w + "/") for w in written):
        return True
    if placeholder.also and all(_value(document, p) is not MISSING for p in placeholder.also):
        return True
    value = _value(document, placeholder.path)
    if placeholder.stand_in is MISSING:
        return value is not MISSING and value not in ([], None, "")
    return value is not MISSING and value != placeholder.stand_in


def conclude(
    item: dict[str, Any], source: str, pending: list[Pending], assumed: list[Note], written: list[str]
) -> Description:
    """The Description once overrides are in: finish, keep the placeholders not filled, validate."""
    finish(item)
    left = [Placeholder(p.path, p.hint) for p in pending if not _filled(item, p, written)]
    kept = [a for a in assumed if not any(a.path == w or a.path.startswith(w + "/") for w in written)]
    return Description(item, source, left, kept, validate(item))
