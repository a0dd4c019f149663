"""The named converters the migration tables refer to.

A rule converter is ``fn(value, context) -> result``: ``value`` is what the rule's ``from`` holds (a
dict keyed by the last path segment when the rule also has ``with``); the result is written to the
rule's ``to``, or is ``KEEP`` (the rule does not apply), ``PLACED`` (the converter wrote its results
with ``context.put``) or ``Drop(reason)``. A converter that assumes something says so with
``context.assume``. Tables of names (tasks, roles, data types...) live in schema/migrations/.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from . import pointer
from .engine import KEEP, PLACED, Context, Drop
from .tables import facts, tables

Converter = Callable[[Any, Context], Any]
CONVERTERS: dict[str, Converter] = {}


def converter(function: Converter) -> Converter:
    CONVERTERS[function.__name__] = function
    return function


def _family(name: str) -> dict[str, Any]:
    return tables().families[name].data


def _asset_key(context: Context) -> str:
    return pointer.parse(context.path)[1]


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# envelope ----------------------------------------------------------------------------------------
@converter
def assets_list_to_mapping(value: Any, context: Context) -> Any:
    if not isinstance(value, list):
        return value
    assets: dict[str, Any] = {}
    for index, entry in enumerate(value):
        if isinstance(entry, dict) and len(entry) == 1 and isinstance(next(iter(entry.values())), dict):
            key, asset = next(iter(entry.items()))
        else:
            key, asset = f"asset-{index}", entry
        while key in assets:
            key += "-2"
        assets[key] = asset
    return assets


@converter
def as_list(value: Any, context: Context) -> Any:
    return value if isinstance(value, list) else [value]


@converter
def id_to_string(value: Any, context: Context) -> Any:
    return str(value) if _number(value) else value


@converter
def stac_version_release(value: Any, context: Context) -> Any:
    if isinstance(value, str) and value.startswith("1.0.0-beta"):
        return "1.0.0"
    return value


# names and values --------------------------------------------------------------------------------
def task_name(value: Any, context: Context, target: str) -> str | None:
    """The v1.5.2 spelling of a task name, or None; judgement calls are reported as assumed."""
    if not isinstance(value, str):
        return None
    known = context.facts.tasks
    if value in known:
        return value
    key = value.strip().lower()
    mapped = context.common.get("task_names", {}).get(key)
    if mapped:
        if mapped.get("assumed"):
            context.assume(target, f"task {value!r} read as {mapped['task']!r}: {mapped.get('note', '')}".rstrip(": "))
        return str(mapped["task"])
    hyphenated = re.sub(r"[\s_]+", "-", key)
    return hyphenated if hyphenated in known else None


@converter
def task_list(value: Any, context: Context) -> Any:
    values = value if isinstance(value, list) else [value]
    tasks: list[str] = []
    for item in values:
        task = task_name(item, context, context.path)
        if task is None:
            context.notes.append(f"task {item!r} has no v1.5.2 equivalent and was left out")
        elif task not in tasks:
            tasks.append(task)
    return tasks


@converter
def framework_name(value: Any, context: Context) -> Any:
    if not isinstance(value, str):
        return Drop(f"a framework name must be a string, got {value!r}")
    name = _framework_spellings().get(value.strip().lower())
    if name:
        return name
    if context.facts.framework_pattern.match(value):
        return value
    stripped = value.strip(" ._-\t\n")
    return stripped if stripped else Drop("the framework name is empty")


@cache
def _framework_spellings() -> dict[str, str]:
    """Lower-case framework names and known misspellings, to the spelling v1.5.2 recommends."""
    canonical = {name.lower(): name for name in facts().frameworks}
    canonical.update(tables().common.get("framework_names", {}))
    return canonical


@converter
def semantic_version(value: Any, context: Context) -> Any:
    text = str(value).strip() if _number(value) or isinstance(value, str) else None
    if text is None:
        return Drop(f"{value!r} is not a version")
    if context.facts.version_pattern.match(text):
        return text
    match = re.fullmatch(r"v?(\d+)(?:\.(\d+))?(?:\.(\d+))?", text)
    if not match:
        return Drop(f"{value!r} is not a semantic version (MAJOR.MINOR.PATCH)")
    parts = [str(int(p)) if p is not None else "0" for p in match.groups()]
    version = ".".join(parts)
    if match.group(3) is None:
        context.assume("/properties/mlm:framework_version", f"{value!r} has no patch number; 0 assumed", version)
    return version


@converter
def model_name(value: Any, context: Context) -> Any:
    if isinstance(value, str) and context.facts.name_pattern.match(value):
        return value
    cleaned = sanitize_name(value, context)
    return cleaned if cleaned else Drop(f"{value!r} cannot be made into a v1.5.2 model name")


def sanitize_name(value: Any, context: Context) -> str | None:
    """Make a text fit the name pattern: other characters become spaces, then trim the ends."""
    if not isinstance(value, str | int):
        return None
    text = re.sub(r"[^A-Za-z0-9_.\-\s]+", " ", str(value))
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"^[^A-Za-z]+", "", text)
    text = re.sub(r"[^A-Za-z0-9]+$", "", text)
    return text if context.facts.name_pattern.match(text) else None


@converter
def accelerator(value: Any, context: Context) -> Any:
    if value is None or value in context.facts.accelerators:
        return value
    mapped = context.common.get("accelerator_names", {}).get(str(value).lower())
    if not mapped:
        return Drop(f"{value!r} is not an accelerator v1.5.2 knows")
    if mapped.get("assumed"):
        context.assume(context.path, mapped["note"], mapped["value"])
    return mapped["value"]


@converter
def megabytes_to_bytes(value: Any, context: Context) -> Any:
    if not _number(value) or value < 0:
        return Drop(f"{value!r} is not a size in megabytes")
    return round(value * 1024**2)


@converter
def pretrained_source(value: Any, context: Context) -> Any:
    if value is True or (isinstance(value, str) and value.strip()):
        context.put("/properties/mlm:pretrained", True)
        if isinstance(value, str):
            context.put("/properties/mlm:pretrained_source", value)
        return PLACED
    return Drop(f"{value!r} does not say whether or from what the model was pretrained; mlm:pretrained left unset")


@converter
def processing_expression(value: Any, context: Context) -> Any:
    if value is None:
        return None
    if isinstance(value, list):
        if not value:
            return Drop("an empty list of functions")
        items = [processing_expression(item, context) for item in value]
        kept = [item for item in items if not isinstance(item, Drop)]
        return kept if kept else Drop("none of the functions could be converted")
    if isinstance(value, dict):
        if "format" in value and "expression" in value:
            if "description" in value and not isinstance(value["description"], str):
                return {**value, "description": str(value["description"])}
            return value
        return Drop("a processing expression needs `format` and `expression`")
    if isinstance(value, str):
        if value.strip().lower() in {"built-in", "builtin", ""}:
            return Drop(f"{value!r} names no function")
        if re.match(r"^[a-z][a-z0-9+.-]*://", value):
            return {"format": "uri", "expression": {"href": value}}
        return {"format": "python", "expression": value}
    return Drop(f"{value!r} is not a function name or processing expression")


@converter
def classification_classes(value: Any, context: Context) -> Any:
    if not isinstance(value, list):
        return Drop("classification classes must be a list")
    classes = []
    for item in value:
        if not isinstance(item, dict):
            return Drop(f"class {item!r} is not an object")
        fixed = {k: v for k, v in item.items() if v is not None}
        if len(fixed) != len(item):
            context.notes.append("keys with null values were removed from class objects")
        hint = fixed.get("color_hint")
        if isinstance(hint, list) and len(hint) == 3 and all(isinstance(c, int) and 0 <= c <= 255 for c in hint):
            fixed["color_hint"] = "".join(f"{c:02X}" for c in hint)
        if not isinstance(fixed.get("description"), str):
            label = fixed.get("name") or fixed.get("title") or f"class {fixed.get('value')}"
            fixed["description"] = str(label)
            context.notes.append("classes without a description took their name as description")
        classes.append(fixed)
    return classes


# summaries ---------------------------------------------------------------------------------------
def _json_schema_summary(values: list[Any], array_field: bool) -> dict[str, Any]:
    flat: list[Any] = []
    for value in values:
        for item in value if isinstance(value, list) else [value]:
            if item not in flat:
                flat.append(item)
    return {"type": "array", "items": {"enum": flat}} if array_field else {"enum": flat}


@converter
def summary_values(value: Any, context: Context) -> Any:
    if isinstance(value, dict):
        return value
    if not isinstance(value, list):
        return Drop(f"{value!r} is not a summary")
    key = pointer.parse(context.path)[-1]
    return _json_schema_summary(value, key in context.facts.array_fields)


@converter
def summary_tasks(value: Any, context: Context) -> Any:
    if isinstance(value, dict):
        return value
    values = value if isinstance(value, list) else [value]
    return _json_schema_summary(task_list(values, context), array_field=True)


# roles -------------------------------------------------------------------------------------------
def _map_roles(roles: Any, table: dict[str, list[str]]) -> Any:
    if not isinstance(roles, list) or not any(isinstance(r, str) and r in table for r in roles):
        return roles
    mapped: list[str] = []
    for role in roles:
        for new in table.get(role, [role]) if isinstance(role, str) else [role]:
            if new not in mapped:
                mapped.append(new)
    return mapped


@converter
def dlm_asset_roles(value: Any, context: Context) -> Any:
    return _map_roles(value, _family("dlm")["asset_roles"])


@converter
def ml_model_asset_roles(value: Any, context: Context) -> Any:
    return _map_roles(value, _family("ml-model")["asset_roles"])


@converter
def source_code_roles(value: Any, context: Context) -> Any:
    if not isinstance(value, list) or "mlm:model" not in value or not {"code", "mlm:source_code"} & set(value):
        return value
    key = _asset_key(context)
    others = [
        k
        for k, a in context.assets().items()
        if k != key and isinstance(a, dict) and "mlm:model" in (a.get("roles") or []) and "code" not in a["roles"]
    ]
    if not others:
        return value
    return [role for role in value if role != "mlm:model"]


@converter
def requires_gpu(value: Any, context: Context) -> Any:
    if value is True:
        context.assume(context.path.replace("ml-model:requires-gpu", "mlm:accelerator"), "GPU read as CUDA", "cuda")
        return "cuda"
    return Drop(f"{value!r}: not requiring a GPU does not say which accelerator the model uses")


def _append_description(context: Context, asset_key: str, text: str) -> None:
    asset = context.assets().get(asset_key)
    if isinstance(asset, dict):
        current = asset.get("description")
        if isinstance(current, str) and current:
            asset["description"] = f"{current.rstrip()} {text}"
            path = f"/assets/{asset_key}/description"
            context.add(path, "converted", f"text added: {text}", current, path)
        else:
            asset["description"] = text


@converter
def asset_description_note(value: Any, context: Context) -> Any:
    label = pointer.parse(context.path)[-1].split(":", 1)[-1]
    _append_description(context, _asset_key(context), f"{label}: {value}.")
    return PLACED


@converter
def ml_model_link(value: Any, context: Context) -> Any:
    rels = _family("ml-model")["link_rels"]
    if not isinstance(value, dict) or value.get("rel") not in rels:
        return KEEP
    mapped = rels[value["rel"]]
    if "rel" in mapped:
        return {**value, "rel": mapped["rel"]}
    href = str(value.get("href", "")).removeprefix("docker://")
    asset = {"href": href, "type": context.common["container_media_type"], "roles": list(mapped["roles"])}
    if value.get("title"):
        asset["title"] = value["title"]
    key = context.free_asset_key(mapped["asset"])
    context.put(f"/assets/{key}", asset)
    context.notes.append(f"became asset {key!r}")
    return PLACED


# DLM ---------------------------------------------------------------------------------------------
def _first(values: dict[str, Any], *names: str) -> Any:
    for name in names:
        if values.get(name) is not None:
            return values[name]
    return None


@converter
def dlm_source_code_asset(values: dict[str, Any], context: Context) -> Any:
    url = values.get("model_src_url")
    commit = _first(values, "model_commit_hash", "model_src_hash")
    handler = values.get("model_handler")
    if not url and not handler:
        return Drop("no source code location or handler given")
    asset: dict[str, Any] = {"title": "Model source code", "roles": ["mlm:source_code", "code"]}
    if url:
        pinned = f"{url.rstrip('/')}/tree/{commit}" if commit and "github.com/" in url else url
        asset.update(href=pinned, type="text/html")
        if commit and pinned == url:
            asset["description"] = f"Commit {commit}."
    else:
        asset["href"] = "PLACEHOLDER"
        context.add("/assets/source_code/href", "placeholder", "the source code location is not given", None)
    if handler:
        asset["mlm:entrypoint"] = handler
    key = context.free_asset_key("source_code")
    context.put(f"/assets/{key}", asset)
    context.notes.append(f"written as asset {key!r}")
    return PLACED


@converter
def dlm_requirements_asset(value: Any, context: Context) -> Any:
    if not isinstance(value, str) or not value.strip():
        return Drop(f"{value!r}: no requirements file")
    asset = {"href": value, "type": "text/plain", "title": "Requirements", "roles": ["metadata"]}
    context.put(f"/assets/{context.free_asset_key('requirements')}", asset)
    return PLACED


@converter
def dlm_container_assets(value: Any, context: Context) -> Any:
    if not isinstance(value, dict) or not value:
        return Drop(f"{value!r}: no container described")
    roles = ["mlm:inference-runtime", "runtime"]
    media_type = context.common["container_media_type"]
    image = value.get("image_name") or value.get("docker_image")
    extras = {k: v for k, v in value.items() if k not in {"image_name", "docker_image", "tag", "gpu", "docker_file"}}
    description = " ".join(f"{k}: {v}." for k, v in extras.items() if v is not None)
    if image:
        tag = value.get("tag")
        href = f"{image}:{tag}" if tag and ":" not in str(image) else str(image)
        asset: dict[str, Any] = {"href": href, "type": media_type, "title": "Inference container", "roles": roles}
        if description:
            asset["description"] = description
        key = context.free_asset_key("container")
        if value.get("gpu") is True:
            asset["mlm:accelerator"] = "cuda"
            context.assume(f"/assets/{key}/mlm:accelerator", "`gpu: true` read as an NVIDIA CUDA GPU", "cuda")
        context.put(f"/assets/{key}", asset)
    dockerfile = value.get("docker_file")
    if dockerfile:
        asset = {"href": dockerfile, "type": "text/plain", "title": "Dockerfile", "roles": roles}
        if description and not image:
            asset["description"] = description
        context.put(f"/assets/{context.free_asset_key('dockerfile')}", asset)
    if not image and not dockerfile:
        return Drop("neither an image nor a Dockerfile is given")
    return PLACED


def _channels(tensors: Any) -> int | None:
    tensors = tensors[0] if isinstance(tensors, list) and tensors else tensors
    if isinstance(tensors, dict):
        value = _first(tensors, "channels", "dim")
        return value if isinstance(value, int) else None
    return None


@converter
def dlm_band_names(values: dict[str, Any], context: Context) -> Any:
    selected = values.get("selected_bands")
    useful = values.get("useful_bands")
    channels = _channels(
        context.get("/properties/dlm:inputs/input_tensors", context.get("/properties/dlm:inputs/shape"))
    )
    useful_names = [b.get("name") for b in useful or [] if isinstance(b, dict) and isinstance(b.get("name"), str)]
    eo_bands = context.get("/properties/eo:bands") or []
    via_eo = None
    if isinstance(selected, list) and all(isinstance(i, int) and 0 <= i < len(eo_bands) for i in selected):
        via_eo = [eo_bands[i].get("name") if isinstance(eo_bands[i], dict) else None for i in selected]
        via_eo = via_eo if all(isinstance(n, str) and n for n in via_eo) else None
    target = "/properties/mlm:input/0/bands"
    if useful_names and (channels is None or len(useful_names) == channels):
        if via_eo and via_eo != useful_names:
            context.assume(target, f"band names taken from useful_bands; selected_bands through eo:bands give {via_eo}")
        return useful_names
    if via_eo and (channels is None or len(via_eo) == channels):
        context.assume(target, "band names found by looking up selected_bands in the Item's eo:bands", via_eo)
        return via_eo
    return Drop("the band indices cannot be resolved to band names")


@converter
def dlm_input_structure(value: Any, context: Context) -> Any:
    tensors = value[0] if isinstance(value, list) and len(value) == 1 else value
    if not isinstance(tensors, dict):
        return Drop(f"{value!r} is not a tensor size object")
    channels = _first(tensors, "channels", "dim")
    sizes = [tensors.get("batch", -1), channels, tensors.get("height"), tensors.get("width")]
    if not all(isinstance(s, int) and s >= -1 for s in sizes):
        return Drop(f"{value!r} does not give batch, channels, height and width as integers")
    bands = context.get("/properties/mlm:input/0/bands")
    channel_dim = "bands" if bands else "channel"
    scaled = any(context.has(f"/properties/dlm:inputs/{k}") for k in ("scaling_factor", "normalization:mean"))
    data_type = (
        "float32" if scaled else _raster_type(_first(context.get("/properties/dlm:data", {}), "data_type", "dtype"))
    )
    if data_type is None:
        data_type = "float32"
    why = "values are scaled or normalised, so" if scaled else "DLM gives no tensor type;"
    context.assume("/properties/mlm:input/0/input/data_type", f"{why} the tensor type is assumed", data_type)
    return {"shape": sizes, "dim_order": ["batch", channel_dim, "height", "width"], "data_type": data_type}


def _raster_type(numpy_name: Any) -> str | None:
    if not isinstance(numpy_name, str):
        return None
    if numpy_name in facts().data_types:
        return numpy_name
    mapped = _family("dlm")["numpy_data_types"].get(numpy_name)
    return mapped if isinstance(mapped, str) else (mapped or {}).get("value")


@converter
def dlm_value_scaling(values: dict[str, Any], context: Context) -> Any:
    factor = values.get("scaling_factor")
    mean, std = values.get("normalization:mean"), values.get("normalization:std")
    count = (
        max(len(x) for x in (factor, mean, std) if isinstance(x, list))
        if any(isinstance(x, list) for x in (factor, mean, std))
        else 1
    )

    def per_band(x: Any, default: float) -> list[Any] | None:
        if x is None:
            return [default] * count
        if _number(x):
            return [x] * count
        if isinstance(x, list) and len(x) == count and all(_number(v) for v in x):
            return x
        return None

    factors, means, stds = per_band(factor, 1), per_band(mean, 0), per_band(std, 1)
    if factors is None or means is None or stds is None or any(f == 0 for f in factors):
        return Drop("scaling factor, mean and std do not have matching per-band lengths")
    if mean is None and std is None:
        return (
            [{"type": "scale", "value": 1 / f} for f in factors]
            if count > 1
            else [{"type": "scale", "value": 1 / factors[0]}]
        )
    if mean is None or std is None:
        return Drop("a mean without a standard deviation (or the reverse) is not a z-score")
    return [{"type": "z-score", "mean": m / f, "stddev": s / f} for f, m, s in zip(factors, means, stds, strict=True)]


@converter
def dlm_task(value: Any, context: Context) -> Any:
    task = task_name(value, context, "/properties/mlm:tasks")
    if task is None:
        return Drop(f"task {value!r} has no v1.5.2 equivalent")
    context.put("/properties/mlm:tasks", [task])
    context.put("/properties/mlm:output/0/tasks", [task])
    return PLACED


@converter
def dlm_result_structure(value: Any, context: Context) -> Any:
    if not isinstance(value, list) or not all(isinstance(s, int) and s >= -1 for s in value):
        return Drop(f"{value!r} is not a list of sizes")
    orders = context.common.get("result_dim_orders", {})
    order = orders.get(str(len(value)))
    if not order:
        return Drop(f"no dimension names are known for a result of rank {len(value)}")
    context.assume("/properties/mlm:output/0/result/dim_order", "dimension names inferred from the rank", order)
    context.assume("/properties/mlm:output/0/result/data_type", "DLM gives no output type; float32 assumed", "float32")
    return {"shape": value, "dim_order": list(order), "data_type": "float32"}


@converter
def dlm_classes(values: dict[str, Any], context: Context) -> Any:
    mapping = values.get("class_name_mapping")
    dont_care = values.get("dont_care_index")
    pairs: list[tuple[Any, Any]] = []
    if isinstance(mapping, dict):
        pairs = [(k.removeprefix("I_"), v) for k, v in mapping.items()]
    elif isinstance(mapping, list):
        for entry in mapping:
            if isinstance(entry, dict) and "index" in entry:
                pairs.append((entry["index"], entry.get("class_name")))
            elif isinstance(entry, dict):
                pairs.extend(entry.items())
    classes = []
    for key, name in pairs:
        if not str(key).lstrip("-").isdigit():
            return Drop(f"class key {key!r} is not an integer")
        entry = {"value": int(key), "name": str(name), "description": str(name)}
        if dont_care is not None and int(key) == dont_care:
            entry["nodata"] = True
        classes.append(entry)
    if dont_care is not None and not any(c.get("nodata") for c in classes):
        classes.append({"value": dont_care, "name": "dont-care", "description": "don't care", "nodata": True})
    if not classes:
        return Drop(f"{mapping!r} holds no classes")
    return sorted(classes, key=lambda c: c["value"])


@converter
def dlm_source_bands(values: dict[str, Any], context: Context) -> Any:
    numpy_name = _first(values, "data_type", "dtype")
    nodata = _first(values, "nodata", "nodata_value")
    model = context.model_asset_key()
    names = context.get("/properties/mlm:input/0/bands") or []
    if model is None or not names:
        return Drop("no model asset and band names to attach the source data type to")
    data_type = _raster_type(numpy_name)
    mapped = _family("dlm")["numpy_data_types"].get(numpy_name)
    if isinstance(mapped, dict) and mapped.get("assumed"):
        context.assume(f"/assets/{model}/raster:bands", mapped["note"], data_type)
    bands = []
    for name in names:
        band: dict[str, Any] = {"name": name if isinstance(name, str) else name.get("name")}
        if data_type:
            band["data_type"] = data_type
        if nodata is not None:
            band["nodata"] = nodata
        bands.append(band)
    context.put(f"/assets/{model}/raster:bands", bands)
    return PLACED


@converter
def example_links(value: Any, context: Context) -> Any:
    if not isinstance(value, list):
        return Drop(f"{value!r} is not a list of examples")
    for example in value:
        if isinstance(example, dict) and example.get("url"):
            link = {"rel": "example", "href": example["url"]}
            if example.get("title"):
                link["title"] = example["title"]
            context.put("/links/-", link)
    return PLACED


@converter
def dlm_archive(value: Any, context: Context) -> Any:
    if not isinstance(value, list):
        return Drop(f"{value!r} is not a list of archive files")
    roles_table = _family("dlm")["asset_roles"]
    listed = []
    for entry in value:
        if not isinstance(entry, dict):
            continue
        roles = entry.get("roles", entry.get("role", []))
        roles = roles if isinstance(roles, list) else [roles]
        if entry.get("href"):
            asset = {"href": entry["href"], "title": str(entry.get("name", entry["href"])), "roles": []}
            asset["roles"] = _map_roles([r for r in roles if isinstance(r, str)], roles_table) or ["metadata"]
            key = re.sub(r"[^A-Za-z0-9_.-]+", "_", str(entry.get("name") or "archive-file")).strip("_.") or "file"
            context.put(f"/assets/{context.free_asset_key(key)}", asset)
        else:
            listed.append(f"{entry.get('name')} ({', '.join(map(str, roles))})" if roles else str(entry.get("name")))
    if listed:
        model = context.model_asset_key()
        if model is None:
            return Drop("no model asset on which to list the archive contents")
        _append_description(context, model, "Files in the archive: " + "; ".join(listed) + ".")
    return PLACED


# early MLM ---------------------------------------------------------------------------------------
@converter
def norm_to_value_scaling(values: dict[str, Any], context: Context) -> Any:
    norm = values.get("norm_type")
    stats = values.get("statistics")
    if "norm_clip" in values:
        context.notes.append("norm_clip (divide by a value, then clip) has no exact value_scaling form")
    if norm is None:
        if stats:
            return Drop("statistics without a norm_type do not say how values are scaled")
        return Drop("no normalisation was stated (v1.4.0 removed these keys)")
    if not isinstance(stats, list) or not stats:
        return Drop(f"norm_type {norm!r} without statistics cannot be written as value_scaling")
    needed = {"z-score": ("mean", "stddev"), "min-max": ("minimum", "maximum")}.get(norm)
    if needed is None:
        return Drop(f"norm_type {norm!r} has no value_scaling object (describe it as a processing expression)")
    objects = []
    for stat in stats:
        if not isinstance(stat, dict) or not all(_number(stat.get(k)) for k in needed):
            return Drop(f"a statistics entry lacks {needed[0]} or {needed[1]}")
        objects.append({"type": norm, needed[0]: stat[needed[0]], needed[1]: stat[needed[1]]})
    return objects


# required fields: ``fn(context, segments) -> (value, action)`` -----------------------------------
Supplier = Callable[[Context, tuple[str, ...]], tuple[Any, str]]
SUPPLIERS: dict[str, Supplier] = {}


def supplier(function: Supplier) -> Supplier:
    SUPPLIERS[function.__name__] = function
    return function


@supplier
def name_from_title_or_id(context: Context, segments: tuple[str, ...]) -> tuple[Any, str]:
    for source in (context.get("/properties/title"), context.document.get("id")):
        name = sanitize_name(source, context)
        if name:
            return name, "assumed"
    return "Unnamed model", "placeholder"


@supplier
def tasks_from_item(context: Context, segments: tuple[str, ...]) -> tuple[Any, str]:
    tasks = context.get("/properties/mlm:tasks")
    return (list(tasks), "assumed") if isinstance(tasks, list) else ([], "placeholder")


@supplier
def tasks_from_outputs(context: Context, segments: tuple[str, ...]) -> tuple[Any, str]:
    tasks: list[str] = []
    for output in context.get("/properties/mlm:output") or []:
        for task in output.get("tasks", []) if isinstance(output, dict) else []:
            if task not in tasks:
                tasks.append(task)
    return (tasks, "assumed") if tasks else ([], "placeholder")


@supplier
def placeholder_output(context: Context, segments: tuple[str, ...]) -> tuple[Any, str]:
    tasks = list(context.get("/properties/mlm:tasks") or [])
    output = {
        "name": tasks[0] if tasks else "output",
        "description": "PLACEHOLDER: the source document does not describe the model output; "
        "fill in name, tasks, shape, dim_order and data_type",
        "tasks": tasks,
        "result": {"shape": [-1], "dim_order": ["unknown"], "data_type": "other"},
    }
    return [output], "placeholder"


@supplier
def output_name(context: Context, segments: tuple[str, ...]) -> tuple[Any, str]:
    output = context.get(segments[:-1]) or {}
    tasks = output.get("tasks") or []
    return (tasks[0], "assumed") if tasks else ("output", "placeholder")
