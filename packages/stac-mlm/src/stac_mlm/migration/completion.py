"""The steps that complete a document after the family rules (listed, in order, in common.yaml `finish`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import Any

from .. import pointer
from ..pointer import MISSING, Segments, format_pointer
from .context import Context
from .converters import SUPPLIERS, _json_schema_summary
from .detect import Source, prefixes_in
from .results import shown
from .tables import TARGET, built_once, tables

Step = Callable[[Context, list[Source]], None]
STEPS: dict[str, Step] = {}


def step(function: Step) -> Step:
    """Register a finishing step under its function name (the name the rule tables use)."""
    STEPS[function.__name__] = function
    return function


def run(context: Context, sources: list[Source]) -> None:
    """Run the finishing steps the tables list, in order."""
    for entry in context.common["finish"]:
        STEPS[entry["step"]](context, sources)


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
    """Fields of the legacy families that no rule moved: dropped, each reported."""
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
                context.add(path, "dropped", f"no {TARGET} field takes this value", original)
    summaries = context.document.get("summaries")
    if isinstance(summaries, dict):
        for key in [k for k in summaries if k.startswith(prefixes)]:
            context.add(f"/summaries/{key}", "dropped", f"no {TARGET} field takes this value", summaries.pop(key))


def _drop_empty(value: Any) -> Any:
    """The value without the empty objects left behind by consumed fields (MISSING if nothing remains)."""
    if isinstance(value, dict):
        kept = {k: v for k, v in ((k, _drop_empty(v)) for k, v in value.items()) if v is not MISSING}
        return kept if kept or not value else MISSING
    return value


@step
def unknown_fields(context: Context, sources: list[Source]) -> None:
    """Prefixed fields MLM does not define: dropped, each reported."""
    known = context.facts.fields
    for base, holder in list(_field_holders(context)):
        if not base:
            continue
        for key in [k for k in holder if k not in known and isinstance(k, str) and k.startswith("mlm:")]:
            context.add(f"{format_pointer(base)}/{key}", "dropped", f"not a field of MLM {TARGET}", holder.pop(key))


@step
def model_asset(context: Context, sources: list[Source]) -> None:
    """An Item without a model asset: one asset taken as the model (assumed) or a placeholder asset."""
    if not context.is_item:
        return
    if context.model_asset_key() is not None:
        _list_archive(context)
        return
    assets = context.document.get("assets")
    if not isinstance(assets, dict):
        if assets is not None:
            context.add("/assets", "dropped", "assets must be an object of assets", assets)
        assets = context.document["assets"] = {}
    _choose_model_asset(context, assets)
    _list_archive(context)


def _choose_model_asset(context: Context, assets: dict[str, Any]) -> None:
    """Give the `mlm:model` role to the asset most likely to be the model: by its roles, else by its
    file type; else add a placeholder asset."""
    for role in context.common["model_asset_roles"]:
        for key, asset in assets.items():
            if role in _roles(asset):
                _make_model(context, key, asset, f"it has role {shown(role)}")
                return
    for key, asset in assets.items():
        found = _model_file(asset, context) if isinstance(asset, dict) else None
        if found is not None:
            _make_model(context, key, asset, f"its file type is that of a model ({found['why']})")
            return
    spec = context.common["placeholder_asset"]
    key = context.free_asset_key(spec["key"])
    assets[key] = pointer.copy_json(spec["asset"])
    context.placeholder(f"/assets/{key}", "the source document links no model file", spec["fill"])


def _make_model(context: Context, key: str, asset: dict[str, Any], why: str) -> None:
    original = list(_roles(asset))
    asset["roles"] = [*original, "mlm:model"]
    path = f"/assets/{key}/roles"
    detail = f"no asset had the mlm:model role; this one is taken as the model because {why}"
    context.add(path, "assumed", detail, original if "roles" in asset else None, path)


def _list_archive(context: Context) -> None:
    """Files a DLM archive names without an href are listed in the model asset's description."""
    if not context.archive_listing:
        return
    key = context.model_asset_key()
    if key is None:
        for path, entry, _ in context.archive_listing:
            context.add(path, "dropped", "no model asset on which to list the archive contents", entry)
        return
    text = "Files in the archive: " + "; ".join(text for _, _, text in context.archive_listing) + "."
    asset = context.assets()[key]
    current = asset.get("description")
    asset["description"] = f"{current.rstrip()} {text}" if isinstance(current, str) and current else text
    for path, entry, _ in context.archive_listing:
        detail = "a file inside the model archive, listed in the model asset's description"
        context.add(path, "converted", detail, entry, f"/assets/{key}/description")


@step
def field_levels(context: Context, sources: list[Source]) -> None:
    """Fields at a level MLM does not allow them moved to where it does (or dropped)."""
    facts = context.facts
    properties = context.document.get("properties")
    if context.is_item and isinstance(properties, dict):
        model = context.model_asset_key()
        for key in [k for k in facts.item_forbidden if k in properties]:
            value = properties.pop(key)
            holder = model
            if key == "mlm:entrypoint":
                code = ("code", "mlm:source_code")
                holder = next((k for k, a in context.assets().items() if any(r in code for r in _roles(a))), model)
            target = f"/assets/{holder}/{key}"
            if holder is not None and context.put(target, value):
                context.add(f"/properties/{key}", "moved", f"{TARGET} allows this field on assets only", value, target)
            else:
                context.add(f"/properties/{key}", "dropped", f"{TARGET} allows this field on assets only", value)
    for part in ("assets", "item_assets"):
        holder = context.document.get(part)
        for name, asset in holder.items() if isinstance(holder, dict) else []:
            for key in [k for k in facts.asset_forbidden if isinstance(asset, dict) and k in asset]:
                value = asset.pop(key)
                source = f"/{part}/{name}/{key}"
                detail = f"{TARGET} does not allow this field on assets"
                if context.is_item and isinstance(properties, dict) and key not in properties:
                    properties[key] = value
                    context.add(source, "moved", detail, value, f"/properties/{key}")
                else:
                    context.add(source, "dropped", detail, value)


@cache
def _model_files() -> tuple[tuple[str, frozenset[str], tuple[str, ...], str], ...]:
    """The `model_files` table as (suffix, media types, frameworks, artifact type) tuples."""
    return tuple(
        (e["suffix"], frozenset(e.get("media_types", ())), tuple(e.get("frameworks", ())), e["artifact_type"])
        for e in tables().common["model_files"]
    )


def _model_file(asset: dict[str, Any], context: Context) -> dict[str, str] | None:
    """The `model_files` entry the asset matches (with its artifact type filled in), or None."""
    href = asset.get("href")
    path = href.split("#", 1)[0].split("?", 1)[0].lower() if isinstance(href, str) else ""
    media = asset.get("type")
    media = media.split(";")[0].strip().lower() if isinstance(media, str) else ""
    named = None
    for suffix, media_types, frameworks, artifact in _model_files():
        if path and path.endswith(suffix):
            why = f"a file ending in {suffix}"
        elif media and media in media_types:
            why = f"media type {media}"
        else:
            continue
        if frameworks:
            if named is None:
                parts = (context.get("/properties/mlm:framework"), href, asset.get("title"))
                named = " ".join(x.lower() for x in parts if isinstance(x, str))
            if not any(f in named for f in frameworks):
                continue
        if "{framework}" in artifact:
            framework = context.get("/properties/mlm:framework")
            name = context.common["safetensors_frameworks"].get(str(framework).lower())
            artifact = artifact.replace("{framework}", name) if name else ""
        return {"artifact_type": artifact, "why": why}
    return None


@step
def artifact_types(context: Context, sources: list[Source]) -> None:
    """Model assets get an artifact type (assumed from the file, or a placeholder); others lose theirs."""
    if not context.is_item:
        return
    for key, asset in context.assets().items():
        if not isinstance(asset, dict):
            continue
        path = f"/assets/{key}/mlm:artifact_type"
        if "mlm:model" in _roles(asset):
            if "mlm:artifact_type" in asset:
                continue
            found = _model_file(asset, context)
            if found and found["artifact_type"]:
                asset["mlm:artifact_type"] = found["artifact_type"]
                detail = f"derived from the model file ({found['why']}): {shown(found['artifact_type'])}"
                context.add(path, "assumed", detail, target=path)
            else:
                asset["mlm:artifact_type"] = context.common["artifact_type_placeholder"]
                detail = "the source document does not say how the model was saved"
                context.placeholder(path, detail, context.common["artifact_type_fill"])
        elif "mlm:artifact_type" in asset:
            context.add(path, "dropped", "only model assets may state an artifact type", asset.pop("mlm:artifact_type"))


@step
def entrypoint_roles(context: Context, sources: list[Source]) -> None:
    """Assets with an entrypoint get the code role."""
    if not context.is_item:
        return
    for key, asset in context.assets().items():
        if isinstance(asset, dict) and "mlm:entrypoint" in asset and "code" not in _roles(asset):
            original = _roles(asset)
            asset["roles"] = [*original, "code"]
            path = f"/assets/{key}/roles"
            context.add(path, "assumed", "the asset has an entrypoint, so it holds code", list(original), path)


RequiredSpec = tuple[dict[str, Any], pointer.Walk, int, int, str]


def _compile_required(table: list[dict[str, Any]]) -> tuple[RequiredSpec, ...]:
    """The `required` table with each path split into its (compiled) parent pattern, a number for that
    pattern (the same for specs of the same parent), the parent's depth and the last key."""
    specs = []
    numbers: dict[pointer.Walk, int] = {}
    for spec in table:
        segments = pointer.parse_pointer(spec["path"])
        parent = pointer.compile_walk(segments[:-1])
        specs.append((spec, parent, numbers.setdefault(parent, len(numbers)), len(segments) - 1, segments[-1]))
    return tuple(specs)


_required_specs = built_once(_compile_required)  # worked out once per table


@step
def required(context: Context, sources: list[Source]) -> None:
    """Required fields that are missing get a value (supplied, assumed or a placeholder)."""
    if not context.is_item:
        return
    document = context.document
    if not isinstance(document.get("properties"), dict):
        if "properties" in document:
            context.add("/properties", "dropped", "Item properties must be an object", document["properties"])
        document["properties"] = {}
    # the parents found for each pattern (by number), with the pattern's depth
    walks: dict[int, tuple[int, list[tuple[Segments, tuple[str, ...], Any]]]] = {}
    for spec, parent_walk, number, depth, key in _required_specs(context.common["required"]):
        found = walks.get(number)
        if found is None:
            found = walks[number] = (depth, pointer.walk(document, parent_walk))
        parents = found[1]
        filled = False
        # parents of one pattern sit at one depth: filling one never moves another
        for parent_path, _, parent in parents:
            if not isinstance(parent, dict) or key in parent:
                continue
            concrete = (*parent_path, key)
            # a supplier derives a value, or gives MISSING: the table's stand-in is written
            supplier = SUPPLIERS[spec["converter"]] if "converter" in spec else None
            derived, action = supplier(context.view, concrete) if supplier else (MISSING, "")
            parent[key] = value = pointer.copy_json(spec["value"]) if derived is MISSING else derived
            filled = True
            target = format_pointer(concrete)
            if derived is MISSING or action == "placeholder":
                context.placeholder(target, spec["note"], spec.get("fill"))
            else:
                context.add(target, action, f"{spec['note']}: {shown(value)}", target=target)
        if filled:  # a value filled under parents at `depth` changes only what deeper patterns find
            walks = {n: kept for n, kept in walks.items() if kept[0] <= depth}


def _band_dimension(dims: list[Any], shape: Any, count: int) -> tuple[Any, str, str] | None:
    """The dimension of ``dims`` that stacks ``count`` bands: (name, action, why), or None.

    A dimension named as a band dimension (`band_dimension.names` in mlm.yaml) whose size is ``count``
    (or unknown) is renamed (converted); else the one dimension of another name whose size is ``count``,
    else the one dimension that is not a known non-band dimension, is taken (assumed)."""
    table = tables().families["mlm"].data["band_dimension"]
    sizes = shape if isinstance(shape, list) and len(shape) == len(dims) else [None] * len(dims)

    def fits(position: int) -> bool:
        return sizes[position] in (count, -1, None)

    names = [d for i, d in enumerate(dims) if isinstance(d, str) and d.lower() in table["names"] and fits(i)]
    if len(names) == 1:
        return names[0], "converted", f"it is named as a band dimension and its size fits the {count} listed bands"
    others = [(i, d) for i, d in enumerate(dims) if isinstance(d, str) and d.lower() not in table["other_dimensions"]]
    sized = [d for i, d in others if sizes[i] == count]
    if len(sized) == 1:
        return sized[0], "assumed", f"it is the one dimension of size {count}, the number of listed bands"
    if len(others) == 1:
        return others[0][1], "assumed", "it is the one dimension that is not batch, space, time or class"
    return None


@step
def dimension_names(context: Context, sources: list[Source]) -> None:
    """Inputs and outputs that list bands get a ``bands`` dimension, found in their dimension order."""
    properties = context.document.get("properties")
    if not context.is_item or not isinstance(properties, dict):
        return
    for field, structure_key in (("mlm:input", "input"), ("mlm:output", "result")):
        items = properties.get(field)
        for index, item in enumerate(items if isinstance(items, list) else []):
            structure = item.get(structure_key) if isinstance(item, dict) else None
            dims = structure.get("dim_order") if isinstance(structure, dict) else None
            if not isinstance(structure, dict) or not isinstance(dims, list):
                continue
            dims = structure["dim_order"]
            path = f"/properties/{field}/{index}/{structure_key}/dim_order"
            has_bands = isinstance(item.get("bands"), list) and bool(item["bands"])
            if has_bands and "bands" not in dims:
                found = _band_dimension(dims, structure.get("shape"), len(item["bands"]))
                if found is not None:
                    candidate, action, why = found
                    structure["dim_order"] = ["bands" if d == candidate else d for d in dims]
                    detail = (
                        f"since v1.5.0 an {field.removeprefix('mlm:')} that lists bands has a `bands` dimension: "
                        f"{shown(candidate)} becomes `bands` ({why})"
                    )
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
    """Band definitions moved from the Item properties to the model asset (and added where missing)."""
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
        isinstance(items, list)
        and bool(items)
        and all(isinstance(i, dict) and isinstance(i.get("bands"), list) and i["bands"] for i in items)
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
    given = model.get("raster:bands")
    if isinstance(given, list) and len(given) == len(names) and all(isinstance(b, dict) for b in given):
        for index, (band, name) in enumerate(zip(given, names, strict=True)):
            if not isinstance(band.get("name"), str):
                where = f"{path}/{index}/name"
                if "name" in band:
                    context.add(where, "dropped", "a raster band name must be a text", band["name"])
                detail = f"a raster band without a name takes the name the model lists at its position: {shown(name)}"
                context.add(where, "assumed", detail, target=where)
                band["name"] = name
        return
    model["raster:bands"] = [{"name": name} for name in names]
    context.add(path, "assumed", "band definitions (names only) written for the bands the model lists", target=path)
    if given is not None:
        detail = f"raster bands without names that do not match the {len(names)} bands the model lists"
        context.add(path, "dropped", detail, given)


@step
def summaries(context: Context, sources: list[Source]) -> None:
    """Collection summaries as objects (a list of values becomes a JSON Schema summary)."""
    values = context.document.get("summaries")
    if context.document.get("type") != "Collection" or not isinstance(values, dict):
        return
    for key, value in list(values.items()):
        if not isinstance(value, dict):
            values[key] = _json_schema_summary(
                value if isinstance(value, list) else [value], key in context.facts.array_fields
            )
            detail = f"MLM {TARGET} reads every summary as an object (erratum E5): written as a JSON Schema summary"
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
    """The MLM schema URL listed; legacy extension URLs removed."""
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
        if original is None or isinstance(original, list):
            context.add("/stac_extensions", "converted", detail or "rewritten as a list", original, "/stac_extensions")
        else:  # no rule could read it as extension URLs: kept in the report
            context.add("/stac_extensions", "dropped", f"not a list of extension URLs; {detail}", original)
