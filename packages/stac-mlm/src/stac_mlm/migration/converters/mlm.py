"""Converters for documents of earlier MLM versions."""

from __future__ import annotations

from functools import cache
from typing import Any

from ... import pointer
from ...pointer import MISSING
from ..match import Match
from ..report import ReportEntry
from ..results import KEEP, Dropped, Placed, Result, Value, entry, shown
from ..tables import TARGET
from .base import _family, _number, convert


# early MLM ---------------------------------------------------------------------------------------
@convert
def norm_to_value_scaling(match: Match) -> Result:
    """ml-model normalisation facts (type, statistics, clip) as value-scaling objects."""
    values: dict[str, Any] = match.value
    norm = values.get("norm_type")
    stats = values.get("statistics")
    notes: tuple[str, ...] = ()
    if "norm_clip" in values:
        notes = ("norm_clip (divide by a value, then clip) has no exact value_scaling form",)
    if norm is None:
        if stats:
            return Dropped("statistics without a norm_type do not say how values are scaled", notes)
        return Dropped("no normalisation was stated (v1.4.0 removed these keys)", notes)
    if not isinstance(stats, list) or not stats:
        return Dropped(f"norm_type {shown(norm)} without statistics cannot be written as value_scaling", notes)
    needed = _norm_type_scaling().get(norm) if isinstance(norm, str) else None
    if needed is None:
        reason = f"norm_type {shown(norm)} has no value_scaling object (describe it as a processing expression)"
        return Dropped(reason, notes)
    objects = []
    for stat in stats:
        if not isinstance(stat, dict) or not all(_number(stat.get(k)) for k in needed):
            return Dropped(f"a statistics entry lacks {needed[0]} or {needed[1]}", notes)
        objects.append({"type": norm, needed[0]: stat[needed[0]], needed[1]: stat[needed[1]]})
    return Value(objects, notes)


@cache
def _norm_type_scaling() -> dict[str, tuple[str, str]]:
    """norm_type -> the two statistics keys its value-scaling object reads (schema/migrations/mlm.yaml)."""
    table = _family("mlm")["norm_type_scaling"]
    return {str(norm): (str(keys[0]), str(keys[1])) for norm, keys in table.items()}


@cache
def _misspelt_scaling_keys() -> frozenset[str]:
    return frozenset(k for spellings in _family("mlm")["value_scaling_spellings"].values() for k in spellings)


@convert
def value_scaling_objects(match: Match) -> Result:
    """Value-scaling objects as v1.5.2 reads them: misspelt keys (`min` for `minimum`...) renamed
    (repaired), objects of a type v1.5.2 does not know removed (dropped); one report entry each."""
    value = match.value
    if value is None:
        return KEEP  # null: no scaling
    objects = value if isinstance(value, list) else [value]
    misspelt, known = _misspelt_scaling_keys(), match.facts.value_scaling_types
    for item in objects:
        if type(item) is not dict or not isinstance(item.get("type"), str) or item["type"] not in known:
            break
        if not misspelt.isdisjoint(item):
            break
    else:
        return KEEP
    table = _family("mlm")["value_scaling_spellings"]
    where = match.path
    entries: list[ReportEntry] = []
    fixed: list[Any] = []
    for index, item in enumerate(objects):
        base = f"{where}/{index}" if isinstance(value, list) else where
        if not isinstance(item, dict) or not isinstance(item.get("type"), str) or item["type"] not in known:
            kind = shown(item.get("type")) if isinstance(item, dict) else "an object"
            entries.append(entry(base, "dropped", f"value scaling of type {kind} is not one {TARGET} knows", item))
            continue
        spellings = table.get(item["type"], {})
        new: dict[str, Any] = {}
        for key, number in item.items():
            correct = spellings.get(key)
            if correct and correct not in item:
                new[correct] = number
                detail = f"`{key}` is a misspelling of `{correct}`"
                entries.append(entry(f"{base}/{key}", "repaired", detail, number, f"{base}/{correct}"))
            else:
                new[key] = number
        if len(fixed) != index:  # an earlier object was removed: this one moves up
            detail = "an earlier item of the list was removed"
            entries.append(entry(base, "moved", detail, pointer.copy_json(new), f"{where}/{len(fixed)}"))
        fixed.append(new)
    rewritten = MISSING if not fixed else fixed if isinstance(value, list) else fixed[0]
    return Placed(replaces=((where, rewritten),), entries=tuple(entries), reported=True)
