"""Converters every family uses: the envelope, names and values, summaries, roles and links."""

from __future__ import annotations

import math
import re
from typing import Any

from ... import pointer, vocab
from ...pointer import MISSING
from ..match import Match
from ..replaced import replacement
from ..report import ReportEntry
from ..results import KEEP, Dropped, Placed, Result, Value, Writes, assumed, entry, shown
from ..tables import ACCELERATOR_ENUM, TARGET, TASK_ENUM, facts
from .base import _asset_key, _family, _number, convert


# envelope ----------------------------------------------------------------------------------------
def _not_list(value: Any) -> bool:
    return not isinstance(value, list)


@convert(as_is=_not_list)
def assets_list_to_mapping(match: Match) -> Result:
    """A list of single-key asset objects as an assets mapping."""
    value = match.value
    if not isinstance(value, list):
        return Value(value)
    if not any(isinstance(item, dict) for item in value):  # no asset at all: the list is kept in the report
        dropped = entry("/assets", "dropped", "assets must be objects, and this list holds none", value)
        return Placed(replaces=(("/assets", {}),), entries=(dropped,), reported=True)
    assets: dict[str, Any] = {}
    entries: list[ReportEntry] = []
    for index, item in enumerate(value):
        source = f"/assets/{index}"
        if isinstance(item, dict) and len(item) == 1 and isinstance(next(iter(item.values())), dict):
            key, asset = next(iter(item.items()))
            source += pointer.format_pointer((str(key),))
        elif isinstance(item, dict):
            key, asset = f"asset-{index}", item
        else:
            entries.append(entry(source, "dropped", "an asset must be an object", item))
            continue
        while key in assets:
            key += "-2"
        assets[key] = asset
        detail = "an asset listed in an array becomes an entry of the assets object"
        entries.append(entry(source, "moved", detail, pointer.copy_json(asset), f"/assets/{key}"))
    return Placed(replaces=(("/assets", assets),), entries=tuple(entries), reported=True)


def _is_list(value: Any) -> bool:
    return isinstance(value, list)


@convert(as_is=_is_list)
def as_list(match: Match) -> Result:
    """The value as a list (a single value becomes a list of one)."""
    value = match.value
    return Value(value if isinstance(value, list) else [value])


def _not_number(value: Any) -> bool:
    return not _number(value)


@convert(as_is=_not_number)
def id_to_string(match: Match) -> Result:
    """A numeric id as a string."""
    value = match.value
    return Value(str(value) if _number(value) else value)


def _not_beta(value: Any) -> bool:
    return not (isinstance(value, str) and value.startswith("1.0.0-beta"))


@convert(as_is=_not_beta)
def stac_version_release(match: Match) -> Result:
    """A beta STAC version as its release."""
    value = match.value
    if isinstance(value, str) and value.startswith("1.0.0-beta"):
        return Value("1.0.0")
    return Value(value)


# names and values --------------------------------------------------------------------------------
def task_name(value: Any, match: Match, target: str) -> tuple[str | None, tuple[ReportEntry, ...]]:
    """The latest spelling of a task name, or None; a judgement call comes with an assumed entry, a name a
    later release replaced with a converted entry."""
    if not isinstance(value, str):
        return None, ()
    known = match.facts.tasks
    if value in known:
        return value, ()
    key = value.strip().lower()
    mapped = match.common.get("task_names", {}).get(key)
    entries: tuple[ReportEntry, ...] = ()
    if mapped:
        task = str(mapped["task"])
        if mapped.get("assumed"):
            detail = f"task {shown(value)} read as {shown(mapped['task'])}: {mapped.get('note', '')}".rstrip(": ")
            entries = (assumed(target, detail),)
    else:
        task = re.sub(r"[\s_]+", "-", key)
    if task in known:
        return task, entries
    later = replacement(TASK_ENUM, task, known)
    if later is not None:
        return later[0], (*entries, entry(target, "converted", later[1], value, target))
    return (task if mapped else None), entries


def _latest_tasks(value: Any) -> bool:
    """A list of task names as the latest release spells them, each once."""
    if not isinstance(value, list):
        return False
    try:
        return facts().tasks.issuperset(value) and len(set(value)) == len(value)
    except TypeError:  # an item that cannot be in a set (an object, an array): not a task name
        return False


def _tasks(value: Any, match: Match) -> Value:
    """Task names as MLM spells them, with a note and a dropped entry for each left out."""
    values = value if isinstance(value, list) else [value]
    known = match.facts.tasks
    if (
        values is value
        and all(type(item) is str and item in known for item in values)
        and len(set(values)) == len(values)
    ):
        return Value(value)  # already the latest names, each once: nothing to say
    tasks: list[str] = []
    notes: list[str] = []
    entries: list[ReportEntry] = []
    for index, item in enumerate(values):
        task, found = task_name(item, match, match.path)
        entries.extend(found)
        if task is None:
            notes.append(f"task {shown(item)} has no {TARGET} equivalent and was left out")
            where = f"{match.path}/{index}" if isinstance(value, list) else match.path
            entries.append(entry(where, "dropped", f"task {shown(item)} has no {TARGET} equivalent", item))
        elif task not in tasks:
            tasks.append(task)
    return Value(tasks, tuple(notes), tuple(entries))


@convert(as_is=_latest_tasks)
def task_list(match: Match) -> Result:
    """Task names as MLM spells them; tasks without an equivalent are left out with a note."""
    return _tasks(match.value, match)


@convert
def framework_name(match: Match) -> Result:
    """A framework name as MLM spells it (known misspellings and case fixed)."""
    value = match.value
    if not isinstance(value, str):
        return Dropped(f"a framework name must be a string, got {shown(value)}")
    name = vocab.framework_spelling(value)
    if name:
        return Value(name)
    if match.facts.framework_pattern.match(value):
        return Value(value)
    stripped = value.strip(" ._-\t\n")
    return Value(stripped) if stripped else Dropped("the framework name is empty")


def _semantic_version(value: Any) -> bool:
    return isinstance(value, str) and value == value.strip() and bool(facts().version_pattern.match(value))


@convert(as_is=_semantic_version)
def semantic_version(match: Match) -> Result:
    """A version as a semantic version string (``1.2`` becomes ``1.2.0``)."""
    value = match.value
    text = str(value).strip() if _number(value) or isinstance(value, str) else None
    if text is None:
        return Dropped(f"{shown(value)} is not a version")
    if match.facts.version_pattern.match(text):
        return Value(text)
    found = vocab.version_of(text)
    if found is None:
        return Dropped(f"{shown(value)} is not a semantic version (MAJOR.MINOR.PATCH)")
    if found.completed:
        detail = f"{shown(value)} has no patch number; 0 assumed"
        return Value(found.text, entries=(assumed("/properties/mlm:framework_version", detail, found.text),))
    return Value(found.text)


def _model_name(value: Any) -> bool:
    return isinstance(value, str) and bool(facts().name_pattern.match(value))


@convert(as_is=_model_name)
def model_name(match: Match) -> Result:
    """A model name that fits MLM's name pattern (cleaned), or dropped."""
    value = match.value
    if isinstance(value, str) and match.facts.name_pattern.match(value):
        return Value(value)
    cleaned = vocab.model_name(value)
    return Value(cleaned) if cleaned else Dropped(f"{shown(value)} cannot be made into a {TARGET} model name")


def _known_accelerator(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value in facts().accelerators)


@convert(as_is=_known_accelerator)
def accelerator(match: Match) -> Result:
    """An accelerator MLM knows, mapped from known other names or from a value a later release replaced,
    or dropped."""
    value = match.value
    known = match.facts.accelerators
    if value is None or (isinstance(value, str) and value in known):
        return Value(value)
    if not isinstance(value, str | bool | int | float):
        return Dropped(f"{shown(value)} is not an accelerator name")
    mapped = match.common.get("accelerator_names", {}).get(str(value).lower())
    name = mapped["value"] if mapped else value
    later = replacement(ACCELERATOR_ENUM, name, known) if name not in known else None
    if later is not None:
        judged = (assumed(match.path, mapped["note"], name),) if mapped and mapped.get("assumed") else ()
        return Value(later[0], notes=(later[1],), entries=judged)
    if not mapped:
        return Dropped(f"{shown(value)} is not an accelerator {TARGET} knows")
    if mapped.get("assumed"):
        return Value(mapped["value"], entries=(assumed(match.path, mapped["note"], mapped["value"]),))
    return Value(mapped["value"])


@convert
def megabytes_to_bytes(match: Match) -> Result:
    """A size in megabytes as bytes."""
    value = match.value
    if not _number(value) or value < 0:
        return Dropped(f"{shown(value)} is not a size in megabytes")
    size = value * 1024**2
    if not math.isfinite(size):
        return Dropped(f"{shown(value)} megabytes is more bytes than a number can hold")
    return Value(round(size))


@convert
def pretrained_source(match: Match) -> Result:
    """A pretrained flag or source as ``mlm:pretrained`` (and ``mlm:pretrained_source``)."""
    value = match.value
    if value is True or (isinstance(value, str) and value.strip()):
        flag = ("/properties/mlm:pretrained", True)
        if isinstance(value, str):
            source = "/properties/mlm:pretrained_source"
            return Placed(writes=(flag, (source, value)), target=source)
        return Placed(writes=(flag,), target=flag[0])
    reason = f"{shown(value)} does not say whether or from what the model was pretrained; mlm:pretrained left unset"
    return Dropped(reason)


def _expression_as_is(value: Any) -> bool:
    """No function, or one processing expression whose description (if any) is a text."""
    return value is None or (
        isinstance(value, dict)
        and "format" in value
        and "expression" in value
        and isinstance(value.get("description", ""), str)
    )


@convert(as_is=_expression_as_is)
def processing_expression(match: Match) -> Result:
    """Processing functions as MLM processing expressions."""
    entries: list[ReportEntry] = []
    converted = _expression(match.value, match.path, entries)
    if isinstance(converted, Dropped):
        return Dropped(converted.reason, entries=tuple(entries))
    return Value(converted, entries=tuple(entries))


def _expression(value: Any, path: str, entries: list[ReportEntry]) -> Any:
    """One function (or a list of them) as a processing expression, or Dropped; the items of a list
    that cannot be converted are reported in ``entries``."""
    if value is None:
        return None
    if isinstance(value, list):
        if not value:
            return Dropped("an empty list of functions")
        items = [_expression(item, path, entries) for item in value]
        for index, (item, original) in enumerate(zip(items, value, strict=True)):
            if isinstance(item, Dropped):
                entries.append(entry(f"{path}/{index}", "dropped", item.reason, original))
        kept = [item for item in items if not isinstance(item, Dropped)]
        return kept if kept else Dropped("none of the functions could be converted")
    if isinstance(value, dict):
        if "format" in value and "expression" in value:
            if "description" in value and not isinstance(value["description"], str):
                return {**value, "description": str(value["description"])}
            return value
        return Dropped("a processing expression needs `format` and `expression`")
    if isinstance(value, str):
        if value.strip().lower() in {"built-in", "builtin", ""}:
            return Dropped(f"{shown(value)} names no function")
        if re.match(r"^[a-z][a-z0-9+.-]*://", value):
            return {"format": "uri", "expression": {"href": value}}
        return {"format": "python", "expression": value}
    return Dropped(f"{shown(value)} is not a function name or processing expression")


_NULL_CLASS_FIELDS = "keys with null values (no value) were removed from class objects"


def _classes_as_is(value: Any) -> bool:
    """Class objects that need no change: each with a text description, no null, no colour hint as a list."""
    if not isinstance(value, list):
        return False
    for item in value:
        if (
            type(item) is not dict
            or type(item.get("description")) is not str
            or None in item.values()
            or type(item.get("color_hint")) is list
        ):
            return False
    return True


@convert(as_is=_classes_as_is)
def classification_classes(match: Match) -> Result:
    """Classification classes as MLM class objects (null fields removed, with a note)."""
    value = match.value
    notes: list[str] = []
    entries: list[ReportEntry] = []
    if not isinstance(value, list):
        return Dropped("classification classes must be a list")
    classes: list[dict[str, Any]] = []
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            return Dropped(f"class {shown(item)} is not an object", tuple(notes), tuple(entries))
        fixed = {k: v for k, v in item.items() if v is not None}
        if len(fixed) != len(item) and _NULL_CLASS_FIELDS not in notes:
            notes.append(_NULL_CLASS_FIELDS)
        hint = fixed.get("color_hint")
        if isinstance(hint, list) and len(hint) == 3 and all(isinstance(c, int) and 0 <= c <= 255 for c in hint):
            fixed["color_hint"] = "".join(f"{c:02X}" for c in hint)
        if not isinstance(fixed.get("description"), str):
            if "description" in fixed:
                where = f"{match.path}/{index}/description"
                entries.append(entry(where, "dropped", "a class description must be a text", fixed["description"]))
            label = fixed.get("name") or fixed.get("title") or f"class {fixed.get('value')}"
            fixed["description"] = str(label)
            notes.append("classes without a description took their name as description")
        classes.append(fixed)
    return Value(classes, tuple(notes), tuple(entries))


# summaries ---------------------------------------------------------------------------------------
def _json_schema_summary(values: list[Any], array_field: bool) -> dict[str, Any]:
    flat: list[Any] = []
    for value in values:
        for item in value if isinstance(value, list) and array_field else [value]:
            if item not in flat:
                flat.append(item)
    return {"type": "array", "items": {"enum": flat}} if array_field else {"enum": flat}


@convert
def summary_values(match: Match) -> Result:
    """A Collection summary as an object (a list of values becomes a JSON Schema summary)."""
    value = match.value
    if isinstance(value, dict):
        return Value(value)
    if not isinstance(value, list):
        return Dropped(f"{shown(value)} is not a summary")
    return Value(_json_schema_summary(value, match.segments[-1] in match.facts.array_fields))


@convert
def summary_tasks(match: Match) -> Result:
    """A summary of tasks as a JSON Schema summary of MLM task names."""
    value = match.value
    if isinstance(value, dict):
        return Value(value)
    tasks = _tasks(value if isinstance(value, list) else [value], match)
    return Value(_json_schema_summary(tasks.value, array_field=True), tasks.notes, tasks.entries)


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


@convert
def dlm_asset_roles(match: Match) -> Result:
    """DLM asset roles as MLM roles."""
    return Value(_map_roles(match.value, _family("dlm")["asset_roles"]))


@convert
def ml_model_asset_roles(match: Match) -> Result:
    """ml-model asset roles as MLM roles."""
    return Value(_map_roles(match.value, _family("ml-model")["asset_roles"]))


def _not_code_and_model(value: Any) -> bool:
    """Roles that do not claim both source code and the model."""
    return (
        not isinstance(value, list)
        or "mlm:model" not in value
        or ("code" not in value and "mlm:source_code" not in value)
    )


@convert(as_is=_not_code_and_model)
def source_code_roles(match: Match) -> Result:
    """The roles of a source-code asset that also claims ``mlm:model`` when another asset is the model."""
    value = match.value
    roles = {r for r in value if isinstance(r, str)} if isinstance(value, list) else set()
    if "mlm:model" not in roles or not {"code", "mlm:source_code"} & roles:
        return Value(value)
    key = _asset_key(match)
    others = [
        k for k, kept in match.document.asset_roles().items() if k != key and "mlm:model" in kept and "code" not in kept
    ]
    if not others:
        return Value(value)
    return Value([role for role in value if role != "mlm:model"])


@convert
def requires_gpu(match: Match) -> Result:
    """``requires-gpu: true`` as a CUDA accelerator (assumed); other values dropped."""
    if match.value is True:
        where = match.path.replace("ml-model:requires-gpu", "mlm:accelerator")
        return Value("cuda", entries=(assumed(where, "GPU read as CUDA", "cuda"),))
    return Dropped(f"requires-gpu {shown(match.value)} does not say which accelerator the model uses")


def _append_description(match: Match, asset_key: str, text: str) -> tuple[Writes, tuple[ReportEntry, ...]]:
    """The write that appends ``text`` to an asset's description, and the entry for a description
    that was there before."""
    asset = match.get(pointer.format_pointer(("assets", asset_key)))
    if not isinstance(asset, dict):
        return (), ()
    place = pointer.format_pointer(("assets", asset_key, "description"))
    current = asset.get("description")
    if isinstance(current, str) and current:
        path = f"/assets/{asset_key}/description"
        added = entry(path, "converted", f"text added: {text}", current, path)
        return ((place, f"{current.rstrip()} {text}"),), (added,)
    return ((place, text),), ()


@convert
def asset_description_note(match: Match) -> Result:
    """A field without an MLM equivalent, appended to the model asset's description."""
    label = match.segments[-1].split(":", 1)[-1]
    key = _asset_key(match)
    replaces, entries = _append_description(match, key, f"{label}: {match.value}.")
    return Placed(replaces=replaces, entries=entries, target=f"/assets/{key}/description")


@convert
def ml_model_link(match: Match) -> Result:
    """An ml-model link as an MLM link relation, or as a runtime asset."""
    value = match.value
    rels = _family("ml-model")["link_rels"]
    if not isinstance(value, dict) or not isinstance(value.get("rel"), str) or value["rel"] not in rels:
        return KEEP
    mapped = rels[value["rel"]]
    if "rel" in mapped:
        return Value({**value, "rel": mapped["rel"]})
    href = str(value.get("href", "")).removeprefix("docker://")
    asset = {"href": href, "type": match.common["container_media_type"], "roles": list(mapped["roles"])}
    if value.get("title") and isinstance(value["title"], str):
        asset["title"] = value["title"]
    key = match.document.free_asset_key(mapped["asset"])
    fields = {"href": "href", "rel": "roles", "type": "type", "title": "title"}
    entries = []
    for name, original in value.items():
        usable = name in fields and (name == "rel" or isinstance(original, str))
        where = f"/assets/{key}/{fields[name]}" if usable else None
        action = "dropped" if where is None else "moved" if name == "title" else "converted"
        detail = f"the {mapped['asset']} link becomes a container asset"
        entries.append(entry(f"{match.path}/{name}", action, detail, original, where))
    return Placed(
        writes=((f"/assets/{key}", asset),),
        replaces=((match.path, MISSING),),  # the link is removed where it is (a list item: the list closes up)
        entries=tuple(entries),
        reported=True,
    )
