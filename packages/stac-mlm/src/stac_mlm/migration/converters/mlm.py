"""Converters for documents of earlier MLM versions."""

from __future__ import annotations

from functools import cache
from typing import Any

from ... import pointer
from ..context import KEEP, REPORTED, Context, Drop, shown
from ..tables import TARGET
from .base import _family, _number, converter


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
        return Drop(f"norm_type {shown(norm)} without statistics cannot be written as value_scaling")
    needed = (
        {"z-score": ("mean", "stddev"), "min-max": ("minimum", "maximum")}.get(norm) if isinstance(norm, str) else None
    )
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
        if type(item) is not dict or not isinstance(item.get("type"), str) or item["type"] not in known:
            break
        if not misspelt.isdisjoint(item):
            break
    else:
        return KEEP
    table = _family("mlm")["value_scaling_spellings"]
    where = context.path
    fixed: list[Any] = []
    for index, item in enumerate(objects):
        base = f"{where}/{index}" if isinstance(value, list) else where
        if not isinstance(item, dict) or not isinstance(item.get("type"), str) or item["type"] not in known:
            kind = shown(item.get("type")) if isinstance(item, dict) else "an object"
            context.add(base, "dropped", f"value scaling of type {kind} is not one {TARGET} knows", item)
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
        if len(fixed) != index:  # an earlier object was removed: this one moves up
            detail = "an earlier item of the list was removed"
            context.add(base, "moved", detail, pointer.copy_json(new), f"{where}/{len(fixed)}")
        fixed.append(new)
    segments = pointer.parse_pointer(where)
    if not fixed:
        pointer.remove(context.document, segments)
    else:
        pointer.put(context.document, segments, fixed if isinstance(value, list) else fixed[0])
    return REPORTED
