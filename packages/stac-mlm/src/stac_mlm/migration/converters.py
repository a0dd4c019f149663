"""The named converters the migration tables refer to.

A rule converter is ``fn(value, context) -> result``: ``value`` is what the rule's ``from`` holds (a
dict keyed by the last path segment when the rule also has ``with``); the result is written to the
rule's ``to``, or is ``KEEP`` (the rule does not apply), ``PLACED`` (the converter wrote its results
with ``context.put``, and names where in ``context.target``), ``REPORTED`` (it also reported each
input value with its own entry: ``context.sources`` gives the input path of each ``with`` value) or
``Drop(reason)``. A converter that assumes something says so with ``context.assume``. Tables of
names (tasks, roles, data types, model files...) live in schema/migrations/.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from . import pointer
from .context import KEEP, PLACED, REPORTED, Context, Drop, shown
from .tables import facts, tables

Converter = Callable[[Any, Context], Any]
CONVERTERS: dict[str, Converter] = {}


def converter(function: Converter) -> Converter:
    """Register a converter under its function name (the name the rule tables use)."""
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
    """A list of single-key asset objects as an assets mapping."""
    if not isinstance(value, list):
        return value
    assets: dict[str, Any] = {}
    for index, entry in enumerate(value):
        source = f"/assets/{index}"
        if isinstance(entry, dict) and len(entry) == 1 and isinstance(next(iter(entry.values())), dict):
            key, asset = next(iter(entry.items()))
            source += pointer.format_pointer((str(key),))
        else:
            key, asset = f"asset-{index}", entry
        while key in assets:
            key += "-2"
        assets[key] = asset
        detail = "an asset listed in an array becomes an entry of the assets object"
        context.add(source, "moved", detail, pointer.copy_json(asset), f"/assets/{key}")
    context.document["assets"] = assets
    return REPORTED


@converter
def as_list(value: Any, context: Context) -> Any:
    """The value as a list (a single value becomes a list of one)."""
    return value if isinstance(value, list) else [value]


@converter
def id_to_string(value: Any, context: Context) -> Any:
    """A numeric id as a string."""
    return str(value) if _number(value) else value


@converter
def stac_version_release(value: Any, context: Context) -> Any:
    """A beta STAC version as its release."""
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
            context.assume(
                target, f"task {shown(value)} read as {shown(mapped['task'])}: {mapped.get('note', '')}".rstrip(": ")
            )
        return str(mapped["task"])
    hyphenated = re.sub(r"[\s_]+", "-", key)
    return hyphenated if hyphenated in known else None


@converter
def task_list(value: Any, context: Context) -> Any:
    """Task names as MLM spells them; tasks without an equivalent are left out with a note."""
    values = value if isinstance(value, list) else [value]
    tasks: list[str] = []
    for item in values:
        task = task_name(item, context, context.path)
        if task is None:
            context.notes.append(f"task {shown(item)} has no v1.5.2 equivalent and was left out")
        elif task not in tasks:
            tasks.append(task)
    return tasks


@converter
def framework_name(value: Any, context: Context) -> Any:
    """A framework name as MLM spells it (known misspellings and case fixed)."""
    if not isinstance(value, str):
        return Drop(f"a framework name must be a string, got {shown(value)}")
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
    """A version as a semantic version string (``1.2`` becomes ``1.2.0``)."""
    text = str(value).strip() if _number(value) or isinstance(value, str) else None
    if text is None:
        return Drop(f"{shown(value)} is not a version")
    if context.facts.version_pattern.match(text):
        return text
    match = re.fullmatch(r"v?(\d+)(?:\.(\d+))?(?:\.(\d+))?", text)
    if not match:
        return Drop(f"{shown(value)} is not a semantic version (MAJOR.MINOR.PATCH)")
    parts = [str(int(p)) if p is not None else "0" for p in match.groups()]
    version = ".".join(parts)
    if match.group(3) is None:
        context.assume("/properties/mlm:framework_version", f"{shown(value)} has no patch number; 0 assumed", version)
    return version


@converter
def model_name(value: Any, context: Context) -> Any:
    """A model name that fits MLM's name pattern (cleaned), or dropped."""
    if isinstance(value, str) and context.facts.name_pattern.match(value):
        return value
    cleaned = sanitize_name(value, context)
    return cleaned if cleaned else Drop(f"{shown(value)} cannot be made into a v1.5.2 model name")


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
    """An accelerator MLM knows, mapped from known other names, or dropped."""
    if value is None or value in context.facts.accelerators:
        return value
    mapped = context.common.get("accelerator_names", {}).get(str(value).lower())
    if not mapped:
        return Drop(f"{shown(value)} is not an accelerator v1.5.2 knows")
    if mapped.get("assumed"):
        context.assume(context.path, mapped["note"], mapped["value"])
    return mapped["value"]


@converter
def megabytes_to_bytes(value: Any, context: Context) -> Any:
    """A size in megabytes as bytes."""
    if not _number(value) or value < 0:
        return Drop(f"{shown(value)} is not a size in megabytes")
    return round(value * 1024**2)


@converter
def pretrained_source(value: Any, context: Context) -> Any:
    """A pretrained flag or source as ``mlm:pretrained`` (and ``mlm:pretrained_source``)."""
    if value is True or (isinstance(value, str) and value.strip()):
        context.put("/properties/mlm:pretrained", True)
        if isinstance(value, str):
            context.put("/properties/mlm:pretrained_source", value)
            context.target = "/properties/mlm:pretrained_source"
        else:
            context.target = "/properties/mlm:pretrained"
        return PLACED
    return Drop(f"{shown(value)} does not say whether or from what the model was pretrained; mlm:pretrained left unset")


@converter
def processing_expression(value: Any, context: Context) -> Any:
    """Processing functions as MLM processing expressions."""
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
            return Drop(f"{shown(value)} names no function")
        if re.match(r"^[a-z][a-z0-9+.-]*://", value):
            return {"format": "uri", "expression": {"href": value}}
        return {"format": "python", "expression": value}
    return Drop(f"{shown(value)} is not a function name or processing expression")


_NULL_CLASS_FIELDS = "keys with null values (no value) were removed from class objects"


@converter
def classification_classes(value: Any, context: Context) -> Any:
    """Classification classes as MLM class objects (null fields removed, with a note)."""
    if not isinstance(value, list):
        return Drop("classification classes must be a list")
    classes: list[dict[str, Any]] = []
    for item in value:
        if not isinstance(item, dict):
            return Drop(f"class {shown(item)} is not an object")
        fixed = {k: v for k, v in item.items() if v is not None}
        if len(fixed) != len(item) and _NULL_CLASS_FIELDS not in context.notes:
            context.notes.append(_NULL_CLASS_FIELDS)
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
    """A Collection summary as an object (a list of values becomes a JSON Schema summary)."""
    if isinstance(value, dict):
        return value
    if not isinstance(value, list):
        return Drop(f"{shown(value)} is not a summary")
    key = pointer.parse(context.path)[-1]
    return _json_schema_summary(value, key in context.facts.array_fields)


@converter
def summary_tasks(value: Any, context: Context) -> Any:
    """A summary of tasks as a JSON Schema summary of MLM task names."""
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
    """DLM asset roles as MLM roles."""
    return _map_roles(value, _family("dlm")["asset_roles"])


@converter
def ml_model_asset_roles(value: Any, context: Context) -> Any:
    """ml-model asset roles as MLM roles."""
    return _map_roles(value, _family("ml-model")["asset_roles"])


@converter
def source_code_roles(value: Any, context: Context) -> Any:
    """The roles of a source-code asset that also claims ``mlm:model`` when another asset is the model."""
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
    """``requires-gpu: true`` as a CUDA accelerator (assumed); other values dropped."""
    if value is True:
        context.assume(context.path.replace("ml-model:requires-gpu", "mlm:accelerator"), "GPU read as CUDA", "cuda")
        return "cuda"
    return Drop(f"requires-gpu {shown(value)} does not say which accelerator the model uses")


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
    """A field without an MLM equivalent, appended to the model asset's description."""
    label = pointer.parse(context.path)[-1].split(":", 1)[-1]
    _append_description(context, _asset_key(context), f"{label}: {value}.")
    context.target = f"/assets/{_asset_key(context)}/description"
    return PLACED


@converter
def ml_model_link(value: Any, context: Context) -> Any:
    """An ml-model link as an MLM link relation, or as a runtime asset."""
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
    fields = {"href": "href", "rel": "roles", "type": "type", "title": "title"}
    for name, original in value.items():
        where = f"/assets/{key}/{fields[name]}" if name in fields else None
        action = "moved" if name == "title" else "converted" if where else "dropped"
        context.add(
            f"{context.path}/{name}", action, f"the {mapped['asset']} link becomes a container asset", original, where
        )
    pointer.remove(context.document, pointer.parse(context.path), context.emptied)
    return REPORTED


# DLM ---------------------------------------------------------------------------------------------
def _first(values: dict[str, Any], *names: str) -> Any:
    for name in names:
        if values.get(name) is not None:
            return values[name]
    return None


@converter
def draft_license(value: Any, context: Context) -> Any:
    """The 2020 draft's license object ({title, description, href}): its title as the STAC license, its
    href as a `license` link titled with its description."""
    if not isinstance(value, dict):
        return KEEP
    title, href, description = value.get("title"), value.get("href"), value.get("description")
    if not isinstance(title, str) or not title.strip():
        return Drop("a license object without a title names no license")
    source = context.path
    pointer.put(context.document, pointer.parse(source), title.strip())
    context.add(f"{source}/title", "moved", "the license name is the STAC license", title, source)
    placed = {"title"}
    links = context.document.setdefault("links", [])
    if isinstance(href, str) and href and isinstance(links, list):
        link: dict[str, Any] = {"rel": "license", "href": href}
        where = f"/links/{len(links)}"
        context.add(f"{source}/href", "moved", "the license text becomes a `license` link", href, f"{where}/href")
        placed.add("href")
        if isinstance(description, str):
            link["title"] = description
            context.add(
                f"{source}/description",
                "moved",
                "the license description titles the link",
                description,
                f"{where}/title",
            )
            placed.add("description")
        links.append(link)
    for key in [k for k in value if k not in placed]:
        context.add(f"{source}/{key}", "dropped", "no STAC field takes this part of the license", value[key])
    return REPORTED


@converter
def draft_tensor_sizes(values: dict[str, Any], context: Context) -> Any:
    """The 2020 draft's `shape:batch`, `shape:channels`... keys as one `input_tensors` object."""
    return {key.removeprefix("shape:"): value for key, value in values.items()}


@converter
def draft_output_size(value: Any, context: Context) -> Any:
    """The 2020 draft's output `size` ([height, width]) with `noutputs` classes: [batch, classes, height, width]."""
    classes = context.get("/properties/dlm:outputs/noutputs", context.get("/properties/dlm:outputs/number_of_classes"))
    if not (isinstance(value, list) and len(value) == 2 and isinstance(classes, int)):
        return Drop(f"{shown(value)} with {shown(classes)} classes does not give the output's size")
    context.assume("/properties/dlm:outputs/final_layer_size", "the batch size is not given; -1 (any) assumed", -1)
    return [-1, classes, *value]


@converter
def dlm_source_code_asset(values: dict[str, Any], context: Context) -> Any:
    """DLM source code facts (URL, commit, handler) as a source code asset."""
    url = values.get("model_src_url")
    commit_key = next((k for k in ("model_commit_hash", "model_src_hash") if values.get(k) is not None), None)
    commit = values.get(commit_key) if commit_key else None
    handler = values.get("model_handler")
    if not url and not handler:
        return Drop("no source code location or handler given")
    key = context.free_asset_key("source_code")
    base = f"/assets/{key}"
    asset: dict[str, Any] = {"title": "Model source code", "roles": ["mlm:source_code", "code"]}
    sources = context.sources
    for name, value in values.items():
        if name not in {"model_src_url", "model_handler", commit_key} or not value:
            context.add(sources[name], "dropped", f"{name} holds no value", value)
    if url:
        pinned = f"{url.rstrip('/')}/tree/{commit}" if commit and "github.com/" in url else url
        asset.update(href=pinned, type="text/html")
        context.add(sources["model_src_url"], "moved", "the source code location", url, f"{base}/href")
        if commit and pinned == url:
            asset["description"] = f"Commit {commit}."
        if commit and commit_key:
            where = f"{base}/href" if pinned != url else f"{base}/description"
            context.add(
                sources[commit_key], "converted", "the commit is pinned in the source code asset", commit, where
            )
    else:
        asset["href"] = "PLACEHOLDER"
        context.add(
            f"{base}/href",
            "placeholder",
            "the source code location is not given; put here: the URL of the model's source code",
            target=f"{base}/href",
        )
        if commit and commit_key:
            asset["description"] = f"Commit {commit}."
            context.add(
                sources[commit_key],
                "moved",
                "kept in the source code asset's description",
                commit,
                f"{base}/description",
            )
    if handler:
        asset["mlm:entrypoint"] = handler
        context.add(
            sources["model_handler"],
            "moved",
            "the inference handler becomes the entrypoint",
            handler,
            f"{base}/mlm:entrypoint",
        )
    context.put(base, asset)
    return REPORTED


@converter
def dlm_requirements_asset(value: Any, context: Context) -> Any:
    """A DLM requirements file as a metadata asset."""
    if not isinstance(value, str) or not value.strip():
        return Drop(
            "no requirements file is named (the value is empty)"
            if value is None or value == ""
            else f"{shown(value)} is not a file name or URL"
        )
    asset = {"href": value, "type": "text/plain", "title": "Requirements", "roles": ["metadata"]}
    key = context.free_asset_key("requirements")
    context.put(f"/assets/{key}", asset)
    context.target = f"/assets/{key}/href"
    return PLACED


_IMAGE_KEYS = ("image_name", "docker_image", "imagename", "docker:image")
_DOCKERFILE_KEYS = ("docker_file", "dockerfile")


@converter
def dlm_container_assets(value: Any, context: Context) -> Any:
    """A DLM container description as runtime assets (image and Dockerfile)."""
    if not isinstance(value, dict) or not value:
        return Drop(
            "no container is described (the value is empty)" if not value else f"{shown(value)} is not an object"
        )
    roles = ["mlm:inference-runtime", "runtime"]
    media_type = context.common["container_media_type"]
    source = context.path
    image_key = next((k for k in _IMAGE_KEYS if value.get(k)), None)
    file_key = next((k for k in _DOCKERFILE_KEYS if value.get(k)), None)
    if image_key is None and file_key is None:
        return Drop("neither an image nor a Dockerfile is given")
    handled = {image_key, file_key, "tag", "gpu"}
    extras = {k: v for k, v in value.items() if k not in handled and v is not None}
    description = " ".join(f"{k}: {v}." for k, v in extras.items())
    image_asset = file_asset = None
    if image_key:
        image, tag = value[image_key], value.get("tag")
        href = f"{image}:{tag}" if tag and ":" not in str(image) else str(image)
        image_asset = f"/assets/{context.free_asset_key('container')}"
        asset: dict[str, Any] = {"href": href, "type": media_type, "title": "Inference container", "roles": roles}
        if description:
            asset["description"] = description
        if value.get("gpu") is True:
            asset["mlm:accelerator"] = "cuda"
        context.put(image_asset, asset)
        context.add(
            f"{source}/{image_key}", "moved", "the image becomes a container asset", image, f"{image_asset}/href"
        )
        if tag:
            context.add(
                f"{source}/tag", "converted", "the tag is part of the image reference", tag, f"{image_asset}/href"
            )
    if file_key:
        file_asset = f"/assets/{context.free_asset_key('dockerfile')}"
        asset = {"href": value[file_key], "type": "text/plain", "title": "Dockerfile", "roles": roles}
        if description and not image_key:
            asset["description"] = description
        context.put(file_asset, asset)
        context.add(
            f"{source}/{file_key}",
            "moved",
            "the Dockerfile becomes a runtime asset",
            value[file_key],
            f"{file_asset}/href",
        )
    holder = image_asset or file_asset
    for key, extra in extras.items():
        context.add(
            f"{source}/{key}", "moved", "kept in the container asset's description", extra, f"{holder}/description"
        )
    for key in [k for k, v in value.items() if v is None and k != "gpu"]:
        context.add(f"{source}/{key}", "dropped", "holds no value", None)
    gpu = value.get("gpu")
    if gpu is True and image_asset:
        context.add(
            f"{source}/gpu",
            "assumed",
            "`gpu: true` read as an NVIDIA CUDA GPU (cuda)",
            gpu,
            f"{image_asset}/mlm:accelerator",
        )
    elif gpu is not None:
        context.add(
            f"{source}/gpu",
            "dropped",
            "a container that needs no GPU does not say which accelerator the model uses"
            if gpu is False
            else "no container image to attach the accelerator to",
            gpu,
        )
    return REPORTED


def _channels(tensors: Any) -> int | None:
    tensors = tensors[0] if isinstance(tensors, list) and tensors else tensors
    if isinstance(tensors, dict):
        value = _first(tensors, "channels", "dim")
        return value if isinstance(value, int) else None
    return None


def _band_keys() -> dict[str, str]:
    """Keys of a DLM band object and the raster band field each one becomes (dlm.yaml `band_fields`)."""
    keys: dict[str, str] = _family("dlm")["band_fields"]
    return keys


@converter
def dlm_band_names(values: dict[str, Any], context: Context) -> Any:
    """Band names for the input (from useful_bands, else selected_bands through eo:bands); the band-level
    values of useful_bands (nodata, data type, scale, offset, statistics) become Item-level
    `raster:bands`, which a finishing step moves onto the model asset."""
    selected = values.get("selected_bands")
    useful = values.get("useful_bands")
    sources = context.sources
    channels = _channels(
        context.get("/properties/dlm:inputs/input_tensors", context.get("/properties/dlm:inputs/shape"))
    )
    useful = useful if isinstance(useful, list) else []
    useful_names = [b.get("name") for b in useful if isinstance(b, dict) and isinstance(b.get("name"), str)]
    eo_bands = context.get("/properties/eo:bands") or []
    via_eo = None
    if isinstance(selected, list) and all(isinstance(i, int) and 0 <= i < len(eo_bands) for i in selected):
        via_eo = [eo_bands[i].get("name") if isinstance(eo_bands[i], dict) else None for i in selected]
        via_eo = via_eo if all(isinstance(n, str) and n for n in via_eo) else None
    target = "/properties/mlm:input/0/bands"
    names: list[Any] | None = None
    if useful_names and len(useful_names) == len(useful) and (channels is None or len(useful_names) == channels):
        names = useful_names
        if via_eo and via_eo != useful_names:
            context.assume(
                target, f"band names taken from useful_bands; selected_bands through eo:bands give {shown(via_eo)}"
            )
    elif via_eo and (channels is None or len(via_eo) == channels):
        names = via_eo
        context.assume(target, "band names found by looking up selected_bands in the Item's eo:bands", via_eo)
    if names is None:
        for key, value in values.items():
            context.add(sources[key], "dropped", "the band indices cannot be resolved to band names", value)
        return REPORTED
    context.put(target, names)
    if "selected_bands" in values:
        how = "useful_bands" if names is useful_names else "eo:bands"
        context.add(
            sources["selected_bands"], "converted", f"band indices become band names (from {how})", selected, target
        )
    if names is useful_names:
        _useful_bands(useful, sources["useful_bands"], context)
    elif "useful_bands" in values:
        context.add(sources["useful_bands"], "dropped", "useful_bands do not match the input's channels", useful)
    return REPORTED


def _useful_bands(useful: list[Any], source: str, context: Context) -> None:
    """Each useful band becomes an Item-level raster band (names, and any band-level values)."""
    keys = _band_keys()
    bands: list[dict[str, Any]] = []
    for index, band in enumerate(useful):
        raster: dict[str, Any] = {}
        target = f"/properties/raster:bands/{index}"
        for key, value in band.items():
            path = f"{source}/{index}/{key}"
            if key == "name":
                raster["name"] = value
                context.add(path, "moved", "the band name", value, f"/properties/mlm:input/0/bands/{index}")
            elif key == "index":
                context.add(
                    path, "dropped", "the band's position in the source imagery; the list order replaces it", value
                )
            elif key in keys and value is not None:
                field = keys[key]
                converted = _raster_type(value) if field == "data_type" else value
                if converted is None:
                    context.add(path, "dropped", f"{shown(value)} is not a data type raster bands know", value)
                    continue
                raster[field] = converted
                action = "moved" if converted == value else "converted"
                context.add(path, action, f"band-level {field} of this band", value, f"{target}/{field}")
            else:
                context.add(path, "dropped", "no raster band field takes this value", value)
        bands.append(raster)
    context.put("/properties/raster:bands", bands)


@converter
def dlm_input_structure(value: Any, context: Context) -> Any:
    """A DLM input structure as the input's shape and dimension order."""
    tensors = value[0] if isinstance(value, list) and len(value) == 1 else value
    if not isinstance(tensors, dict):
        return Drop(f"{shown(value)} is not a tensor size object")
    channels = _first(tensors, "channels", "dim")
    sizes = [tensors.get("batch", -1), channels, tensors.get("height"), tensors.get("width")]
    if not all(isinstance(s, int) and s >= -1 for s in sizes):
        return Drop(f"{shown(value)} does not give batch, channels, height and width as integers")
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
    """DLM scaling and normalisation fields as value-scaling objects."""
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
    """A DLM task as the Item's and the output's task."""
    task = task_name(value, context, "/properties/mlm:tasks")
    if task is None:
        return Drop(f"task {shown(value)} has no v1.5.2 equivalent")
    context.put("/properties/mlm:tasks", [task])
    context.put("/properties/mlm:output/0/tasks", [task])
    context.target = "/properties/mlm:tasks"
    return PLACED


@converter
def dlm_result_structure(value: Any, context: Context) -> Any:
    """A DLM result structure as the output's shape and dimension order."""
    if not isinstance(value, list) or not all(isinstance(s, int) and s >= -1 for s in value):
        return Drop(f"{shown(value)} is not a list of sizes")
    orders = context.common.get("result_dim_orders", {})
    order = orders.get(str(len(value)))
    if not order:
        return Drop(f"no dimension names are known for a result of rank {len(value)}")
    context.assume("/properties/mlm:output/0/result/dim_order", "dimension names inferred from the rank", order)
    context.assume("/properties/mlm:output/0/result/data_type", "DLM gives no output type; float32 assumed", "float32")
    return {"shape": value, "dim_order": list(order), "data_type": "float32"}


@converter
def dlm_classes(values: dict[str, Any], context: Context) -> Any:
    """DLM class names (and don't-care index) as classification classes."""
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
            return Drop(f"class key {shown(key)} is not an integer")
        entry = {"value": int(key), "name": str(name), "description": str(name)}
        if dont_care is not None and int(key) == dont_care:
            entry["nodata"] = True
        classes.append(entry)
    if dont_care is not None and not any(c.get("nodata") for c in classes):
        classes.append({"value": dont_care, "name": "dont-care", "description": "don't care", "nodata": True})
    if not classes:
        return Drop(f"{shown(mapping)} holds no classes")
    return sorted(classes, key=lambda c: c["value"])


@converter
def dlm_source_bands(values: dict[str, Any], context: Context) -> Any:
    """The source imagery's data type and nodata value apply to every band: written on each Item-level
    raster band (a finishing step moves them onto the model asset) unless a band gives its own."""
    sources = context.sources
    bands = context.get("/properties/raster:bands")
    if not isinstance(bands, list) or not bands:
        names = context.get("/properties/mlm:input/0/bands") or []
        bands = [{"name": n} for n in names if isinstance(n, str)]
        if not bands:
            for key, value in values.items():
                context.add(sources[key], "dropped", "the input lists no bands to which this value could apply", value)
            return REPORTED
        context.put("/properties/raster:bands", bands)
    for key, value in values.items():
        field = "data_type" if key in ("data_type", "dtype") else "nodata"
        converted = _raster_type(value) if field == "data_type" else value
        if converted is None:
            reason = "null: no value" if value is None else f"{shown(value)} is not a data type raster bands know"
            context.add(sources[key], "dropped", reason, value)
            continue
        if field == "data_type":
            mapped = _family("dlm")["numpy_data_types"].get(value)
            if isinstance(mapped, dict) and mapped.get("assumed"):
                context.assume("/properties/raster:bands", mapped["note"], converted)
        written = [i for i, band in enumerate(bands) if isinstance(band, dict) and field not in band]
        for index in written:
            bands[index][field] = converted
        if written:
            action = "moved" if converted == value else "converted"
            detail = f"the source imagery's {field}, on every band of the model's input"
            context.add(sources[key], action, detail, value, f"/properties/raster:bands/{written[0]}/{field}")
        else:
            context.add(sources[key], "dropped", f"every band gives its own {field}", value)
    return REPORTED


@converter
def example_links(value: Any, context: Context) -> Any:
    """Examples as ``example`` links."""
    if not isinstance(value, list):
        return Drop(f"{shown(value)} is not a list of examples")
    for example in value:
        if isinstance(example, dict) and example.get("url"):
            link = {"rel": "example", "href": example["url"]}
            if example.get("title"):
                link["title"] = example["title"]
            context.put("/links/-", link)
    context.target = "/links"
    return PLACED


@converter
def dlm_archive(value: Any, context: Context) -> Any:
    """DLM archive files as assets with MLM roles."""
    if not isinstance(value, list):
        return Drop(f"{shown(value)} is not a list of archive files")
    roles_table = _family("dlm")["asset_roles"]
    source = context.path
    for index, entry in enumerate(value):
        path = f"{source}/{index}"
        if not isinstance(entry, dict):
            context.add(path, "dropped", "an archive entry must be an object", entry)
            continue
        role_key = "roles" if "roles" in entry else "role"
        roles = entry.get(role_key, [])
        roles = roles if isinstance(roles, list) else [roles]
        if entry.get("href"):
            asset = {"href": entry["href"], "title": str(entry.get("name", entry["href"])), "roles": []}
            asset["roles"] = _map_roles([r for r in roles if isinstance(r, str)], roles_table) or ["metadata"]
            key = context.free_asset_key(
                re.sub(r"[^A-Za-z0-9_.-]+", "_", str(entry.get("name") or "archive-file")).strip("_.") or "file"
            )
            context.put(f"/assets/{key}", asset)
            context.add(path, "converted", "an archive file with an href becomes an asset", entry, f"/assets/{key}")
            if role_key in entry:
                context.add(
                    f"{path}/{role_key}",
                    "converted",
                    "archive roles become asset roles",
                    entry[role_key],
                    f"/assets/{key}/roles",
                )
        else:
            text = f"{entry.get('name')} ({', '.join(map(str, roles))})" if roles else str(entry.get("name"))
            context.archive_listing.append((path, entry, text))
    return REPORTED


# early MLM ---------------------------------------------------------------------------------------
@converter
def norm_to_value_scaling(values: dict[str, Any], context: Context) -> Any:
    """ml-model normalisation facts (type, statistics, clip) as value-scaling objects."""
    norm = values.get("norm_type")
    stats = values.get("statistics")
    if "norm_clip" in values:
        context.notes.append("norm_clip (divide by a value, then clip) has no exact value_scaling form")
    if norm is None:
        if stats:
            return Drop("statistics without a norm_type do not say how values are scaled")
        return Drop("no normalisation was stated (v1.4.0 removed these keys)")
    if not isinstance(stats, list) or not stats:
        return Drop(f"norm_type {shown(norm)} without statistics cannot be written as value_scaling")
    needed = {"z-score": ("mean", "stddev"), "min-max": ("minimum", "maximum")}.get(norm)
    if needed is None:
        return Drop(f"norm_type {shown(norm)} has no value_scaling object (describe it as a processing expression)")
    objects = []
    for stat in stats:
        if not isinstance(stat, dict) or not all(_number(stat.get(k)) for k in needed):
            return Drop(f"a statistics entry lacks {needed[0]} or {needed[1]}")
        objects.append({"type": norm, needed[0]: stat[needed[0]], needed[1]: stat[needed[1]]})
    return objects


@cache
def _misspelt_scaling_keys() -> frozenset[str]:
    return frozenset(k for spellings in _family("mlm")["value_scaling_spellings"].values() for k in spellings)


@converter
def value_scaling_objects(value: Any, context: Context) -> Any:
    """Value-scaling objects as v1.5.2 reads them: misspelt keys (`min` for `minimum`...) renamed
    (repaired), objects of a type v1.5.2 does not know removed (dropped); one report entry each."""
    if value is None:
        return KEEP  # null: no scaling
    objects = value if isinstance(value, list) else [value]
    misspelt, known = _misspelt_scaling_keys(), context.facts.value_scaling_types
    for item in objects:
        if type(item) is not dict or item.get("type") not in known or not misspelt.isdisjoint(item):
            break
    else:
        return KEEP
    table = _family("mlm")["value_scaling_spellings"]
    where = context.path
    fixed: list[Any] = []
    for index, item in enumerate(objects):
        base = f"{where}/{index}" if isinstance(value, list) else where
        if not isinstance(item, dict) or item.get("type") not in known:
            kind = shown(item.get("type")) if isinstance(item, dict) else "an object"
            context.add(base, "dropped", f"value scaling of type {kind} is not one v1.5.2 knows", item)
            continue
        spellings = table.get(item["type"], {})
        new: dict[str, Any] = {}
        for key, number in item.items():
            correct = spellings.get(key)
            if correct and correct not in item:
                new[correct] = number
                context.add(
                    f"{base}/{key}", "repaired", f"`{key}` is a misspelling of `{correct}`", number, f"{base}/{correct}"
                )
            else:
                new[key] = number
        fixed.append(new)
    segments = pointer.parse(where)
    if not fixed:
        pointer.remove(context.document, segments)
    else:
        pointer.put(context.document, segments, fixed if isinstance(value, list) else fixed[0])
    return REPORTED


# required fields: ``fn(context, segments) -> (value, action)`` -----------------------------------
Supplier = Callable[[Context, tuple[str, ...]], tuple[Any, str]]
SUPPLIERS: dict[str, Supplier] = {}


def supplier(function: Supplier) -> Supplier:
    """Register a supplier under its function name (the name the rule tables use)."""
    SUPPLIERS[function.__name__] = function
    return function


@supplier
def name_from_title_or_id(context: Context, segments: tuple[str, ...]) -> tuple[Any, str]:
    """A model name from the title or id, or a placeholder."""
    for source in (context.get("/properties/title"), context.document.get("id")):
        name = sanitize_name(source, context)
        if name:
            return name, "assumed"
    return "Unnamed model", "placeholder"


@supplier
def tasks_from_item(context: Context, segments: tuple[str, ...]) -> tuple[Any, str]:
    """The Item's tasks (assumed), or a placeholder."""
    tasks = context.get("/properties/mlm:tasks")
    return (list(tasks), "assumed") if isinstance(tasks, list) else ([], "placeholder")


@supplier
def tasks_from_outputs(context: Context, segments: tuple[str, ...]) -> tuple[Any, str]:
    """The tasks of the outputs (assumed), or a placeholder."""
    tasks: list[str] = []
    for output in context.get("/properties/mlm:output") or []:
        for task in output.get("tasks", []) if isinstance(output, dict) else []:
            if task not in tasks:
                tasks.append(task)
    return (tasks, "assumed") if tasks else ([], "placeholder")


@supplier
def placeholder_output(context: Context, segments: tuple[str, ...]) -> tuple[Any, str]:
    """A placeholder output for the Item's tasks."""
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
    """An output's name from its first task (assumed), or a placeholder."""
    output = context.get(segments[:-1]) or {}
    tasks = output.get("tasks") or []
    return (tasks[0], "assumed") if tasks else ("output", "placeholder")
