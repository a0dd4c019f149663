"""Migration rules derived from the diff kinds that say where a value went: renames and moves (plain rules of
the migration tables: the value is carried unchanged) and values replaced or removed from an enum (value
entries: the runtime rewrites or drops each matching value, reporting it by path).

A move is derived only when the target place is unambiguous: the old and the new class each sit at one place
in a document, and both places share every ``*`` (the value stays within the same list item or map value).
An exact replacement that the same release still holds beside the deprecated field or value derives nothing:
a deprecated element stays valid in its release, so documents are only rewritten by the release that drops it.
"""

from __future__ import annotations

from typing import Any

from .diff import Change
from .resolved import ResolvedModel


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _shared_wildcards(source: str, target: str) -> bool:
    """Do both pointers hold the same ``*`` segments (the same prefix up to the last one)?"""
    cut_source, cut_target = source.rfind("*"), target.rfind("*")
    if cut_source < 0 or cut_target < 0:
        return cut_source == cut_target
    return source[: cut_source + 1] == target[: cut_target + 1]


def places(resolved: ResolvedModel, pointers: dict[str, list[str]], name: str) -> list[str]:
    """Where objects of class ``name`` or of any class inheriting from it (``is_a`` or mixin) sit."""
    found = list(pointers.get(name, []))
    for other in resolved.class_map:
        if other != name and name in ancestors(resolved, other):
            found += pointers.get(other, [])
    return list(dict.fromkeys(found))


def ancestors(resolved: ResolvedModel, name: str) -> set[str]:
    """The classes ``name`` inherits from (``is_a`` and mixins, transitively)."""
    seen: set[str] = set()
    pending = [name]
    while pending:
        cls = resolved.class_map.get(pending.pop())
        for parent in [cls.is_a, *cls.mixins] if cls is not None else []:
            if parent and parent not in seen:
                seen.add(parent)
                pending.append(parent)
    return seen


def rename_rules(change: Change, where: list[str], new: str) -> list[dict[str, Any]]:
    """A ``field-renamed`` change as rules moving the value to the new key at every place of its class."""
    key, target = str(change.before), str(change.after)
    note = f"{new} renamed `{key}` to `{target}`"
    return [
        {"from": f"{at}/{_escape(key)}", "to": f"{at}/{_escape(target)}", "action": "renamed", "note": note}
        for at in where
    ]


def move_rules(change: Change, sources: list[str], targets: list[str], new: str) -> list[dict[str, Any]]:
    """A ``field-moved`` change as one rule per place of the old class, or nothing when a place has no single
    target place sharing its ``*`` segments (the move would spread or merge values)."""
    key = _escape(change.element)
    pairs = []
    for source in sources:
        matching = [t for t in targets if _shared_wildcards(source, t)]
        if len(matching) != 1:
            return []
        pairs.append((source, matching[0]))
    if not pairs or len({t for _, t in pairs}) != len(pairs) or any(s == t for s, t in pairs):
        return []  # merged values, or classes that alternate at one place (which one holds the field?)
    note = f"{new} moved `{change.element}` from {change.before['owner']} to {change.after['owner']}"
    return [{"from": f"{s}/{key}", "to": f"{t}/{key}", "action": "moved", "note": note} for s, t in pairs]


def enum_places(resolved: ResolvedModel, pointers: dict[str, list[str]], enum: str) -> list[str]:
    """Where a document holds values of ``enum``: pointers to each value (``*`` for list items and map values)."""
    found = []
    for name, cls in resolved.class_map.items():
        for slot in cls.slots:
            if enum not in slot.ranges:
                continue
            tail = "/*" if slot.multivalued or slot.json_map else ""
            found += [f"{where}/{_escape(slot.key)}{tail}" for where in pointers.get(name, [])]
    return list(dict.fromkeys(found))


def value_entries(
    change: Change, resolved: ResolvedModel, pointers: dict[str, list[str]], new: str
) -> list[dict[str, Any]]:
    """An ``enum-value-replaced`` or ``enum-value-removed`` change as value entries: each place of the value
    is rewritten to its replacement, or dropped (and reported) when it has none; each names its enum, so the
    runtime's converters can follow the replacement too."""
    enum = change.where
    if change.after is not None:
        note = f"{new} replaced the value `{change.before}` of {enum} by `{change.after}`"
        extra: dict[str, Any] = {"to": change.after, "action": "converted"}
    else:
        note = f"{new} removed the value `{change.before}` from {enum}"
        extra = {"action": "dropped"}
    found = enum_places(resolved, pointers, enum)
    return [{"path": where, "enum": enum, "value": change.before, **extra, "note": note} for where in found]
