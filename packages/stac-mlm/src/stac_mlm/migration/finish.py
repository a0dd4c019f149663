"""The steps that complete a document after the family rules (listed, in order, in common.yaml `finish`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import Any

from . import pointer
from .converters import SUPPLIERS, _json_schema_summary
from .detect import Source, prefixes_in
from .engine import Context
from .pointer import MISSING, Segments, format_pointer
from .tables import tables

Step = Callable[[Context, list[Source]], None]
STEPS: dict[str, Step] = {}


def step(function: Step) -> Step:
    STEPS[function.__name__] = function
    return function


def run(context: Context, sources: list[Source]) -> None:
    for entry in context.common["finish"]:
        STEPS[entry["step"]](context, sources)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _field_holders(context: Context) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    """Every object that holds STAC fields, with its path: the document, properties, assets, item_assets."""
    document = context.document
    yield (), document
    if isinstance(document.get("properties"), dict):
        yield ("properties",), document["properties"]
    for part in ("assets", "item_assets"):
        holder = document.get(part)
        for key, asset in holder.items() if isinstance(holder, dict) else []:
            if isinstance(asset, dict):
                yield (part, key), asset


def _roles(asset: Any) -> list[Any]:
    roles = asset.get("roles") if isinstance(asset, dict) else None
    return roles if isinstance(roles, list) else []


@step
def leftovers(context: Context, sources: list[Source]) -> None:
    prefixes = tuple(tables().families[s.family].prefix for s in sources if s.family != "mlm")
    if not prefixes:
        return
    for base, holder in list(_field_holders(context)):
        for key in [k for k in holder if isinstance(k, str) and k.startswith(prefixes)]:
            value = holder.pop(key)
            remaining = _drop_empty(value)
            if remaining is MISSING:
                continue
            parts = remaining.items() if isinstance(remaining, dict) else [(None, remaining)]
            for child, original in parts:
                path = f"{format_pointer(base)}/{key}" + (format_pointer([child]) if child is not None else "")
                context.add(path, "dropped", "no v1.5.2 field takes this value", original)
    summaries = context.document.get("summaries")
    if isinstance(summaries, dict):
        for key in [k for k in summaries if k.startswith(prefixes)]:
            context.add(f"/summaries/{key}", "dropped", "no v1.5.2 field takes this value", summaries.pop(key))


def _drop_empty(value: Any) -> Any:
    """The value without the empty objects left behind by consumed fields (MISSING if nothing remains)."""
    if isinstance(value, dict):
        kept = {k: v for k, v in ((k, _drop_empty(v)) for k, v in value.items()) if v is not MISSING}
        return kept if kept or not value else MISSING
    return value


@step
def unknown_fields(context: Context, sources: list[Source]) -> None:
    known = context.facts.fields
    for base, holder in list(_field_holders(context)):
        if not base:
            continue
        for key in [k for k in holder if isinstance(k, str) and k.startswith("mlm:") and k not in known]:
            context.add(f"{format_pointer(base)}/{key}", "dropped", "not a field of MLM v1.5.2", holder.pop(key))


@step
def model_asset(context: Context, sources: list[Source]) -> None:
    if not context.is_item or context.model_asset_key() is not None:
        return
    assets = context.document.get("assets")
    if not isinstance(assets, dict):
        if assets is not None:
            context.add("/assets", "dropped", "assets must be an object of assets", assets)
        assets = context.document["assets"] = {}
    for role in context.common["model_asset_roles"]:
        for key, asset in assets.items():
            if role in _roles(asset):
                original = list(asset["roles"])
                asset["roles"] = [*original, "mlm:model"]
                context.add(
                    f"/assets/{key}/roles",
                    "assumed",
                    f"no asset had the mlm:model role; this one has role {role!r}, so it is taken as the model",
                    original,
                    f"/assets/{key}/roles",
                )
                return
    spec = context.common["placeholder_asset"]
    key = context.free_asset_key(spec["key"])
    assets[key] = _copy(spec["asset"])
    context.add(f"/assets/{key}", "placeholder", spec["asset"]["title"], target=f"/assets/{key}")


@step
def field_levels(context: Context, sources: list[Source]) -> None:
    facts = context.facts
    properties = context.document.get("properties")
    if context.is_item and isinstance(properties, dict):
        model = context.model_asset_key()
        for key in [k for k in facts.item_forbidden if k in properties]:
            value = properties.pop(key)
            holder = model
            if key == "mlm:entrypoint":
                code = ("code", "mlm:source_code")
                holder = next((k for k, a in context.assets().items() if set(code) & set(_roles(a))), model)
            target = f"/assets/{holder}/{key}"
            if holder is not None and context.put(target, value):
                context.add(f"/properties/{key}", "moved", "v1.5.2 allows this field on assets only", value, target)
            else:
                context.add(f"/properties/{key}", "dropped", "v1.5.2 allows this field on assets only", value)
    for part in ("assets", "item_assets"):
        holder = context.document.get(part)
        for name, asset in holder.items() if isinstance(holder, dict) else []:
            for key in [k for k in facts.asset_forbidden if isinstance(asset, dict) and k in asset]:
                value = asset.pop(key)
                source = f"/{part}/{name}/{key}"
                detail = "v1.5.2 does not allow this field on assets"
                if context.is_item and isinstance(properties, dict) and key not in properties:
                    properties[key] = value
                    context.add(source, "moved", detail, value, f"/properties/{key}")
                else:
                    context.add(source, "dropped", detail, value)


def _artifact_type(href: Any, context: Context) -> str | None:
    if not isinstance(href, str):
        return None
    path = re.split(r"[?#]", href, maxsplit=1)[0].lower()
    for suffix, artifact in _artifact_suffixes():
        if path.endswith(suffix):
            return artifact
    return None


@cache
def _artifact_suffixes() -> tuple[tuple[str, str], ...]:
    """The `artifact_types` table, longest suffix first."""
    return tuple(sorted(tables().common["artifact_types"].items(), key=lambda kv: -len(kv[0])))


@step
def artifact_types(context: Context, sources: list[Source]) -> None:
    if not context.is_item:
        return
    for key, asset in context.assets().items():
        if not isinstance(asset, dict):
            continue
        path = f"/assets/{key}/mlm:artifact_type"
        if "mlm:model" in _roles(asset):
            if "mlm:artifact_type" in asset:
                continue
            derived = _artifact_type(asset.get("href"), context)
            if derived:
                asset["mlm:artifact_type"] = derived
                context.add(path, "assumed", f"derived from the file suffix of the href: {derived!r}", target=path)
            else:
                asset["mlm:artifact_type"] = context.common["artifact_type_placeholder"]
                context.add(
                    path, "placeholder", "the source document does not say how the model was saved", target=path
                )
        elif "mlm:artifact_type" in asset:
            context.add(path, "dropped", "only model assets may state an artifact type", asset.pop("mlm:artifact_type"))


@step
def entrypoint_roles(context: Context, sources: list[Source]) -> None:
    if not context.is_item:
        return
    for key, asset in context.assets().items():
        if isinstance(asset, dict) and "mlm:entrypoint" in asset and "code" not in _roles(asset):
            original = _roles(asset)
            asset["roles"] = [*original, "code"]
            path = f"/assets/{key}/roles"
            context.add(path, "assumed", "the asset has an entrypoint, so it holds code", list(original), path)


_COMPILED_REQUIRED: dict[int, tuple[list[Any], tuple[tuple[dict[str, Any], pointer.Walk, str], ...]]] = {}


def _required_specs(table: list[dict[str, Any]]) -> tuple[tuple[dict[str, Any], pointer.Walk, str], ...]:
    """The `required` table with each path split into its (compiled) parent pattern and its last key."""
    cached = _COMPILED_REQUIRED.get(id(table))
    if cached is None or cached[0] is not table:
        specs = []
        for spec in table:
            segments = pointer.parse(spec["path"])
            specs.append((spec, pointer.compile_walk(segments[:-1]), segments[-1]))
        cached = _COMPILED_REQUIRED[id(table)] = (table, tuple(specs))
    return cached[1]


@step
def required(context: Context, sources: list[Source]) -> None:
    if not context.is_item:
        return
    document = context.document
    if not isinstance(document.get("properties"), dict):
        if "properties" in document:
            context.add("/properties", "dropped", "Item properties must be an object", document["properties"])
        document["properties"] = {}
    walks: dict[pointer.Walk, list[tuple[Segments, tuple[str, ...], Any]]] = {}  # valid until a value is filled
    for spec, parent_walk, key in _required_specs(context.common["required"]):
        parents = walks.get(parent_walk)
        if parents is None:
            parents = walks[parent_walk] = pointer.walk(document, parent_walk)
        filled = False
        # parents of one pattern sit at one depth: filling one never moves another
        for parent_path, _, parent in parents:
            if not isinstance(parent, dict) or key in parent:
                continue
            concrete = (*parent_path, key)
            if "converter" in spec:
                value, action = SUPPLIERS[spec["converter"]](context, concrete)
            else:
                value, action = _copy(spec["value"]), "placeholder"
            parent[key] = value
            filled = True
            target = format_pointer(concrete)
            context.add(target, action, f"{spec['note']}: {value!r}"[:300], target=target)
        if filled:
            walks.clear()


_SPATIAL = {"batch", "height", "width", "time", "depth", "class", "token", "score", "confidence", "embedding"}


@step
def dimension_names(context: Context, sources: list[Source]) -> None:
    properties = context.document.get("properties")
    if not context.is_item or not isinstance(properties, dict):
        return
    for field, structure_key in (("mlm:input", "input"), ("mlm:output", "result")):
        items = properties.get(field)
        for index, item in enumerate(items if isinstance(items, list) else []):
            structure = item.get(structure_key) if isinstance(item, dict) else None
            if not isinstance(structure, dict) or not isinstance(structure.get("dim_order"), list):
                continue
            dims = structure["dim_order"]
            path = f"/properties/{field}/{index}/{structure_key}/dim_order"
            has_bands = isinstance(item.get("bands"), list) and bool(item["bands"])
            if has_bands and "bands" not in dims:
                named = [d for d in dims if d in {"channel", "channels"}]
                others = [d for d in dims if d not in _SPATIAL]
                candidate = named[0] if named else others[0] if len(others) == 1 else None
                if candidate is not None:
                    structure["dim_order"] = ["bands" if d == candidate else d for d in dims]
                    detail = f"the input lists bands, so its {candidate!r} dimension is the reserved `bands` dimension"
                    action = "converted" if named else "assumed"
                    context.add(path, action, detail, dims, path)
            elif not has_bands and "bands" in dims:
                structure["dim_order"] = ["channel" if d == "bands" else d for d in dims]
                context.add(path, "converted", "`bands` is reserved for inputs that list bands", dims, path)


def _has_band_definitions(context: Context, model: dict[str, Any]) -> bool:
    properties = context.document.get("properties") or {}

    def objects(value: Any) -> bool:
        return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)

    raster = objects(model.get("raster:bands")) and all(isinstance(b.get("name"), str) for b in model["raster:bands"])
    stac11 = re.search(r"1\.[1-9][0-9]*\.[0-9]+", str(context.document.get("stac_version", "")))
    return (
        raster
        or objects(properties.get("eo:bands"))
        or objects(model.get("eo:bands"))
        or (bool(stac11) and objects(properties.get("bands")))
    )


@step
def band_definitions(context: Context, sources: list[Source]) -> None:
    properties = context.document.get("properties")
    key = context.model_asset_key()
    if not context.is_item or not isinstance(properties, dict) or key is None:
        return
    model = context.assets()[key]
    if "raster:bands" in properties and "raster:bands" not in model:
        model["raster:bands"] = properties.pop("raster:bands")
        detail = "since v1.3.0, raster band definitions belong on the model asset"
        context.add("/properties/raster:bands", "moved", detail, model["raster:bands"], f"/assets/{key}/raster:bands")
    lists = [properties.get(f) for f in ("mlm:input", "mlm:output")]
    every = [
        isinstance(items, list) and bool(items) and all(isinstance(i, dict) and i.get("bands") for i in items)
        for items in lists
    ]
    if not any(every) or _has_band_definitions(context, model):
        return
    names: list[str] = []
    for items, all_banded in zip(lists, every, strict=True):
        for item in items if all_banded and isinstance(items, list) else []:
            for band in item["bands"]:
                name = band.get("name") if isinstance(band, dict) else band
                if isinstance(name, str) and name not in names:
                    names.append(name)
    path = f"/assets/{key}/raster:bands"
    model["raster:bands"] = [{"name": name} for name in names]
    context.add(path, "assumed", "band definitions (names only) written for the bands the model lists", target=path)


@step
def summaries(context: Context, sources: list[Source]) -> None:
    values = context.document.get("summaries")
    if context.document.get("type") != "Collection" or not isinstance(values, dict):
        return
    for key, value in list(values.items()):
        if not isinstance(value, dict):
            values[key] = _json_schema_summary(
                value if isinstance(value, list) else [value], key in context.facts.array_fields
            )
            detail = "MLM v1.5.2 reads every summary as an object (erratum E5): written as a JSON Schema summary"
            context.add(f"/summaries/{key}", "converted", detail, value, f"/summaries/{key}")


def _used_prefixes(context: Context, wanted: tuple[str, ...]) -> set[str]:
    """Which of the ``wanted`` prefixes (`eo:`, `raster:`...) start a field name in the places fields live."""
    document = context.document
    keys: set[str] = set(document)
    properties = document.get("properties")
    if isinstance(properties, dict):
        keys.update(properties)
        for field in ("mlm:input", "mlm:output"):
            items = properties.get(field)
            for item in items if isinstance(items, list) else []:
                if isinstance(item, dict):
                    keys.update(item)
    for part in ("assets", "item_assets"):
        holder = document.get(part)
        for asset in holder.values() if isinstance(holder, dict) else []:
            if isinstance(asset, dict):
                keys.update(asset)
    summaries = document.get("summaries")
    if isinstance(summaries, dict):
        keys.update(summaries)
    return prefixes_in(keys, wanted)


@lru_cache(maxsize=1024)
def _legacy_url(url: str) -> bool:
    """Whether ``url`` is an extension URL of a legacy family (or of an earlier MLM)."""
    return any(p.match(url) for family in tables().families.values() for p, _ in family.extensions)


@step
def extensions(context: Context, sources: list[Source]) -> None:
    document = context.document
    original = document.get("stac_extensions")
    current = original if isinstance(original, list) else []
    settings = context.common["extensions"]
    url = context.facts.url
    updated: list[Any] = []
    for entry in current:
        if entry == url:
            updated.append(entry)
        elif isinstance(entry, str) and entry in settings["short_ids"]:
            replacement = settings["short_ids"][entry]
            if replacement:
                updated.append(replacement)
        elif not (isinstance(entry, str) and _legacy_url(entry)):
            updated.append(entry)
    updated.append(url)
    used = _used_prefixes(context, tuple(settings["by_prefix"]))
    for prefix, spec in settings["by_prefix"].items():
        if prefix in used and not any(isinstance(e, str) and e.startswith(spec["base"]) for e in updated):
            updated.append(spec["url"])
    updated = list(dict.fromkeys(updated))
    if updated != original:
        removed = [e for e in current if e not in updated]
        added = [e for e in updated if e not in current]
        detail = "; ".join(
            part
            for part in (
                f"removed {', '.join(map(str, removed))}" if removed else "",
                f"added {', '.join(added)}" if added else "",
            )
            if part
        )
        document["stac_extensions"] = updated
        context.add("/stac_extensions", "converted", detail or "rewritten as a list", original, "/stac_extensions")
