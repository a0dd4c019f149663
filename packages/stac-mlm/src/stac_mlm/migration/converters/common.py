"""Converters every family uses: the envelope, names and values, summaries, roles and links."""

from __future__ import annotations

import math
import re
from typing import Any

from ... import pointer, vocab
from ..context import KEEP, PLACED, REPORTED, Context, Drop, shown
from ..tables import TARGET
from .base import _asset_key, _family, _number, converter


# envelope ----------------------------------------------------------------------------------------
@converter
def assets_list_to_mapping(value: Any, context: Context) -> Any:
    if not isinstance(value, list):
        return value
    if not any(isinstance(entry, dict) for entry in value):  # no asset at all: the list is kept in the report
        context.document["assets"] = {}
        context.add("/assets", "dropped", "assets must be objects, and this list holds none", value)
        return REPORTED
    assets: dict[str, Any] = {}
    for index, entry in enumerate(value):
        source = f"/assets/{index}"
        if isinstance(entry, dict) and len(entry) == 1 and isinstance(next(iter(entry.values())), dict):
            key, asset = next(iter(entry.items()))
            source += pointer.format_pointer((str(key),))
        elif isinstance(entry, dict):
            key, asset = f"asset-{index}", entry
        else:
            context.add(source, "dropped", "an asset must be an object", entry)
            continue
        while key in assets:
            key += "-2"
        assets[key] = asset
        detail = "an asset listed in an array becomes an entry of the assets object"
        context.add(source, "moved", detail, pointer.copy_json(asset), f"/assets/{key}")
    context.document["assets"] = assets
    return REPORTED


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
            context.assume(
                target, f"task {shown(value)} read as {shown(mapped['task'])}: {mapped.get('note', '')}".rstrip(": ")
            )
        return str(mapped["task"])
    hyphenated = re.sub(r"[\s_]+", "-", key)
    return hyphenated if hyphenated in known else None


@converter
def task_list(value: Any, context: Context) -> Any:
    values = value if isinstance(value, list) else [value]
    tasks: list[str] = []
    for index, item in enumerate(values):
        task = task_name(item, context, context.path)
        if task is None:
            context.notes.append(f"task {shown(item)} has no {TARGET} equivalent and was left out")
            where = f"{context.path}/{index}" if isinstance(value, list) else context.path
            context.add(where, "dropped", f"task {shown(item)} has no {TARGET} equivalent", item)
        elif task not in tasks:
            tasks.append(task)
    return tasks


@converter
def framework_name(value: Any, context: Context) -> Any:
    if not isinstance(value, str):
        return Drop(f"a framework name must be a string, got {shown(value)}")
    name = vocab.framework_spelling(value)
    if name:
        return name
    if context.facts.framework_pattern.match(value):
        return value
    stripped = value.strip(" ._-\t\n")
    return stripped if stripped else Drop("the framework name is empty")


@converter
def semantic_version(value: Any, context: Context) -> Any:
    text = str(value).strip() if _number(value) or isinstance(value, str) else None
    if text is None:
        return Drop(f"{shown(value)} is not a version")
    if context.facts.version_pattern.match(text):
        return text
    found = vocab.version_of(text)
    if found is None:
        return Drop(f"{shown(value)} is not a semantic version (MAJOR.MINOR.PATCH)")
    if found.completed:
        detail = f"{shown(value)} has no patch number; 0 assumed"
        context.assume("/properties/mlm:framework_version", detail, found.text)
    return found.text


@converter
def model_name(value: Any, context: Context) -> Any:
    if isinstance(value, str) and context.facts.name_pattern.match(value):
        return value
    cleaned = sanitize_name(value, context)
    return cleaned if cleaned else Drop(f"{shown(value)} cannot be made into a {TARGET} model name")


def sanitize_name(value: Any, context: Context) -> str | None:
    """Make a text fit the name pattern (``stac_mlm.vocab.model_name``)."""
    return vocab.model_name(value)


@converter
def accelerator(value: Any, context: Context) -> Any:
    if value is None or (isinstance(value, str) and value in context.facts.accelerators):
        return value
    if not isinstance(value, str | bool | int | float):
        return Drop(f"{shown(value)} is not an accelerator name")
    mapped = context.common.get("accelerator_names", {}).get(str(value).lower())
    if not mapped:
        return Drop(f"{shown(value)} is not an accelerator {TARGET} knows")
    if mapped.get("assumed"):
        context.assume(context.path, mapped["note"], mapped["value"])
    return mapped["value"]


@converter
def megabytes_to_bytes(value: Any, context: Context) -> Any:
    if not _number(value) or value < 0:
        return Drop(f"{shown(value)} is not a size in megabytes")
    size = value * 1024**2
    if not math.isfinite(size):
        return Drop(f"{shown(value)} megabytes is more bytes than a number can hold")
    return round(size)


@converter
def pretrained_source(value: Any, context: Context) -> Any:
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
    if value is None:
        return None
    if isinstance(value, list):
        if not value:
            return Drop("an empty list of functions")
        items = [processing_expression(item, context) for item in value]
        for index, (item, original) in enumerate(zip(items, value, strict=True)):
            if isinstance(item, Drop):
                context.add(f"{context.path}/{index}", "dropped", item.reason, original)
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
    if not isinstance(value, list):
        return Drop("classification classes must be a list")
    classes: list[dict[str, Any]] = []
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            return Drop(f"class {shown(item)} is not an object")
        fixed = {k: v for k, v in item.items() if v is not None}
        if len(fixed) != len(item) and _NULL_CLASS_FIELDS not in context.notes:
            context.notes.append(_NULL_CLASS_FIELDS)
        hint = fixed.get("color_hint")
        if isinstance(hint, list) and len(hint) == 3 and all(isinstance(c, int) and 0 <= c <= 255 for c in hint):
            fixed["color_hint"] = "".join(f"{c:02X}" for c in hint)
        if not isinstance(fixed.get("description"), str):
            if "description" in fixed:
                where = f"{context.path}/{index}/description"
                context.add(where, "dropped", "a class description must be a text", fixed["description"])
            label = fixed.get("name") or fixed.get("title") or f"class {fixed.get('value')}"
            fixed["description"] = str(label)
            context.notes.append("classes without a description took their name as description")
        classes.append(fixed)
    return classes


# summaries ---------------------------------------------------------------------------------------
def _json_schema_summary(values: list[Any], array_field: bool) -> dict[str, Any]:
    flat: list[Any] = []
    for value in values:
        for item in value if isinstance(value, list) and array_field else [value]:
            if item not in flat:
                flat.append(item)
    return {"type": "array", "items": {"enum": flat}} if array_field else {"enum": flat}


@converter
def summary_values(value: Any, context: Context) -> Any:
    if isinstance(value, dict):
        return value
    if not isinstance(value, list):
        return Drop(f"{shown(value)} is not a summary")
    key = pointer.parse_pointer(context.path)[-1]
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
    roles = {r for r in value if isinstance(r, str)} if isinstance(value, list) else set()
    if "mlm:model" not in roles or not {"code", "mlm:source_code"} & roles:
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
    label = pointer.parse_pointer(context.path)[-1].split(":", 1)[-1]
    _append_description(context, _asset_key(context), f"{label}: {value}.")
    context.target = f"/assets/{_asset_key(context)}/description"
    return PLACED


@converter
def ml_model_link(value: Any, context: Context) -> Any:
    rels = _family("ml-model")["link_rels"]
    if not isinstance(value, dict) or not isinstance(value.get("rel"), str) or value["rel"] not in rels:
        return KEEP
    mapped = rels[value["rel"]]
    if "rel" in mapped:
        return {**value, "rel": mapped["rel"]}
    href = str(value.get("href", "")).removeprefix("docker://")
    asset = {"href": href, "type": context.common["container_media_type"], "roles": list(mapped["roles"])}
    if value.get("title") and isinstance(value["title"], str):
        asset["title"] = value["title"]
    key = context.free_asset_key(mapped["asset"])
    context.put(f"/assets/{key}", asset)
    fields = {"href": "href", "rel": "roles", "type": "type", "title": "title"}
    for name, original in value.items():
        usable = name in fields and (name == "rel" or isinstance(original, str))
        where = f"/assets/{key}/{fields[name]}" if usable else None
        action = "dropped" if where is None else "moved" if name == "title" else "converted"
        context.add(
            f"{context.path}/{name}", action, f"the {mapped['asset']} link becomes a container asset", original, where
        )
    pointer.remove(context.document, pointer.parse_pointer(context.path), context.emptied)
    return REPORTED
